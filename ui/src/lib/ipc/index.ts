// The seam between the UI and the Rust side. This module is the only place that talks to Tauri:
// components call `backend()` and never import bindings.ts. In the app the backend is the
// generated tauri-specta bindings; in vitest (and in a plain browser during `npm run dev`) it is
// the in-memory fake in mock.ts.
import { commands, events } from './bindings';
import type { CloseBlocked, IpcError, Result, SaveState } from './bindings';

export type {
  AccessExport,
  Applied,
  Boards,
  Candidate,
  IdentityReview,
  PlateEntry,
  ReplyPreview,
  Split,
  SubletEntry,
  SubletSide,
  Controller,
  DueItem,
  ErasurePlan,
  ErasureReport,
  HandoverForm,
  HandoverReceipt,
  HandoverStart,
  Item,
  Mention,
  RecordKind,
  Request,
  RequestForm,
  RequestKind,
  RequestStatus,
  Rule,
  SavedReply,
  Activity,
  ActivityField,
  ActivityFields,
  ActivityText,
  LegalBasis,
  Notice,
  NoticeSaved,
  Block,
  NoticeDue,
  BoardDocument,
  Lang,
  Letterhead,
  PlatesOrderSaved,
  SavedPdf,
  Document,
  ExportReport,
  Cleaned,
  OriginalExport,
  Format,
  Kind,
  KindCount,
  MeetingKind,
  PassageDecision,
  Recognizer,
  Review,
  ReviewItem,
  SearchHit,
  Style,
  Attention,
  Change,
  ChangeKind,
  Column,
  ColumnChoice,
  Decision,
  Field,
  ImportDraft,
  MappedBy,
  MoveInForm,
  NationalId,
  Organisation,
  OrganisationFields,
  OrganisationKind,
  Ownership,
  Person,
  PersonFields,
  PersonListed,
  PersonPage,
  PlateKind,
  PlateOrder,
  PlateStatus,
  Preview,
  Role,
  RoleKind,
  RowIssue,
  RowProblem,
  Source,
  Standing,
  Status,
  Sublet,
  SubletForm,
  TakeOver,
  Unit,
  UnitFields,
  UnitPage,
  UnitWithOwners,
  Warning,
  AppInfo,
  ArchiveProbe,
  Association,
  AssociationChanges,
  AuditEntry,
  CloseBlocked,
  Counts,
  Country,
  DemoArchive,
  ErrorCode,
  IpcError,
  LockHolder,
  NewArchive,
  Overview,
  Preferences,
  Protection,
  RecentArchive,
  Result,
  SaveState,
  Strength,
  Summary,
  UnlockRequest,
} from './bindings';

/** The commands the UI uses, typed by the generated bindings. Extend the list as areas land. */
export type Commands = Pick<
  typeof commands,
  | 'appInfo'
  | 'preferences'
  | 'setLanguage'
  | 'forgetRecent'
  | 'pickArchive'
  | 'pickNewArchivePath'
  | 'suggestArchivePath'
  | 'passphraseStrength'
  | 'probeArchive'
  | 'createArchive'
  | 'unlockArchive'
  | 'openDemo'
  | 'lockArchive'
  | 'overview'
  | 'saveNow'
  | 'updateAssociation'
  | 'setAutoLock'
  | 'auditTrail'
  | 'unitsList'
  | 'unitPage'
  | 'peopleList'
  | 'personPage'
  | 'peoplePick'
  | 'personSplit'
  | 'personConfirmOne'
  | 'unitAdd'
  | 'unitUpdate'
  | 'personAdd'
  | 'personUpdate'
  | 'ownershipStart'
  | 'ownershipEnd'
  | 'subletsList'
  | 'subletRequest'
  | 'subletDecide'
  | 'subletEnd'
  | 'platesList'
  | 'plateAdd'
  | 'plateSent'
  | 'plateMounted'
  | 'pickPdfPath'
  | 'openPdf'
  | 'platesOrderPreview'
  | 'platesOrderSave'
  | 'rolesList'
  | 'roleAdd'
  | 'roleEnd'
  | 'organisationsList'
  | 'organisationAdd'
  | 'organisationUpdate'
  | 'privacyActivities'
  | 'privacyActivityUpdate'
  | 'privacyActivityAdd'
  | 'privacyActivitySetActive'
  | 'privacyActivityReset'
  | 'privacyNoticePreview'
  | 'privacyNoticeSave'
  | 'privacyRecordPreview'
  | 'privacyRecordSave'
  | 'attention'
  | 'pickResidentList'
  | 'importRead'
  | 'importPreview'
  | 'importApply'
  | 'importCancel'
  | 'minutesList'
  | 'minutesSearch'
  | 'pickMinutesFile'
  | 'importMinutes'
  | 'minutesReview'
  | 'minutesDecide'
  | 'minutesReviewRestart'
  | 'pickExportPath'
  | 'exportMinutes'
  | 'exportMinutesOriginal'
  | 'requestsList'
  | 'requestAdd'
  | 'requestIdentity'
  | 'requestExtend'
  | 'requestClose'
  | 'accessReplyPreview'
  | 'accessReplySave'
  | 'erasePlan'
  | 'erasePerson'
  | 'retentionRules'
  | 'retentionSet'
  | 'retentionReset'
  | 'retentionDue'
  | 'retentionApply'
  | 'handoverStart'
  | 'pickHandoverPath'
  | 'handoverRun'
  | 'quit'
>;

export type Unlisten = () => void;

