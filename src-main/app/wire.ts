// Mapping between core's values and the IPC contract's (plain Node): what the handlers send and what they take in.

import { maskSecretLine } from '../../shared/domain/secrets.js';
import type { RequestOf, ResponseOf } from '../../shared/ipc/contract.js';
import type { EditRequest, FileChange as WireFileChange, ProfileSummary } from '../../shared/ipc/schemas.js';
import type { AwsDocs } from '../core/awsfiles/aws-docs.js';
import type { AwsFilesView, FileChange } from '../core/awsfiles/aws-files.js';
import { addProfile, removeProfile, renameProfile, setProfileValues } from '../core/awsfiles/edits.js';
import { applyAllFixes, applyFix } from '../core/awsfiles/fixes.js';
import { lineText } from '../core/awsfiles/ini-document.js';
import type { Problem as CoreProblem } from '../core/awsfiles/problems.js';
import type { Profile } from '../core/awsfiles/profiles.js';
import { stringSetting } from '../core/awsfiles/profiles.js';
import type { Finding } from '../core/doctor/checks.js';
import { profileKeyFacts, profileSummary } from '../core/profile-views.js';
import type { KeyFactsView } from '../core/profile-views.js';
import type { RoleSetupRequest } from '../core/role-setup/role-setup.js';
import { isProduction, paletteColour } from '../core/settings/settings.js';
import type { Settings } from '../core/settings/settings.js';

export function wireFinding(f: Finding): ResponseOf<'doctor.run'>['findings'][number] {
  return { code: f.code, severity: f.severity, profile: f.profile, message: f.message, fix: f.fix, fixLabel: f.action?.label ?? null };
}

export function roleSetupRequest(r: RequestOf<'roleSetup.plan'>): RoleSetupRequest {
  return { sourceProfile: r.source, targetAccount: r.account, roleName: r.role, mfa: r.mfa, externalId: r.externalId, profileName: r.profileName, sourceAccount: r.sourceAccount };
}

/** The pure edit an EditRequest stands for, shared by preview and apply so both see exactly the same change. */
export function editFor(request: EditRequest): (docs: AwsDocs) => AwsDocs {
  switch (request.type) {
    case 'set':
      return (docs) => setProfileValues(docs, request.profile, Object.entries(request.values));
    case 'add':
      return (docs) => addProfile(docs, request.profile, Object.entries(request.values));
    case 'remove':
      return (docs) => removeProfile(docs, request.profile, request.force);
    case 'rename':
      return (docs) => renameProfile(docs, request.from, request.to);
    case 'fix':
      return (docs) => applyFix(docs, request.problemId);
    case 'fixAll':
      return (docs) => applyAllFixes(docs).docs;
  }
}

export function wireFileChanges(files: readonly FileChange[]): WireFileChange[] {
  return files.map((f) => ({ kind: f.kind, path: f.path, hunks: f.diff.map((h) => ({ oldStart: h.oldStart, newStart: h.newStart, lines: [...h.lines] })), backupPath: f.backupPath ?? null }));
}

/** A section's lines as they stand in the file, with secret values masked. */
export function maskedSectionLines(view: AwsFilesView, profile: Profile, file: 'config' | 'credentials') {
  const reading = file === 'config' ? view.model.config : view.model.credentials;
  const occs = file === 'config' ? profile.allConfigSections : profile.credentialsSections;
  return occs.map((occ) => {
    const lines: string[] = [];
    let end = occ.endLine;
    while (end > occ.headerLine + 1 && reading.lineKinds[end - 1] === 'blank') end--;
    for (let i = occ.headerLine; i < end; i++) {
      lines.push(maskSecretLine(lineText(reading.doc, i)));
    }
    return { file, path: view.paths[file], line: occ.headerLine + 1, lines };
  });
}

/** What the list needs besides the files: settings, what IAM said about keys and accounts, who [default] stands for. */
export interface ListContext {
  readonly settings: Settings;
  readonly keyFacts: KeyFactsView;
  readonly managedDefault: string | undefined;
  readonly defaultExpiresAt: string | null;
  /** The sign-in state of each SSO profile (sso-state.ts), by name. */
  readonly ssoStates: ReadonlyMap<string, NonNullable<ProfileSummary['sso']>>;
  /** The first problem that keeps each profile from working, by name (blockingProblems). */
  readonly blocking: ReadonlyMap<string, CoreProblem>;
}

/** The first 'profile-broken' problem of each profile: its credential actions cannot work until it is fixed. */
export function blockingProblems(problems: readonly CoreProblem[]): Map<string, CoreProblem> {
  const out = new Map<string, CoreProblem>();
  for (const p of problems) if (p.effect === 'profile-broken' && p.profile !== undefined && !out.has(p.profile)) out.set(p.profile, p);
  return out;
}

const BLOCKED_BY_PROBLEM: readonly (keyof ProfileSummary['capabilities'])[] = ['use', 'assume', 'console', 'export', 'signIn'];

/** Capabilities with the credential actions turned off, the reason naming the line to fix. */
function gatedCapabilities(capabilities: ProfileSummary['capabilities'], problem: CoreProblem | undefined): ProfileSummary['capabilities'] {
  if (problem === undefined) return capabilities;
  const out = { ...capabilities };
  const reason = `cannot work until ${problem.file} line ${problem.line} is fixed (${problem.code})`;
  for (const name of BLOCKED_BY_PROBLEM) if (out[name].ok) out[name] = { ok: false, reason };
  return out;
}

export function summaryOf(profile: Profile, ctx: ListContext): ProfileSummary {
  const base = profileSummary(profile);
  const process = stringSetting(profile.settings, 'credential_process') ?? '';
  const prefs = ctx.settings.profiles[profile.name];
  const facts = profileKeyFacts(profile, ctx.keyFacts);
  const isDefault = ctx.managedDefault === undefined ? profile.name === 'default' : profile.name === ctx.managedDefault;
  return {
    ...base,
    capabilities: gatedCapabilities(base.capabilities, ctx.blocking.get(profile.name)),
    sources: [...base.sources],
    kind: profile.kind,
    accountId: facts.accountId,
    accountName: facts.accountName,
    keyAgeDays: facts.keyAgeDays,
    keyAgeSource: facts.keyAgeSource,
    production: isProduction(ctx.settings, profile.name),
    favourite: prefs?.favourite === true,
    colour: paletteColour(prefs?.colour),
    note: prefs?.notes !== undefined && prefs.notes.trim() !== '' ? prefs.notes : null,
    isDefault,
    sessionExpiresAt: isDefault ? ctx.defaultExpiresAt : null,
    vaulted: / credential-process --profile /.test(process),
    sso: ctx.ssoStates.get(profile.name) ?? null,
  };
}
