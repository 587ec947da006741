// The cross-account role setup's IPC handlers (plain Node): the plan with its policies and diff, then the apply.

import type { Handlers } from '../../ipc/dispatch.js';
import { roleSetupRequest, wireFileChanges } from '../wire.js';
import type { HandlerContext } from './context.js';

export type RoleSetupHandlers = Pick<Handlers, 'roleSetup.plan' | 'roleSetup.apply'>;

export function createRoleSetupHandlers({ files, applyEdit }: HandlerContext): RoleSetupHandlers {
  return {
    'roleSetup.plan': async (request) => {
      const { planRoleSetup, roleSetupEdit } = await import('../../core/role-setup/role-setup.js');
      const plan = planRoleSetup(files.view().model, roleSetupRequest(request));
      const preview = files.edit((docs) => ({ docs: roleSetupEdit(docs, plan), result: undefined }), { dryRun: true });
      return {
        trustPolicy: JSON.stringify(plan.trustPolicy, null, 2),
        permissionsPolicy: JSON.stringify(plan.sourcePolicy, null, 2),
        profileName: plan.profileName,
        values: Object.fromEntries(plan.profileValues.filter((v): v is readonly [string, string] => v[1] !== null)),
        files: wireFileChanges(preview.files),
      };
    },
    'roleSetup.apply': async (request) => {
      const { planRoleSetup, roleSetupEdit } = await import('../../core/role-setup/role-setup.js');
      const plan = planRoleSetup(files.view().model, roleSetupRequest(request));
      return applyEdit((docs) => roleSetupEdit(docs, plan));
    },
  };
}
