// Integration test of the layer rules in eslint.config.mjs: a misplaced import in each layer fails lint (ESLint's Node API).
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: repoRoot });
});

/** The messages of no-restricted-imports for `code` as if it stood at `filePath` (nothing is written). */
async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath, warnIgnored: true });
  if (result === undefined) throw new Error(`no lint result for ${filePath}`);
  expect(result.messages.filter((m) => m.fatal === true)).toEqual([]);
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const use = (specifier: string, name = 'x'): string => `import { ${name} } from '${specifier}';\nexport const y = ${name};\n`;
const useType = (specifier: string): string => `import type { X } from '${specifier}';\nexport type Y = X;\n`;

describe('layer rules', () => {
  it.each([
    ['ipc', 'src-main/core/tray/misplaced.ts', '../../ipc/dispatch.js'],
    ['cli', 'src-main/core/misplaced.ts', '../cli/sts-loader.js'],
    ['the app composition', 'src-main/core/sts/misplaced.ts', '../../app/services.js'],
    ['the electron shell', 'src-main/core/awsfiles/misplaced.ts', '../../electron/tray.js'],
  ])('core may not import %s', async (_layer, filePath, specifier) => {
    const messages = await restricted(filePath, use(specifier));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('src-main/core is plain domain logic');
    // A type import is still an import of that layer.
    expect(await restricted(filePath, useType(specifier))).toHaveLength(1);
  });

  it('core may import core, shared and npm packages', async () => {
    expect(await restricted('src-main/core/sts/fine.ts', use('../awsfiles/profiles.js'))).toEqual([]);
    expect(await restricted('src-main/core/settings/fine.ts', useType('../../../shared/ipc/contract.js'))).toEqual([]);
    expect(await restricted('src-main/core/fine.ts', use('zod', 'z'))).toEqual([]);
  });

  it('the renderer imports nothing from src-main', async () => {
    const messages = await restricted('src-renderer/src/features/misplaced.tsx', useType('../../../src-main/core/awsfiles/profiles.js'));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('The renderer reaches main only through window.hatrack');
    expect(await restricted('src-renderer/src/features/fine.tsx', useType('../../../shared/ipc/contract.js'))).toEqual([]);
  });

  it.each(['src-main/core/misplaced.ts', 'src-main/cli/misplaced.ts', 'src-main/app/misplaced.ts', 'src-main/ipc/misplaced.ts', 'shared/misplaced.ts', 'src-renderer/src/misplaced.ts'])(
    'only the shell imports electron: %s may not',
    async (filePath) => {
      const messages = await restricted(filePath, use('electron', 'app'));
      expect(messages).toHaveLength(1);
      expect(messages[0]).toContain('Only src-main/electron and src-main/preload may import electron');
    },
  );

  it('the shell and the preload import electron', async () => {
    expect(await restricted('src-main/electron/fine.ts', use('electron', 'app'))).toEqual([]);
    expect(await restricted('src-main/preload/fine.ts', use('electron', 'contextBridge'))).toEqual([]);
  });

  it('keeps the lossy ini package out everywhere, the shell included', async () => {
    expect(await restricted('src-main/electron/misplaced.ts', use('ini', 'parse'))).toHaveLength(1);
    expect(await restricted('src-main/core/misplaced.ts', use('ini', 'parse'))).toHaveLength(1);
  });
});
