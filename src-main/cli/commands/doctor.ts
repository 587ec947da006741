// `hatrack doctor`: best-practice findings over the AWS files, their modes, the vault and settings; `--fix` applies
// the safe ones. Plain Node.

import { HatrackError, isHatrackError } from '../../../shared/domain/errors.js';
import type { DoctorFinding } from '../../../shared/ipc/schemas.js';
import { createAwsFiles } from '../../core/awsfiles/aws-files.js';
import type { AwsFilesService } from '../../core/awsfiles/aws-files.js';
import type { Finding } from '../../core/doctor/checks.js';
import type { CliCommand, CliContext, ParsedArgs } from '../command.js';
import { checkOptions, flag } from '../args.js';
import { cliServices, lazyGateway, withDeadline } from '../sts-loader.js';
import { jsonText } from '../../core/profile-views.js';

async function loadDoctor() {
  const [checks, gather, vault] = await Promise.all([import('../../core/doctor/checks.js'), import('../../core/doctor/gather.js'), import('../../core/vault/vault.js')]);
  return { checks, gather, vault };
}

type Doctor = Awaited<ReturnType<typeof loadDoctor>>;

async function findingsNow(d: Doctor, ctx: CliContext, files: AwsFilesService, online: boolean): Promise<{ findings: Finding[]; notes: string[] }> {
  const { vaultService: service, secretStore: openStore } = cliServices(ctx);
  let arns: ReadonlyMap<string, string> | undefined;
  const notes: string[] = [];
  if (online) {
    const vaultKeys = new Map<string, { accessKeyId: string; secretAccessKey: string }>();
    try {
      const store = await openStore();
      for (const name of await d.vault.vaultProfiles(store, service)) {
        const e = await d.vault.readVaultEntry(store, service, name);
        if (e !== undefined) vaultKeys.set(name, e);
      }
    } catch (e) {
      if (!(isHatrackError(e) && e.code === 'KEYCHAIN_UNAVAILABLE')) throw e;
    }
    const r = await withDeadline(ctx.env, (dl) => d.gather.callerArnsOf(ctx.env, files.view().model, vaultKeys, lazyGateway(ctx.env, dl.signal)));
    arns = r.arns;
    notes.push(...r.failures.map((f) => `Could not ask AWS who ${f}`));
  }
  const g = await d.gather.gatherDoctorContext({ env: ctx.env, files, openStore, service }, arns);
  return { findings: d.checks.runChecks(g.context), notes: [...g.notes, ...notes] };
}

const sig = (f: Finding): string => `${f.code}|${f.profile ?? ''}|${f.action?.kind === 'chmod' ? f.action.path : f.message}`;

async function fixAll(d: Doctor, args: ParsedArgs, ctx: CliContext, files: AwsFilesService, online: boolean): Promise<{ fixed: Finding[]; declined: Finding[] }> {
  const yes = flag(args, 'yes');
  if (!yes && !ctx.io.stdinIsTty) throw new HatrackError('NEEDS_CONFIRMATION', 'doctor --fix changes files; pass --yes to confirm (standard input is not a terminal to ask).');
  const fixed: Finding[] = [];
  const declined: Finding[] = [];
  const skip = new Set<string>();
  // One fix at a time, looking again after each: a file fix moves line numbers and so changes the other problem ids.
  for (let guard = 0; guard < 200; guard++) {
    const { findings } = await findingsNow(d, ctx, files, online);
    const next = findings.find((f) => f.action !== null && !skip.has(sig(f)));
    if (next === undefined || next.action === null) break;
    skip.add(sig(next));
    if (!yes) {
      const answer = await ctx.io.prompt(`${next.message}\n  Fix: ${next.fix ?? ''} — apply? [y/N] `);
      if (!/^y(es)?$/i.test(answer.trim())) {
        declined.push(next);
        continue;
      }
    }
    d.gather.applyFixAction(files, next.action);
    fixed.push(next);
  }
  return { fixed, declined };
}

/** A finding as `--json` prints it: the window's DoctorFinding, plus whether `--fix` can apply it. */
const publicJson = (f: Finding): DoctorFinding & { readonly autoFix: boolean } => ({ code: f.code, severity: f.severity, profile: f.profile, message: f.message, fix: f.fix, fixLabel: f.action?.label ?? null, autoFix: f.action !== null });

export const doctorCommand: CliCommand = {
  name: 'doctor',
  usage: `Usage: hatrack doctor [--json] [--online] [--fix [--yes]]

Checks: credentials file and ~/.aws readable by others; long-term keys in plain text (fix: hatrack vault add);
keys older than the limit (default 90 days) or of unknown age; a production profile as [default]; roles into
production accounts without mfa_serial; one access key shared by several profiles; leftover aws_security_token;
everything that makes the AWS CLI refuse the files; a config or credentials path that is not a regular file (a FIFO,
a device); a file or its folder without its owner's write permission (Hatrack then refuses every change to it);
vault entries missing or unused. With --online, also asks
AWS (GetCallerIdentity) whether any keys belong to an account's root user.

Exit status: 0 when no error-level finding is left, 1 otherwise.

Options:
  --json     {"findings": [{"code", "severity", "profile", "message", "fix", "autoFix"}], "fixed": [...], "notes": [...]}
  --online   Also call AWS for each profile with long-term keys (root-user check)
  --fix      Apply the safe fixes (chmod, file repairs); asks for each one on a terminal
  --yes      With --fix: apply without asking (required without a terminal)`,
  run: async (args, ctx) => {
    checkOptions(args, ['json', 'fix', 'yes', 'online']);
    const online = flag(args, 'online');
    const d = await loadDoctor();
    const files = createAwsFiles(ctx.env);
    const { fixed, declined } = flag(args, 'fix') ? await fixAll(d, args, ctx, files, online) : { fixed: [], declined: [] };
    const { findings, notes } = await findingsNow(d, ctx, files, online);
    if (flag(args, 'json')) {
      ctx.io.out(jsonText({ findings: findings.map(publicJson), fixed: fixed.map(publicJson), declined: declined.map(publicJson), notes }, ctx) + '\n');
    } else {
      for (const f of fixed) ctx.io.out(`fixed    ${f.code}${f.profile === null ? '' : ` (${f.profile})`}: ${f.fix ?? ''}\n`);
      for (const f of findings) {
        ctx.io.out(`${f.severity.padEnd(8)} ${f.code}${f.profile === null ? '' : ` (${f.profile})`}: ${f.message}\n`);
        if (f.fix !== null) ctx.io.out(`         fix: ${f.fix}${f.action !== null ? '  [hatrack doctor --fix]' : ''}\n`);
      }
      for (const n of notes) ctx.io.out(`note     ${n}\n`);
      if (findings.length === 0) ctx.io.out('No findings: everything doctor checks looks right.\n');
    }
    return findings.some((f) => f.severity === 'error') ? 1 : 0;
  },
};
