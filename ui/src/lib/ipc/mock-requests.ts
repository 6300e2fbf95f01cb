// Residents' requests, retention, erasure and the access reply as the mock backend keeps them.
// It follows andel-core's rules where the UI can tell the difference: the deadline one calendar
// month from receipt (31 January → 28/29 February), one extension of 1–2 months decided before the
// first deadline, closing once, the national-ID guard, the retention defaults (former owners'
// contact data 5 years, rejected sublets 1 year, mounted plates 1 year, closed requests 3 years,
// minutes kept) and erasure refused for someone still connected to the association.
import type {
  AccessExport,
  Applied,
  Association,
  Disclosure,
  Lang,
  LegalBasis,
  PersonalPurpose,
  SubjectRole,
  DueItem,
  ErasurePlan,
  ErasureReport,
  ErrorCode,
  IpcError,
  Item,
  Mention,
  PlateEntry,
  RecordKind,
  Request,
  RequestForm,
  RequestStatus,
  Result,
  Rule,
  SearchHit,
  SubletEntry,
} from './index';
import type { MockRegister } from './mock-register';

function ok<T>(data: T): Result<T, IpcError> {
  return { status: 'ok', data };
}

function err<T>(code: ErrorCode, message: string): Result<T, IpcError> {
  return { status: 'error', error: { code, message } };
}

const DAY = 86_400_000;

function lastDay(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

/** `months` calendar months after `day`, clamped to the month's last day, as chrono does. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = m - 1 + months;
  const year = y + Math.floor(total / 12);
  const month0 = ((total % 12) + 12) % 12;
  const dd = Math.min(d, lastDay(year, month0));
  return `${year}-${String(month0 + 1).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

/** The deadline of a request received on `received` (Art. 12(3)). */
export function dueDate(received: string): string {
  return addMonths(received, 1);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY);
}

function looksLikeNationalId(text: string | null): boolean {
  return !!text && (/\b\d{6}[-+]?\d{4,5}\b/.test(text) || /\b(19|20)\d{6}[-+]?\d{4}\b/.test(text));
}

function guard(field: string, text: string | null): IpcError | null {
  return looksLikeNationalId(text)
    ? { code: 'invalid_input', message: `${field} holds what looks like a national identity number. Andel does not store them; remove it.` }
    : null;
}

const DEFAULT_MONTHS: Record<RecordKind, number | null> = {
  former_owner_contact: 60,
  former_subtenant_contact: 12,
  rejected_sublet: 12,
  mounted_plate_order: 12,
  closed_request: 36,
  minutes: null,
};

const KINDS: RecordKind[] = ['former_owner_contact', 'former_subtenant_contact', 'rejected_sublet', 'mounted_plate_order', 'closed_request', 'minutes'];

type Stored = Omit<Request, 'deadline' | 'days_left' | 'deadline_day_off'>;

export class MockRequests {
  requests: Stored[] = [];
  rules = new Map<RecordKind, number | null>();
  private nextId = 1;

  constructor(
    private readonly today: () => string,
    private readonly reg: MockRegister,
  ) {}

  private view(r: Stored): Request {
    const deadline = r.extended_to ?? r.due_on;
    // Weekends only: the public holidays are the core's (requests::days_off).
    const weekday = new Date(`${deadline}T12:00:00Z`).getUTCDay();
    const deadline_day_off = weekday === 6 ? 'saturday' : weekday === 0 ? 'sunday' : null;
    return { ...r, deadline, deadline_day_off, days_left: r.status === 'open' ? daysBetween(this.today(), deadline) : null };
  }

  private stored(id: number): Result<Stored, IpcError> {
    const r = this.requests.find((x) => x.id === id);
    return r ? ok(r) : err('not_found', `There is no request #${id} in the register.`);
  }

  private name(r: Stored): string {
    return (r.person_id !== null ? this.reg.people.find((p) => p.id === r.person_id)?.name : null) ?? r.requester_name;
  }

