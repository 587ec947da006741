// `hatrack credential-process --profile P`: the credential_process helper for vaulted profiles; prints Version 1
// JSON from the keychain. Runs before every AWS call, so it loads as little as it can.

import { closeSync, openSync, readSync, writeSync } from 'node:fs';

import { HatrackError, isHatrackError } from '../../../shared/domain/errors.js';
import { createAwsFiles } from '../../core/awsfiles/aws-files.js';
import { resolveDataDir } from '../../core/awsfiles/paths.js';
import { stringSetting } from '../../core/awsfiles/profiles.js';
import { profileAccount } from '../../core/vault/vault-entry.js';
import type { MfaCodeProvider } from '../../core/sts/mfa-session.js';
import type { CliCommand } from '../command.js';
import { UsageError } from '../command.js';
import { checkOptions, stringOption } from '../args.js';
import { cliServices, lazyGateway, withDeadline } from '../sts-loader.js';

/**
 * botocore and the JS SDK capture our stdout and stderr, so a prompt there would be invisible. The controlling
 * terminal, when there is one, still reaches the person who ran the AWS command.
 */
function ttyCodeProvider(): MfaCodeProvider | undefined {
  let fd: number;
  try {
    fd = openSync('/dev/tty', 'r+');
  } catch {
    return undefined;
  }
  closeSync(fd);
  return (serial) => {
    const tty = openSync('/dev/tty', 'r+');
    try {
      writeSync(tty, `Hatrack: MFA code for ${serial}: `);
      const buf = Buffer.alloc(64);
      let answer = '';
      while (!answer.includes('\n')) {
        const n = readSync(tty, buf, 0, buf.length, null);
        if (n <= 0) break;
        answer += buf.subarray(0, n).toString('utf8');
      }
      return Promise.resolve(answer.trim());
    } finally {
      closeSync(tty);
    }
  };
}

export const credentialProcessCommand: CliCommand = {
  name: 'credential-process',
  usage: `Usage: hatrack credential-process --profile <profile> [--mfa-code CODE]

Prints {"Version": 1, "AccessKeyId", "SecretAccessKey"} from the system keychain for a profile moved there with
\`hatrack vault add\` (static keys: no Expiration, so the AWS tools never re-run it).

When the profile has mfa_serial and its settings ask for it (hatrack settings set profiles.<profile>.mfaSession=true),
prints a GetSessionToken session made with an MFA code instead, with its SessionToken and Expiration (UTC, "Z").
The session is kept in the keychain until it expires, so the code is asked for once per session: on the terminal
the AWS command runs in, or given with --mfa-code.

Options:
  --profile NAME    The vaulted profile
  --mfa-code CODE   The current 6-digit code, when a new MFA session is needed`,
  valueOptions: ['profile', 'mfa-code'],
  run: async (args, ctx) => {
    checkOptions(args, ['profile', 'mfa-code']);
    const profile = stringOption(args, 'profile');
    if (profile === undefined || args.positionals.length > 0) throw new UsageError('Give --profile NAME.');
    // The keychain read starts first and runs on the thread pool while the AWS files are parsed.
    const { vaultService: service, secretStore } = cliServices(ctx);
    const storePromise = secretStore().then((store) => {
      store.get(service, profileAccount(profile)).catch(() => undefined);
      return store;
    });
    storePromise.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
    const [{ vaultCredentials }, { formatCredentials }] = await Promise.all([import('../../core/vault/vault-credentials.js'), import('../../core/sts/export-format.js')]);
    const model = createAwsFiles(ctx.env).view().model;
    const p = model.byName.get(profile);
    let mfaSession = false;
    if (p !== undefined && stringSetting(p.settings, 'mfa_serial') !== undefined) {
      // Settings (and zod) load only for profiles that could want an MFA session.
      const { loadSettings } = await import('../../core/settings/settings.js');
      mfaSession = loadSettings(resolveDataDir(ctx.env)).profiles[profile]?.mfaSession === true;
    }
    const code = stringOption(args, 'mfa-code');
    const store = await storePromise;
    const tty = code === undefined && mfaSession ? ttyCodeProvider() : undefined;
    const creds = await withDeadline(ctx.env, (deadline) =>
      vaultCredentials(
        {
          store,
          service,
          env: ctx.env,
          model,
          mfaSession,
          gateway: () => lazyGateway(ctx.env, deadline.signal),
          codeProvider: code !== undefined ? () => Promise.resolve(code) : tty && ((serial) => deadline.outside(() => tty(serial))),
        },
        profile,
      ),
    ).catch((e: unknown) => {
      if (isHatrackError(e) && e.code === 'MFA_REQUIRED') {
        throw new HatrackError('MFA_REQUIRED', `${e.message.replace(/\.$/, '')}; no terminal to ask on, so start a session once with \`hatrack credential-process --profile ${profile} --mfa-code CODE\`.`);
      }
      throw e;
    });
    ctx.io.out(formatCredentials(creds, 'process'));
    return 0;
  },
};
