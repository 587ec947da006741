// What a screen shows when it has nothing to list: what would appear here, why it matters, and the next step as a
// button, so an empty pane teaches instead of looking broken (issue 12.9). One layout for every screen's empty state.
import { useId } from 'react';
import type { ReactNode } from 'react';
import { Icon } from './icons.js';
import type { IconName } from './icons.js';

export interface EmptyStateProps {
  readonly icon: IconName;
  readonly title: string;
  /** `ok` for a good outcome (nothing wrong), `warn` when something is missing; the icon tile takes the colour. */
  readonly tone?: 'info' | 'ok' | 'warn';
  /** `card` stands alone on a page; `plain` leads into content of its own (a form, cards) without a second frame. */
  readonly variant?: 'card' | 'plain';
  /** h2 under a page title, h3 under a section heading. */
  readonly headingLevel?: 2 | 3;
  readonly testId?: string;
  /** The explanation: short paragraphs or a list. */
  readonly children?: ReactNode;
  /** Buttons for the next step, the main one first. */
  readonly actions?: ReactNode;
}

export function EmptyState({ icon, title, tone = 'info', variant = 'card', headingLevel = 2, testId, children, actions }: EmptyStateProps) {
  const titleId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className={`empty-state empty-state-${variant} empty-state-${tone}`} aria-labelledby={titleId} data-testid={testId}>
      <span className="empty-state-icon">
        <Icon name={icon} size={22} />
      </span>
      <div className="empty-state-body">
        <Heading id={titleId} className="empty-state-title">
          {title}
        </Heading>
        {children}
        {actions !== undefined ? <div className="empty-state-actions">{actions}</div> : null}
      </div>
    </section>
  );
}
