// The register as the mock backend keeps it: units, people, ownerships, sublets, name plates,
// roles, organisations and the import of a resident list. It follows andel-core's rules where the
// UI can tell the difference: the national-ID guard, overlapping sublets, the 30-day warning,
// the maximum period, the order draft → sent → mounted, and the import's preview/apply.
import type {
  Association,
  BoardDocument,
  Candidate,
  IdentityReview,
  Split,
  Attention,
  Change,
  Column,
  ColumnChoice,
  ErrorCode,
  Field,
  ImportDraft,
  IpcError,
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
  Preview,
  Result,
  Role,
  RoleKind,
  RowIssue,
  Sublet,
  SubletForm,
  Unit,
  UnitFields,
  UnitPage,
  UnitWithOwners,
  Warning,
} from './index';

function ok<T>(data: T): Result<T, IpcError> {
  return { status: 'ok', data };
}

function err<T>(code: ErrorCode, message: string): Result<T, IpcError> {
  return { status: 'error', error: { code, message } };
}

/** A resident list on the fake disk: its header and rows, as the file holds them. */
export interface MockList {
  header: string[];
  rows: string[][];
}

type StoredSublet = Omit<Sublet, 'status' | 'warnings'>;

const DAY = 86_400_000;

export function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function days(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY);
}

export function addDays(day: string, n: number): string {
  return iso(new Date(Date.parse(day) + n * DAY));
}

/** Something shaped like a CPR number, fødselsnummer or personnummer. */
export function looksLikeNationalId(text: string): boolean {
  return /\b\d{6}[-+]?\d{4,5}\b/.test(text) || /\b(19|20)\d{6}[-+]?\d{4}\b/.test(text);
}

function guard(field: string, value: string | null | undefined): IpcError | null {
  if (value && looksLikeNationalId(value)) {
    return {
      code: 'invalid_input',
      message: `${field} holds what looks like a Danish CPR number. Andel never stores national identity numbers: the board does not need them. Remove it and try again.`,
    };
  }
  return null;
}

/** andel-core's `tidy`: trimmed, runs of whitespace collapsed. */
function tidy(text: string): string {
  return text.split(/\s+/).filter(Boolean).join(' ');
}

/** andel-core's `optional`: `null` for a blank text, else the tidied text. */
function optional(text: string | null | undefined): string | null {
  const t = tidy(text ?? '');
  return t ? t : null;
}

/** andel-core's deliberately loose e-mail check. */
function looksLikeEmail(text: string): boolean {
  const at = text.indexOf('@');
  if (at <= 0) return false;
  const domain = text.slice(at + 1);
  return domain.includes('.') && !domain.startsWith('.') && !domain.endsWith('.') && !/\s/.test(text);
}

/** Column names the mock recognises (a small part of andel-core's table). */
const HEADERS: Record<string, Field> = {
  andelsnr: 'share',
  'leil nr': 'flat',
  adresse: 'address',
  'postnr og by': 'postcode_city',
  etage: 'floor',
  navn: 'name',
  medejer: 'co_owner',
  telefon: 'phone',
  'e mail': 'email',
  indflyttet: 'moved_in',
  fremlejet: 'sublet',
  cpr: 'national_id',
};