  list(): Request[] {
    const all = this.requests.map((r) => this.view({ ...r, requester_name: this.name(r) }));
    return all.sort((a, b) => {
      const openA = a.status === 'open' ? 0 : 1;
      const openB = b.status === 'open' ? 0 : 1;
      if (openA !== openB) return openA - openB;
      if (openA === 0) return a.deadline.localeCompare(b.deadline) || a.id - b.id;
      return (b.closed_on ?? '').localeCompare(a.closed_on ?? '') || a.id - b.id;
    });
  }

  get(id: number): Result<Request, IpcError> {
    const r = this.stored(id);
    return r.status === 'ok' ? ok(this.view({ ...r.data, requester_name: this.name(r.data) })) : r;
  }

  /** Open requests due within 7 days or overdue, soonest first. */
  needingAttention(): Request[] {
    return this.list()
      .filter((r) => r.days_left !== null && r.days_left <= 7)
      .sort((a, b) => a.deadline.localeCompare(b.deadline));
  }

  add(form: RequestForm): Result<Request, IpcError> {
    const bad = guard('The channel', form.channel) ?? guard('The requester’s name', form.requester_name) ?? guard('The note', form.note);
    if (bad) return { status: 'error', error: bad };
    const today = this.today();
    const received = form.received_on ?? today;
    if (received > today) return err('invalid_input', `The day the request was received (${received}) lies after today (${today}). Check the date.`);
    let name: string;
    if (form.person_id !== null) {
      const p = this.reg.people.find((x) => x.id === form.person_id);
      if (!p) return err('not_found', `There is no person #${form.person_id} in the register.`);
      name = p.name;
    } else {
      name = (form.requester_name ?? '').trim();
      if (!name) return err('invalid_input', 'The request needs the requester’s name or a person from the register.');
    }
    const r: Stored = {
      id: this.nextId++,
      kind: form.kind,
      received_on: received,
      channel: form.channel?.trim() || null,
      person_id: form.person_id,
      requester_name: name,
      identity_check: null,
      identity_checked_on: null,
      due_on: dueDate(received),
      extended_to: null,
      extension_reason: null,
      extended_on: null,
      status: 'open',
      closed_on: null,
      note: form.note?.trim() || null,
    };
    this.requests.push(r);
    return this.get(r.id);
  }

  identity(id: number, how: string, on: string | null): Result<Request, IpcError> {
    const bad = guard('The identity note', how);
    if (bad) return { status: 'error', error: bad };
    if (!how.trim()) return err('invalid_input', 'Write how the identity was checked (for example “known board member called back on the registered phone number”).');
    const r = this.stored(id);
    if (r.status !== 'ok') return r;
    const day = on ?? this.today();
    if (day < r.data.received_on) return err('invalid_input', `A date (${day}) before the request was received (${r.data.received_on}) cannot be used here.`);
    r.data.identity_check = how.trim();
    r.data.identity_checked_on = day;
    return this.get(id);
  }

  extend(id: number, months: number, reason: string): Result<Request, IpcError> {
    if (months < 1 || months > 2) return err('invalid_input', `A deadline can be extended by 1 or 2 months, not ${months}.`);
    const bad = guard('The reason', reason);
    if (bad) return { status: 'error', error: bad };
    if (!reason.trim()) return err('invalid_input', 'Write the reason for the extension; the resident must be told why (Art. 12(3)).');
    const r = this.stored(id);
    if (r.status !== 'ok') return r;
    const s = r.data;
    if (s.status !== 'open') return err('invalid_input', `Request #${id} was already closed (${s.status}) on ${s.closed_on}.`);
    if (s.extended_to) return err('invalid_input', `Request #${id} was already extended to ${s.extended_to}; the law allows one extension.`);
    const today = this.today();
    if (today > s.due_on) return err('invalid_input', `The first deadline of request #${id} was ${s.due_on}; an extension must be decided and told to the resident before it (${today} is too late).`);
    s.extended_to = addMonths(s.due_on, months);
    s.extension_reason = reason.trim();
    s.extended_on = today;
    return this.get(id);
  }

