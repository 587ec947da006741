// The vault domain's IPC handlers (plain Node): long-term keys moved into the OS keychain and back.

import { isHatrackError } from '../../../shared/domain/errors.js';
import { vaultService } from '../../core/vault/vault-entry.js';
import type { Handlers } from '../../ipc/dispatch.js';
import { wireFileChanges } from '../wire.js';
import type { HandlerContext } from './context.js';

export type VaultHandlers = Pick<Handlers, 'vault.list' | 'vault.add' | 'vault.remove'>;

export function createVaultHandlers({ env, files, services, secretStore }: HandlerContext): VaultHandlers {
  const vaultDeps = () => services.vaultDeps(files);
  return {
    'vault.list': async () => {
      try {
        const { vaultList } = await import('../../core/vault/vault.js');
        const items = await vaultList({ files, store: await secretStore(), service: vaultService(env.vars) });
        return { available: true, reason: null, profiles: items.map((i) => ({ profile: i.profile, accessKeyId: i.accessKeyId })) };
      } catch (e) {
        if (isHatrackError(e) && e.code === 'KEYCHAIN_UNAVAILABLE') return { available: false, reason: e.message, profiles: [] };
        throw e;
      }
    },
    'vault.add': async ({ profile }) => {
      const { vaultAdd } = await import('../../core/vault/vault.js');
      const result = await vaultAdd(await vaultDeps(), profile);
      return { profile: result.profile, files: wireFileChanges(result.files) };
    },
    'vault.remove': async ({ profile }) => {
      const { vaultRemove } = await import('../../core/vault/vault.js');
      const result = await vaultRemove(await vaultDeps(), profile);
      return { profile: result.profile, files: wireFileChanges(result.files) };
    },
  };
}
