// The renderer's visual system holds: every spacing, type size, weight and radius in the stylesheets is a token from
// tokens.css, and every token used exists. A failure names file, line and selector so a new rule is quick to convert.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { definedProperties, describeViolations, rawValueViolations, undefinedVarUses } from './support/css-tokens.js';

const stylesDir = fileURLToPath(new URL('../src-renderer/src/styles/', import.meta.url));
const TOKENS = 'tokens.css';
const tokens = readFileSync(path.join(stylesDir, TOKENS), 'utf8');
// Every stylesheet but the tokens themselves (which is where the raw numbers belong).
const sheets = readdirSync(stylesDir)
  .filter((f) => f.endsWith('.css') && f !== TOKENS)
  .map((f) => ({ file: `src-renderer/src/styles/${f}`, css: readFileSync(path.join(stylesDir, f), 'utf8') }));

describe('design tokens in the renderer stylesheets', () => {
  it('finds the stylesheets', () => {
    expect(sheets.map((s) => path.basename(s.file))).toContain('app.css');
  });

  it.each(sheets.map((s) => [s.file, s.css] as const))('%s sets spacing, type and radii only through tokens', (file, css) => {
    const found = rawValueViolations(css);
    expect(found, `raw values instead of tokens:\n${describeViolations(file, found)}`).toEqual([]);
  });

  it.each(sheets.map((s) => [s.file, s.css] as const))('%s uses only custom properties that are defined', (file, css) => {
    const found = undefinedVarUses(css, definedProperties(tokens, ...sheets.map((s) => s.css)));
    expect(found, `undefined custom properties:\n${describeViolations(file, found)}`).toEqual([]);
  });

  it('tokens.css defines the scale the hints promise', () => {
    const defined = definedProperties(tokens);
    for (const name of ['--space-half', '--space-1', '--space-8', '--text-xs', '--text-base', '--text-xl', '--leading-base', '--weight-semibold', '--radius', '--radius-pill', '--elevation-1', '--bg', '--kind-sso-fg']) {
      expect(defined.has(name), name).toBe(true);
    }
  });
});

describe('the token checker', () => {
  const sample = [
    '/* a comment { padding: 3px } is not a rule */',
    '.ok { padding: var(--space-2) var(--space-3); margin: 0 auto; gap: var(--space-1); margin-bottom: -1px; }',
    '@media (max-width: 960px) {',
    '  .narrow .cell { padding: 6px 10px; }',
    '}',
    '.type {',
    '  font-size: 14px;',
    '  font-weight: 650;',
    '  font: 600 28px/1.2 monospace;',
    '}',
    '.round { border-radius: 50%; } .corner { border-radius: 5px; } .neg { margin-top: calc(-1 * var(--space-1)); }',
    '.gap { column-gap: 0.5rem; }',
  ].join('\n');

  it('names each raw value with its line and selector, and passes tokens, 0, auto, 1px hairlines and percentages', () => {
    expect(rawValueViolations(sample).map((v) => `${v.line} ${v.selector} ${v.declaration}`)).toEqual([
      '4 .narrow .cell padding: 6px 10px',
      '7 .type font-size: 14px',
      '8 .type font-weight: 650',
      '9 .type font: 600 28px/1.2 monospace',
      '11 .corner border-radius: 5px',
      '12 .gap column-gap: 0.5rem',
    ]);
    expect(describeViolations('x.css', rawValueViolations(sample))).toContain('x.css:4 .narrow .cell { padding: 6px 10px } — use var(--space-');
  });

  it('reports a token nobody defines, but not one with a fallback', () => {
    const css = '.a { gap: var(--space-9); padding: var(--space-1); margin: var(--later, 4px); }\n.b { --tone: red; color: var(--tone); }';
    expect(undefinedVarUses(css, definedProperties('--space-1: 4px;', css)).map((v) => `${v.line} ${v.selector} ${v.hint}`)).toEqual(['1 .a --space-9 is defined nowhere (tokens.css lists the scale)']);
  });
});