  close(id: number, status: RequestStatus, on: string | null): Result<Request, IpcError> {
    if (status === 'open') return err('invalid_input', 'Close a request as answered, refused or withdrawn.');
    const r = this.stored(id);
    if (r.status !== 'ok') return r;
    if (r.data.closed_on) return err('invalid_input', `Request #${id} was already closed (${r.data.status}) on ${r.data.closed_on}.`);
    const day = on ?? this.today();
    if (day < r.data.received_on) return err('invalid_input', `A date (${day}) before the request was received (${r.data.received_on}) cannot be used here.`);
    r.data.status = status;
    r.data.closed_on = day;
    return this.get(id);
  }

  // --- the access reply ---

  access(id: number, association: Association, hits: (query: string) => SearchHit[], lang: Lang | null = null): Result<AccessExport, IpcError> {
    const req = this.get(id);
    if (req.status !== 'ok') return req;
    const r = req.data;
    if (r.identity_check === null) {
      return err(
        'invalid_input',
        `Request #${id} has no note of how the requester's identity was checked. Check who is asking and note how (never a copy of an ID) before the reply is written: it would otherwise hand someone's data to whoever wrote in their name.`,
      );
    }
    const person = r.person_id !== null ? (this.reg.people.find((p) => p.id === r.person_id) ?? null) : null;
    const name = person?.name ?? r.requester_name;
    const key = name.toLowerCase();
    const theirSublets = person ? this.reg.subletsList().filter((s) => s.owner_id === person.id || s.subtenant_id === person.id) : [];
    // The requester's side only, as andel-core writes it.
    const sublets: SubletEntry[] = theirSublets.map((s) => {
      const side = s.subtenant_id === person?.id ? 'subtenant' : 'owner';
      return {
        id: s.id,
        unit_number: s.unit_number,
        side,
        requested_on: s.requested_on,
        from: s.from,
        to: s.to,
        decision: s.decision,
        decided_on: s.decided_on,
        ended_on: s.ended_on,
        reason: side === 'owner' ? s.reason : null,
      };
    });
    const others = this.reg.people.filter((p) => p.id !== person?.id).map((p) => p.name);
    const surname = name.split(' ').pop() ?? name;
    const mentions: Mention[] = hits(surname)
      .filter((h) => h.snippet.replaceAll('**', '').toLowerCase().includes(key))
      .map((h) => {
        let excerpt = h.snippet.replaceAll('**', '');
        for (const o of others) excerpt = excerpt.replaceAll(o, '[navn]');
        return { document_id: h.id, document_title: h.title, meeting_date: h.date, meeting_kind: h.kind, excerpt };
      });
    const requests = person ? this.list().filter((x) => x.person_id === person.id) : [r];
    const words = (t: string) => ` ${t.toLowerCase().split(/[^\p{L}\p{N}-]+/u).join(' ')} `;
    const plates: PlateEntry[] = person
      ? this.reg.plates
          .filter((p) => p.lines.some((l) => words(l).includes(words(key))))
          .map((p) => ({
            id: p.id,
            unit_number: p.unit_number,
            lines: p.lines.map((l) => (words(l).includes(words(key)) ? l : '[navn]')),
            kinds: p.kinds,
            created_on: p.created_on,
            sent_on: p.sent_on,
            sent_to: p.sent_to_name,
            mounted_on: p.mounted_on,
          }))
      : [];
    // Which purposes concern them, as andel-core decides it from what the register holds (the
    // texts themselves are andel-core's; the mock names the purposes only).
    const today = this.today();
    const owned = person ? this.reg.ownerships.filter((o) => o.person_id === person.id) : [];
    const roles: SubjectRole[] = [];
    if (owned.some((o) => o.to === null || o.to > today)) roles.push('owner');
    else if (owned.length > 0) roles.push('former_owner');
    if (sublets.some((s) => s.side === 'subtenant')) roles.push('subtenant');
    if (person && this.reg.roles.some((x) => x.person_id === person.id)) roles.push('board_member');
    if (roles.length === 0) roles.push('outsider');
    const purpose = (key: string, name: string, basis: LegalBasis): PersonalPurpose => ({
      key,
      name,
      purpose: '',
      legal_basis: basis,
      legal_basis_text: basis,
      legitimate_interest: null,
      data_categories: '',
      source: '',
      recipients: [],
      transfers: [],
      retention: '',
    });
    const purposes: PersonalPurpose[] = [];
    if (owned.length > 0 || sublets.some((s) => s.side === 'owner')) purposes.push(purpose('members', 'Members', 'contract'));
    if (sublets.length > 0) purposes.push(purpose('sublets', 'Sublets', 'contract'));
    if (plates.length > 0) purposes.push(purpose('name_plates', 'Name plates', 'legitimate-interest'));
    if (mentions.length > 0) purposes.push(purpose('minutes_archive', 'Minutes', 'legitimate-interest'));
    const disclosures: Disclosure[] = plates
      .filter((p) => p.sent_on !== null)
      .map((p) => ({ recipient: p.sent_to ?? 'caretaker', role: null, what: `Name plate for unit ${p.unit_number}`, on: p.sent_on as string }));
    return ok({
      format: 'andel.access-reply/3',
      generated_on: this.today(),
      language: lang ?? (association.country === 'NO' ? 'nb' : association.country === 'SE' ? 'sv' : 'da'),
      controller: {
        name: association.name,
        country: association.country,
        org_number: association.org_number,
        address: association.address,
        email: association.email,
      },
      request: r,
      data_processed: person !== null || mentions.length > 0 || plates.length > 0,
      person,
      ownerships: person ? this.reg.ownerships.filter((o) => o.person_id === person.id) : [],
      units: this.reg.units.filter(
        (u) => person !== null && (this.reg.ownerships.some((o) => o.person_id === person.id && o.unit_id === u.id) || theirSublets.some((s) => s.unit_id === u.id)),
      ),
      sublets,
      name_plate_orders: plates,
      roles: person ? this.reg.roles.filter((x) => x.person_id === person.id) : [],
      requests,
      minutes_mentions: mentions,
      processing: { roles, purposes, outside_register: ['Newsletter', 'The board’s e-mail', 'Website log'], disclosures, processors: [] },
      automated_decisions: false,
    });
  }

