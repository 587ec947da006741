// `hatrack rotate <profile>`: replace a profile's IAM access key, saving the new one before anything else; plain Node.

import { HatrackError } from '../../../shared/domain/errors.js';
import { createAwsFiles } from '../../core/awsfiles/aws-files.js';
import { rotateProfileKey } from '../../core/sts/rotate-profile.js';
import type { RotationStepEvent } from '../../core/sts/rotation.js';
import type { CliCommand, CliContext } from '../command.js';
import { UsageError } from '../command.js';
import { checkOptions, flag, stringOption } from '../args.js';
import { loadEngine } from '../sts-loader.js';

const STEP_LABEL: Readonly<Record<RotationStepEvent['step'], string>> = {
  identify: 'identify the IAM user',
  list: 'list its access keys',
  'make-room': 'delete a spare key to make room',
  create: 'create the new key',
  save: 'save the new key to the credentials file',
  verify: 'check the new key works',
  'deactivate-old': 'deactivate the old key',
  'delete-old': 'delete the old key',
};

async function confirmed(ctx: CliContext, name: string, keepOld: boolean): Promise<boolean> {
  if (!ctx.io.stdinIsTty) {
    throw new HatrackError('NEEDS_CONFIRMATION', `Rotating the key of profile "${name}" changes IAM; pass --yes to confirm (standard input is not a terminal to ask).`);
  }
  const old = keepOld ? 'deactivate' : 'delete';
  const answer = await ctx.io.prompt(`Create a new access key for profile "${name}", save it, and ${old} the old one? [y/N] `);
  return /^y(es)?$/i.test(answer.trim());
}

export const rotateCommand: CliCommand = {
  name: 'rotate',
  usage: `Usage: hatrack rotate <profile> [--yes] [--keep-old] [--delete-key ID]

Creates a new access key for the profile's IAM user, writes it into the profile's section of the credentials
file immediately (removing any stale session token) — and into [default] when \`hatrack use\` copied the key
there — checks it works (IAM takes a few seconds), then deactivates and deletes the old key. A profile whose key
is also written elsewhere, or kept in the keychain, is refused before anything changes. Asks first on a terminal; elsewhere it needs --yes. If saving fails, the new secret is
shown once on standard error so it is not lost.

Options:
  --yes            Do not ask
  --keep-old       Deactivate the old key but keep it in IAM (delete it later once nothing uses it)
  --delete-key ID  When the user already has two keys: the other key to delete to make room`,
  valueOptions: ['delete-key'],
  run: async (args, ctx) => {
    checkOptions(args, ['yes', 'keep-old', 'delete-key']);
    const [name, ...rest] = args.positionals;
    if (name === undefined || rest.length > 0) throw new UsageError('Give exactly one profile name.');
    const keepOld = flag(args, 'keep-old');
    const files = createAwsFiles(ctx.env);
    const view = files.view();
    if (!view.model.byName.has(name)) throw new HatrackError('PROFILE_NOT_FOUND', `There is no profile named "${name}".`);
    if (!flag(args, 'yes') && !(await confirmed(ctx, name, keepOld))) {
      ctx.io.err('Nothing changed.\n');
      return 1;
    }
    const engine = await loadEngine(ctx, files.dataDir);
    const onStep = (e: RotationStepEvent): void => {
      if (e.status === 'started') return;
      ctx.io.out(`${e.status === 'done' ? 'ok  ' : e.status === 'skipped' ? 'skip' : 'FAIL'}  ${STEP_LABEL[e.step]}${e.detail === undefined ? '' : `: ${e.detail}`}\n`);
    };
    const outcome = await rotateProfileKey({ files, rotate: engine.rotate }, name, { keepOld, deleteKeyId: stringOption(args, 'delete-key'), onStep });
    if (outcome.ok) {
      const old = outcome.oldKey === 'deleted' ? 'deleted' : 'deactivated (still in IAM; delete it once nothing uses it)';
      ctx.io.out(`Rotated profile "${name}": new key ${outcome.newAccessKeyId} saved; old key ${outcome.oldAccessKeyId} ${old}.\n`);
      return 0;
    }
    if (outcome.unsavedKey !== undefined) {
      // The one place a secret is ever printed: the key exists in IAM and this is the only copy.
      ctx.io.err(
        `WARNING: the new key could not be saved to the credentials file. Store it now; it is shown only this once:\n` +
          `  aws_access_key_id = ${outcome.unsavedKey.accessKeyId}\n  aws_secret_access_key = ${outcome.unsavedKey.secretAccessKey}\n`,
      );
    }
    const state = outcome.newAccessKeyId === undefined ? '' : outcome.failedStep === 'save' ? ` New key ${outcome.newAccessKeyId} exists in IAM; old key ${outcome.oldAccessKeyId} still works.` : ` New key ${outcome.newAccessKeyId} is saved; old key ${outcome.oldAccessKeyId} is ${outcome.failedStep === 'delete-old' ? 'inactive' : 'still active'}.`;
    throw new HatrackError(outcome.error.code, `Rotation stopped at "${STEP_LABEL[outcome.failedStep]}": ${outcome.error.message}${state}`);
  },
};
