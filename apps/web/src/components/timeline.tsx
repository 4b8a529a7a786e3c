import { createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import {
  addDays,
  barGeometry,
  DAY_WIDTH,
  daysDragged,
  openingDate,
  ROW_HEIGHT,
  scaleTicks,
  type TimelineActivity,
  type TimelineRow,
  visibleRange,
  type Zoom,
} from '../lib/timeline';

/** The scale's height above the rows; the rows start below it. */
const SCALE_HEIGHT = 24;
/** The sticky column of row labels on the left. */
const LABEL_WIDTH = 220;
/** How far right of the names' column the opening date is shown. */
const OPENING_MARGIN = 48;

export interface TimelineProps<A extends TimelineActivity> {
  rows: readonly TimelineRow<A>[];
  periodStart: string;
  periodEnd: string;
  today: string;
  zoom: Zoom;
  overdue: ReadonlySet<number>;
  atRisk: ReadonlySet<number>;
  /** Whether bars may be dragged (the secretary); others only open the activity. */
  editable: boolean;
  label: string;
  /** The accessible name of a bar: title, dates, status. */
  describe: (activity: A) => string;
  tickLabel: (date: string) => string;
  /** What the live region says while a bar is dragged. */
  movingText: (title: string, start: string, end: string) => string;
  open: (activity: A) => void;
  /** Saves new dates; resolves false when refused, and the bar goes back. */
  move: (activity: A, days: number) => Promise<boolean>;
}

/**
 * A Gantt chart of a program. Only the rows in view are in the DOM (windowed by row height), and a
 * scroll adds and removes rows at the edges without redrawing the others; a drag moves the dragged
 * bar by a transform and touches nothing else until it is dropped.
 */
export function Timeline<A extends TimelineActivity>(props: TimelineProps<A>) {
  let viewport: HTMLDivElement | undefined;
  let live: HTMLParagraphElement | undefined;
  const [scrollTop, setScrollTop] = createSignal(0);
  const [viewportHeight, setViewportHeight] = createSignal(480);
  onMount(() => {
    const measured = viewport;
    if (!measured) return;
    // Measured once the browser has laid the page out (reading it now would force a layout of the
    // half-built page), and again whenever it changes size.
    const observer = new ResizeObserver(() => setViewportHeight(measured.clientHeight));
    observer.observe(measured);
    onCleanup(() => observer.disconnect());
    // Opens on what matters (today, or a finished program's first activity), a little after the
    // names' column; in a frame callback, so the layout the scroll needs is that frame's own.
    const opening = openingDate(props.rows, props.today, props.periodStart, props.periodEnd);
    const frame = requestAnimationFrame(() => {
      const { left } = barGeometry(opening, opening, props.periodStart, props.zoom);
      measured.scrollLeft = Math.max(0, left - OPENING_MARGIN);
    });
    onCleanup(() => cancelAnimationFrame(frame));
  });
  const width = () => barGeometry(props.periodStart, props.periodEnd, props.periodStart, props.zoom).width;
  const range = createMemo(() => visibleRange(scrollTop(), viewportHeight(), props.rows.length));
  // The same row objects from one scroll step to the next: `For` keeps the nodes of the rows still
  // in view and draws only the ones coming in. A row's place is `range().first` plus its index here.
  const visible = createMemo(() => props.rows.slice(range().first, range().end));
  const rowIndexOf = createMemo(() => {
    const index = new Map<number, number>();
    props.rows.forEach((row, i) => {
      if (row.kind === 'activity') index.set(row.activity.id, i);
    });
    return index;
  });
  const geometry = (a: TimelineActivity) => barGeometry(a.start, a.end, props.periodStart, props.zoom);
  // Arrows from each dependency's end to the start of a visible activity that waits for it.
  const arrows = createMemo(() =>
    visible().flatMap((row, i) => {
      const index = range().first + i;
      if (row.kind !== 'activity') return [];
      const to = geometry(row.activity);
      return row.activity.dependsOn.flatMap((id) => {
        const from = rowIndexOf().get(id);
        const dependency = from === undefined ? undefined : props.rows[from];
        if (from === undefined || dependency?.kind !== 'activity') return [];
        const start = geometry(dependency.activity);
        const x1 = LABEL_WIDTH + start.left + start.width;
        const y1 = from * ROW_HEIGHT + ROW_HEIGHT / 2;
        const x2 = LABEL_WIDTH + to.left;
        const y2 = index * ROW_HEIGHT + ROW_HEIGHT / 2;
        return [
          {
            key: `${id}-${row.activity.id}`,
            d: `M${x1},${y1} C${x1 + 12},${y1} ${x2 - 12},${y2} ${x2 - 2},${y2}`,
          },
        ];
      });
    }),
  );
  const todayLeft = () =>
    props.today >= props.periodStart && props.today <= props.periodEnd
      ? LABEL_WIDTH + barGeometry(props.today, props.today, props.periodStart, props.zoom).left
      : undefined;

  /** One bar's drag: pointer events captured by the bar; the transform is the only per-move change. */
  const dragHandlers = (activity: A) => {
    let startX = 0;
    let days = 0;
    let dragging = false;
    let moved = false;
    const show = (bar: HTMLElement) => {
      bar.style.transform = days === 0 ? '' : `translateX(${days * DAY_WIDTH[props.zoom]}px)`;
      if (live)
        live.textContent = props.movingText(
          activity.title,
          addDays(activity.start, days),
          addDays(activity.end, days),
        );
    };
    const drop = async (bar: HTMLElement, by: number) => {
      if (by === 0) return;
      const saved = await props.move(activity, by);
      // Refused: back where it was (the parent says why). Saved: the new data redraws the row.
      if (!saved && bar.isConnected) bar.style.transform = '';
    };
    return {
      onPointerDown: (e: PointerEvent) => {
        if (!props.editable || e.button !== 0) return;
        const bar = e.currentTarget as HTMLElement;
        bar.setPointerCapture(e.pointerId);
        startX = e.clientX;
        days = 0;
        dragging = true;
        moved = false;
        bar.classList.add('dragging');
      },
      onPointerMove: (e: PointerEvent) => {
        if (!dragging) return;
        const next = daysDragged(e.clientX - startX, props.zoom);
        if (next === days) return;
        days = next;
        moved = true;
        show(e.currentTarget as HTMLElement);
      },
      onPointerUp: (e: PointerEvent) => {
        if (!dragging) return;
        dragging = false;
        const bar = e.currentTarget as HTMLElement;
        bar.classList.remove('dragging');
        void drop(bar, days);
      },
      onPointerCancel: (e: PointerEvent) => {
        dragging = false;
        days = 0;
        const bar = e.currentTarget as HTMLElement;
        bar.classList.remove('dragging');
        bar.style.transform = '';
      },
      onClick: () => {
        // A drag ends with a click too: only a press without a move opens the activity.
        if (!moved) props.open(activity);
        moved = false;
      },
      onKeyDown: (e: KeyboardEvent) => {
        if (!props.editable || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
        e.preventDefault();
        const step = e.shiftKey ? 7 : 1;
        days = e.key === 'ArrowLeft' ? -step : step;
        const bar = e.currentTarget as HTMLElement;
        show(bar);
        void drop(bar, days).then(() => {
          days = 0;
        });
      },
    };
  };

  return (
    <section class="timeline" aria-label={props.label}>
      <p class="visually-hidden" aria-live="polite" ref={live} />
      <div
        class="timeline-viewport"
        ref={viewport}
        onScroll={(e) => setScrollTop(Math.max(0, e.currentTarget.scrollTop - SCALE_HEIGHT))}
      >
        <div
          class="timeline-canvas"
          style={{
            width: `${LABEL_WIDTH + width()}px`,
            height: `${SCALE_HEIGHT + props.rows.length * ROW_HEIGHT}px`,
          }}
        >
          <div class="timeline-scale" style={{ width: `${LABEL_WIDTH + width()}px` }} aria-hidden="true">
            <For each={scaleTicks(props.periodStart, props.periodEnd, props.zoom)}>
              {(tick) => (
                <span class="tick" style={{ left: `${LABEL_WIDTH + tick.left}px` }}>
                  {props.tickLabel(tick.date)}
                </span>
              )}
            </For>
          </div>
          <div class="timeline-rows">
            <Show when={todayLeft()}>
              {(left) => <div class="today-line" style={{ left: `${left()}px` }} title={props.today} />}
            </Show>
            <svg
              class="timeline-arrows"
              width={LABEL_WIDTH + width()}
              height={props.rows.length * ROW_HEIGHT}
              aria-hidden="true"
            >
              <For each={arrows()}>
                {(arrow) => <path d={arrow.d} marker-end="url(#timeline-arrow-head)" />}
              </For>
              <defs>
                <marker
                  id="timeline-arrow-head"
                  viewBox="0 0 6 6"
                  refX="5"
                  refY="3"
                  markerWidth="6"
                  markerHeight="6"
                  orient="auto"
                >
                  <path d="M0,0 L6,3 L0,6 z" />
                </marker>
              </defs>
            </svg>
            <For each={visible()}>
              {(row, i) => {
                const top = () => `${(range().first + i()) * ROW_HEIGHT}px`;
                // A row object is one kind for good, and its activity and milestones are fixed: a
                // change of data makes new rows. So no Show or For per row, only what scrolls or zooms.
                if (row.kind !== 'activity')
                  return (
                    <div class="timeline-row direction-row" style={{ top: top() }}>
                      <span class="row-label">{`${row.title} (${row.count})`}</span>
                    </div>
                  );
                const a = row.activity;
                // Follows the zoom: the row stays drawn when only the scale changes.
                const bar = () => geometry(a);
                const drag = dragHandlers(a);
                return (
                  <div class="timeline-row" style={{ top: top() }}>
                    <span class="row-label" title={a.title}>
                      {a.title}
                    </span>
                    <button
                      type="button"
                      class={`bar status-${a.status}`}
                      classList={{ overdue: props.overdue.has(a.id), 'at-risk': props.atRisk.has(a.id) }}
                      style={{ left: `${LABEL_WIDTH + bar().left}px`, width: `${bar().width}px` }}
                      aria-label={props.describe(a)}
                      data-activity-id={a.id}
                      onPointerDown={drag.onPointerDown}
                      onPointerMove={drag.onPointerMove}
                      onPointerUp={drag.onPointerUp}
                      onPointerCancel={drag.onPointerCancel}
                      onClick={drag.onClick}
                      onKeyDown={drag.onKeyDown}
                    >
                      <span class="bar-progress" style={{ width: `${a.progress}%` }} />
                    </button>
                    {a.milestones.map((m) => (
                      <span
                        class="milestone"
                        style={{
                          left: `${LABEL_WIDTH + barGeometry(m.date, m.date, props.periodStart, props.zoom).left}px`,
                        }}
                        title={`${m.title}: ${m.date}`}
                      />
                    ))}
                  </div>
                );
              }}
            </For>
          </div>
        </div>
      </div>
    </section>
  );
}