  // --- erasure ---

  erasePlan(personId: number, country: string): Result<ErasurePlan, IpcError> {
    const p = this.reg.people.find((x) => x.id === personId);
    if (!p) return err('not_found', `There is no person #${personId} in the register.`);
    if (p.name.startsWith('Slettet person') || p.name.startsWith('Raderad person') || p.name.startsWith('Erased person')) {
      return err('invalid_input', `Person #${personId} was already erased.`);
    }
    const today = this.today();
    const owns = this.reg.ownerships.some((o) => o.person_id === personId && (o.to === null || o.to > today));
    const role = this.reg.roles.some((r) => r.person_id === personId && (r.to === null || r.to >= today));
    if (owns || role) {
      const what = [owns ? 'owns a unit' : null, role ? 'holds a role' : null].filter(Boolean).join(', ');
      return err('invalid_input', `${p.name} is still connected to the association (${what}). End the ownership, role or sublet first; the data of current residents is needed to run the association.`);
    }
    const placeholder = `${country === 'SE' ? 'Raderad person' : 'Slettet person'} #${personId}`;
    const removed: Item[] = [{ key: 'name', count: 1, text: `The name, replaced by "${placeholder}" in every record that remains.` }];
    const contact = [p.phone, p.email, p.note].filter((x) => x !== null).length;
    if (contact > 0) removed.push({ key: 'contact', count: contact, text: 'Phone number, e-mail address and the board’s note.' });
    const kept: Item[] = [
      { key: 'minutes', count: 0, text: 'The archived minutes stay unchanged: they are the association’s history.' },
    ];
    const owned = this.reg.ownerships.filter((o) => o.person_id === personId).length;
    if (owned > 0) kept.push({ key: 'ownerships', count: owned, text: 'Which unit was owned from when to when stays, under the placeholder.' });
    const roles = this.reg.roles.filter((r) => r.person_id === personId).length;
    if (roles > 0) kept.push({ key: 'roles', count: roles, text: 'Roles stay, under the placeholder.' });
    const reqs = this.requests.filter((r) => r.person_id === personId).length;
    if (reqs > 0) kept.push({ key: 'requests', count: reqs, text: 'Their requests stay, under the placeholder.' });
    kept.push({ key: 'audit', count: 0, text: 'The audit trail stays: it never held the person’s data.' });
    return ok({ person_id: personId, name: p.name, placeholder, removed, kept });
  }

