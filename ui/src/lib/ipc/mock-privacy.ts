// The Privacy screen's part of the in-memory fake: processing activities with built-in texts
// that follow the document language until the board writes its own, the notice with its
// editions (a new version only when the content changes) and the Art. 30 record, built as
// documents from the register's organisations like andel-core does. The texts are shorter than
// the real ones; names and structure match.
import type {
  Activity,
  ActivityField,
  ActivityFields,
  ActivityText,
  Association,
  Block,
  BoardDocument,
  Country,
  IpcError,
  Lang,
  LegalBasis,
  Notice,
  Organisation,
  OrganisationKind,
  Result,
} from './index';

function ok<T>(data: T): Result<T, IpcError> {
  return { status: 'ok', data };
}

function err<T>(code: IpcError['code'], message: string): Result<T, IpcError> {
  return { status: 'error', error: { code, message } };
}

type Four = Record<Lang, string>;
const four = (da: string, nb: string, sv: string, en: string): Four => ({ da, nb, sv, en });

interface Default {
  key: string;
  basis: (c: Country) => LegalBasis;
  recipients: OrganisationKind[];
  name: Four;
  /** English texts; the fake does not translate them. */
  text: Omit<ActivityText, 'name'>;
}

const DEFAULTS: Default[] = [
  {
    key: 'members',
    basis: (c) => (c === 'SE' ? 'legal-obligation' : 'contract'),
    recipients: ['administrator', 'cloud', 'auditor', 'bank'],
    name: four('Administration af andelshavere og medlemskab', 'Administrasjon av andelseiere og medlemskap', 'Administration av medlemmar och bostadsrätter', 'Owner and member administration'),
    text: {
      purpose: 'To keep the register of units and owners, call general meetings and collect the monthly charge.',
      legitimate_interest: null,
      data_categories: 'Name, unit and address, phone and e-mail, dates of moving in and out.',
      subject_categories: 'Owners (members) and former owners',
      other_recipients: null,
      retention: 'As long as you are an owner; contact details 5 years after moving out.',
      source: 'You, and the administrator’s resident list.',
    },
  },
  {
    key: 'sublets',
    basis: () => 'contract',
    recipients: ['administrator'],
    name: four('Fremleje', 'Utleie (bruksoverlating)', 'Andrahandsuthyrning (upplåtelse i andra hand)', 'Sublets'),
    text: {
      purpose: 'To handle applications to sublet and the board’s decision.',
      legitimate_interest: null,
      data_categories: 'Names and contact details of owner and subtenant, period, reason, decision.',
      subject_categories: 'Owners who sublet, and subtenants',
      other_recipients: null,
      retention: 'For the sublet and 5 years after it ends.',
      source: 'The owner’s application.',
    },
  },
  {
    key: 'name_plates',
    basis: () => 'legitimate-interest',
    recipients: ['caretaker'],
    name: four('Navneskilte', 'Navneskilt', 'Namnskyltar', 'Name plates'),
    text: {
      purpose: 'To have name plates made and mounted through the caretaker.',
      legitimate_interest: 'That post, deliveries and emergency services can find residents.',
      data_categories: 'The unit and the text on the plate.',
      subject_categories: 'Residents who move in',
      other_recipients: null,
      retention: 'The order is kept for a year after the plate is mounted.',
      source: 'You, or the administrator’s notice of a new owner.',
    },
  },
  {
    key: 'minutes_archive',
    basis: () => 'legitimate-interest',
    recipients: ['cloud'],
    name: four('Referatarkivet (foreningens historie)', 'Protokollarkivet (borettslagets historie)', 'Protokollarkivet (föreningens historia)', 'The minutes archive (the association’s history)'),
    text: {
      purpose: 'To keep the minutes that document the association’s decisions.',
      legitimate_interest: 'The decisions bind present and future owners.',
      data_categories: 'Names of board members and of people who spoke.',
      subject_categories: 'Owners, board members and others named in the minutes',
      other_recipients: null,
      retention: 'Without time limit, as the association’s history.',
      source: 'The board and the meetings’ secretaries.',
    },
  },
  {
    key: 'newsletter',
    basis: () => 'consent',
    recipients: ['newsletter'],
    name: four('Nyhedsbrev', 'Nyhetsbrev', 'Nyhetsbrev', 'Newsletter'),
    text: {
      purpose: 'To send news to residents who signed up.',
      legitimate_interest: null,
      data_categories: 'E-mail address and name.',
      subject_categories: 'Residents who signed up',
      other_recipients: null,
      retention: 'Until you unsubscribe.',
      source: 'You, when you sign up.',
    },
  },
  {
    key: 'board_email',
    basis: () => 'legitimate-interest',
    recipients: ['cloud'],
    name: four('Bestyrelsens e-mail', 'Styrets e-post', 'Styrelsens e-post', 'The board’s e-mail'),
    text: {
      purpose: 'To answer enquiries and run the association.',
      legitimate_interest: 'That the association can be run and enquiries answered.',
      data_categories: 'Name, e-mail address and what you write.',
      subject_categories: 'People who write to the board',
      other_recipients: null,
      retention: 'Deleted when the matter is closed, after 2 years at the latest.',
      source: 'Whoever writes.',
    },
  },
  {
    key: 'website_logs',
    basis: () => 'legitimate-interest',
    recipients: [],
    name: four('Sikkerhedslog på hjemmesiden', 'Sikkerhetslogg på nettsiden', 'Säkerhetslogg på webbplatsen', 'Website security log'),
    text: {
      purpose: 'To protect the website against attacks.',
      legitimate_interest: 'That the website is secure and available.',
      data_categories: 'IP address, time, browser and pages visited.',
      subject_categories: 'Visitors to the website',
      other_recipients: 'The web host that runs the site, as data processor.',
      retention: '30 days.',
      source: 'Your browser.',
    },
  },
];

