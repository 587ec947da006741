// Wire types the features use, re-exported from the shared contract (types only: no zod in the renderer bundle).
export type {
  ProfileSummary,
  ProfileDetail,
  ProfilesList,
  Problem,
  ProblemEffect,
  FileChange,
  EditRequest,
  EditResult,
  KeyInfo,
  RotationStep,
  DoctorFinding,
  SettingsView,
} from '../../../shared/ipc/schemas.js';
export type { SsoAccount, SsoSessionState, SsoTarget } from '../../../shared/ipc/sso-schemas.js';
export type { Session } from '../../../shared/ipc/session-schemas.js';
export type { Channel, RequestOf, ResponseOf, EventName, EventPayload } from '../../../shared/ipc/contract.js';
