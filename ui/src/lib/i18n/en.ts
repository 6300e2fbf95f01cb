// English. This file defines the shape of every language: da.ts, nb.ts and sv.ts must
// `satisfies Messages`, so a missing or extra key fails svelte-check.
import type { Country, ErrorCode, Strength } from '$lib/ipc';

/** What the user reads about an error: what happened, and what to do about it. */
export interface ErrorText {
  what: string;
  todo: string;
}

export type AreaId =
  | 'overview'
  | 'residents'
  | 'sublets'
  | 'plates'
  | 'minutes'
  | 'requests'
  | 'privacy'
  | 'board'
  | 'settings';

export const en = {
  language: 'English',
  app: {
    name: 'Andel',
    tagline: 'The board’s register, minutes and GDPR paperwork, kept in one encrypted file on this computer.',
    offline: 'Andel works offline and never sends anything over the network.',
    starting: 'Starting…',
  },
  common: {
    back: 'Back',
    cancel: 'Cancel',
    close: 'Close',
    loading: 'Loading…',
    none: '—',
    details: 'Details',
    tryAgain: 'Try again',
  },
  countries: { DK: 'Denmark', NO: 'Norway', SE: 'Sweden' } satisfies Record<Country, string>,
  start: {
    title: 'Welcome to Andel',
    create: 'Create a new archive',
    createHint: 'Start the register for your association.',
    open: 'Open an archive…',
    openHint: 'An .andel file you or another board member made.',
    demo: 'Open the demo archive',
    demoHint: (name: string) => `Try Andel with ${name}, a made-up Danish association.`,
    recent: 'Recently opened',
    recentEmpty: 'No archive has been opened on this computer yet.',
    forget: 'Forget',
    forgetLabel: (name: string) => `Remove ${name} from this list (the file itself stays where it is)`,
    openedAt: (when: string) => `Last opened ${when}`,
  },
  create: {
    title: 'Create a new archive',
    intro: 'The archive is one encrypted file. Everything the board keeps in Andel lives inside it.',
    name: 'Name of the association',
    nameRequired: 'Write the association’s name.',
    country: 'Country',
    countryHint: 'Decides the rules and the paperwork Andel uses.',
    path: 'Where to keep the file',
    pathHint: 'A folder you back up. You can move the file later.',
    pathRequired: 'Choose where to keep the file.',
    choose: 'Choose…',
    actor: 'Your name',
    actorHint: 'For the archive’s log of who changed what.',
    passphrase: 'Passphrase',
    passphraseHint: 'The whole board uses this passphrase. A few unusual words are easier to remember and harder to guess than a short password.',
    passphraseRequired: 'Choose a passphrase.',
    passphrase2: 'Passphrase again',
    mismatch: 'The two passphrases are not the same.',
    strengthLabel: 'Strength:',
    strength: {
      weak: 'weak',
      fair: 'fair',
      good: 'good',
      strong: 'strong',
    } satisfies Record<Strength, string>,
    weakWarning: 'Anyone who gets hold of the file could guess this passphrase. You may use it, but a longer one of several words protects the residents’ data much better.',
    noRecovery: 'Without the passphrase nobody can open the archive, not even Andel. Keep it where the board can find it.',
    submit: 'Create the archive',
    creating: 'Creating…',
  },
  unlock: {
    title: (name: string) => `Unlock ${name}`,
    reading: 'Reading the archive…',
    passphrase: 'Passphrase',
    showPassphrase: 'Show the passphrase',
    keyFile: 'Your key file',
    keyFileHint: 'The full path of your age key file (it holds a line starting with AGE-SECRET-KEY-).',
    keyFileRequired: 'Write the path of your key file.',
    passphraseRequired: 'Write the passphrase.',
    actor: 'Your name',
    actorHint: 'For the archive’s log of who changed what.',
    submit: 'Unlock',
    unlocking: 'Unlocking…',
    backToStart: 'Back to start',
    demoPassphrase: 'The demo archive’s passphrase is:',
    useDemoPassphrase: 'Fill it in',
    elsewhere: (user: string, host: string, since: string) =>
      `${user} on the computer ${host} has had this archive open since ${since}.`,
    elsewhereAdvice: 'If you both make changes, one set of changes ends up in a conflict copy. Open it only if they have closed Andel, or their computer crashed.',
    openAnyway: 'Open anyway',
    file: 'File:',
  },
  errors: {
    wrong_passphrase: {
      what: 'That passphrase does not open this archive.',
      todo: 'Check Caps Lock and the keyboard layout, then try again. If the board changed the passphrase at the handover, use the new one.',
    },
    wrong_key: {
      what: 'None of the keys in that key file opens this archive.',
      todo: 'Choose your own key file for this archive, or ask the board to add your key.',
    },
    wrong_unlock_method: {
      what: 'This archive is opened another way.',
      todo: 'It is protected either by one passphrase or by the board members’ key files. Use the other one.',
    },
    not_an_archive: {
      what: 'This file is not an Andel archive.',
      todo: 'Choose the .andel file the board uses. Nothing was changed in the file you chose.',
    },
    damaged: {
      what: 'The archive is damaged or cut short.',
      todo: 'Nothing was changed. Open a backup instead: Andel keeps the last ten versions, encrypted, beside the archive.',
    },
    newer_version: {
      what: 'This archive was saved by a newer version of Andel.',
      todo: 'Install the latest Andel and open it there. Nothing was changed.',
    },
    changed_on_disk: {
      what: 'Someone else saved the archive while you had it open.',
      todo: 'Your version is kept as a conflict copy beside the archive. Lock, open the archive again to see their changes, and make yours again.',
    },
    disk_full: {
      what: 'The disk is full.',
      todo: 'Make room on the disk, then try again. Nothing is lost: the archive on disk is as it was.',
    },
    not_writable: {
      what: 'Andel may not write in that folder or file.',
      todo: 'Check that the folder exists and that you may write in it (or choose another), or ask whoever looks after this computer for access.',
    },
    not_found: {
      what: 'The file is not there.',
      todo: 'It may have been moved, renamed or deleted, or its drive is not connected. Open it from where it is now.',
    },
    already_exists: {
      what: 'A file with that name already exists.',
      todo: 'Choose another name or folder. Andel never writes over an existing file.',
    },
    in_use: {
      what: 'Someone else has this archive open.',
      todo: 'Ask them to close Andel first. If you are sure they have, or their computer crashed, open it anyway.',
    },
    read_only: {
      what: 'The archive is open read-only.',
      todo: 'Changes cannot be saved. Close it and open a copy you may change.',
    },
    invalid_input: {
      what: 'Something in the form cannot be accepted.',
      todo: 'Check the fields and try again.',
    },
    not_open: {
      what: 'No archive is open.',
      todo: 'It was locked. Unlock it again to go on.',
    },
    internal: {
      what: 'Something went wrong inside Andel.',
      todo: 'Try again. If it happens again, note the details and tell whoever helps your board with Andel.',
    },
  } satisfies Record<ErrorCode, ErrorText>,
  shell: {
    areasLabel: 'Areas',
    lock: 'Lock',
    locking: 'Locking…',
    readOnly: 'This archive is open read-only: you can look, but changes cannot be saved.',
    areas: {
      overview: 'Overview',
      residents: 'Residents',
      sublets: 'Sublets',
      plates: 'Name plates',
      minutes: 'Minutes',
      requests: 'Requests',
      privacy: 'Privacy',
      board: 'Board & handover',
      settings: 'Settings',
    } satisfies Record<AreaId, string>,
    save: {
      saved: (time: string) => `Saved ${time}`,
      pending: 'Saving…',
      saving: 'Saving…',
      failed: (reason: string) => `Not saved: ${reason}`,
      saveNow: 'Save now',
    },
    lockFailed: {
      title: 'The archive could not be saved before locking',
      idleTitle: 'Andel wanted to lock after a while without activity, but could not save',
      body: 'Your latest changes are still here in this window. If you lock anyway they are lost; the archive on disk stays as it was last saved.',
      lockAnyway: 'Lock anyway',
      keepOpen: 'Keep it open',
    },
    closeBlocked: {
      title: 'Andel could not save before closing',
      body: 'Your latest changes are still here in this window. If you quit anyway they are lost; the archive on disk stays as it was last saved.',
      quitAnyway: 'Quit anyway',
      stay: 'Keep Andel open',
    },
  },
  notBuilt: {
    heading: 'Not built yet',
    body: 'This part of Andel is coming; nothing here pretends to work.',
  },
  overview: {
    title: 'Overview',
    association: 'The association',
    name: 'Name',
    country: 'Country',
    orgNumber: 'Organisation number',
    address: 'Address',
    email: 'E-mail',
    archive: 'The archive',
    file: 'File',
    protection: 'Protection',
    byPassphrase: 'One passphrase for the board',
    byKeys: (n: number) => (n === 1 ? 'The key of 1 board member' : `The keys of ${n} board members`),
    schema: 'Format version',
    counts: 'What the archive holds',
    count: {
      units: 'Units',
      people: 'People',
      ownerships: 'Ownerships',
      sublets: 'Sublets',
      name_plate_orders: 'Name-plate orders',
      roles: 'Roles',
      organisations: 'Organisations',
      audit_entries: 'Entries in the log',
      documents: 'Minutes',
    },
  },
  settings: {
    title: 'Settings',
    language: 'Language',
    languageHint: 'For this computer. The documents Andel writes use the association’s language.',
    followSystem: (name: string) => `Like the system (${name})`,
    autolock: 'Lock after this many minutes without activity',
    autolockHint: 'From 1 to 240 minutes. Kept in the archive, for the whole board.',
    autolockSave: 'Set',
    autolockSaved: (n: number) => (n === 1 ? 'Andel locks after 1 minute without activity.' : `Andel locks after ${n} minutes without activity.`),
    autolockInvalid: 'Write a whole number of minutes from 1 to 240.',
    association: 'The association’s record',
    name: 'Name',
    nameRequired: 'The association needs a name.',
    country: 'Country',
    orgNumber: 'Organisation number',
    orgHint: {
      DK: 'The CVR number: 8 digits.',
      NO: 'The organisation number: 9 digits.',
      SE: 'The organisation number: 10 digits, as 769600-1234.',
    } satisfies Record<Country, string>,
    orgInvalid: {
      DK: 'A CVR number has 8 digits.',
      NO: 'A Norwegian organisation number has 9 digits.',
      SE: 'A Swedish organisation number has 10 digits, as 769600-1234.',
    } satisfies Record<Country, string>,
    address: 'Address',
    email: 'E-mail',
    emailInvalid: 'This does not look like an e-mail address (as board@example.org).',
    save: 'Save changes',
    saving: 'Saving…',
    saved: 'The changes are kept.',
    nothingChanged: 'Nothing was changed.',
    audit: 'Recent changes',
    auditHint: 'Who changed what, and when. The log never holds residents’ data.',
    auditEmpty: 'Nothing recorded yet.',
    auditWhen: 'When',
    auditWho: 'Who',
    auditWhat: 'What',
    actions: {
      'archive.create': 'Created the archive',
      'archive.encryption': 'Changed the passphrase or keys',
      'archive.migrate': 'Updated the archive to a newer format',
      'association.update': 'Changed the association’s record',
      'settings.auto_lock': 'Changed the auto-lock time',
      'setting.update': 'Changed a setting',
      'import.residents': 'Imported the resident list',
      'unit.add': 'Added a unit',
      'unit.update': 'Changed a unit',
      'person.add': 'Added a person',
      'person.update': 'Changed a person’s details',
      'ownership.start': 'Registered a new owner',
      'ownership.end': 'Ended an ownership (moved out)',
      'ownership.update': 'Changed an ownership',
      'sublet.request': 'Registered a sublet request',
      'sublet.decide': 'Decided on a sublet',
      'sublet.end': 'Ended a sublet',
      'plate.draft': 'Drafted a name-plate order',
      'plate.sent': 'Sent a name-plate order to the caretaker',
      'plate.mounted': 'Marked a name plate as mounted',
      'plate.update': 'Changed a name-plate order',
      'role.add': 'Gave someone a role',
      'role.end': 'Ended a role',
      'organisation.add': 'Added an organisation',
      'organisation.update': 'Changed an organisation',
    },
  },
};

export type Messages = typeof en;