const TEXT_FIELDS = ['name', 'purpose', 'legitimate_interest', 'data_categories', 'subject_categories', 'other_recipients', 'retention', 'source'] as const;
type TextKey = (typeof TEXT_FIELDS)[number];

interface Stored {
  id: number;
  key: string | null;
  position: number;
  texts: Partial<Record<TextKey, string>>;
  basis: LegalBasis;
  recipients: OrganisationKind[];
  active: boolean;
  updated_at: string;
}

const AUTHORITY: Record<Country, [string, string]> = {
  DK: ['Datatilsynet', 'Carl Jacobsens Vej 35, 2500 Valby'],
  NO: ['Datatilsynet', 'Postboks 458 Sentrum, 0105 Oslo'],
  SE: ['Integritetsskyddsmyndigheten (IMY)', 'Box 8114, 104 20 Stockholm'],
};

function basisLabel(b: LegalBasis, lang: Lang): string {
  const letter = { consent: 'a', contract: 'b', 'legal-obligation': 'c', 'legitimate-interest': 'f' }[b];
  const name = {
    consent: four('Samtykke', 'Samtykke', 'Samtycke', 'Consent'),
    contract: four('Aftale', 'Avtale', 'Avtal', 'Contract'),
    'legal-obligation': four('Retlig forpligtelse', 'Rettslig forpliktelse', 'Rättslig förpliktelse', 'Legal obligation'),
    'legitimate-interest': four('Legitim interesse', 'Berettiget interesse', 'Berättigat intresse', 'Legitimate interest'),
  }[b][lang];
  return `${name}, GDPR Art. 6(1)(${letter})`;
}

function looksLikeNationalId(text: string): boolean {
  return /\b\d{6}-?\d{4}\b|\b\d{11}\b|\b\d{8}-?\d{4}\b/.test(text);
}

export class MockPrivacy {
  private rows: Stored[] = [];
  private nextId = 1;
  private editions = new Map<Lang, { version: number; hash: string; effective: string }>();

  constructor(
    private country: () => Country,
    private now: () => Date,
    private audit: (action: string, subject: string | null) => void,
  ) {}

