// The design-token rules for the renderer's stylesheets (src-renderer/src/styles): spacing, type sizes, weights and
// radii come from tokens.css, never a raw number. A small hand parser: the stylesheets are plain CSS (no nesting
// beyond @media/@container), and a finding must name its selector and line so whoever added the rule can fix it.

export interface TokenViolation {
  readonly line: number;
  readonly selector: string;
  readonly declaration: string;
  readonly hint: string;
}

interface Declaration {
  readonly line: number;
  readonly selector: string;
  readonly property: string;
  readonly value: string;
}

const SPACING = /^(padding|margin|scroll-margin|scroll-padding)(-(top|right|bottom|left|inline|block)(-(start|end))?)?$|^(row-|column-)?gap$/;
// A raw length: 12px, .5rem, 1.2em. Percentages, viewport units and unitless line-heights are layout, not the scale.
const RAW_LENGTH = /(?<![\w-])-?(\d+\.?\d*|\.\d+)(px|rem|em)\b/;
// 1 px offsets (a tab's -1px overlap of its rule, a badge's 1px inset) are hairlines, the same in any scale.
const HAIRLINE = /(?<![\w.-])-?1px\b/g;

const HINTS = {
  spacing: 'use var(--space-half|1..8) (4 px grid) from tokens.css',
  size: 'use var(--text-xs|sm|base|md|lg|xl|2xl|3xl) from tokens.css',
  weight: 'use var(--weight-regular|medium|semibold|bold) from tokens.css',
  radius: 'use var(--radius-sm|radius|radius-lg|radius-xl|radius-pill) from tokens.css',
} as const;

/** Comments blanked out (newlines kept), so offsets still map to the file's lines. */
function withoutComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Every declaration of every innermost rule (`selector { prop: value; … }`), with the line it stands on. */
export function declarations(css: string): Declaration[] {
  const text = withoutComments(css);
  const out: Declaration[] = [];
  for (const rule of text.matchAll(/([^{};]+)\{([^{}]*)\}/g)) {
    const selector = rule[1]!.trim().replace(/\s+/g, ' ');
    if (selector.startsWith('@')) continue; // @keyframes steps and the like have no selector to name
    let offset = rule.index + rule[0].indexOf('{') + 1;
    for (const part of rule[2]!.split(';')) {
      const colon = part.indexOf(':');
      if (colon > 0) {
        const lead = part.length - part.trimStart().length;
        out.push({ line: lineAt(text, offset + lead), selector, property: part.slice(0, colon).trim(), value: part.slice(colon + 1).trim() });
      }
      offset += part.length + 1;
    }
  }
  return out;
}

function hintFor(d: Declaration): string | undefined {
  if (SPACING.test(d.property)) return RAW_LENGTH.test(d.value.replace(HAIRLINE, '')) ? HINTS.spacing : undefined;
  if (d.property === 'font-size') return RAW_LENGTH.test(d.value) ? HINTS.size : undefined;
  if (d.property === 'font') return RAW_LENGTH.test(d.value) || /^\d{3}\b/.test(d.value) ? `${HINTS.size}; weights: ${HINTS.weight}` : undefined;
  if (d.property === 'font-weight') return /^\d+$/.test(d.value) ? HINTS.weight : undefined;
  if (d.property === 'border-radius') return RAW_LENGTH.test(d.value) ? HINTS.radius : undefined;
  return undefined;
}

/** Declarations that set a spacing, type size, weight or radius from a raw number instead of a token. */
export function rawValueViolations(css: string): TokenViolation[] {
  return declarations(css).flatMap((d) => {
    const hint = hintFor(d);
    return hint === undefined ? [] : [{ line: d.line, selector: d.selector, declaration: `${d.property}: ${d.value}`, hint }];
  });
}

/** Custom properties the stylesheets define (`--name:` anywhere, tokens and per-rule ones like --tone-fg). */
export function definedProperties(...sheets: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const css of sheets) for (const m of withoutComments(css).matchAll(/(--[\w-]+)\s*:/g)) names.add(m[1]!);
  return names;
}

/** `var(--x)` uses (without a fallback) of a property nobody defines: a typo such as var(--space-9) renders as 0. */
export function undefinedVarUses(css: string, defined: ReadonlySet<string>): TokenViolation[] {
  return declarations(css).flatMap((d) =>
    [...d.value.matchAll(/var\(\s*(--[\w-]+)\s*([,)])/g)]
      .filter((m) => m[2] === ')' && !defined.has(m[1]!))
      .map((m) => ({ line: d.line, selector: d.selector, declaration: `${d.property}: ${d.value}`, hint: `${m[1]} is defined nowhere (tokens.css lists the scale)` })),
  );
}

export function describeViolations(file: string, found: readonly TokenViolation[]): string {
  return found.map((v) => `${file}:${v.line} ${v.selector} { ${v.declaration} } — ${v.hint}`).join('\n');
}
