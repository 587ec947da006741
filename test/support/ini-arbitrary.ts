// fast-check generators of AWS-ini-like files: valid layouts, tricky-but-legal lines, and outright junk.

import fc from 'fast-check';

const names = fc.constantFrom('default', 'dev', 'prod', 'ops', 'a.b', 'x-y', 'team_1', 'p@corp', 'r/w', 'Dev');
const keys = fc.constantFrom('region', 'output', 'role_arn', 'source_profile', 'aws_access_key_id', 'aws_secret_access_key', 'sso_session', 'credential_process', 'mfa_serial', 'external_id', 'cli_pager', 'Region', 'duration_seconds', 'aws_security_token');
const values = fc.constantFrom('us-east-1', 'eu-west-1', 'json', 'arn:aws:iam::111111111111:role/R', 'dev', 'AKIAEXAMPLE', 'a/b+c==', 'x # y', 'x;y', 'https://s/start/#', '%s', '"q"', 'a=b', 'a:b', '');
const spaces = fc.constantFrom('', ' ', '  ', '\t', ' \t');
const eols = fc.constantFrom('\n', '\r\n', '\r', '\n', '\n');

const headerLine = fc.tuple(spaces, fc.constantFrom('', 'profile ', 'profile  ', 'sso-session ', 'services ', 'profilefoo '), names, fc.constantFrom('', ' # c', ']'))
  .map(([ind, prefix, name, tail]) => `${ind}[${prefix}${name}]${tail}`);
const keyLine = fc.tuple(spaces, keys, spaces, fc.constantFrom('=', '=', ':'), spaces, values, spaces)
  .map(([ind, k, s1, d, s2, v, s3]) => `${ind}${k}${s1}${d}${s2}${v}${s3}`);
const nestedBlock = fc.tuple(fc.constantFrom('s3', 'sts'), fc.constantFrom('  ', '    '), fc.array(fc.tuple(keys, values), { minLength: 1, maxLength: 3 }))
  .map(([parent, ind, kids]) => [`${parent} =`, ...kids.map(([k, v]) => `${ind}${k} = ${v}`)].join('\n'));
const commentLine = fc.tuple(spaces, fc.constantFrom('#', ';'), fc.constantFrom('', ' note', ' key = value', ' [profile x]')).map(([a, b, c]) => `${a}${b}${c}`);
const junkLine = fc.constantFrom('junk', '=value', '[', '[]', ' continuation', '\uFEFF[default]', 'caf\u00e9 = cr\u00e8me', '\u00a0region = x');

export const lineArb = fc.oneof(
  { weight: 3, arbitrary: headerLine },
  { weight: 6, arbitrary: keyLine },
  { weight: 1, arbitrary: nestedBlock },
  { weight: 2, arbitrary: commentLine },
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: junkLine },
);

/** A whole file: lines joined by a random mix of line endings, with or without a final one. */
export const iniTextArb = fc
  .tuple(fc.array(fc.tuple(lineArb, eols), { maxLength: 30 }), fc.boolean())
  .map(([lines, finalEol]) => {
    const text = lines.map(([l, e]) => l.replace(/\n/g, e) + e).join('');
    return finalEol ? text : text.replace(/(\r\n|\n|\r)$/, '');
  });

/** A file botocore is likely to accept: headers first, simple key lines, nested blocks, comments. */
export const validIniArb = fc
  .tuple(
    fc.uniqueArray(fc.constantFrom('default', 'dev', 'prod', 'ops', 'ci', 'sandbox'), { minLength: 1, maxLength: 5 }),
    fc.constantFrom('\n', '\r\n'),
    fc.array(fc.tuple(fc.uniqueArray(fc.constantFrom('region', 'output', 'cli_pager', 'external_id', 'mfa_serial'), { maxLength: 4 }), values.filter((v) => v !== ''), fc.boolean(), fc.boolean()), { minLength: 6, maxLength: 6 }),
    fc.boolean(),
  )
  .map(([profiles, eol, bodies, finalEol]) => {
    const out: string[] = ['# generated'];
    profiles.forEach((name, i) => {
      const [ks, v, comment, nested] = bodies[i]!;
      out.push(name === 'default' ? '[default]' : `[profile ${name}]`);
      for (const k of ks) {
        if (comment) out.push('# about ' + k);
        out.push(`${k} = ${v}`);
      }
      if (nested) out.push('s3 =', '    max_concurrent_requests = 10');
      out.push('');
    });
    const text = out.join(eol);
    return { text: finalEol ? text + eol : text, profiles, eol };
  });
