// The timeline bench's peer: the same markup as apps/web's Timeline, with the same windowing,
// drawn by plain DOM calls from the same JSON. Sizes match apps/web/src/lib/timeline.ts.
const ROW_HEIGHT = 28;
const OVERSCAN_ROWS = 6;
const SCALE_HEIGHT = 24;
const LABEL_WIDTH = 220;
const DAY_WIDTH = 4; // the quarter zoom
const DAY_MS = 86_400_000;
const SVG = 'http://www.w3.org/2000/svg';

const dayNumber = (date) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

function element(tag, className, style) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (style) Object.assign(node.style, style);
  return node;
}

function quarterTicks(periodStart, periodEnd) {
  const ticks = [];
  const [y, m] = periodStart.split('-').map(Number);
  let year = y;
  let month = Math.ceil((m - 1) / 3) * 3;
  if (m - 1 === month && !periodStart.endsWith('-01')) month += 3;
  for (;;) {
    year += Math.floor(month / 12);
    month %= 12;
    const date = `${year}-${String(month + 1).padStart(2, '0')}-01`;
    if (date > periodEnd) break;
    ticks.push({ date, left: (dayNumber(date) - dayNumber(periodStart)) * DAY_WIDTH });
    month += 3;
  }
  return ticks;
}

async function draw() {
  const id = new URLSearchParams(location.search).get('program');
  const detail = await (await fetch(`/api/programs/${id}`)).json();
  const { program, activities, summary } = detail;
  const overdue = new Set(summary.overdue);
  const atRisk = new Set(summary.atRisk);
  const byDirection = new Map();
  for (const a of activities) {
    const list = byDirection.get(a.directionId);
    if (list) list.push(a);
    else byDirection.set(a.directionId, [a]);
  }
  const rows = [];
  for (const d of program.directions) {
    const list = byDirection.get(d.id);
    if (!list) continue;
    rows.push({ kind: 'direction', title: d.titleEn, count: list.length });
    for (const activity of list) rows.push({ kind: 'activity', activity });
  }
  const rowIndex = new Map();
  rows.forEach((row, i) => {
    if (row.kind === 'activity') rowIndex.set(row.activity.id, i);
  });
  const origin = dayNumber(program.periodStart);
  const geometry = (a) => ({
    left: (dayNumber(a.start) - origin) * DAY_WIDTH,
    width: (dayNumber(a.end) - dayNumber(a.start) + 1) * DAY_WIDTH,
  });
  const width = (dayNumber(program.periodEnd) - origin + 1) * DAY_WIDTH;

  const section = element('section', 'timeline');
  section.setAttribute('aria-label', 'Timeline');
  const live = element('p', 'visually-hidden');
  live.setAttribute('aria-live', 'polite');
  const viewport = element('div', 'timeline-viewport');
  const canvas = element('div', 'timeline-canvas', {
    width: `${LABEL_WIDTH + width}px`,
    height: `${SCALE_HEIGHT + rows.length * ROW_HEIGHT}px`,
  });
  const scale = element('div', 'timeline-scale', { width: `${LABEL_WIDTH + width}px` });
  scale.setAttribute('aria-hidden', 'true');
  for (const tick of quarterTicks(program.periodStart, program.periodEnd)) {
    const span = element('span', 'tick', { left: `${LABEL_WIDTH + tick.left}px` });
    span.textContent = `${tick.date.slice(0, 4)} Q${Math.floor(Number(tick.date.slice(5, 7)) / 3) + 1}`;
    scale.append(span);
  }
  const body = element('div', 'timeline-rows');
  const today = new Date().toISOString().slice(0, 10);
  if (today >= program.periodStart && today <= program.periodEnd) {
    const line = element('div', 'today-line', {
      left: `${LABEL_WIDTH + (dayNumber(today) - origin) * DAY_WIDTH}px`,
    });
    line.title = today;
    body.append(line);
  }
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'timeline-arrows');
  svg.setAttribute('width', String(LABEL_WIDTH + width));
  svg.setAttribute('height', String(rows.length * ROW_HEIGHT));
  svg.setAttribute('aria-hidden', 'true');
  const defs = document.createElementNS(SVG, 'defs');
  const marker = document.createElementNS(SVG, 'marker');
  for (const [name, value] of Object.entries({
    id: 'timeline-arrow-head',
    viewBox: '0 0 6 6',
    refX: '5',
    refY: '3',
    markerWidth: '6',
    markerHeight: '6',
    orient: 'auto',
  }))
    marker.setAttribute(name, value);
  const head = document.createElementNS(SVG, 'path');
  head.setAttribute('d', 'M0,0 L6,3 L0,6 z');
  marker.append(head);
  defs.append(marker);
  body.append(svg);
  const drawn = element('div');
  drawn.style.display = 'contents';
  body.append(drawn);
  canvas.append(scale, body);
  viewport.append(canvas);
  section.append(live, viewport);
  document.querySelector('#root').append(section);

  const drawWindow = () => {
    const scrollTop = Math.max(0, viewport.scrollTop - SCALE_HEIGHT);
    const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN_ROWS);
    const end = Math.min(
      rows.length,
      Math.ceil((scrollTop + viewport.clientHeight) / ROW_HEIGHT) + OVERSCAN_ROWS,
    );
    const fragment = document.createDocumentFragment();
    const paths = [];
    for (let index = first; index < end; index += 1) {
      const row = rows[index];
      if (row.kind === 'direction') {
        const div = element('div', 'timeline-row direction-row', { top: `${index * ROW_HEIGHT}px` });
        const label = element('span', 'row-label');
        label.textContent = `${row.title} (${row.count})`;
        div.append(label);
        fragment.append(div);
        continue;
      }
      const a = row.activity;
      const bar = geometry(a);
      const div = element('div', 'timeline-row', { top: `${index * ROW_HEIGHT}px` });
      const label = element('span', 'row-label');
      label.title = a.title;
      label.textContent = a.title;
      const button = element('button', `bar status-${a.status}`, {
        left: `${LABEL_WIDTH + bar.left}px`,
        width: `${bar.width}px`,
      });
      button.type = 'button';
      if (overdue.has(a.id)) button.classList.add('overdue');
      if (atRisk.has(a.id)) button.classList.add('at-risk');
      button.setAttribute('aria-label', `${a.title}: ${a.start} – ${a.end}, ${a.status}, ${a.progress}%`);
      button.dataset.activityId = String(a.id);
      button.append(element('span', 'bar-progress', { width: `${a.progress}%` }));
      div.append(label, button);
      for (const m of a.milestones) {
        const mark = element('span', 'milestone', {
          left: `${LABEL_WIDTH + (dayNumber(m.date) - origin) * DAY_WIDTH}px`,
        });
        mark.title = `${m.title}: ${m.date}`;
        div.append(mark);
      }
      fragment.append(div);
      for (const dep of a.dependsOn) {
        const from = rowIndex.get(dep);
        if (from === undefined) continue;
        const start = geometry(rows[from].activity);
        const x1 = LABEL_WIDTH + start.left + start.width;
        const y1 = from * ROW_HEIGHT + ROW_HEIGHT / 2;
        const x2 = LABEL_WIDTH + bar.left;
        const y2 = index * ROW_HEIGHT + ROW_HEIGHT / 2;
        const path = document.createElementNS(SVG, 'path');
        path.setAttribute('d', `M${x1},${y1} C${x1 + 12},${y1} ${x2 - 12},${y2} ${x2 - 2},${y2}`);
        path.setAttribute('marker-end', 'url(#timeline-arrow-head)');
        paths.push(path);
      }
    }
    drawn.replaceChildren(fragment);
    svg.replaceChildren(...paths, defs);
  };
  viewport.addEventListener('scroll', drawWindow);
  drawWindow();
}

void draw();
