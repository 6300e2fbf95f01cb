// An in-memory fake of the Rust side, for vitest and for working on the UI in a plain browser.
// It behaves like the real commands where the UI can tell the difference: a wrong passphrase is
// `wrong_passphrase`, a file someone else holds is `in_use`, a failed save keeps the archive
// open, and so on. Tests arrange cases through the public fields and helpers below.
import type {
  AppInfo,
  ArchiveProbe,
  Association,
  AssociationChanges,
  AuditEntry,
  Backend,
  CloseBlocked,
  Country,
  DemoArchive,
  ErrorCode,
  IpcError,
  LockHolder,
  NewArchive,
  Overview,
  Preferences,
  Result,
  SaveState,
  Strength,
  Summary,
  UnlockRequest,
  Unlisten,
  Attention,
  ColumnChoice,
  ImportDraft,
  TakeOver,
  MoveInForm,
  Organisation,
  OrganisationFields,
  Ownership,
  Person,
  PersonFields,
  PersonListed,
  PersonPage,
  PlateKind,
  PlateOrder,
  MaxRule,
  Preview,
  Role,
  RoleKind,
  Sublet,
  SubletForm,
  Unit,
  UnitFields,
  UnitPage,
  UnitWithOwners,
} from './index';
import { iso, MockRegister, seedRegister, type MockList } from './mock-register';
import { MockMinutes } from './mock-minutes';
import { MockRequests, seedRequests } from './mock-requests';
import type {
  AccessExport,
  Applied,
  Boards,
  Candidate,
  DueCount,
  ReplyPreview,
  Split,
  DueItem,
  ErasurePlan,
  ErasureReport,
  HandoverForm,
  HandoverReceipt,
  HandoverStart,
  RecordKind,
  Request,
  RequestForm,
  RequestStatus,
  Rule,
  SavedReply,
} from './index';
import { MockPrivacy } from './mock-privacy';
import type { Activity, ActivityField, ActivityFields, Lang, Notice, NoticeSaved, SavedPdf } from './index';
import type { BoardDocument, PlatesOrderSaved } from './index';
import type { Document, ExportReport, MeetingKind, OriginalExport, PassageDecision, Review, SearchHit, Style } from './index';
import type { ImportedMinutes, Language, ScanProgress } from './index';

/** An archive file as the fake "disk" holds it. */
export interface MockArchive {
  /** What the file really is; anything but "archive" fails to open with the matching code. */
  kind: 'archive' | 'not_an_archive' | 'damaged' | 'newer_version';
  protection: 'passphrase' | 'recipients';
  passphrase?: string;
  /** For recipient archives: the key file path that opens it. */
  keyFile?: string;
  association: Association;
  autoLockMinutes: number;
  audit: AuditEntry[];
  openElsewhere: LockHolder | null;
  /** The register inside the archive. */
  register: MockRegister;
}

export const MOCK_DEMO_PASSPHRASE = 'demo-andel-2026';
export const MOCK_DEMO_PATH = '/home/board/.local/share/andel/demo/Kastanjegaarden-demo.andel';
const DEFAULT_FOLDER = '/home/board/Documents';

function ok<T>(data: T): Result<T, IpcError> {
  return { status: 'ok', data };
}

function err<T>(code: ErrorCode, message: string): Result<T, IpcError> {
  return { status: 'error', error: { code, message } };
}

const COMMON = ['password', 'passw0rd', '123456', '12345678', 'qwerty', 'andel', 'bestyrelsen', 'styret', 'styrelsen', 'adgangskode', 'passord', 'losenord', 'lösenord', 'sommer', 'vinter', 'hemmelig'];

/** The same estimate as andel-core's `vault::strength`. */
export function estimateStrength(passphrase: string): Strength {
  const chars = [...passphrase];
  const lower = passphrase.toLowerCase().replace(/[0-9]+$/, '');
  if (chars.length < 8 || COMMON.includes(lower)) return 'weak';
  let pool = 0;
  if (chars.some((c) => c !== c.toUpperCase())) pool += 29;
  if (chars.some((c) => c !== c.toLowerCase())) pool += 29;
  if (/[0-9]/.test(passphrase)) pool += 10;
  if (/[^\p{L}\p{N}]/u.test(passphrase)) pool += 20;
  let bits = chars.length * Math.log2(Math.max(pool, 1));
  const words = passphrase.split(/[\s\-_.]/).filter((w) => [...w].length >= 3).length;
  if (words >= 3) bits = Math.min(bits, words * 13 + 10);
  if (new Set(chars).size * 3 < chars.length) bits /= 2;
  if (bits < 45) return 'weak';
  if (bits < 60) return 'fair';
  if (bits < 75) return 'good';
  return 'strong';
}