/** The app's events, delivered with their payloads. */
export interface Events {
  onSaveStateChanged(handler: (state: SaveState) => void): Promise<Unlisten>;
  onCloseBlocked(handler: (blocked: CloseBlocked) => void): Promise<Unlisten>;
}

export type Backend = Commands & Events;

/** The real backend: the generated commands and events. */
export const tauriBackend: Backend = {
  appInfo: commands.appInfo,
  preferences: commands.preferences,
  setLanguage: commands.setLanguage,
  forgetRecent: commands.forgetRecent,
  pickArchive: commands.pickArchive,
  pickNewArchivePath: commands.pickNewArchivePath,
  suggestArchivePath: commands.suggestArchivePath,
  passphraseStrength: commands.passphraseStrength,
  probeArchive: commands.probeArchive,
  createArchive: commands.createArchive,
  unlockArchive: commands.unlockArchive,
  openDemo: commands.openDemo,
  lockArchive: commands.lockArchive,
  overview: commands.overview,
  saveNow: commands.saveNow,
  updateAssociation: commands.updateAssociation,
  setAutoLock: commands.setAutoLock,
  auditTrail: commands.auditTrail,
  unitsList: commands.unitsList,
  unitPage: commands.unitPage,
  peopleList: commands.peopleList,
  personPage: commands.personPage,
  peoplePick: commands.peoplePick,
  personSplit: commands.personSplit,
  personConfirmOne: commands.personConfirmOne,
  unitAdd: commands.unitAdd,
  unitUpdate: commands.unitUpdate,
  personAdd: commands.personAdd,
  personUpdate: commands.personUpdate,
  ownershipStart: commands.ownershipStart,
  ownershipEnd: commands.ownershipEnd,
  subletsList: commands.subletsList,
  subletRequest: commands.subletRequest,
  subletDecide: commands.subletDecide,
  subletEnd: commands.subletEnd,
  platesList: commands.platesList,
  plateAdd: commands.plateAdd,
  plateSent: commands.plateSent,
  plateMounted: commands.plateMounted,
  pickPdfPath: commands.pickPdfPath,
  openPdf: commands.openPdf,
  platesOrderPreview: commands.platesOrderPreview,
  platesOrderSave: commands.platesOrderSave,
  rolesList: commands.rolesList,
  roleAdd: commands.roleAdd,
  roleEnd: commands.roleEnd,
  organisationsList: commands.organisationsList,
  organisationAdd: commands.organisationAdd,
  organisationUpdate: commands.organisationUpdate,
  privacyActivities: commands.privacyActivities,
  privacyActivityUpdate: commands.privacyActivityUpdate,
  privacyActivityAdd: commands.privacyActivityAdd,
  privacyActivitySetActive: commands.privacyActivitySetActive,
  privacyActivityReset: commands.privacyActivityReset,
  privacyNoticePreview: commands.privacyNoticePreview,
  privacyNoticeSave: commands.privacyNoticeSave,
  privacyRecordPreview: commands.privacyRecordPreview,
  privacyRecordSave: commands.privacyRecordSave,
  attention: commands.attention,
  pickResidentList: commands.pickResidentList,
  importRead: commands.importRead,
  importPreview: commands.importPreview,
  importApply: commands.importApply,
  importCancel: commands.importCancel,
  minutesList: commands.minutesList,
  minutesSearch: commands.minutesSearch,
  pickMinutesFile: commands.pickMinutesFile,
  importMinutes: commands.importMinutes,
  minutesReview: commands.minutesReview,
  minutesDecide: commands.minutesDecide,
  minutesReviewRestart: commands.minutesReviewRestart,
  pickExportPath: commands.pickExportPath,
  exportMinutes: commands.exportMinutes,
  exportMinutesOriginal: commands.exportMinutesOriginal,
  requestsList: commands.requestsList,
  requestAdd: commands.requestAdd,
  requestIdentity: commands.requestIdentity,
  requestExtend: commands.requestExtend,
  requestClose: commands.requestClose,
  accessReplyPreview: commands.accessReplyPreview,
  accessReplySave: commands.accessReplySave,
  erasePlan: commands.erasePlan,
  erasePerson: commands.erasePerson,
  retentionRules: commands.retentionRules,
  retentionSet: commands.retentionSet,
  retentionReset: commands.retentionReset,
  retentionDue: commands.retentionDue,
  retentionApply: commands.retentionApply,
  handoverStart: commands.handoverStart,
  pickHandoverPath: commands.pickHandoverPath,
  handoverRun: commands.handoverRun,
  quit: commands.quit,
  onSaveStateChanged: (handler) => events.saveStateChanged.listen((e) => handler(e.payload)),
  onCloseBlocked: (handler) => events.closeBlocked.listen((e) => handler(e.payload)),
};

let current: Backend = tauriBackend;

/** The backend every component uses. */
export function backend(): Backend {
  return current;
}

/** Replaces the backend: the mock in tests and in a plain browser during development. */
export function setBackend(b: Backend): void {
  current = b;
}

/** True inside the desktop app (Tauri injects its internals before our scripts run). */
export function insideTauri(): boolean {
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}

/**
 * An error for a failure that did not come back as a typed `{code, message}` (the IPC call
 * itself threw): shown as an internal error rather than lost.
 */
export function internalError(e: unknown): IpcError {
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'internal', message };
}

/** Runs a command that returns a Result, turning a thrown failure into an internal error. */
export async function call<T>(run: () => Promise<Result<T, IpcError>>): Promise<Result<T, IpcError>> {
  try {
    return await run();
  } catch (e) {
    return { status: 'error', error: internalError(e) };
  }
}