  private today(): string {
    return this.now().toISOString().slice(0, 10);
  }

  private def(key: string | null): Default | undefined {
    return DEFAULTS.find((d) => d.key === key);
  }

  private materialise(): void {
    let added = 0;
    DEFAULTS.forEach((d, i) => {
      if (this.rows.some((r) => r.key === d.key)) return;
      this.rows.push({ id: this.nextId++, key: d.key, position: i + 1, texts: {}, basis: d.basis(this.country()), recipients: [...d.recipients], active: true, updated_at: this.now().toISOString() });
      added += 1;
    });
    if (added) this.audit('privacy.activities.defaults', null);
  }

  private resolve(s: Stored, lang: Lang): Activity {
    const d = this.def(s.key);
    const text = (k: TextKey): string | null => s.texts[k] ?? (d ? (k === 'name' ? d.name[lang] : d.text[k]) : null);
    const edited: ActivityField[] = d ? TEXT_FIELDS.filter((k) => s.texts[k] !== undefined) : [];
    if (d && s.basis !== d.basis(this.country())) edited.push('legal_basis');
    if (d && s.recipients.join() !== d.recipients.join()) edited.push('recipient_kinds');
    return {
      id: s.id,
      key: s.key,
      position: s.position,
      legal_basis: s.basis,
      recipient_kinds: [...s.recipients],
      active: s.active,
      text: {
        name: text('name') ?? '',
        purpose: text('purpose') ?? '',
        legitimate_interest: s.basis === 'legitimate-interest' ? text('legitimate_interest') : null,
        data_categories: text('data_categories') ?? '',
        subject_categories: text('subject_categories') ?? '',
        other_recipients: text('other_recipients'),
        retention: text('retention') ?? '',
        source: text('source') ?? '',
      },
      edited,
      updated_at: s.updated_at,
    };
  }

  list(lang: Lang): Activity[] {
    this.materialise();
    return [...this.rows].sort((a, b) => a.position - b.position || a.id - b.id).map((r) => this.resolve(r, lang));
  }

  private check(f: ActivityFields): IpcError | null {
    for (const k of TEXT_FIELDS) {
      const v = f[k];
      if (v && looksLikeNationalId(v)) {
        return { code: 'invalid_input', message: 'This field holds what looks like a national identity number; Andel never stores national identity numbers. Remove it.' };
      }
    }
    return null;
  }

  private needsInterest(s: Stored): boolean {
    return s.basis === 'legitimate-interest' && s.texts.legitimate_interest === undefined && !this.def(s.key)?.text.legitimate_interest;
  }

  private apply(s: Stored, f: ActivityFields): void {
    for (const k of TEXT_FIELDS) {
      const v = f[k];
      if (v === null || v === undefined) continue;
      const t = v.trim();
      if (t) s.texts[k] = t;
      else delete s.texts[k];
    }
    if (f.legal_basis) s.basis = f.legal_basis;
    if (f.recipient_kinds) s.recipients = [...new Set(f.recipient_kinds)];
    s.updated_at = this.now().toISOString();
  }

  update(id: number, f: ActivityFields, lang: Lang): Result<Activity, IpcError> {
    const s = this.rows.find((r) => r.id === id);
    if (!s) return err('not_found', `There is no processing activity #${id}.`);
    const bad = this.check(f);
    if (bad) return { status: 'error', error: bad };
    const next: Stored = { ...s, texts: { ...s.texts }, recipients: [...s.recipients] };
    this.apply(next, f);
    if (next.key === null && !next.texts.name) return err('invalid_input', 'The processing activity needs a name.');
    if (next.key === null && !next.texts.purpose) return err('invalid_input', 'Say what the processing activity is for: its purpose.');
    if (this.needsInterest(next)) return err('invalid_input', 'With legitimate interest as the legal basis, the notice must say what the interest is: write it in.');
    Object.assign(s, next);
    this.audit('privacy.activity.update', `processing_activity:${id}`);
    return ok(this.resolve(s, lang));
  }