function looksLikeEmail(s: string): boolean {
  const at = s.indexOf('@');
  if (at < 0) return false;
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  return local.length > 0 && domain.includes('.') && !domain.startsWith('.') && !domain.endsWith('.') && !/\s/.test(s);
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export class MockBackend implements Backend {
  /** The fake disk: archives by path. */
  files = new Map<string, MockArchive>();
  prefs: Preferences = { language: null, actor: null, recent: [] };
  systemLanguage = 'en';
  /** What the next native dialogs return (null: the user cancelled). */
  nextPickedArchive: string | null = null;
  nextPickedNewPath: string | null = null;
  /** While set, every save fails with this error (and the archive stays open). */
  saveFailure: IpcError | null = null;
  /** Folders where nothing can be written. */
  readOnlyFolders: string[] = ['/readonly'];
  /** Every command called, in order, for tests that care. */
  calls: string[] = [];
  quitCalled: boolean | null = null;
  /** Resident lists on the fake disk, by path. */
  residentLists = new Map<string, MockList>();
  /** What the next "choose a resident list" dialog returns (null: cancelled). */
  nextPickedList: string | null = null;
  /** The list the import wizard has read. */
  private loadedList: MockList | null = null;
  /** The clock; tests may fix it. */
  now: () => Date = () => new Date();
  /** Files of minutes on the fake disk: path → text. */
  minutesFiles = new Map<string, string>();
  /** Scans on the fake disk: their text and how many pages OCR reads, one `scanPause()` each. */
  scanFiles = new Map<string, { text: string; pages: number }>();
  /** Awaited before each page of a scan; a test holds it to press Cancel mid-way. */
  scanPause: () => Promise<void> = () => Promise.resolve();
  /** The language the last import was asked to read a scan in. */
  lastScanLanguage: Language | null = null;
  private scanCancelled = false;
  private scanListeners = new Set<(p: ScanProgress) => void>();
  /** What the next "import minutes" and "export" dialogs return (null: cancelled). */
  nextPickedMinutes: string | null = null;
  nextPickedExport: string | null = null;
  /** Exports written: path → redacted text. */
  exported = new Map<string, string>();
  /** Each archive's residents' requests and retention rules. */
  private requestsOf = new WeakMap<MockArchive, MockRequests>();
  /** Access replies written: PDF path → the data. */
  savedReplies = new Map<string, AccessExport>();
  /** What the next "save the new archive as" dialog returns (null: cancelled). */
  nextPickedHandover: string | null = null;
  /** Handover receipts written: receipt path → receipt. */
  receipts = new Map<string, HandoverReceipt>();
  /** Each archive's minutes. */
  private minutesOf = new WeakMap<MockArchive, MockMinutes>();
  /** Each archive's processing activities and notice editions. */
  private privacyOf = new WeakMap<MockArchive, MockPrivacy>();

  private open: { path: string; actor: string } | null = null;
  private saveState: SaveState = { state: 'saved', at: new Date(0).toISOString() };
  private saveListeners = new Set<(s: SaveState) => void>();
  private closeListeners = new Set<(c: CloseBlocked) => void>();

  /** Puts an archive on the fake disk. */
  addArchive(path: string, init: Partial<MockArchive> & { name?: string; country?: Country } = {}): MockArchive {
    const archive: MockArchive = {
      kind: init.kind ?? 'archive',
      protection: init.protection ?? 'passphrase',
      passphrase: init.passphrase ?? 'correct horse battery staple',
      keyFile: init.keyFile,
      association: init.association ?? {
        name: init.name ?? 'A/B Test',
        country: init.country ?? 'DK',
        org_number: null,
        address: null,
        email: null,
        created_at: this.now().toISOString(),
      },
      autoLockMinutes: init.autoLockMinutes ?? 10,
      audit: init.audit ?? [],
      openElsewhere: init.openElsewhere ?? null,
      register: init.register ?? new MockRegister(() => iso(this.now())),
    };
    this.files.set(path, archive);
    return archive;
  }

  /** After a simulated conflict: where "our" version went; the archive is then read-only. */
  conflictCopy: string | null = null;

  /** Someone else saved the archive: the autosave keeps ours as a conflict copy and stops. */
  simulateConflict(copy: string): void {
    this.conflictCopy = copy;
    this.emitSaveState({
      state: 'failed',
      code: 'changed_on_disk',
      message: `Someone else saved the archive; your version is kept in ${copy}.`,
    });
  }

  /** Sends a save-state event, as the Rust autosave does. */
  emitSaveState(state: SaveState): void {
    this.saveState = state;
    for (const l of this.saveListeners) l(state);
  }

  /** Sends the event the Rust side sends when closing the window could not save. */
  emitCloseBlocked(message: string): void {
    for (const l of this.closeListeners) l({ message });
  }

  get openPath(): string | null {
    return this.open?.path ?? null;
  }

  private log(name: string): void {
    this.calls.push(name);
  }

  private current(): MockArchive | null {
    return this.open ? (this.files.get(this.open.path) ?? null) : null;
  }

  /** The open archive's audit trail, actions only, oldest first (for tests). */
  auditActions(): string[] {
    return this.current()?.audit.map((e) => e.action) ?? [];
  }

  private record(action: string, subject: string | null = null): void {
    const a = this.current();
    if (a && this.open) a.audit.push({ at: this.now().toISOString(), actor: this.open.actor, action, subject });
  }

  private overviewOf(path: string, a: MockArchive): Overview {
    // Only the fields the UI reads; a cast keeps the mock compiling while the Rust side adds or
    // drops fields the UI does not use.
    const summary = {
      association: a.association.name,
      country: a.association.country,
      schema_version: 3,
      encryption: a.protection,
      recipients: a.protection === 'recipients' ? 2 : 0,
      counts: {
        audit_entries: a.audit.length,
        units: a.register.units.length,
        people: a.register.people.length,
        ownerships: a.register.ownerships.length,
        sublets: a.register.sublets.length,
        name_plate_orders: a.register.plates.length,
        roles: a.register.roles.length,
        organisations: a.register.organisations.length,
        documents: 0,
        requests: this.requestsOf.get(a)?.requests.length ?? 0,
      },
    } as Summary;
    return {
      path,
      association: { ...a.association },
      summary,
      auto_lock_minutes: a.autoLockMinutes,
      save_state: this.saveState,
      read_only: this.conflictCopy !== null,
      conflict_copy: this.conflictCopy,
    };
  }

  private remember(path: string, association: string, actor: string): void {
    this.prefs.recent = [
      { path, association, opened_at: this.now().toISOString() },
      ...this.prefs.recent.filter((r) => r.path !== path),
    ].slice(0, 8);
    this.prefs.actor = actor;
  }

  private startSession(path: string, actor: string): Overview {
    const a = this.files.get(path);
    if (!a) throw new Error('no archive');
    this.open = { path, actor };
    this.saveState = { state: 'saved', at: this.now().toISOString() };
    this.remember(path, a.association.name, actor);
    return this.overviewOf(path, a);
  }

  /** A change was made: in the real app the autosave runs shortly after. */
  private changed(): void {
    if (this.saveFailure) {
      this.emitSaveState({ state: 'failed', code: this.saveFailure.code, message: this.saveFailure.message });
    } else {
      this.emitSaveState({ state: 'saved', at: this.now().toISOString() });
    }
  }

  // --- commands ---

  async appInfo(): Promise<AppInfo> {
    this.log('appInfo');
    return {
      version: '0.1.0',
      system_language: this.systemLanguage,
      default_folder: DEFAULT_FOLDER,
      demo_passphrase: MOCK_DEMO_PASSPHRASE,
      demo_name: 'A/B Kastanjegården',
    };
  }

  async preferences(): Promise<Preferences> {
    this.log('preferences');
    return structuredClone(this.prefs);
  }

  async setLanguage(language: string | null): Promise<Result<null, IpcError>> {
    this.log('setLanguage');
    if (language !== null && !['da', 'nb', 'sv', 'en'].includes(language)) {
      return err('invalid_input', `Unknown language ${language}: use da, nb, sv or en.`);
    }
    this.prefs.language = language;
    return ok(null);
  }

  async forgetRecent(path: string): Promise<void> {
    this.log('forgetRecent');
    this.prefs.recent = this.prefs.recent.filter((r) => r.path !== path);
  }

  async pickArchive(): Promise<string | null> {
    this.log('pickArchive');
    return this.nextPickedArchive;
  }

  async pickNewArchivePath(_suggestedName: string): Promise<string | null> {
    this.log('pickNewArchivePath');
    return this.nextPickedNewPath;
  }

  async suggestArchivePath(association: string): Promise<string> {
    this.log('suggestArchivePath');
    const slug = association
      .split(/[^\p{L}\p{N}]+/u)
      .filter((p) => p.length > 0)
      .join('-');
    const stem = slug || 'archive';
    let path = `${DEFAULT_FOLDER}/${stem}.andel`;
    for (let n = 2; this.files.has(path); n++) path = `${DEFAULT_FOLDER}/${stem}-${n}.andel`;
    return path;
  }

  async passphraseStrength(passphrase: string): Promise<Strength> {
    this.log('passphraseStrength');
    return estimateStrength(passphrase);
  }

  async probeArchive(path: string): Promise<Result<ArchiveProbe, IpcError>> {
    this.log('probeArchive');
    const a = this.files.get(path);
    if (!a) return err('not_found', `There is no file at ${path}.`);
    if (a.kind === 'not_an_archive') return err('not_an_archive', `${path} is not an Andel archive.`);
    return ok({ path, file_name: fileName(path), protection: a.protection, open_elsewhere: a.openElsewhere });
  }

  async createArchive(request: NewArchive): Promise<Result<Overview, IpcError>> {
    this.log('createArchive');
    if (!request.association.trim()) return err('invalid_input', 'The association needs a name.');
    if (this.files.has(request.path)) return err('already_exists', `A file already exists at ${request.path}.`);
    if (this.readOnlyFolders.some((f) => request.path.startsWith(`${f}/`))) {
      return err('not_writable', `Cannot write in the folder of ${request.path}: permission denied.`);
    }
    if (this.open && this.saveFailure) return err(this.saveFailure.code, this.saveFailure.message);
    const actor = request.actor.trim() || 'Board member';
    this.addArchive(request.path, {
      name: request.association.trim(),
      country: request.country,
      passphrase: request.passphrase,
      audit: [{ at: this.now().toISOString(), actor, action: 'archive.create', subject: null }],
    });
    return ok(this.startSession(request.path, actor));
  }

  async unlockArchive(request: UnlockRequest): Promise<Result<Overview, IpcError>> {
    this.log('unlockArchive');
    const a = this.files.get(request.path);
    if (!a) return err('not_found', `There is no file at ${request.path}.`);
    if (a.kind === 'not_an_archive') return err('not_an_archive', `${request.path} is not an Andel archive.`);
    if (request.identity_file === null && request.passphrase === null) {
      return err('invalid_input', 'Enter the passphrase or choose a key file.');
    }
    if (a.protection === 'passphrase' && request.identity_file !== null) {
      return err('wrong_unlock_method', 'This archive is protected by a passphrase, not by keys.');
    }
    if (a.protection === 'recipients' && request.identity_file === null) {
      return err('wrong_unlock_method', 'This archive is encrypted to board members’ keys: choose your key file.');
    }
    if (a.protection === 'passphrase' && request.passphrase !== a.passphrase) {
      return err('wrong_passphrase', 'The passphrase does not open this archive.');
    }
    if (a.protection === 'recipients' && request.identity_file !== a.keyFile) {
      return err('wrong_key', 'None of the keys in the key file opens this archive.');
    }
    if (a.kind === 'damaged') return err('damaged', 'The archive is damaged: the payload ends early.');
    if (a.kind === 'newer_version') return err('newer_version', 'The archive has schema 9; this Andel knows up to 3.');
    if (a.openElsewhere && !request.take_over_lock) {
      const h = a.openElsewhere;
      return err('in_use', `The archive is open by ${h.user} on ${h.host} since ${h.since}.`);
    }
    if (this.open && this.saveFailure) return err(this.saveFailure.code, this.saveFailure.message);
    a.openElsewhere = null;
    const actor = request.actor.trim() || 'Board member';
    return ok(this.startSession(request.path, actor));
  }

  async openDemo(): Promise<Result<DemoArchive, IpcError>> {
    this.log('openDemo');
    if (!this.files.has(MOCK_DEMO_PATH)) {
      this.addArchive(MOCK_DEMO_PATH, {
        passphrase: MOCK_DEMO_PASSPHRASE,
        association: {
          name: 'A/B Kastanjegården',
          country: 'DK',
          org_number: '29 87 65 43',
          address: 'Kastanjevej 2-40, 8000 Aarhus C',
          email: 'bestyrelsen@kastanjegaarden.example',
          created_at: this.now().toISOString(),
        },
      });
      seedRegister(this.files.get(MOCK_DEMO_PATH)!.register, 'Mette Kragh');
    }
    return ok({ path: MOCK_DEMO_PATH, passphrase: MOCK_DEMO_PASSPHRASE });
  }

  async lockArchive(discardUnsaved: boolean): Promise<Result<null, IpcError>> {
    this.log('lockArchive');
    if (this.open && this.saveFailure && !discardUnsaved) {
      return err(this.saveFailure.code, this.saveFailure.message);
    }
    this.open = null;
    this.loadedList = null;
    return ok(null);
  }

  async overview(): Promise<Result<Overview, IpcError>> {
    this.log('overview');
    const a = this.current();
    if (!a || !this.open) return err('not_open', 'No archive is open. Open or unlock one first.');
    return ok(this.overviewOf(this.open.path, a));
  }

  async saveNow(): Promise<Result<SaveState, IpcError>> {
    this.log('saveNow');
    if (!this.open) return err('not_open', 'No archive is open. Open or unlock one first.');
    if (this.saveFailure) {
      this.emitSaveState({ state: 'failed', code: this.saveFailure.code, message: this.saveFailure.message });
      return err(this.saveFailure.code, this.saveFailure.message);
    }
    this.emitSaveState({ state: 'saved', at: this.now().toISOString() });
    return ok(this.saveState);
  }

  async updateAssociation(changes: AssociationChanges): Promise<Result<Association, IpcError>> {
    this.log('updateAssociation');
    const a = this.current();
    if (!a) return err('not_open', 'No archive is open. Open or unlock one first.');
    const next = { ...a.association };
    const optional = (v: string) => (v.trim() === '' ? null : v.trim());
    if (changes.name !== null) {
      if (!changes.name.trim()) return err('invalid_input', 'The association needs a name.');
      next.name = changes.name.trim();
    }
    if (changes.country !== null) next.country = changes.country;
    if (changes.org_number !== null) next.org_number = optional(changes.org_number);
    if (changes.address !== null) next.address = optional(changes.address);
    if (changes.email !== null) {
      const e = optional(changes.email);
      if (e !== null && !looksLikeEmail(e)) return err('invalid_input', `${e} does not look like an e-mail address.`);
      next.email = e;
    }
    a.association = next;
    this.record('association.update');
    this.changed();
    return ok({ ...next });
  }

  async setAutoLock(minutes: number): Promise<Result<number, IpcError>> {
    this.log('setAutoLock');
    const a = this.current();
    if (!a) return err('not_open', 'No archive is open. Open or unlock one first.');
    a.autoLockMinutes = Math.min(240, Math.max(1, Math.floor(minutes)));
    this.record('settings.auto_lock');
    this.changed();
    return ok(a.autoLockMinutes);
  }

  async auditTrail(limit: number): Promise<Result<AuditEntry[], IpcError>> {
    this.log('auditTrail');
    const a = this.current();
    if (!a) return err('not_open', 'No archive is open. Open or unlock one first.');
    return ok([...a.audit].reverse().slice(0, limit));
  }

  // --- the register ---

  /** The open archive's register, or `not_open`. */
  private reg<T>(run: (r: MockRegister, actor: string) => Result<T, IpcError>, changes = false): Result<T, IpcError> {
    const a = this.current();
    if (!a || !this.open) return err('not_open', 'No archive is open. Open or unlock one first.');
    const r = run(a.register, this.open.actor);
    if (changes && r.status === 'ok') this.changed();
    return r;
  }

  async unitsList(query: string): Promise<Result<UnitWithOwners[], IpcError>> {
    this.log('unitsList');
    return this.reg((r) => ok(r.unitsList(query)));
  }

  async unitPage(id: number): Promise<Result<UnitPage, IpcError>> {
    this.log('unitPage');
    return this.reg((r) => r.unitPage(id));
  }

  async peopleList(former: boolean, query: string): Promise<Result<PersonListed[], IpcError>> {
    this.log('peopleList');
    return this.reg((r) => ok(r.peopleList(former, query)));
  }

  async personPage(id: number): Promise<Result<PersonPage, IpcError>> {
    this.log('personPage');
    return this.reg((r) => r.personPage(id));
  }

  async peoplePick(query: string): Promise<Result<Candidate[], IpcError>> {
    this.log('peoplePick');
    return this.reg((r) => ok(r.pick(query)));
  }

  async personSplit(id: number, unit: string, phone: string | null, email: string | null): Promise<Result<Split, IpcError>> {
    this.log('personSplit');
    return this.regChange(
      (r) => r.split(id, unit, phone, email),
      (d) => ['person.split', `person:${id} -> person:${d.new.id}`],
    );
  }

  async personConfirmOne(id: number): Promise<Result<null, IpcError>> {
    this.log('personConfirmOne');
    return this.regChange((r) => r.confirmOne(id), () => ['person.confirm_one', `person:${id}`]);
  }

  /** A register change the mock writes to the audit trail as andel-core does (only when something changed). */
  private regChange<T>(run: (r: MockRegister) => Result<T, IpcError>, audit: (data: T) => [string, string] | null): Result<T, IpcError> {
    const r = this.reg((reg) => run(reg), true);
    if (r.status === 'ok') {
      const entry = audit(r.data);
      if (entry) this.record(entry[0], entry[1]);
    }
    return r;
  }

  async unitAdd(fields: UnitFields): Promise<Result<Unit, IpcError>> {
    this.log('unitAdd');
    return this.regChange((r) => r.unitAdd(fields), (u) => ['unit.add', `unit:${u.id}`]);
  }

  async unitUpdate(id: number, changes: UnitFields): Promise<Result<Unit, IpcError>> {
    this.log('unitUpdate');
    const r = this.regChange((reg) => reg.unitUpdate(id, changes), (d) => (d.changed ? ['unit.update', `unit:${id}`] : null));
    return r.status === 'ok' ? ok(r.data.unit) : r;
  }

  async personAdd(fields: PersonFields): Promise<Result<Person, IpcError>> {
    this.log('personAdd');
    return this.regChange((r) => r.personAdd(fields), (p) => ['person.add', `person:${p.id}`]);
  }

  async personUpdate(id: number, changes: PersonFields): Promise<Result<Person, IpcError>> {
    this.log('personUpdate');
    const r = this.regChange((reg) => reg.personUpdate(id, changes), (d) => (d.changed ? ['person.update', `person:${id}`] : null));
    return r.status === 'ok' ? ok(r.data.person) : r;
  }

  async ownershipStart(form: MoveInForm): Promise<Result<TakeOver, IpcError>> {
    this.log('ownershipStart');
    const r = this.regChange((reg) => reg.ownershipStart(form), (m) => ['ownership.start', `ownership:${m.ownership.id}`]);
    if (r.status === 'ok') for (const o of r.data.ended) this.record('ownership.end', `ownership:${o.id}`);
    return r;
  }

  async ownershipEnd(id: number, on: string | null): Promise<Result<Ownership, IpcError>> {
    this.log('ownershipEnd');
    return this.regChange((r) => r.ownershipEnd(id, on), (o) => ['ownership.end', `ownership:${o.id}`]);
  }

  async subletsList(): Promise<Result<Sublet[], IpcError>> {
    this.log('subletsList');
    return this.reg((r) => ok(r.subletsList()));
  }

  async subletRequest(form: SubletForm): Promise<Result<Sublet, IpcError>> {
    this.log('subletRequest');
    return this.reg((r, actor) => r.subletRequest(form, actor), true);
  }

  async subletDecide(id: number, approve: boolean, on: string | null): Promise<Result<Sublet, IpcError>> {
    this.log('subletDecide');
    return this.reg((r, actor) => r.subletDecide(id, approve, on, actor), true);
  }

  async subletEnd(id: number, on: string | null): Promise<Result<Sublet, IpcError>> {
    this.log('subletEnd');
    return this.reg((r) => r.subletEnd(id, on), true);
  }

  private subletRuleOf(r: MockRegister): MaxRule {
    const country = this.current()?.association.country ?? 'DK';
    const defaults = { DK: 24, NO: 36, SE: 12 } as const;
    const source = {
      DK: "ABF's model statutes § 11 (temporary absence, up to two years); the law sets no maximum, your statutes decide",
      NO: 'borettslagsloven § 5-6 (1) (up to three years after living in the unit); a longer sublet on the special grounds of § 5-6 (2) is not too long',
      SE: 'practice of one year at a time; bostadsrättslagen 7 kap. 10–11 §§ set no maximum, the board consents per period',
    } as const;
    const setByBoard = r.boardMaxMonths !== null;
    return { country, months: r.boardMaxMonths ?? defaults[country], default_months: defaults[country], set_by_board: setByBoard, default_source: source[country] };
  }

  async subletRule(): Promise<Result<MaxRule, IpcError>> {
    this.log('subletRule');
    return this.reg((r) => ok(this.subletRuleOf(r)));
  }

  async subletRuleSet(months: number | null): Promise<Result<MaxRule, IpcError>> {
    this.log('subletRuleSet');
    return this.reg((r) => {
      if (months !== null && (months < 1 || months > 120)) return err('invalid_input', `A sublet maximum must be between 1 and 120 months, not ${months}.`);
      r.boardMaxMonths = months;
      r.maxMonths = this.subletRuleOf(r).months;
      return ok(this.subletRuleOf(r));
    }, true);
  }

  async platesList(): Promise<Result<PlateOrder[], IpcError>> {
    this.log('platesList');
    return this.reg((r) => ok(r.plates));
  }

  async plateAdd(unitId: number, lines: string[], kinds: PlateKind[]): Promise<Result<PlateOrder, IpcError>> {
    this.log('plateAdd');
    return this.reg((r) => r.plateAdd(unitId, lines, kinds), true);
  }

  async plateSent(id: number, to: number | null, on: string | null): Promise<Result<PlateOrder, IpcError>> {
    this.log('plateSent');
    return this.reg((r) => r.plateSent(id, to, on), true);
  }

  /** PDFs "written" by the mock: path → the document's title and text. */
  pdfs = new Map<string, { title: string; text: string }>();
  /** What the native save dialog answers next (`null`: the user cancels). */
  nextPickedPdf: string | null = '/home/board/Documents/document.pdf';
  /** Paths handed to the system viewer. */
  openedPdfs: string[] = [];

  async pickPdfPath(_suggestedName: string): Promise<string | null> {
    this.log('pickPdfPath');
    return this.nextPickedPdf;
  }

  async openPdf(path: string): Promise<Result<null, IpcError>> {
    this.log('openPdf');
    if (!this.pdfs.has(path)) return err('not_found', `${path} is not a PDF that exists. Save the document again.`);
    this.openedPdfs.push(path);
    return ok(null);
  }

  /** Where a typed name lands, as the Rust side resolves it. */
  private pdfPath(typed: string): Result<string, IpcError> {
    const t = typed.trim();
    if (!t) return err('invalid_input', 'Give the PDF a file name, or choose where to save it.');
    const full = t.startsWith('/') ? t : `/home/board/Documents/${t}`;
    const ext = /\.([^./]+)$/.exec(full)?.[1];
    if (ext === undefined) return ok(`${full}.pdf`);
    if (ext.toLowerCase() !== 'pdf') return err('invalid_input', `"${t}" ends in .${ext}; a PDF's name ends in .pdf.`);
    if (this.readOnlyFolders.some((f) => full.startsWith(`${f}/`))) return err('not_writable', `Cannot write ${full}: permission denied.`);
    return ok(full);
  }

  /** Writes a document "to disk". */
  savePdf(doc: BoardDocument, typed: string): Result<{ path: string; bytes: number; title: string }, IpcError> {
    const path = this.pdfPath(typed);
    if (path.status === 'error') return path;
    const text = JSON.stringify(doc.blocks);
    this.pdfs.set(path.data, { title: doc.title, text });
    return ok({ path: path.data, bytes: 20_000 + text.length, title: doc.title });
  }

  async platesOrderPreview(ids: number[]): Promise<Result<BoardDocument, IpcError>> {
    this.log('platesOrderPreview');
    const a = this.current();
    return this.reg((r) => r.plateOrderDocument(ids, a?.association ?? null, this.now()));
  }

  async platesOrderSave(ids: number[], path: string, markSent: boolean): Promise<Result<PlatesOrderSaved, IpcError>> {
    this.log('platesOrderSave');
    const a = this.current();
    const doc = this.reg((r) => r.plateOrderDocument(ids, a?.association ?? null, this.now()));
    if (doc.status === 'error') return doc;
    const saved = this.savePdf(doc.data, path);
    if (saved.status === 'error') return saved;
    let marked = 0;
    if (markSent) {
      const r = this.reg((reg) => {
        const caretakers = reg.organisations.filter((o) => o.kind === 'caretaker');
        const to = caretakers.length === 1 ? caretakers[0]!.id : null;
        for (const o of reg.platesForOrder(ids)) {
          if (o.status === 'draft' && reg.plateSent(o.id, to, null).status === 'ok') marked += 1;
        }
        return ok(marked);
      }, true);
      if (r.status === 'error') return r;
    }
    return ok({ saved: saved.data, marked });
  }

  async plateMounted(id: number, on: string | null): Promise<Result<PlateOrder, IpcError>> {
    this.log('plateMounted');
    return this.reg((r) => r.plateMounted(id, on), true);
  }

  async rolesList(all: boolean): Promise<Result<Role[], IpcError>> {
    this.log('rolesList');
    return this.reg((r) => ok(r.rolesList(all)));
  }

  async roleAdd(name: string, kind: RoleKind, from: string | null, to: string | null): Promise<Result<Role, IpcError>> {
    this.log('roleAdd');
    return this.reg((r) => r.roleAdd(name, kind, from, to), true);
  }

  async roleEnd(id: number, on: string | null): Promise<Result<Role, IpcError>> {
    this.log('roleEnd');
    return this.reg((r) => r.roleEnd(id, on), true);
  }

  async organisationsList(): Promise<Result<Organisation[], IpcError>> {
    this.log('organisationsList');
    return this.reg((r) => ok(r.organisations));
  }

  async organisationAdd(fields: OrganisationFields): Promise<Result<Organisation, IpcError>> {
    this.log('organisationAdd');
    return this.reg((r) => r.organisationAdd(fields), true);
  }

  async organisationUpdate(id: number, changes: OrganisationFields): Promise<Result<Organisation, IpcError>> {
    this.log('organisationUpdate');
    return this.reg((r) => r.organisationUpdate(id, changes), true);
  }

  // --- privacy ---

  /** The open archive's privacy state and the document language, or `not_open`. */
  private priv<T>(lang: Lang | null, run: (p: MockPrivacy, lang: Lang, a: MockArchive) => Result<T, IpcError>, changes = false): Result<T, IpcError> {
    const a = this.current();
    if (!a || !this.open) return err('not_open', 'No archive is open. Open or unlock one first.');
    let p = this.privacyOf.get(a);
    if (!p) {
      p = new MockPrivacy(
        () => a.association.country,
        () => this.now(),
        (action, subject) => this.record(action, subject),
      );
      this.privacyOf.set(a, p);
    }
    const own: Record<Country, Lang> = { DK: 'da', NO: 'nb', SE: 'sv' };
    const r = run(p, lang ?? own[a.association.country], a);
    if (changes && r.status === 'ok') this.changed();
    return r;
  }

  async privacyActivities(lang: Lang | null): Promise<Result<Activity[], IpcError>> {
    this.log('privacyActivities');
    return this.priv(lang, (p, l) => ok(p.list(l)));
  }

  async privacyActivityUpdate(id: number, fields: ActivityFields, lang: Lang | null): Promise<Result<Activity, IpcError>> {
    this.log('privacyActivityUpdate');
    return this.priv(lang, (p, l) => p.update(id, fields, l), true);
  }

  async privacyActivityAdd(fields: ActivityFields, lang: Lang | null): Promise<Result<Activity, IpcError>> {
    this.log('privacyActivityAdd');
    return this.priv(lang, (p, l) => p.add(fields, l), true);
  }

  async privacyActivitySetActive(id: number, active: boolean, lang: Lang | null): Promise<Result<Activity, IpcError>> {
    this.log('privacyActivitySetActive');
    return this.priv(lang, (p, l) => p.setActive(id, active, l), true);
  }

  async privacyActivityReset(id: number, field: ActivityField, lang: Lang | null): Promise<Result<Activity, IpcError>> {
    this.log('privacyActivityReset');
    return this.priv(lang, (p, l) => p.reset(id, field, l), true);
  }

  async privacyNoticePreview(lang: Lang | null): Promise<Result<Notice, IpcError>> {
    this.log('privacyNoticePreview');
    return this.priv(lang, (p, l, a) => ok(p.notice(a.association, a.register.organisations, l, false)));
  }

  async privacyNoticeSave(lang: Lang | null, path: string): Promise<Result<NoticeSaved, IpcError>> {
    this.log('privacyNoticeSave');
    return this.priv(
      lang,
      (p, l, a) => {
        const before = p.notice(a.association, a.register.organisations, l, false);
        const target = this.pdfPath(path);
        if (target.status === 'error') return target;
        const issued = p.notice(a.association, a.register.organisations, l, true);
        const saved = this.savePdf(issued.document, target.data);
        if (saved.status === 'error') return saved;
        return ok({ saved: saved.data, version: issued.version, effective_on: issued.effective_on, new_edition: !before.issued, draft: false });
      },
      true,
    );
  }

  async privacyRecordPreview(lang: Lang | null): Promise<Result<BoardDocument, IpcError>> {
    this.log('privacyRecordPreview');
    return this.priv(lang, (p, l, a) => ok(p.record(a.association, a.register.organisations, l)));
  }

  async privacyRecordSave(lang: Lang | null, path: string): Promise<Result<SavedPdf, IpcError>> {
    this.log('privacyRecordSave');
    return this.priv(lang, (p, l, a) => this.savePdf(p.record(a.association, a.register.organisations, l), path));
  }

  async attention(): Promise<Result<Attention, IpcError>> {
    this.log('attention');
    const notice = this.priv(null, (p, l, a) => {
      const n = p.notice(a.association, a.register.organisations, l, false);
      return ok(n.issued ? null : { language: l, version: n.version, earlier_issued: p.issuedEver(l) });
    });
    return this.req((q, r) =>
      ok({
        ...r.attention(),
        requests_due: q.needingAttention(),
        retention_due: q.retentionDue(),
        notice_due: notice.status === 'ok' ? notice.data : null,
      }),
    );
  }

  // --- residents' requests, retention, erasure, handover ---

  /** The open archive's requests (the demo's come seeded). */
  private requestsStore(): MockRequests | null {
    const a = this.current();
    if (!a) return null;
    let q = this.requestsOf.get(a);
    if (!q) {
      q = new MockRequests(() => iso(this.now()), a.register);
      this.requestsOf.set(a, q);
      if (this.files.get(MOCK_DEMO_PATH) === a) seedRequests(q, a.register);
    }
    return q;
  }

  private req<T>(run: (q: MockRequests, r: MockRegister, a: MockArchive) => Result<T, IpcError>, changes = false): Result<T, IpcError> {
    const q = this.requestsStore();
    const a = this.current();
    if (!q || !a) return err('not_open', 'No archive is open. Open or unlock one first.');
    const r = run(q, a.register, a);
    if (changes && r.status === 'ok') this.changed();
    return r;
  }

  async requestsList(): Promise<Result<Request[], IpcError>> {
    this.log('requestsList');
    return this.req((q) => ok(q.list()));
  }

  async requestAdd(form: RequestForm): Promise<Result<Request, IpcError>> {
    this.log('requestAdd');
    return this.req((q) => q.add(form), true);
  }

  async requestIdentity(id: number, how: string, on: string | null): Promise<Result<Request, IpcError>> {
    this.log('requestIdentity');
    return this.req((q) => q.identity(id, how, on), true);
  }

  async requestExtend(id: number, months: number, reason: string): Promise<Result<Request, IpcError>> {
    this.log('requestExtend');
    return this.req((q) => q.extend(id, months, reason), true);
  }

  async requestClose(id: number, status: RequestStatus, on: string | null): Promise<Result<Request, IpcError>> {
    this.log('requestClose');
    return this.req((q) => q.close(id, status, on), true);
  }

  async accessReplyPreview(id: number, lang: Lang | null): Promise<Result<ReplyPreview, IpcError>> {
    this.log('accessReplyPreview');
    const r = this.req((q, _r, a) => q.access(id, a.association, (s) => this.minutes()?.search(s) ?? [], lang));
    return r.status === 'ok' ? ok({ export: r.data, left_out: 0 }) : r;
  }

  async accessReplySave(id: number, path: string, lang: Lang | null): Promise<Result<SavedReply, IpcError>> {
    this.log('accessReplySave');
    return this.req((q, _r, a) => {
      const pdf = /\.pdf$/i.test(path.trim()) ? path.trim() : `${path.trim()}.pdf`;
      if (!path.trim()) return err('invalid_input', 'Give the file a name, or choose where to save it.');
      if (this.readOnlyFolders.some((f) => pdf.startsWith(`${f}/`))) return err('not_writable', `Could not write ${pdf}: permission denied.`);
      if (this.savedReplies.has(pdf)) return err('already_exists', `${pdf} already exists. Choose another name; Andel does not overwrite it.`);
      const data = q.access(id, a.association, (s) => this.minutes()?.search(s) ?? [], lang);
      if (data.status !== 'ok') return data;
      this.savedReplies.set(pdf, data.data);
      return ok({ pdf, json: pdf.replace(/\.pdf$/i, '.json'), mentions: data.data.minutes_mentions.length, left_out: 0 });
    });
  }

  async erasePlan(personId: number): Promise<Result<ErasurePlan, IpcError>> {
    this.log('erasePlan');
    return this.req((q, _r, a) => q.erasePlan(personId, a.association.country));
  }

  async erasePerson(personId: number): Promise<Result<ErasureReport, IpcError>> {
    this.log('erasePerson');
    const r = this.req((q, _r, a) => q.erase(personId, a.association.country), true);
    if (r.status === 'ok') this.record('person.erase', `person:${personId}`);
    return r;
  }

  async retentionRules(): Promise<Result<Rule[], IpcError>> {
    this.log('retentionRules');
    return this.req((q) => ok(q.retentionRules()));
  }

  async retentionSet(kind: RecordKind, months: number | null): Promise<Result<Rule, IpcError>> {
    this.log('retentionSet');
    return this.req((q) => q.retentionSet(kind, months), true);
  }

  async retentionReset(kind: RecordKind): Promise<Result<Rule, IpcError>> {
    this.log('retentionReset');
    return this.req((q) => ok(q.retentionReset(kind)), true);
  }

  async retentionDue(): Promise<Result<DueItem[], IpcError>> {
    this.log('retentionDue');
    return this.req((q) => ok(q.retentionDue()));
  }

  async retentionApply(expected: number): Promise<Result<Applied, IpcError>> {
    this.log('retentionApply');
    const r = this.req((q) => q.retentionApply(expected), true);
    if (r.status === 'ok') for (const i of r.data.items) this.record('retention.apply', `${i.kind}:${i.record_id}`);
    return r;
  }

  private boards(r: MockRegister): Boards {
    const today = iso(this.now());
    const yearAgo = iso(new Date(this.now().getTime() - 366 * 86_400_000));
    const board = ['chair', 'vice-chair', 'treasurer', 'secretary', 'board-member', 'alternate'];
    const label = (x: Role) => `${x.person_name} (${x.kind})`;
    return {
      incoming: r.roles.filter((x) => board.includes(x.kind) && (x.from === null || x.from <= today) && (x.to === null || x.to >= today)).map(label),
      outgoing: r.roles.filter((x) => board.includes(x.kind) && x.to !== null && x.to < today && x.to >= yearAgo).map(label),
    };
  }

  async handoverStart(): Promise<Result<HandoverStart, IpcError>> {
    this.log('handoverStart');
    return this.req((q, r, a) => {
      const path = this.open!.path;
      const folder = path.slice(0, Math.max(0, path.lastIndexOf('/')));
      const stem = fileName(path).replace(/\.andel$/, '');
      const year = this.now().getFullYear();
      let suggested = `${folder}/${stem}-${year}.andel`;
      for (let n = 2; this.files.has(suggested); n++) suggested = `${folder}/${stem}-${year}-${n}.andel`;
      return ok({ boards: this.boards(r), suggested_path: suggested, encryption: a.protection, retention_due: q.retentionDue().length });
    });
  }

  async pickHandoverPath(_suggested: string): Promise<string | null> {
    this.log('pickHandoverPath');
    return this.nextPickedHandover;
  }

  async handoverRun(form: HandoverForm): Promise<Result<HandoverReceipt, IpcError>> {
    this.log('handoverRun');
    return this.req((q, r, a) => {
      let path = form.path.trim();
      if (!path) return err('invalid_input', 'Choose where the new archive goes.');
      if (!/\.[a-z]+$/i.test(fileName(path))) path = `${path}.andel`;
      if (path === this.open!.path) return err('invalid_input', 'The new archive must be a new file, not the archive itself. Choose another name, such as the year of the new board.');
      const receipt = path.replace(/(\.[a-z]+)?$/i, '-receipt.pdf');
      if (this.files.has(path) || this.receipts.has(receipt)) return err('already_exists', `A file already exists at ${this.files.has(path) ? path : receipt}. Choose another name; a handover never overwrites a file.`);
      if (this.readOnlyFolders.some((f) => path.startsWith(`${f}/`))) return err('not_writable', `Andel may not write in ${path.slice(0, path.lastIndexOf('/'))}. Check the folder's permissions or choose another folder.`);
      const keys = form.recipients.map((k) => k.trim()).filter(Boolean);
      const bad = keys.find((k) => !/^age1[0-9a-z]{20,}$/.test(k));
      if (bad) return err('invalid_input', `"${bad}" is not an age public key (they start with age1).`);
      const passphrase = form.passphrase ?? '';
      if (keys.length === 0 && !passphrase) return err('invalid_input', 'Type the new passphrase, or give the new board members’ keys.');
      if (keys.length === 0 && a.protection === 'passphrase' && passphrase === a.passphrase) {
        return err('invalid_input', 'The new passphrase is the old one. A handover needs a new passphrase, so the outgoing board can no longer open the archive.');
      }
      // The new file shares the register object with the old one: the mock has no serializer,
      // and nothing in the UI changes the old archive after a handover.
      this.addArchive(path, {
        protection: keys.length ? 'recipients' : 'passphrase',
        passphrase: keys.length ? undefined : passphrase,
        keyFile: keys.length ? `${path}.key` : undefined,
        association: { ...a.association },
        autoLockMinutes: a.autoLockMinutes,
        audit: [...a.audit, { at: this.now().toISOString(), actor: this.open!.actor, action: 'archive.handover', subject: `to ${fileName(path)}` }],
        register: r,
      });
      const counts = {
        audit_entries: a.audit.length + 1,
        units: r.units.length,
        people: r.people.length,
        ownerships: r.ownerships.length,
        sublets: r.sublets.length,
        name_plate_orders: r.plates.length,
        roles: r.roles.length,
        organisations: r.organisations.length,
        documents: this.minutes()?.list().length ?? 0,
        requests: q.requests.length,
      };
      let h = 0x811c9dc5;
      for (const c of `${path}|${passphrase}|${keys.join(',')}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
      const sha256 = Array.from({ length: 8 }, (_, i) => ((h ^ Math.imul(i + 1, 0x9e3779b9)) >>> 0).toString(16).padStart(8, '0')).join('');
      const boards = { outgoing: form.outgoing.filter((x) => x.trim()), incoming: form.incoming.filter((x) => x.trim()) };
      const date = iso(this.now());
      const document: BoardDocument = {
        title: 'Kvittering for overdragelse af arkivet',
        subtitle: date,
        lang: 'da',
        letterhead: { name: a.association.name, address: a.association.address, org_number: a.association.org_number, email: a.association.email },
        blocks: [
          { type: 'facts', rows: [['Forening', a.association.name], ['Dato', date], ['Afgående bestyrelse', boards.outgoing.join(', ')], ['Ny bestyrelse', boards.incoming.join(', ')], ['Ny fil', fileName(path)]] },
          { type: 'paragraph', text: `SHA-256: ${sha256}` },
          { type: 'checklist', items: ['Adgangskoderne til bestyrelsens e-mail og skyarkiv er skiftet.', 'De afgående medlemmer har slettet deres kopier.'] },
        ],
        created: this.now().toISOString(),
      };
      // The sweep first, when the board chose it (as the Rust command does on the open archive).
      let swept = 0;
      if (form.sweep_first) {
        const applied = q.retentionApply(q.retentionDue().length);
        if (applied.status !== 'ok') return applied;
        swept = applied.data.items.length;
      }
      const stillDue: DueCount[] = [];
      for (const i of q.retentionDue()) {
        const d = stillDue.find((x) => x.kind === i.kind);
        if (d) d.count += 1;
        else stillDue.push({ kind: i.kind, count: 1 });
      }
      const done: HandoverReceipt = {
        association: a.association.name,
        date,
        file: path,
        file_name: fileName(path),
        receipt,
        sha256,
        counts,
        encryption: keys.length ? 'recipients' : 'passphrase',
        recipients: keys.length,
        verified: true,
        old_passphrase_refused: a.protection === 'passphrase' ? true : null,
        boards,
        retention_swept: swept,
        retention_due: q.retentionDue().length,
        retention_still_due: stillDue,
        document,
      };
      this.receipts.set(receipt, done);
      return ok(done);
    });
  }

  async pickResidentList(): Promise<string | null> {
    this.log('pickResidentList');
    return this.nextPickedList;
  }

  async importRead(path: string): Promise<Result<ImportDraft, IpcError>> {
    this.log('importRead');
    const list = this.residentLists.get(path);
    if (!list) return err('not_found', `Cannot read ${path}: No such file or directory (os error 2)`);
    if (list.header.length < 2) {
      return err('invalid_input', 'This file is not a resident list: it has one column. Export the list from the administrator\'s system as CSV or Excel (.xlsx).');
    }
    const r = this.reg((reg) => ok(reg.importDraft(list, [])));
    if (r.status === 'ok') this.loadedList = list;
    return r;
  }

  async importPreview(mapping: ColumnChoice[]): Promise<Result<ImportDraft, IpcError>> {
    this.log('importPreview');
    const list = this.loadedList;
    if (!list) return err('invalid_input', 'No resident list is loaded. Choose the file again.');
    return this.reg((r) => ok(r.importDraft(list, mapping)));
  }

  async importApply(mapping: ColumnChoice[], massEndConfirmed: boolean): Promise<Result<Preview, IpcError>> {
    this.log('importApply');
    const list = this.loadedList;
    if (!list) return err('invalid_input', 'No resident list is loaded. Choose the file again.');
    const r = this.reg((reg) => reg.importList(list, mapping, true, massEndConfirmed), true);
    if (r.status === 'ok') this.loadedList = null;
    return r;
  }

  async importCancel(): Promise<void> {
    this.log('importCancel');
    this.loadedList = null;
  }

  // --- the minutes ---

  /** The open archive's minutes (created empty on first use). */
  minutes(): MockMinutes | null {
    const a = this.current();
    if (!a) return null;
    let m = this.minutesOf.get(a);
    if (!m) {
      m = new MockMinutes(() => iso(this.now()));
      this.minutesOf.set(a, m);
    }
    return m;
  }

  private min<T>(run: (m: MockMinutes) => Result<T, IpcError>, changes = false): Result<T, IpcError> {
    const m = this.minutes();
    if (!m) return err('not_open', 'No archive is open. Open or unlock one first.');
    const r = run(m);
    if (changes && r.status === 'ok') this.changed();
    return r;
  }

  async minutesList(): Promise<Result<Document[], IpcError>> {
    this.log('minutesList');
    return this.min((m) => ok(m.list()));
  }

  async minutesSearch(query: string): Promise<Result<SearchHit[], IpcError>> {
    this.log('minutesSearch');
    return this.min((m) => ok(m.search(query)));
  }

  async pickMinutesFile(): Promise<string | null> {
    this.log('pickMinutesFile');
    return this.nextPickedMinutes;
  }

  async importMinutes(
    path: string,
    date: string | null,
    kind: MeetingKind | null,
    language: Language | null,
  ): Promise<Result<ImportedMinutes, IpcError>> {
    this.log('importMinutes');
    const scan = this.scanFiles.get(path);
    if (scan) {
      // As the Rust side: a progress event per page, a cancel between pages, nothing stored then.
      this.scanCancelled = false;
      this.lastScanLanguage = language ?? 'da';
      for (let page = 1; page <= scan.pages; page++) {
        for (const l of this.scanListeners) l({ page, pages: scan.pages });
        await this.scanPause();
        if (this.scanCancelled) return err('cancelled', 'Reading the scan was cancelled; nothing was imported.');
      }
    }
    const text = scan?.text ?? this.minutesFiles.get(path);
    if (text === undefined) return err('not_found', `Cannot read ${path}: No such file or directory (os error 2)`);
    return this.min(
      (m) => {
        const r = m.add(fileName(path), text, date, kind);
        if (r.status === 'error') return r;
        return ok({
          document: r.data,
          ocr_language: scan ? (language ?? 'da') : null,
          ocr_pages: scan?.pages ?? 0,
          warnings: [],
        });
      },
      true,
    );
  }

  async cancelMinutesImport(): Promise<void> {
    this.log('cancelMinutesImport');
    this.scanCancelled = true;
  }

  async minutesReview(id: number): Promise<Result<Review, IpcError>> {
    this.log('minutesReview');
    return this.min((m) => m.review(id));
  }

  async minutesDecide(id: number, decision: PassageDecision): Promise<Result<Review, IpcError>> {
    this.log('minutesDecide');
    return this.min((m) => m.decide(id, decision), true);
  }

  async minutesReviewRestart(id: number): Promise<Result<Review, IpcError>> {
    this.log('minutesReviewRestart');
    return this.min((m) => m.restart(id), true);
  }

  async pickExportPath(_suggestedName: string): Promise<string | null> {
    this.log('pickExportPath');
    return this.nextPickedExport;
  }

  async exportMinutes(id: number, path: string, style: Style, replace: boolean): Promise<Result<ExportReport, IpcError>> {
    this.log('exportMinutes');
    if (this.readOnlyFolders.some((f) => path.startsWith(`${f}/`))) {
      return err('not_writable', `Cannot write ${path}: permission denied.`);
    }
    return this.min((m) => {
      const r = m.export(id, path, style);
      if (r.status === 'error') return r;
      if (this.exported.has(path) && !replace) return err('already_exists', `${path} already exists. Replace it, or choose another name.`);
      this.exported.set(path, r.data.text);
      this.record(`minutes.export.${path.split('.').pop()?.toLowerCase() ?? 'txt'}`, `document:${id}`);
      this.changed();
      return ok(r.data.report);
    });
  }

  /** As the app: the original (a .docx or PDF minutes file) published in place. The mock has no
   * file engine: it redacts the text as the text export does and hands back that text as the file. */
  async exportMinutesOriginal(id: number, path: string, style: Style, dropImages: boolean, replace: boolean): Promise<Result<OriginalExport, IpcError>> {
    this.log('exportMinutesOriginal');
    return this.min((m) => {
      const doc = m.review(id);
      if (doc.status === 'error') return doc;
      const format = doc.data.document.format;
      if ((format !== 'docx' && format !== 'pdf') || !path.toLowerCase().endsWith(`.${format}`)) {
        return err('invalid_input', `The original is ${doc.data.document.file_name}: save the published file with the same extension.`);
      }
      const r = m.export(id, path.replace(/\.[^.]+$/, '.txt'), style);
      if (r.status === 'error') return r;
      if (this.exported.has(path) && !replace) return err('already_exists', `${path} already exists. Replace it, or choose another name.`);
      this.exported.set(path, r.data.text);
      this.record(`minutes.export.original.${format}`, `document:${id}`);
      this.changed();
      const images = format === 'docx' ? 1 : 0;
      return ok({
        path,
        format,
        redacted: r.data.report.redacted,
        kept: r.data.report.kept,
        cleaned: {
          images_kept: dropImages ? 0 : images,
          images_dropped: dropImages ? images : 0,
          comments_removed: 0,
          changes_accepted: 0,
          properties_cleared: true,
        },
        file: [...new TextEncoder().encode(r.data.text)],
      });
    });
  }

  async quit(discardUnsaved: boolean): Promise<Result<null, IpcError>> {
    this.log('quit');
    if (this.open && this.saveFailure && !discardUnsaved) {
      return err(this.saveFailure.code, this.saveFailure.message);
    }
    this.quitCalled = discardUnsaved;
    this.open = null;
    return ok(null);
  }

  async onSaveStateChanged(handler: (state: SaveState) => void): Promise<Unlisten> {
    this.saveListeners.add(handler);
    return () => this.saveListeners.delete(handler);
  }

  async onScanProgress(handler: (progress: ScanProgress) => void): Promise<Unlisten> {
    this.scanListeners.add(handler);
    return () => this.scanListeners.delete(handler);
  }

  async onCloseBlocked(handler: (blocked: CloseBlocked) => void): Promise<Unlisten> {
    this.closeListeners.add(handler);
    return () => this.closeListeners.delete(handler);
  }
}
