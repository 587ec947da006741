// The commands `hatrack` loads on demand (see index.ts): the build makes this its own file, dist/cli/on-demand.cjs.

export { exportCommand } from './export.js';
export { useCommand } from './use.js';
export { consoleCommand } from './console.js';
export { keysCommand } from './keys.js';
export { rotateCommand } from './rotate.js';
export { vaultCommand } from './vault.js';
export { credentialProcessCommand } from './credential-process.js';
export { doctorCommand } from './doctor.js';
export { roleSetupCommand } from './role-setup.js';
export { settingsCommand } from './settings.js';
export { ssoCommand } from './sso.js';
