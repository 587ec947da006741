// The doctor domain's IPC handlers (plain Node): best-practice findings, and the safe fix of one of them.

import { HatrackError } from '../../../shared/domain/errors.js';
import { vaultService } from '../../core/vault/vault-entry.js';
import type { Handlers } from '../../ipc/dispatch.js';
import { wireFinding } from '../wire.js';
import type { HandlerContext } from './context.js';

export type DoctorHandlers = Pick<Handlers, 'doctor.run' | 'doctor.fix'>;

export function createDoctorHandlers({ env, files, secretStore }: HandlerContext): DoctorHandlers {
  const doctorFindings = async () => {
    const [{ gatherDoctorContext }, { runChecks }] = await Promise.all([import('../../core/doctor/gather.js'), import('../../core/doctor/checks.js')]);
    const gathered = await gatherDoctorContext({ env, files, openStore: secretStore, service: vaultService(env.vars) });
    return runChecks(gathered.context);
  };
  return {
    'doctor.run': async () => ({ findings: (await doctorFindings()).map(wireFinding) }),
    'doctor.fix': async ({ code, profile }) => {
      const finding = (await doctorFindings()).find((f) => f.code === code && f.profile === profile && f.action !== null);
      if (finding === undefined || finding.action === null) throw new HatrackError('NO_SAFE_FIX', `There is no automatic fix for ${code}${profile === null ? '' : ` on profile "${profile}"`}; follow its advice instead.`);
      const { applyFixAction } = await import('../../core/doctor/gather.js');
      applyFixAction(files, finding.action);
      return { findings: (await doctorFindings()).map(wireFinding) };
    },
  };
}
