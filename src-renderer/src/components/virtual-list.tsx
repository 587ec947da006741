// A small windowing list: fixed row height, only the rows in view (plus a few) are in the DOM.
import { forwardRef, useCallback, useImperativeHandle, useLayoutEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';

export interface VirtualListHandle {
  scrollToIndex(index: number): void;
}

export interface VirtualListProps {
  readonly itemCount: number;
  readonly rowHeight: number;
  readonly renderRow: (index: number) => ReactNode;
  readonly itemKey: (index: number) => string;
  readonly overscan?: number;
  readonly label: string;
  readonly className?: string;
  readonly empty?: ReactNode;
  /**
   * A row kept in the DOM even when scrolled out of view: the list's one tab stop (roving tabindex) must always
   * exist, or Tab would skip the list after a scroll.
   */
  readonly pinnedIndex?: number | undefined;
}

export const VirtualList = forwardRef<VirtualListHandle, VirtualListProps>(function VirtualList(props, ref) {
  const { itemCount, rowHeight, renderRow, itemKey, overscan = 6, label, className, empty, pinnedIndex } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el === null) return;
    setHeight(el.clientHeight || 600);
    const ro = new ResizeObserver(() => setHeight(el.clientHeight || 600));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // A shorter list (after filtering) must not leave the window scrolled past its end.
  const maxTop = Math.max(0, itemCount * rowHeight - height);
  const top = Math.min(scrollTop, maxTop);

  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (el !== null) setScrollTop(el.scrollTop);
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      scrollToIndex(index: number) {
        const el = scroller.current;
        if (el === null) return;
        const rowTop = index * rowHeight;
        if (rowTop < el.scrollTop) el.scrollTop = rowTop;
        else if (rowTop + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = rowTop + rowHeight - el.clientHeight;
        setScrollTop(el.scrollTop);
      },
    }),
    [rowHeight],
  );

  // The pinned row moves between its pool slot and the 'pinned' slot as it scrolls out of view and back, which
  // remounts it; when it held the focus, the layout effect below gives the focus back to the new element.
  const focusInside = useRef(false);
  focusInside.current = scroller.current?.contains(document.activeElement) === true && document.activeElement !== scroller.current;
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!focusInside.current || el === null || pinnedIndex === undefined || el.contains(document.activeElement)) return;
    el.querySelector<HTMLElement>(`[aria-posinset="${pinnedIndex + 1}"] [tabindex="0"]`)?.focus();
  });

  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  // Rows are keyed by pool slot, not by item: a filter or a scroll updates the DOM rows in place instead of
  // unmounting and mounting them, which is what keeps a keystroke within a frame at 10,000 items.
  const pool = Math.ceil(height / rowHeight) + 2 * overscan + 2;
  const last = Math.min(itemCount, Math.ceil((top + height) / rowHeight) + overscan);
  const rows: ReactNode[] = [];
  const indexes: number[] = [];
  for (let i = first; i < last; i++) indexes.push(i);
  const pinned = pinnedIndex !== undefined && pinnedIndex >= 0 && pinnedIndex < itemCount && (pinnedIndex < first || pinnedIndex >= last) ? pinnedIndex : null;
  if (pinned !== null) indexes.push(pinned);
  for (const i of indexes) {
    rows.push(
      <div
        key={i === pinned ? 'pinned' : i % pool}
        data-key={itemKey(i)}
        className="vrow"
        role="listitem"
        aria-setsize={itemCount}
        aria-posinset={i + 1}
        style={{ transform: `translateY(${i * rowHeight}px)`, height: rowHeight }}
      >
        {renderRow(i)}
      </div>,
    );
  }

  return (
    <div ref={scroller} className={`vlist ${className ?? ''}`} onScroll={onScroll}>
      {itemCount === 0 ? (
        empty
      ) : (
        <div role="list" aria-label={label} className="vlist-inner" style={{ height: itemCount * rowHeight }}>
          {rows}
        </div>
      )}
    </div>
  );
});
