// The bar above the profile list: how many problems of each effect, open to the grouped list. It stays one line until
// asked (a long list would push the profiles off the screen), and opens by itself only when the CLI refuses a file.
import { plural } from '../../../../shared/domain/plural.js';
import type { Problem } from '../../platform/types.js';
import { EFFECTS, EFFECT_ORDER, groupProblems, worstEffect } from './problem-groups.js';
import { ProblemList } from './problem-list.js';

export function FilesProblems({ problems }: { readonly problems: readonly Problem[] }) {
  const groups = groupProblems(problems);
  const causes = groups.reduce((n, g) => n + g.items.length, 0);
  const worst = worstEffect(problems) ?? 'style';
  return (
    <details className={`file-problems tone-${EFFECTS[worst].tone}`} open={worst === 'cli-refuses'} data-testid="file-problems">
      <summary>
        <span className="file-problems-title">{plural(causes, 'problem')} in your AWS files</span>
        <span className="file-problems-counts">
          {EFFECT_ORDER.map((effect) => {
            const n = groups.find((g) => g.effect === effect)?.items.length ?? 0;
            return n === 0 ? null : (
              <span key={effect} className={`problem-count tone-${EFFECTS[effect].tone}`} title={EFFECTS[effect].title}>
                <span className="problem-dot" aria-hidden="true" />
                {n} {EFFECTS[effect].short}
              </span>
            );
          })}
        </span>
      </summary>
      <div className="file-problems-body">
        <ProblemList problems={problems} fixAll />
      </div>
    </details>
  );
}