  erase(personId: number, country: string): Result<ErasureReport, IpcError> {
    const plan = this.erasePlan(personId, country);
    if (plan.status !== 'ok') return plan;
    const p = this.reg.people.find((x) => x.id === personId)!;
    const old = p.name.toLowerCase();
    for (const plate of this.reg.plates) plate.lines = plate.lines.map((l) => (l.toLowerCase().includes(old) ? plan.data.placeholder : l));
    for (const o of this.reg.ownerships) if (o.person_id === personId) o.person_name = plan.data.placeholder;
    for (const r of this.reg.roles) if (r.person_id === personId) r.person_name = plan.data.placeholder;
    for (const r of this.requests) if (r.person_id === personId) {
      r.requester_name = plan.data.placeholder;
      r.identity_check = null;
    }
    p.name = plan.data.placeholder;
    p.phone = null;
    p.email = null;
    p.note = null;
    return ok({ ...plan.data, dry_run: false, erased_on: this.today() });
  }

  // --- retention ---

  rule(kind: RecordKind): Rule {
    const def = DEFAULT_MONTHS[kind];
    if (kind !== 'minutes' && this.rules.has(kind)) {
      const months = this.rules.get(kind) ?? null;
      return { kind, months, default_months: def, changed: months !== def };
    }
    return { kind, months: def, default_months: def, changed: false };
  }

  retentionRules(): Rule[] {
    return KINDS.map((k) => this.rule(k));
  }

  retentionSet(kind: RecordKind, months: number | null): Result<Rule, IpcError> {
    if (kind === 'minutes') return err('invalid_input', 'Minutes are kept as the association’s history; their rule cannot be changed.');
    if (months !== null && (months < 1 || months > 600)) return err('invalid_input', `A retention period must be between 1 and 600 months, not ${months}.`);
    this.rules.set(kind, months);
    return ok(this.rule(kind));
  }

  retentionReset(kind: RecordKind): Rule {
    this.rules.delete(kind);
    return this.rule(kind);
  }