function normalise(header: string): string {
  return header
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function danishDate(text: string): string | null | 'bad' {
  const t = text.trim();
  if (!t) return null;
  const m = /^(\d{1,2})[.-](\d{1,2})[.-](\d{4})$/.exec(t);
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  return 'bad';
}

export class MockRegister {
  units: Unit[] = [];
  people: Person[] = [];
  ownerships: Ownership[] = [];
  sublets: StoredSublet[] = [];
  plates: PlateOrder[] = [];
  roles: Role[] = [];
  organisations: Organisation[] = [];
  /** The mapping choices of earlier imports (normalised header → field). */
  remembered = new Map<string, Field>();
  /** Records marked for the board to check (an earlier version merged namesakes). */
  review = new Map<number, IdentityReview>();
  maxMonths = 24;
  /** The board's own maximum; null: the country's default. */
  boardMaxMonths: number | null = null;
  private nextId = 1;

  constructor(readonly today: () => string) {}

  private id(): number {
    return this.nextId++;
  }

  // --- building blocks ---

  addUnit(number: string, address: string | null = null, floor: string | null = null): Unit {
    const u: Unit = { id: this.id(), number, flat: null, address, postcode_city: null, floor_side: floor };
    this.units.push(u);
    return u;
  }

  findOrAddPerson(name: string, phone: string | null = null, email: string | null = null): Person {
    const key = name.trim().toLowerCase();
    const found = this.people.find((p) => p.name.toLowerCase() === key);
    if (found) return found;
    const p: Person = { id: this.id(), name: name.trim(), phone, email, note: null };
    this.people.push(p);
    return p;
  }

  startOwnership(unit: Unit, person: Person, from: string | null, to: string | null = null): Ownership {
    const o: Ownership = {
      id: this.id(),
      unit_id: unit.id,
      unit_number: unit.number,
      person_id: person.id,
      person_name: person.name,
      from,
      to,
    };
    this.ownerships.push(o);
    if (!to) this.propose(unit, [person.name], 'ownership');
    return o;
  }

  private propose(unit: Unit, names: string[], cause: string): void {
    this.plates.push({
      id: this.id(),
      unit_id: unit.id,
      unit_number: unit.number,
      lines: names,
      kinds: ['door', 'mailbox'],
      cause,
      created_on: this.today(),
      sent_on: null,
      sent_to: null,
      sent_to_name: null,
      mounted_on: null,
      status: 'draft',
    });
  }

  /** As andel-core: an ownership's end is the first day the person no longer owns the unit. */
  private isCurrent(o: Ownership, on: string): boolean {
    return (o.from === null || o.from <= on) && (o.to === null || o.to > on);
  }

  private owners(unit: number): Ownership[] {
    const today = this.today();
    return this.ownerships.filter((o) => o.unit_id === unit && this.isCurrent(o, today));
  }

  private withStatus(s: StoredSublet): Sublet {
    const today = this.today();
    let status: Sublet['status'];
    if (s.ended_on) status = 'ended';
    else if (s.decision === null) status = 'requested';
    else if (s.decision === 'rejected') status = 'rejected';
    else status = today < s.from ? 'approved' : 'active';
    const warnings: Warning[] = [];
    if (status === 'approved' || status === 'active') {
      const left = days(today, s.to);
      if (left < 0) warnings.push({ kind: 'overdue', since: s.to });
      else if (left <= 30) warnings.push({ kind: 'ends_soon', days: left });
    }
    if (status !== 'rejected' && status !== 'ended') {
      const months = Math.round(days(s.from, s.to) / 30.44);
      if (months > this.maxMonths) warnings.push({ kind: 'too_long', months, max_months: this.maxMonths });
    }
    return { ...s, status, warnings };
  }

  // --- residents ---

  unitsList(query: string): UnitWithOwners[] {
    const q = query.trim().toLowerCase();
    return this.units
      .map((u) => {
        const owners = this.owners(u.id);
        return { ...u, owners: owners.map((o) => o.person_name), owner_ids: owners.map((o) => o.person_id) };
      })
      .filter(
        (u) =>
          !q ||
          u.number.toLowerCase() === q ||
          (u.address ?? '').toLowerCase().includes(q) ||
          u.owners.some((n) => n.toLowerCase().includes(q)),
      )
      .sort((a, b) => a.number.localeCompare(b.number, undefined, { numeric: true }));
  }

  unitPage(id: number): Result<UnitPage, IpcError> {
    const unit = this.units.find((u) => u.id === id);
    if (!unit) return err('not_found', `There is no unit #${id}.`);
    return ok({
      unit,
      ownerships: this.ownerships.filter((o) => o.unit_id === id),
      sublets: this.sublets.filter((s) => s.unit_id === id).map((s) => this.withStatus(s)),
      plates: this.plates.filter((p) => p.unit_id === id),
    });
  }

  private standing(p: Person): PersonListed {
    const today = this.today();
    const owns = this.ownerships.filter((o) => o.person_id === p.id);
    const units = owns.filter((o) => this.isCurrent(o, today)).map((o) => o.unit_number);
    const roles = this.roles
      .filter((r) => r.person_id === p.id && (r.to === null || r.to >= today))
      .map((r) => r.kind);
    const subletting = this.sublets.some((s) => s.subtenant_id === p.id && !s.ended_on && s.to >= today);
    const current = units.length > 0 || roles.length > 0 || subletting;
    const ends = owns.map((o) => o.to).filter((t): t is string => t !== null);
    return {
      ...p,
      standing: current ? 'current' : 'former',
      units,
      roles,
      moved_out: current || ends.length === 0 ? null : ends.sort().at(-1)!,
    };
  }

  peopleList(former: boolean, query: string): PersonListed[] {
    const q = query.trim().toLowerCase();
    return this.people
      .map((p) => this.standing(p))
      .filter((p) => p.standing === (former ? 'former' : 'current'))
      .filter((p) => !q || [p.name, p.phone, p.email].some((t) => (t ?? '').toLowerCase().includes(q)))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  personPage(id: number): Result<PersonPage, IpcError> {
    const person = this.people.find((p) => p.id === id);
    if (!person) return err('not_found', `There is no person #${id}.`);
    return ok({
      person,
      standing: this.standing(person).standing,
      ownerships: this.ownerships.filter((o) => o.person_id === id),
      sublets: this.sublets
        .filter((s) => s.subtenant_id === id || s.owner_id === id)
        .map((s) => this.withStatus(s)),
      roles: this.roles.filter((r) => r.person_id === id),
      review: this.review.get(id) ?? null,
    });
  }

  // --- identity: the picker, splitting a merged record ---

  private candidate(p: Person): Candidate {
    const units = [...new Set(this.ownerships.filter((o) => o.person_id === p.id).map((o) => o.unit_number))];
    return { id: p.id, name: p.name, units, phone: p.phone, email: p.email };
  }

  /** As andel-core's people::pick: name, phone or e-mail holds the query; erased people left out. */
  pick(query: string): Candidate[] {
    const q = query.trim().split(/\s+/).join(' ').toLowerCase();
    if (!q) return [];
    return this.people
      .filter((p) => !/^(Slettet|Raderad|Erased) person/.test(p.name))
      .filter((p) => [p.name, p.phone, p.email].some((t) => t !== null && t.toLowerCase().includes(q)))
      .sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id)
      .slice(0, 50)
      .map((p) => this.candidate(p));
  }

  /** As andel-core's split::split: unit `unit`'s ownerships and sublets move to a new namesake. */
  split(id: number, unit: string, phone: string | null, email: string | null): Result<Split, IpcError> {
    const person = this.people.find((p) => p.id === id);
    if (!person) return err('not_found', `There is no person #${id} in the register. \`andel people list --json\` shows each person's id.`);
    const u = this.units.find((x) => x.number.toLowerCase() === unit.trim().toLowerCase());
    if (!u) return err('not_found', `There is no unit ${unit.trim()} in the register.`);
    const here = this.ownerships.filter((o) => o.person_id === id && o.unit_id === u.id);
    if (here.length === 0) return err('invalid_input', `${person.name} (#${id}) never owned unit ${u.number}; nothing of theirs belongs to it.`);
    const elsewhere =
      this.ownerships.some((o) => o.person_id === id && o.unit_id !== u.id) ||
      this.roles.some((r) => r.person_id === id) ||
      this.sublets.some((s) => s.subtenant_id === id || (s.owner_id === id && s.unit_id !== u.id));
    if (!elsewhere) {
      return err(
        'invalid_input',
        `${person.name} (#${id}) owns or owned only unit ${u.number} and holds nothing else, so a split would leave one record without any data. Split by another unit, or leave the record as it is.`,
      );
    }
    if (email && !/^[^@\s]+@[^@\s]+\.[^@\s.]+$/.test(email.trim())) return err('invalid_input', `"${email.trim()}" is not an e-mail address.`);
    const added: Person = { id: this.id(), name: person.name, phone: phone?.trim() || null, email: email?.trim() || null, note: null };
    this.people.push(added);
    for (const o of here) {
      o.person_id = added.id;
      o.person_name = added.name;
    }
    let sublets = 0;
    for (const s of this.sublets) {
      if (s.owner_id === id && s.unit_id === u.id) {
        s.owner_id = added.id;
        sublets += 1;
      }
    }
    if (new Set(this.ownerships.filter((o) => o.person_id === id).map((o) => o.unit_id)).size <= 1) this.review.delete(id);
    return ok({ kept: person, new: added, unit: u.number, ownerships_moved: here.length, sublets_moved: sublets });
  }

  confirmOne(id: number): Result<null, IpcError> {
    if (!this.people.some((p) => p.id === id)) return err('not_found', `There is no person #${id} in the register.`);
    this.review.delete(id);
    return ok(null);
  }

  // --- the register's forms: units, people, moving in and out ---

  private unitRefused(f: UnitFields): IpcError | null {
    return (
      guard('The unit number', f.number) ??
      guard('The flat number', f.flat) ??
      guard('The address', f.address) ??
      guard('The postcode and town', f.postcode_city) ??
      guard('The floor and side', f.floor_side)
    );
  }

  private unitByNumber(number: string): Unit | undefined {
    const key = tidy(number).toLowerCase();
    return this.units.find((u) => u.number.toLowerCase() === key);
  }

  unitAdd(f: UnitFields): Result<Unit, IpcError> {
    const refused = this.unitRefused(f);
    if (refused) return { status: 'error', error: refused };
    const number = optional(f.number);
    if (!number) return err('invalid_input', 'The unit needs a number (the share or flat number).');
    if (this.unitByNumber(number)) return err('invalid_input', `There is already a unit number ${number}. Choose another number or change that unit.`);
    const u: Unit = {
      id: this.id(),
      number,
      flat: optional(f.flat),
      address: optional(f.address),
      postcode_city: optional(f.postcode_city),
      floor_side: optional(f.floor_side),
    };
    this.units.push(u);
    return ok({ ...u });
  }

  /** Changes a unit (`null` keeps a field, an empty text clears it); `changed` says whether anything did. */
  unitUpdate(id: number, c: UnitFields): Result<{ unit: Unit; changed: boolean }, IpcError> {
    const refused = this.unitRefused(c);
    if (refused) return { status: 'error', error: refused };
    const unit = this.units.find((u) => u.id === id);
    if (!unit) return err('not_found', `There is no unit #${id} in the register. \`andel units list\` shows the units.`);
    const next = { ...unit };
    if (c.number !== null && c.number !== undefined) {
      const n = tidy(c.number);
      if (!n) return err('invalid_input', 'The unit needs a number (the share or flat number).');
      if (n !== unit.number && this.unitByNumber(n) && this.unitByNumber(n) !== unit) {
        return err('invalid_input', `There is already a unit number ${n}. Choose another number or change that unit.`);
      }
      next.number = n;
    }
    for (const k of ['flat', 'address', 'postcode_city', 'floor_side'] as const) {
      const v = c[k];
      if (v !== null && v !== undefined) next[k] = optional(v);
    }
    const changed = (Object.keys(next) as (keyof Unit)[]).some((k) => next[k] !== unit[k]);
    Object.assign(unit, next);
    // The unit's number is read through a join in andel-core: every record shows the new one.
    for (const r of [...this.ownerships, ...this.sublets, ...this.plates]) if (r.unit_id === id) r.unit_number = unit.number;
    return ok({ unit: { ...unit }, changed });
  }

  private personRefused(f: PersonFields): IpcError | null {
    const refused = guard('The name', f.name) ?? guard('The phone number', f.phone) ?? guard('The e-mail address', f.email) ?? guard('The note', f.note);
    if (refused) return refused;
    const email = optional(f.email);
    if (email && !looksLikeEmail(email)) return { code: 'invalid_input', message: `"${email}" is not an e-mail address.` };
    return null;
  }

  personAdd(f: PersonFields): Result<Person, IpcError> {
    const refused = this.personRefused(f);
    if (refused) return { status: 'error', error: refused };
    const name = optional(f.name);
    if (!name) return err('invalid_input', 'The person needs a name.');
    const p: Person = { id: this.id(), name, phone: optional(f.phone), email: optional(f.email), note: optional(f.note) };
    this.people.push(p);
    return ok({ ...p });
  }

  personUpdate(id: number, c: PersonFields): Result<{ person: Person; changed: boolean }, IpcError> {
    const refused = this.personRefused(c);
    if (refused) return { status: 'error', error: refused };
    const person = this.people.find((p) => p.id === id);
    if (!person) return err('not_found', `There is no person #${id} in the register.`);
    const next = { ...person };
    if (c.name !== null && c.name !== undefined) {
      const n = tidy(c.name);
      if (!n) return err('invalid_input', 'The person needs a name.');
      next.name = n;
    }
    for (const k of ['phone', 'email', 'note'] as const) {
      const v = c[k];
      if (v !== null && v !== undefined) next[k] = optional(v);
    }
    const changed = (Object.keys(next) as (keyof Person)[]).some((k) => next[k] !== person[k]);
    Object.assign(person, next);
    // Names are read through joins in andel-core.
    for (const o of this.ownerships) if (o.person_id === id) o.person_name = person.name;
    for (const r of this.roles) if (r.person_id === id) r.person_name = person.name;
    for (const s of this.sublets) {
      if (s.subtenant_id === id) s.subtenant_name = person.name;
      if (s.owner_id === id) s.owner_name = person.name;
      if (s.decided_by === id) s.decided_by_name = person.name;
    }
    return ok({ person: { ...person }, changed });
  }

  /**
   * A new owner, as andel-core does it in one transaction: the person (new or from the register),
   * the current ownerships ended on the day when asked, the ownership, and a name-plate draft
   * with the unit's owners on the later of that day and today.
   */
  ownershipStart(form: MoveInForm): Result<TakeOver, IpcError> {
    const unit = this.units.find((u) => u.id === form.unit_id);
    if (!unit) return err('not_found', `There is no unit #${form.unit_id} in the register.`);
    let person: Person | undefined;
    if (form.person_id !== null) {
      person = this.people.find((p) => p.id === form.person_id);
      if (!person) return err('not_found', `There is no person #${form.person_id} in the register.`);
    } else if (form.new_person) {
      const refused = this.personRefused(form.new_person);
      if (refused) return { status: 'error', error: refused };
      if (!optional(form.new_person.name)) return err('invalid_input', 'The person needs a name.');
    } else {
      return err('invalid_input', "Choose the new owner from the register, or give a new person's name.");
    }
    const open = this.ownerships.filter((o) => o.unit_id === unit.id && o.to === null);
    const chosen = person;
    if (chosen && open.some((o) => o.person_id === chosen.id)) return err('invalid_input', `${chosen.name} already owns unit ${unit.number}.`);
    const ending = form.end_current ? open.filter((o) => o.person_id !== chosen?.id) : [];
    const early = ending.find((o) => o.from !== null && form.from < o.from);
    if (early) return err('invalid_input', `An ownership cannot end (${form.from}) before it starts (${early.from}).`);
    // Checked: now the changes, all or nothing.
    if (!person) {
      const added = this.personAdd(form.new_person!);
      if (added.status === 'error') return added;
      person = this.people.find((p) => p.id === added.data.id)!;
    }
    for (const o of ending) o.to = form.from;
    const o: Ownership = {
      id: this.id(),
      unit_id: unit.id,
      unit_number: unit.number,
      person_id: person.id,
      person_name: person.name,
      from: form.from,
      to: null,
    };
    this.ownerships.push(o);
    const today = this.today();
    const on = form.from > today ? form.from : today;
    const names = this.ownerships.filter((x) => x.unit_id === unit.id && this.isCurrent(x, on)).map((x) => x.person_name);
    const plate = this.proposeDraft(unit, names, `ownership:${o.id}`);
    return ok({ ownership: { ...o }, ended: ending.map((x) => ({ ...x })), plate });
  }

  /** andel-core's `plates::propose`: the unit's unsent draft gets the names, else a new draft. */
  private proposeDraft(unit: Unit, names: string[], cause: string): PlateOrder | null {
    const lines = names
      .map(tidy)
      .filter((n) => n && !looksLikeNationalId(n))
      .map((n) => n.slice(0, 40))
      .slice(0, 4);
    if (lines.length === 0) return null;
    const draft = this.plates.filter((p) => p.unit_id === unit.id && p.sent_on === null).at(-1);
    if (draft) {
      draft.lines = lines;
      draft.cause = cause;
      return { ...draft };
    }
    const p: PlateOrder = {
      id: this.id(),
      unit_id: unit.id,
      unit_number: unit.number,
      lines,
      kinds: ['door', 'mailbox'],
      cause,
      created_on: this.today(),
      sent_on: null,
      sent_to: null,
      sent_to_name: null,
      mounted_on: null,
      status: 'draft',
    };
    this.plates.push(p);
    return { ...p };
  }

  ownershipEnd(id: number, on: string | null): Result<Ownership, IpcError> {
    const o = this.ownerships.find((x) => x.id === id);
    if (!o) return err('not_found', `There is no ownership #${id} in the register.`);
    if (o.to !== null) return err('invalid_input', `This ownership already ended on ${o.to}.`);
    const day = on ?? this.today();
    if (o.from !== null && day < o.from) return err('invalid_input', `An ownership cannot end (${day}) before it starts (${o.from}).`);
    o.to = day;
    return ok({ ...o });
  }

  // --- sublets ---

  subletsList(): Sublet[] {
    return this.sublets.map((s) => this.withStatus(s)).sort((a, b) => b.requested_on.localeCompare(a.requested_on));
  }

  subletRequest(form: SubletForm, actor: string): Result<Sublet, IpcError> {
    const unit = this.units.find((u) => u.id === form.unit_id);
    if (!unit) return err('not_found', `There is no unit #${form.unit_id}.`);
    if (!form.subtenant.trim()) return err('invalid_input', 'The subtenant needs a name.');
    const refused = guard('The name', form.subtenant) ?? guard('The reason', form.reason);
    if (refused) return { status: 'error', error: refused };
    if (form.to < form.from) return err('invalid_input', `The sublet ends (${form.to}) before it begins (${form.from}).`);
    const clash = this.sublets.find(
      (s) =>
        s.unit_id === unit.id &&
        s.decision !== 'rejected' &&
        s.from <= form.to &&
        (s.ended_on ?? s.to) >= form.from,
    );
    if (clash) {
      return err('invalid_input', `Unit ${unit.number} is already sublet from ${clash.from} to ${clash.to} (sublet #${clash.id}); sublets of one unit cannot overlap.`);
    }
    const owner = this.owners(unit.id)[0] ?? null;
    const subtenant = this.findOrAddPerson(form.subtenant);
    const s: StoredSublet = {
      id: this.id(),
      unit_id: unit.id,
      unit_number: unit.number,
      owner_id: owner?.person_id ?? null,
      owner_name: owner?.person_name ?? null,
      subtenant_id: subtenant.id,
      subtenant_name: subtenant.name,
      requested_on: form.requested_on ?? this.today(),
      reason: form.reason?.trim() || null,
      from: form.from,
      to: form.to,
      decision: null,
      decided_on: null,
      decided_by: null,
      decided_by_name: null,
      ended_on: null,
    };
    void actor;
    this.sublets.push(s);
    return ok(this.withStatus(s));
  }

  subletDecide(id: number, approve: boolean, on: string | null, actor: string): Result<Sublet, IpcError> {
    const s = this.sublets.find((x) => x.id === id);
    if (!s) return err('not_found', `There is no sublet #${id}.`);
    if (s.decision !== null) return err('invalid_input', `Sublet #${id} was already ${s.decision} on ${s.decided_on}.`);
    const day = on ?? this.today();
    if (day < s.requested_on) return err('invalid_input', `The decision (${day}) cannot come before the request (${s.requested_on}).`);
    const by = this.people.find((p) => p.name.toLowerCase() === actor.toLowerCase()) ?? null;
    s.decision = approve ? 'approved' : 'rejected';
    s.decided_on = day;
    s.decided_by = by?.id ?? null;
    s.decided_by_name = by?.name ?? null;
    if (approve) {
      const unit = this.units.find((u) => u.id === s.unit_id);
      if (unit) this.propose(unit, [s.subtenant_name], 'sublet');
    }
    return ok(this.withStatus(s));
  }

  subletEnd(id: number, on: string | null): Result<Sublet, IpcError> {
    const s = this.sublets.find((x) => x.id === id);
    if (!s) return err('not_found', `There is no sublet #${id}.`);
    if (s.decision !== 'approved') return err('invalid_input', `Only an approved sublet can be ended; #${id} is not approved.`);
    if (s.ended_on) return err('invalid_input', `Sublet #${id} was already ended on ${s.ended_on}.`);
    const day = on ?? this.today();
    if (day < s.from) return err('invalid_input', `The end (${day}) cannot come before the sublet begins (${s.from}).`);
    s.ended_on = day;
    return ok(this.withStatus(s));
  }

  // --- name plates ---

  plateAdd(unitId: number, lines: string[], kinds: PlateKind[]): Result<PlateOrder, IpcError> {
    const unit = this.units.find((u) => u.id === unitId);
    if (!unit) return err('not_found', `There is no unit #${unitId}.`);
    const kept = lines.map((l) => l.trim()).filter((l) => l);
    if (kept.length === 0) return err('invalid_input', 'A name plate needs at least one line of text.');
    if (kept.length > 4) return err('invalid_input', 'A name plate holds at most 4 lines.');
    if (kept.some((l) => l.length > 40)) return err('invalid_input', 'A line of a name plate holds at most 40 characters.');
    for (const l of kept) {
      const refused = guard('A line of the plate', l);
      if (refused) return { status: 'error', error: refused };
    }
    if (kinds.length === 0) return err('invalid_input', 'Choose at least one kind of plate (door, mailbox, intercom).');
    const p: PlateOrder = {
      id: this.id(),
      unit_id: unit.id,
      unit_number: unit.number,
      lines: kept,
      kinds,
      cause: null,
      created_on: this.today(),
      sent_on: null,
      sent_to: null,
      sent_to_name: null,
      mounted_on: null,
      status: 'draft',
    };
    this.plates.push(p);
    return ok(p);
  }

  plateSent(id: number, to: number | null, on: string | null): Result<PlateOrder, IpcError> {
    const p = this.plates.find((x) => x.id === id);
    if (!p) return err('not_found', `There is no name-plate order #${id}.`);
    if (p.status !== 'draft') return err('invalid_input', `Name-plate order #${id} was already sent on ${p.sent_on}.`);
    const org = to === null ? null : this.organisations.find((o) => o.id === to);
    if (to !== null && !org) return err('not_found', `There is no organisation #${to}.`);
    p.status = 'sent';
    p.sent_on = on ?? this.today();
    p.sent_to = org?.id ?? null;
    p.sent_to_name = org?.name ?? null;
    return ok(p);
  }

  /** The orders a caretaker's order is made of: those asked for, or every draft. */
  platesForOrder(ids: number[]): PlateOrder[] {
    return ids.length === 0 ? this.plates.filter((p) => p.status === 'draft') : this.plates.filter((p) => ids.includes(p.id));
  }

  /** The caretaker's order, shaped like andel-core's (English wording; unit, text and plates only). */
  plateOrderDocument(ids: number[], association: Association | null, now: Date): Result<BoardDocument, IpcError> {
    const missing = ids.find((id) => !this.plates.some((p) => p.id === id));
    if (missing !== undefined) return err('not_found', `There is no name-plate order #${missing}.`);
    const orders = this.platesForOrder(ids);
    if (orders.length === 0) {
      return err('invalid_input', 'No name-plate orders are waiting to be sent. Draft one on the Name plates screen (or with `andel plates add`) first.');
    }
    const caretakers = this.organisations.filter((o) => o.kind === 'caretaker');
    const rows = orders.map((o) => {
      const unit = this.units.find((u) => u.id === o.unit_id);
      return [o.unit_number, [unit?.address, unit?.floor_side].filter((x) => x).join(', '), o.lines.join('\n'), o.kinds.join(', '), `#${o.id}`];
    });
    return ok({
      title: 'Name-plate order',
      subtitle: `${this.today()} · ${orders.reduce((n, o) => n + o.kinds.length, 0)} plates`,
      lang: 'en',
      letterhead: association
        ? { name: association.name, address: association.address, org_number: association.org_number, email: association.email }
        : null,
      blocks: [
        { type: 'facts', rows: [['To', caretakers.map((c) => c.name).join('\n') || 'The caretaker'], ['Date', this.today()]] },
        { type: 'paragraph', text: 'Please make and mount these name plates, and tell the board when they are up or if anything is unclear.' },
        { type: 'table', widths: [1.1, 2.6, 2.8, 1.7, 0.9], header: ['Unit', 'Address', 'Text on the plate', 'Plates', 'Order'], rows },
      ],
      created: now.toISOString(),
    });
  }

  plateMounted(id: number, on: string | null): Result<PlateOrder, IpcError> {
    const p = this.plates.find((x) => x.id === id);
    if (!p) return err('not_found', `There is no name-plate order #${id}.`);
    if (p.status !== 'sent') return err('invalid_input', `Name-plate order #${id} must be sent before it is mounted.`);
    p.status = 'mounted';
    p.mounted_on = on ?? this.today();
    return ok(p);
  }

  // --- roles ---

  rolesList(all: boolean): Role[] {
    const today = this.today();
    return this.roles.filter((r) => all || ((r.from === null || r.from <= today) && (r.to === null || r.to >= today)));
  }

  roleAdd(name: string, kind: RoleKind, from: string | null, to: string | null): Result<Role, IpcError> {
    if (!name.trim()) return err('invalid_input', 'The person needs a name.');
    const refused = guard('The name', name);
    if (refused) return { status: 'error', error: refused };
    if (from && to && to < from) return err('invalid_input', `The role ends (${to}) before it begins (${from}).`);
    const person = this.findOrAddPerson(name);
    const r: Role = { id: this.id(), person_id: person.id, person_name: person.name, kind, from, to };
    this.roles.push(r);
    return ok(r);
  }

  roleEnd(id: number, on: string | null): Result<Role, IpcError> {
    const r = this.roles.find((x) => x.id === id);
    if (!r) return err('not_found', `There is no role #${id}.`);
    if (r.to) return err('invalid_input', `Role #${id} already ended on ${r.to}.`);
    const day = on ?? this.today();
    if (r.from && day < r.from) return err('invalid_input', `The role cannot end (${day}) before it began (${r.from}).`);
    r.to = day;
    return ok(r);
  }

  // --- organisations ---

  private checkOrg(f: OrganisationFields): IpcError | null {
    for (const [field, value] of [
      ['The name', f.name],
      ['The contact', f.contact],
      ['The reference', f.dpa_reference],
    ] as const) {
      const refused = guard(field, value);
      if (refused) return refused;
    }
    if (f.third_country !== null && f.third_country.trim() && !/^[A-Za-z]{2}$/.test(f.third_country.trim())) {
      return { code: 'invalid_input', message: `"${f.third_country}" is not a country code: write two letters, such as US.` };
    }
    if (f.dpa_signed_on && !/^\d{4}-\d{2}-\d{2}$/.test(f.dpa_signed_on)) {
      return { code: 'invalid_input', message: `"${f.dpa_signed_on}" is not a date (YYYY-MM-DD).` };
    }
    return null;
  }

  organisationAdd(f: OrganisationFields): Result<Organisation, IpcError> {
    if (!f.name?.trim()) return err('invalid_input', 'The organisation needs a name.');
    const bad = this.checkOrg(f);
    if (bad) return { status: 'error', error: bad };
    if (this.organisations.some((o) => o.name.toLowerCase() === f.name!.trim().toLowerCase())) {
      return err('invalid_input', `There is already an organisation named ${f.name}.`);
    }
    const o: Organisation = {
      id: this.id(),
      name: f.name.trim(),
      kind: f.kind ?? 'other',
      contact: f.contact?.trim() || null,
      email: f.email?.trim() || null,
      phone: f.phone?.trim() || null,
      dpa_signed_on: f.dpa_signed_on || null,
      dpa_reference: f.dpa_reference?.trim() || null,
      third_country: f.third_country?.trim().toUpperCase() || null,
      transfer_safeguard: f.transfer_safeguard?.trim() || null,
    };
    this.organisations.push(o);
    return ok(o);
  }

  organisationUpdate(id: number, f: OrganisationFields): Result<Organisation, IpcError> {
    const o = this.organisations.find((x) => x.id === id);
    if (!o) return err('not_found', `There is no organisation #${id}.`);
    const bad = this.checkOrg(f);
    if (bad) return { status: 'error', error: bad };
    // As in andel-core: null leaves a field as it is, an empty text clears it.
    const text = (v: string | null, old: string | null) => (v === null ? old : v.trim() || null);
    if (f.name !== null) {
      if (!f.name.trim()) return err('invalid_input', 'The organisation needs a name.');
      o.name = f.name.trim();
    }
    if (f.kind !== null) o.kind = f.kind;
    o.contact = text(f.contact, o.contact);
    o.email = text(f.email, o.email);
    o.phone = text(f.phone, o.phone);
    o.dpa_signed_on = text(f.dpa_signed_on, o.dpa_signed_on);
    o.dpa_reference = text(f.dpa_reference, o.dpa_reference);
    o.third_country = text(f.third_country, o.third_country)?.toUpperCase() ?? null;
    o.transfer_safeguard = text(f.transfer_safeguard, o.transfer_safeguard);
    return ok(o);
  }

  // --- attention ---

  attention(): Omit<Attention, 'requests_due' | 'retention_due' | 'notice_due'> {
    const all = this.subletsList();
    return {
      today: this.today(),
      awaiting_decision: all.filter((s) => s.status === 'requested'),
      ending_soon: all.filter((s) => s.warnings.some((w) => w.kind === 'ends_soon')),
      overdue: all.filter((s) => s.warnings.some((w) => w.kind === 'overdue')),
      plates_not_sent: this.plates.filter((p) => p.status === 'draft'),
      plates_not_mounted: this.plates.filter((p) => p.status === 'sent'),
    };
  }

  // --- import ---

  /** The list's columns and what each is read as (a column left out reads as nothing). */
  columns(list: MockList, mapping: ColumnChoice[]): Column[] {
    return list.header.map((header, index) => {
      const given = mapping.find((m) => m.column === header);
      const key = normalise(header);
      if (given) return { index, header, field: given.field === 'ignore' ? null : given.field, mapped_by: 'given' };
      const remembered = this.remembered.get(key);
      if (remembered) return { index, header, field: remembered, mapped_by: 'remembered' };
      const auto = HEADERS[key];
      return auto
        ? { index, header, field: auto, mapped_by: 'automatic' }
        : { index, header, field: null, mapped_by: 'unmapped' };
    });
  }

  /** A step of the wizard: the columns always, the preview when the mapping allows one. */
  importDraft(list: MockList, mapping: ColumnChoice[]): ImportDraft {
    const columns = this.columns(list, mapping);
    const r = this.importList(list, mapping, false);
    return r.status === 'ok'
      ? { columns: r.data.columns, preview: r.data, problem: null }
      : { columns, preview: null, problem: r.error };
  }

  /** What importing `list` would do; with `apply` it is also carried out, unless it ends more
      than half of the current ownerships and `massEndConfirmed` is not set (as andel-core). */
  importList(list: MockList, mapping: ColumnChoice[], apply: boolean, massEndConfirmed = false): Result<Preview, IpcError> {
    const columns = this.columns(list, mapping);
    const col = (f: Field) => columns.find((c) => c.field === f)?.index ?? -1;
    const unitCol = [col('share'), col('flat'), col('address')].find((i) => i >= 0) ?? -1;
    const found = list.header.join(', ');
    if (unitCol < 0) return err('invalid_input', `Andel found no column with the share number, flat number or address in this list (its columns are: ${found}).`);
    if (col('name') < 0) return err('invalid_input', `Andel found no column with the owner's name in this list (its columns are: ${found}).`);
    const today = this.today();
    const added: Change[] = [];
    const changed: Change[] = [];
    const ended: Change[] = [];
    const rejected: RowIssue[] = [];
    const warnings: RowIssue[] = [];
    const notes: string[] = [];
    if (col('national_id') >= 0) notes.push('A column with national identity numbers was not read.');
    const listed = new Map<string, Set<string>>();
    const people = new Set<string>();
    let ownerships = 0;
    const todo: (() => void)[] = [];
    list.rows.forEach((cells, i) => {
      const row = i + 2;
      if (cells.length > list.header.length) {
        rejected.push({ row, reason: 'too many values', problem: { kind: 'too_many_values', values: cells.length, columns: list.header.length } });
        return;
      }
      const cell = (f: Field) => (col(f) >= 0 ? (cells[col(f)] ?? '').trim() : '');
      const number = cells[unitCol]?.trim() ?? '';
      if (!number) {
        rejected.push({ row, reason: 'the row has no share number, flat number or address', problem: { kind: 'no_unit' } });
        return;
      }
      const nameCell = cell('name');
      if (!nameCell) {
        rejected.push({ row, reason: "the row has no owner's name", problem: { kind: 'no_name' } });
        return;
      }
      const movedIn = danishDate(cell('moved_in'));
      if (movedIn === 'bad') {
        const header = list.header[col('moved_in')] ?? '';
        rejected.push({ row, reason: 'not a date', problem: { kind: 'bad_date', column: header, value: cell('moved_in') } });
        return;
      }
      list.header.forEach((h, c) => {
        if (columns[c]?.field !== 'national_id' && looksLikeNationalId(cells[c] ?? '')) {
          warnings.push({ row, reason: 'national id left out', problem: { kind: 'national_id', column: h, id: 'danish_cpr' } });
        }
      });
      const phone = looksLikeNationalId(cell('phone')) ? null : cell('phone') || null;
      const email = cell('email') || null;
      const names = [nameCell, cell('co_owner')]
        .flatMap((n) => n.split(/\s+(?:og|och|and|&)\s+/))
        .map((n) => n.trim())
        .filter((n) => n && !looksLikeNationalId(n));
      const set = listed.get(number) ?? new Set<string>();
      listed.set(number, set);
      for (const name of names) {
        set.add(name.toLowerCase());
        people.add(name.toLowerCase());
        ownerships++;
        const unit = this.units.find((u) => u.number === number);
        const person = this.people.find((p) => p.name.toLowerCase() === name.toLowerCase());
        const current = unit && person && this.owners(unit.id).find((o) => o.person_id === person.id);
        if (current && person) {
          const fields: string[] = [];
          if (phone && phone !== person.phone) fields.push('phone');
          if (email && email !== person.email) fields.push('email');
          if (fields.length) {
            changed.push({ unit: number, person: name, kind: 'owner', on: null, fields, detail: fields.join(', ') });
            todo.push(() => {
              if (phone) person.phone = phone;
              if (email) person.email = email;
            });
          }
        } else {
          added.push({ unit: number, person: name, kind: 'new_owner', on: movedIn, fields: [], detail: `new owner${movedIn ? ` from ${movedIn}` : ''}` });
          todo.push(() => {
            const u =
              this.units.find((x) => x.number === number) ??
              this.addUnit(number, cell('address') || null, cell('floor') || null);
            this.startOwnership(u, this.findOrAddPerson(name, phone, email), movedIn);
          });
        }
      }
    });
    const open = this.ownerships.filter((x) => this.isCurrent(x, today));
    for (const o of open) {
      const names = listed.get(o.unit_number);
      if (!names || !names.has(o.person_name.toLowerCase())) {
        ended.push({
          unit: o.unit_number,
          person: o.person_name,
          kind: names ? 'no_longer_listed' : 'unit_not_listed',
          on: today,
          fields: [],
          detail: `ownership ends ${today}`,
        });
        todo.push(() => (o.to = today));
      }
    }
    const massEnd = ended.length > 0 && ended.length * 2 > open.length;
    if (apply && massEnd && !massEndConfirmed) {
      return err(
        'invalid_input',
        `Importing this list would end ${ended.length} of the ${open.length} current ownerships: every owner not in the list is taken to have moved out. If the list is incomplete (a filter in the administrator's system, the wrong sheet, a cut file), export it again; if they have really all moved out, confirm the import. Nothing was changed.`,
      );
    }
    if (apply) {
      todo.forEach((f) => f());
      for (const m of mapping) this.remembered.set(normalise(m.column), m.field);
    }
    return ok({
      source: { kind: 'text', encoding: 'UTF-8', separator: ';' },
      header_row: 1,
      columns,
      units: listed.size,
      people: people.size,
      ownerships,
      added,
      changed,
      ended,
      rejected,
      warnings,
      notes,
      open_before: open.length,
      mass_end: massEnd,
      applied: apply,
    });
  }
}

/** A register like the demo archive's: owners past and present, sublets, plates, a board. */
export function seedRegister(r: MockRegister, actor: string): void {
  const today = r.today();
  const streets = ['Kastanjevej 2', 'Kastanjevej 4', 'Kastanjevej 6'];
  const floors = ['st. tv.', 'st. th.', '1. tv.', '1. th.', '2. tv.', '2. th.'];
  const owners = [
    'Mette Kragh', 'Jonas Wendt og Signe Wendt', 'Birthe Lauritsen', 'Ali Rahimi', 'Karen Holm',
    'Poul Erik Dam', 'Sofie Brandt', 'Lars Ibsen og Hanne Ibsen', 'Nadia Farouk', 'Henrik Bay',
    'Ida Toft', 'Mads Kjær', 'Ulla Sønderby', 'Rasmus Friis', 'Camilla Løve', 'Anders Mølgaard',
    'Tove Riis', 'Emil Vestergaard',
  ];
  const made = owners.map((o, i) => r.addUnit(String(i + 1), streets[Math.floor(i / 6)] ?? null, floors[i % 6] ?? null));
  const units = (i: number) => made[i]!;
  r.plates.length = 0;
  owners.forEach((o, i) => {
    for (const name of o.split(' og ')) r.startOwnership(units(i), r.findOrAddPerson(name, `2${i}4${i}55${i}0`.slice(0, 8)), `20${10 + (i % 14)}-0${1 + (i % 9)}-01`);
  });
  const former = r.findOrAddPerson('Gunnar Lind');
  r.startOwnership(units(3), former, '1998-05-01', '2019-03-31');
  r.plates.length = 0;
  const [caretaker] = [
    r.organisationAdd({ name: 'Ejendomsservice Øst ApS', kind: 'caretaker', contact: 'Bo Nielsen', email: 'drift@es-oest.example', phone: '70 20 30 40', dpa_signed_on: '2023-02-01', dpa_reference: 'DBA-2023-07', third_country: null, transfer_safeguard: null }),
    r.organisationAdd({ name: 'DEAS Administration', kind: 'administrator', contact: null, email: 'ab@deas.example', phone: null, dpa_signed_on: '2021-06-15', dpa_reference: 'DEAS-DPA-4411', third_country: null, transfer_safeguard: null }),
    r.organisationAdd({ name: 'Mailchimp', kind: 'newsletter', contact: null, email: null, phone: null, dpa_signed_on: null, dpa_reference: null, third_country: 'US', transfer_safeguard: 'EU-U.S. Data Privacy Framework' }),
  ];
  const caretakerId = caretaker.status === 'ok' ? caretaker.data.id : null;
  r.plateAdd(units(4).id, ['Karen Holm'], ['door', 'mailbox']);
  const sent = r.plateAdd(units(8).id, ['Nadia Farouk'], ['door', 'mailbox', 'intercom']);
  if (sent.status === 'ok') r.plateSent(sent.data.id, caretakerId, addDays(today, -9));
  const mounted = r.plateAdd(units(10).id, ['Ida Toft'], ['mailbox']);
  if (mounted.status === 'ok') {
    r.plateSent(mounted.data.id, caretakerId, addDays(today, -40));
    r.plateMounted(mounted.data.id, addDays(today, -20));
  }
  r.roleAdd('Mette Kragh', 'chair', '2024-04-20', null);
  r.roleAdd('Ali Rahimi', 'treasurer', '2024-04-20', null);
  r.roleAdd('Sofie Brandt', 'board-member', '2025-04-24', null);
  r.roleAdd('Henrik Bay', 'alternate', '2025-04-24', null);
  r.roleAdd('Poul Erik Dam', 'chair', '2019-04-25', '2024-04-20');
  if (actor) r.findOrAddPerson(actor);
  const soon = r.subletRequest({ unit_id: units(5).id, subtenant: 'Freja Holt', requested_on: addDays(today, -200), reason: 'Udstationeret i et år', from: addDays(today, -180), to: addDays(today, 20) }, actor);
  if (soon.status === 'ok') r.subletDecide(soon.data.id, true, addDays(today, -190), actor);
  r.subletRequest({ unit_id: units(12).id, subtenant: 'Jakob Strand', requested_on: addDays(today, -3), reason: 'Studieophold i Lund', from: addDays(today, 30), to: addDays(today, 395) }, actor);
}