  add(f: ActivityFields, lang: Lang): Result<Activity, IpcError> {
    const bad = this.check(f);
    if (bad) return { status: 'error', error: bad };
    if (!f.name?.trim()) return err('invalid_input', 'The processing activity needs a name.');
    if (!f.purpose?.trim()) return err('invalid_input', 'Say what the processing activity is for: its purpose.');
    if (!f.legal_basis) return err('invalid_input', 'Choose the legal basis: consent, contract, legal-obligation or legitimate-interest.');
    this.materialise();
    const s: Stored = { id: 0, key: null, position: Math.max(0, ...this.rows.map((r) => r.position)) + 1, texts: {}, basis: f.legal_basis, recipients: [], active: true, updated_at: '' };
    this.apply(s, f);
    if (this.needsInterest(s)) return err('invalid_input', 'With legitimate interest as the legal basis, the notice must say what the interest is: write it in.');
    s.id = this.nextId++;
    this.rows.push(s);
    this.audit('privacy.activity.add', `processing_activity:${s.id}`);
    return ok(this.resolve(s, lang));
  }

  setActive(id: number, active: boolean, lang: Lang): Result<Activity, IpcError> {
    const s = this.rows.find((r) => r.id === id);
    if (!s) return err('not_found', `There is no processing activity #${id}.`);
    s.active = active;
    this.audit(active ? 'privacy.activity.reactivate' : 'privacy.activity.deactivate', `processing_activity:${id}`);
    return ok(this.resolve(s, lang));
  }

  reset(id: number, field: ActivityField, lang: Lang): Result<Activity, IpcError> {
    const s = this.rows.find((r) => r.id === id);
    if (!s) return err('not_found', `There is no processing activity #${id}.`);
    const d = this.def(s.key);
    if (!d) return err('invalid_input', `Activity #${id} was added by the board, so it has no built-in text to go back to; edit the text instead.`);
    if (field === 'legal_basis') s.basis = d.basis(this.country());
    else if (field === 'recipient_kinds') s.recipients = [...d.recipients];
    else delete s.texts[field];
    this.audit('privacy.activity.reset', `processing_activity:${id}:${field}`);
    return ok(this.resolve(s, lang));
  }

  private purposes(orgs: Organisation[], lang: Lang): Block[] {
    const blocks: Block[] = [{ type: 'heading', level: 1, text: four('Hvad vi bruger dine oplysninger til', 'Hva vi bruker opplysningene dine til', 'Vad vi använder dina uppgifter till', 'What we use your data for')[lang] }];
    for (const a of this.list(lang).filter((x) => x.active)) {
      const mine = orgs.filter((o) => a.recipient_kinds.includes(o.kind));
      const recipients = [...mine.map((o) => `${o.name} (${o.kind})`), ...(a.text.other_recipients ? [a.text.other_recipients] : [])];
      const rows: [string, string][] = [
        [four('Formål', 'Formål', 'Ändamål', 'Purpose')[lang], a.text.purpose],
        [four('Behandlingsgrundlag', 'Behandlingsgrunnlag', 'Rättslig grund', 'Legal basis')[lang], basisLabel(a.legal_basis, lang)],
      ];
      if (a.text.legitimate_interest) rows.push([four('Den legitime interesse', 'Den berettigede interessen', 'Det berättigade intresset', 'The legitimate interest')[lang], a.text.legitimate_interest]);
      rows.push([four('Modtagere', 'Mottakere', 'Mottagare', 'Recipients')[lang], recipients.join('\n') || '—']);
      const transfers = mine.filter((o) => o.third_country).map((o) => `${o.name}: ${o.third_country} — ${o.transfer_safeguard ?? '?'}`);
      if (transfers.length) rows.push([four('Overførsel uden for EU/EØS', 'Overføring utenfor EU/EØS', 'Överföring utanför EU/EES', 'Transfers outside the EU/EEA')[lang], transfers.join('\n')]);
      rows.push([four('Opbevaring', 'Lagringstid', 'Lagringstid', 'How long it is kept')[lang], a.text.retention]);
      blocks.push({ type: 'heading', level: 2, text: a.text.name }, { type: 'facts', rows });
    }
    return blocks;
  }