  retentionDue(): DueItem[] {
    const today = this.today();
    const out: DueItem[] = [];
    const past = (since: string | null, m: number | null) => (since && m !== null && addMonths(since, m) <= today ? addMonths(since, m) : null);
    const formerMonths = this.rule('former_owner_contact').months;
    for (const p of this.reg.people) {
      const owned = this.reg.ownerships.filter((o) => o.person_id === p.id);
      if (owned.length === 0 || owned.some((o) => o.to === null) || !(p.phone || p.email || p.note)) continue;
      if (this.reg.roles.some((r) => r.person_id === p.id && (r.to === null || r.to >= today))) continue;
      if (this.requests.some((r) => r.person_id === p.id && r.status === 'open')) continue;
      const moved = owned.map((o) => o.to!).sort().pop()!;
      const due = past(moved, formerMonths);
      if (due) out.push({ kind: 'former_owner_contact', record_id: p.id, person: p.name, unit: null, since: moved, due_on: due, text: `Remove the phone, e-mail and note of former owner ${p.name} (moved out ${moved}).` });
    }
    for (const s of this.reg.subletsList()) {
      const due = s.decision === 'rejected' ? past(s.decided_on, this.rule('rejected_sublet').months) : null;
      if (due) out.push({ kind: 'rejected_sublet', record_id: s.id, person: s.subtenant_name, unit: s.unit_number, since: s.decided_on!, due_on: due, text: `Delete the sublet request for unit ${s.unit_number} rejected on ${s.decided_on}.` });
    }
    for (const o of this.reg.plates) {
      const due = past(o.mounted_on, this.rule('mounted_plate_order').months);
      if (due) out.push({ kind: 'mounted_plate_order', record_id: o.id, person: null, unit: o.unit_number, since: o.mounted_on!, due_on: due, text: `Delete the name-plate order for unit ${o.unit_number}, mounted on ${o.mounted_on}.` });
    }
    for (const r of this.requests) {
      const due = past(r.closed_on, this.rule('closed_request').months);
      if (due) out.push({ kind: 'closed_request', record_id: r.id, person: this.name(r), unit: null, since: r.closed_on!, due_on: due, text: `Delete ${r.kind} request #${r.id}, closed on ${r.closed_on}.` });
    }
    return out.sort((a, b) => a.due_on.localeCompare(b.due_on) || a.kind.localeCompare(b.kind) || a.record_id - b.record_id);
  }

  retentionApply(expected: number): Result<Applied, IpcError> {
    const items = this.retentionDue();
    if (items.length !== expected) {
      return err('invalid_input', `The list changed: ${items.length} records are due now, not ${expected}. Look at the list again; nothing was deleted.`);
    }
    for (const i of items) {
      if (i.kind === 'former_owner_contact') {
        const p = this.reg.people.find((x) => x.id === i.record_id);
        if (p) Object.assign(p, { phone: null, email: null, note: null });
      } else if (i.kind === 'rejected_sublet') {
        this.reg.sublets = this.reg.sublets.filter((s) => s.id !== i.record_id);
      } else if (i.kind === 'mounted_plate_order') {
        this.reg.plates = this.reg.plates.filter((p) => p.id !== i.record_id);
      } else if (i.kind === 'closed_request') {
        this.requests = this.requests.filter((r) => r.id !== i.record_id);
      }
    }
    return ok({ items, people_deleted: 0 });
  }
}

/** The demo's requests: an access request near its deadline, an answered erasure request, and
 *  a former owner whose contact data is past its retention. */
export function seedRequests(q: MockRequests, reg: MockRegister): void {
  const today = reg.today();
  const back = (days: number) => new Date(Date.parse(today) - days * DAY).toISOString().slice(0, 10);
  const karen = reg.people.find((p) => p.name === 'Karen Holm');
  const access = q.add({ kind: 'access', received_on: back(26), channel: 'e-mail', person_id: karen?.id ?? null, requester_name: 'Karen Holm', note: null });
  // As in the real demo: the board has noted how the requester's identity was checked.
  if (access.status === 'ok') q.identity(access.data.id, 'Ringet op på telefonnummeret i registret', back(25));
  const old = q.add({ kind: 'erasure', received_on: back(70), channel: 'letter', person_id: null, requester_name: 'Vibeke Skov', note: null });
  if (old.status === 'ok') q.close(old.data.id, 'answered', back(50));
  const gunnar = reg.people.find((p) => p.name === 'Gunnar Lind');
  if (gunnar) {
    gunnar.phone = '40 12 66 18';
    gunnar.email = 'gunnar.lind@example.dk';
  }
}