  /** The notice as it stands; `issue` records a new edition when the content changed. */
  /** Whether any edition was issued in this language. */
  issuedEver(lang: Lang): boolean {
    return this.editions.has(lang);
  }

  notice(association: Association, orgs: Organisation[], lang: Lang, issue: boolean): Notice {
    const [authority, address] = AUTHORITY[association.country];
    const body: Block[] = [
      { type: 'heading', level: 1, text: four('Dataansvarlig', 'Behandlingsansvarlig', 'Personuppgiftsansvarig', 'The controller')[lang] },
      { type: 'facts', rows: [['Name', association.name], ['E-mail', association.email ?? '—']] },
      ...this.purposes(orgs, lang),
      { type: 'heading', level: 1, text: four('Dine rettigheder', 'Dine rettigheter', 'Dina rättigheter', 'Your rights')[lang] },
      { type: 'paragraph', text: 'Access, rectification, erasure, restriction, objection, portability, withdrawal of consent. We answer within one month.' },
      { type: 'heading', level: 1, text: four('Klage til tilsynsmyndigheden', 'Klage til tilsynsmyndigheten', 'Klagomål till tillsynsmyndigheten', 'Complaints to the supervisory authority')[lang] },
      { type: 'facts', rows: [['Authority', authority], ['Address', address]] },
      { type: 'heading', level: 1, text: four('Hvis der sker brud på persondatasikkerheden', 'Hvis det skjer brudd på personopplysningssikkerheten', 'Om en personuppgiftsincident inträffar', 'If there is a personal data breach')[lang] },
      { type: 'paragraph', text: `We report it to ${authority} within 72 hours and tell you if you are at high risk.` },
    ];
    const hash = JSON.stringify([association, body]);
    const last = this.editions.get(lang);
    let version = 1;
    let effective = this.today();
    let issued = false;
    if (last && last.hash === hash) [version, effective, issued] = [last.version, last.effective, true];
    else if (last) version = last.version + 1;
    if (issue && !issued) {
      this.editions.set(lang, { version, hash, effective });
      this.audit('privacy.notice.issue', `notice:${lang}:${version}`);
      issued = true;
    }
    const title = four('Privatlivspolitik for', 'Personvernerklæring for', 'Integritetspolicy för', 'Privacy notice of')[lang];
    const document: BoardDocument = {
      title: `${title} ${association.name}`,
      subtitle: issued ? `Version ${version} · ${effective}` : `Draft of version ${version} · ${effective}`,
      lang,
      letterhead: { name: association.name, address: association.address, org_number: association.org_number, email: association.email },
      blocks: body,
      created: this.now().toISOString(),
    };
    return { document, version, effective_on: effective, issued };
  }

  record(association: Association, orgs: Organisation[], lang: Lang): BoardDocument {
    const blocks: Block[] = this.purposes(orgs, lang);
    blocks.push({
      type: 'table',
      widths: [3, 2, 2.5, 2.5],
      header: ['Organisation', 'Role', 'Processing agreement', 'Transfers outside the EU/EEA'],
      rows: orgs.map((o) => [o.name, o.kind, [o.dpa_signed_on, o.dpa_reference].filter(Boolean).join(', ') || 'Missing', o.third_country ? `${o.third_country}: ${o.transfer_safeguard ?? '?'}` : 'No']),
    });
    return {
      title: four('Fortegnelse over behandlingsaktiviteter', 'Protokoll over behandlingsaktiviteter', 'Register över behandlingar', 'Record of processing activities')[lang],
      subtitle: `GDPR Article 30 · ${this.today()}`,
      lang,
      letterhead: { name: association.name, address: association.address, org_number: association.org_number, email: association.email },
      blocks,
      created: this.now().toISOString(),
    };
  }
}
