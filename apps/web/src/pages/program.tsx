import type { ActivityStatus, MemberStateCode } from '@accord/domain';
import { A, createAsync, revalidate, useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, createUniqueId, For, lazy, Show, Suspense } from 'solid-js';
import { client, isApiError, unwrap } from '../api';
import { AfterFirstPaint } from '../components/after-first-paint';
import { ImportActivities } from '../components/import-activities';
import { usePageTitle } from '../components/page-title';
import { Timeline } from '../components/timeline';
import {
  type ActivityView,
  getPlanVsActual,
  getProgram,
  getProgramRelated,
  getPrograms,
  getStatePart,
  getStates,
  PROGRAM_ACTIVITY_READS,
  type ProgramDetail,
  type StateView,
} from '../data';
import { useI18n } from '../i18n/context';
import { ACTIVITY_STATUS_LABELS, ACTIVITY_STATUSES } from '../i18n/labels';
import { movedActivityInput } from '../lib/programs';
import { type TimelineFilters, timelineRows, ZOOMS, type Zoom } from '../lib/timeline';
import { useSession } from '../session';

const isZoom = (value: unknown): value is Zoom => ZOOMS.includes(value as Zoom);
const isStatus = (value: unknown): value is ActivityStatus =>
  ACTIVITY_STATUSES.includes(value as ActivityStatus);
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';
const todayDate = () => new Date().toISOString().slice(0, 10);

// The new-activity form opens on demand: its code (and its fields') loads then, not with the page.
const ActivityForm = lazy(() =>
  import('../components/activity-form').then((m) => ({ default: m.ActivityForm })),
);
const ActivityWarnings = lazy(() =>
  import('../components/activity-form').then((m) => ({ default: m.ActivityWarnings })),
);

/** A list names at most this many activities; the timeline's filters show the rest. */
const LISTED_ACTIVITIES = 50;

/** A program's activities by id, built once for all of the page's lists. */
type ActivitiesById = ReadonlyMap<number, ActivityView>;

/** Links to activities by id, by their titles; a long list is cut, with the count of the rest. */
function ActivityLinks(props: {
  ids: readonly number[];
  programId: number;
  activities: ActivitiesById;
  empty: string;
}) {
  const { t } = useI18n();
  return (
    <Show when={props.ids.length > 0} fallback={<p class="muted">{props.empty}</p>}>
      <Show when={props.ids.length > LISTED_ACTIVITIES}>
        <p class="muted small">
          {t('program.listCut', { shown: LISTED_ACTIVITIES, count: props.ids.length })}
        </p>
      </Show>
      <ul class="activity-links">
        <For each={props.ids.slice(0, LISTED_ACTIVITIES)}>
          {(id) => (
            <li>
              <A href={`/programs/${props.programId}/activities/${id}`}>
                {props.activities.get(id)?.title ?? `#${id}`}
              </A>{' '}
              <span class="muted small">
                {props.activities.get(id)?.start} – {props.activities.get(id)?.end}
              </span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

/** Overall progress, progress by direction (with the decisions and tasks that serve it), what is overdue and at risk. */
function ProgramSummary(props: { detail: ProgramDetail }) {
  const { t, language } = useI18n();
  const related = createAsync(() => getProgramRelated(String(props.detail.program.id)));
  const activities = createMemo((): ActivitiesById => new Map(props.detail.activities.map((a) => [a.id, a])));
  const directionTitle = (id: number) => {
    const d = props.detail.program.directions.find((x) => x.id === id);
    return d ? (language() === 'ru' ? d.titleRu : d.titleEn) : `#${id}`;
  };
  return (
    <section class="panel" aria-labelledby="program-summary">
      <h2 id="program-summary">{t('program.summary')}</h2>
      <p class="lead">
        <label>
          {t('program.progress', { percent: props.detail.summary.progress ?? '—' })}{' '}
          <progress max={100} value={props.detail.summary.progress ?? 0} />
        </label>
      </p>
      <div class="table-wrap">
        <table>
          <caption>{t('program.byDirection')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('program.direction')}</th>
              <th scope="col">{t('program.count')}</th>
              <th scope="col">{t('program.percent')}</th>
              <th scope="col">{t('program.related')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.detail.summary.byDirection}>
              {(d) => (
                <tr>
                  <th scope="row">{directionTitle(d.directionId)}</th>
                  <td class="number">{d.count}</td>
                  <td class="number">{d.progress === null ? t('common.none') : `${d.progress}%`}</td>
                  <td>
                    {/* Filled in when they arrive: the timeline does not wait for them. */}
                    <Suspense>
                      <ul class="inline-list">
                        <For
                          each={related()?.decisions.filter((x) => x.directionIds.includes(d.directionId))}
                        >
                          {(x) => (
                            <li>
                              <A href="/decisions">
                                {t('program.relatedDecision', { number: x.registerNumber, title: x.title })}
                              </A>
                            </li>
                          )}
                        </For>
                        <For each={related()?.tasks.filter((x) => x.directionId === d.directionId)}>
                          {(x) => (
                            <li>
                              <A href={`/working-groups/${x.groupId}`}>
                                {t('program.relatedTask', { title: x.title, date: x.dueDate })}
                              </A>
                            </li>
                          )}
                        </For>
                      </ul>
                    </Suspense>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <div class="columns">
        <div>
          <h3>{t('program.overdue')}</h3>
          <ActivityLinks
            ids={props.detail.summary.overdue}
            programId={props.detail.program.id}
            activities={activities()}
            empty={t('program.noneOverdue')}
          />
        </div>
        <div>
          <h3>{t('program.atRisk')}</h3>
          <ActivityLinks
            ids={props.detail.summary.atRisk}
            programId={props.detail.program.id}
            activities={activities()}
            empty={t('program.noneAtRisk')}
          />
        </div>
      </div>
      <StatePart detail={props.detail} activities={activities()} />
    </section>
  );
}

/** One state's part: what it leads, what it takes part in, what of that is overdue. */
function StatePart(props: { detail: ProgramDetail; activities: ActivitiesById }) {
  const { t, language } = useI18n();
  const states = createAsync(() => getStates());
  const [state, setState] = createSignal<MemberStateCode | ''>('');
  const id = createUniqueId();
  const part = createAsync(async () => {
    const code = state();
    return code ? getStatePart(String(props.detail.program.id), code) : undefined;
  });
  const ids = (list: ReadonlyArray<{ id: number }> | undefined) => (list ?? []).map((a) => a.id);
  return (
    <div class="state-part">
      <h3>{t('program.statePart')}</h3>
      <div class="field">
        <label for={id}>{t('program.state')}</label>
        <select id={id} onChange={(e) => setState(e.currentTarget.value as MemberStateCode | '')}>
          <option value="">{t('common.none')}</option>
          <Suspense>
            <For each={states()}>
              {(s: StateView) => <option value={s.code}>{language() === 'ru' ? s.nameRu : s.nameEn}</option>}
            </For>
          </Suspense>
        </select>
      </div>
      <Suspense fallback={<p class="loading">{t('app.loading')}</p>}>
        <Show when={part()}>
          {(p) => (
            <div class="columns">
              <div>
                <h4>{t('program.leads')}</h4>
                <ActivityLinks
                  ids={ids(p().leads)}
                  programId={props.detail.program.id}
                  activities={props.activities}
                  empty={t('program.nothing')}
                />
              </div>
              <div>
                <h4>{t('program.takesPart')}</h4>
                <ActivityLinks
                  ids={ids(p().takesPart)}
                  programId={props.detail.program.id}
                  activities={props.activities}
                  empty={t('program.nothing')}
                />
              </div>
              <div>
                <h4>{t('program.stateOverdue')}</h4>
                <ActivityLinks
                  ids={ids(p().overdue)}
                  programId={props.detail.program.id}
                  activities={props.activities}
                  empty={t('program.nothing')}
                />
              </div>
            </div>
          )}
        </Show>
      </Suspense>
    </div>
  );
}

/** Filters and zoom (kept in the address), the Gantt chart, and what a drag did. */
function ProgramTimeline(props: { detail: ProgramDetail }) {
  const { t, language, issueText, errorText } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const states = createAsync(() => getStates());
  const [search, setSearch] = useSearchParams();
  const [outcome, setOutcome] = createSignal<{ ok: boolean; text: string }>();
  const id = createUniqueId();
  const zoom = (): Zoom => {
    const value = one(search.zoom);
    return isZoom(value) ? value : 'quarter';
  };
  const filters = createMemo((): TimelineFilters => {
    const direction = Number(one(search.direction));
    const status = one(search.status);
    return {
      directionId: Number.isInteger(direction) && direction > 0 ? direction : null,
      state: (one(search.state) || null) as MemberStateCode | null,
      status: isStatus(status) ? status : null,
    };
  });
  const directions = createMemo(() =>
    props.detail.program.directions.map((d) => ({
      id: d.id,
      title: language() === 'ru' ? d.titleRu : d.titleEn,
    })),
  );
  const rows = createMemo(() => timelineRows(directions(), props.detail.activities, filters()));
  const shown = () => rows().filter((r) => r.kind === 'activity').length;
  const overdue = createMemo(() => new Set(props.detail.summary.overdue));
  const atRisk = createMemo(() => new Set(props.detail.summary.atRisk));
  const programId = () => String(props.detail.program.id);

  const move = async (activity: ActivityView, days: number): Promise<boolean> => {
    const input = movedActivityInput(activity, days);
    try {
      await unwrap(
        client.api.programs[':id'].activities[':activityId'].$put({
          param: { id: programId(), activityId: String(activity.id) },
          json: input,
        }),
      );
      setOutcome({
        ok: true,
        text: t('program.moved', { title: activity.title, start: input.start, end: input.end }),
      });
      await revalidate(PROGRAM_ACTIVITY_READS);
      return true;
    } catch (error) {
      const issue = isApiError(error) ? error.details[0] : undefined;
      const reason = issue ? issueText(issue) : errorText(error);
      setOutcome({ ok: false, text: t('program.moveRefused', { title: activity.title, reason }) });
      return false;
    }
  };

  return (
    <section class="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('program.timeline')}</h2>
      <div class="field-row timeline-controls">
        <div class="field">
          <label for={`${id}-direction`}>{t('program.filterDirection')}</label>
          <select
            id={`${id}-direction`}
            value={one(search.direction)}
            onChange={(e) => setSearch({ direction: e.currentTarget.value || undefined })}
          >
            <option value="">{t('program.all')}</option>
            <For each={directions()}>{(d) => <option value={String(d.id)}>{d.title}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for={`${id}-state`}>{t('program.filterState')}</label>
          <select
            id={`${id}-state`}
            value={one(search.state)}
            onChange={(e) => setSearch({ state: e.currentTarget.value || undefined })}
          >
            <option value="">{t('program.all')}</option>
            {/* The states' names fill in when they arrive: the timeline does not wait for them. */}
            <Suspense>
              <For each={states()}>
                {(s) => <option value={s.code}>{language() === 'ru' ? s.nameRu : s.nameEn}</option>}
              </For>
            </Suspense>
          </select>
        </div>
        <div class="field">
          <label for={`${id}-status`}>{t('program.filterStatus')}</label>
          <select
            id={`${id}-status`}
            value={one(search.status)}
            onChange={(e) => setSearch({ status: e.currentTarget.value || undefined })}
          >
            <option value="">{t('program.all')}</option>
            <For each={ACTIVITY_STATUSES}>
              {(s) => <option value={s}>{t(ACTIVITY_STATUS_LABELS[s])}</option>}
            </For>
          </select>
        </div>
        <fieldset class="field zoom">
          <legend>{t('program.zoom')}</legend>
          <For each={ZOOMS}>
            {(z) => (
              <label class="checkbox">
                <input
                  type="radio"
                  name={`${id}-zoom`}
                  value={z}
                  checked={zoom() === z}
                  onChange={() => setSearch({ zoom: z })}
                />
                {t(`program.zoom.${z}`)}
              </label>
            )}
          </For>
        </fieldset>
      </div>
      <p class="muted small">
        {t('program.shown', { count: shown() })}
        <Show when={can('programs.write')}> · {t('program.dragHint')}</Show>
      </p>
      <Show when={outcome()}>
        {(o) => (
          <p
            class={o().ok ? 'notice notice-success' : 'notice notice-error'}
            role={o().ok ? 'status' : 'alert'}
          >
            {o().text}
          </p>
        )}
      </Show>
      <Show
        when={shown() > 0}
        fallback={
          <p class="notice" role="status">
            {props.detail.activities.length > 0
              ? t('program.noneMatch')
              : t(can('programs.write') ? 'program.emptyCanAdd' : 'program.empty')}
          </p>
        }
      >
        <Timeline
          rows={rows()}
          periodStart={props.detail.program.periodStart}
          periodEnd={props.detail.program.periodEnd}
          today={todayDate()}
          zoom={zoom()}
          overdue={overdue()}
          atRisk={atRisk()}
          editable={can('programs.write')}
          label={t('program.timelineBars')}
          describe={(a) =>
            t('program.barLabel', {
              title: a.title,
              start: a.start,
              end: a.end,
              status: t(ACTIVITY_STATUS_LABELS[a.status]),
              progress: a.progress,
            })
          }
          tickLabel={(date) =>
            zoom() === 'year'
              ? date.slice(0, 4)
              : zoom() === 'quarter'
                ? `${date.slice(0, 4)} Q${Math.floor(Number(date.slice(5, 7)) / 3) + 1}`
                : date.slice(0, 7)
          }
          movingText={(title, start, end) => t('program.moving', { title, start, end })}
          open={(a) => navigate(`/programs/${programId()}/activities/${a.id}`)}
          move={move}
        />
      </Show>
    </section>
  );
}

/** "New activity": the form opens on demand (it lists every activity as a possible dependency). */
function NewActivity(props: { detail: ProgramDetail }) {
  const { t } = useI18n();
  const [open, setOpen] = createSignal(false);
  const [saved, setSaved] = createSignal<{
    title: string;
    warnings: Parameters<typeof ActivityWarnings>[0]['warnings'];
  }>();
  return (
    <section class="panel" aria-labelledby="new-activity">
      <h2 id="new-activity">{t('activity.new')}</h2>
      <Suspense fallback={<p class="loading">{t('app.loading')}</p>}>
        <Show when={saved()}>
          {(s) => (
            <>
              <p class="notice notice-success" role="status">
                {t('activity.created')} {s().title}
              </p>
              <ActivityWarnings warnings={s().warnings} activities={props.detail.activities} />
            </>
          )}
        </Show>
        <Show
          when={open()}
          fallback={
            <button type="button" class="button-primary" onClick={() => setOpen(true)}>
              {t('activity.new')}
            </button>
          }
        >
          <ActivityForm
            program={props.detail}
            onSaved={(activity, warnings) => {
              setSaved({ title: activity.title, warnings });
              setOpen(false);
              void revalidate(PROGRAM_ACTIVITY_READS);
            }}
          />
        </Show>
      </Suspense>
    </section>
  );
}

/** The secretary changes the program's titles, period and goals, and adds directions. */
function EditProgram(props: { detail: ProgramDetail }) {
  const { t, errorText } = useI18n();
  const [outcome, setOutcome] = createSignal<{ ok: boolean; text: string }>();
  const id = createUniqueId();
  const programId = () => String(props.detail.program.id);
  const done = async (text: string) => {
    setOutcome({ ok: true, text });
    await revalidate([getProgram.key, getPrograms.key]);
  };
  const saveProgram = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '');
    try {
      await unwrap(
        client.api.programs[':id'].$put({
          param: { id: programId() },
          json: {
            titleRu: text('titleRu'),
            titleEn: text('titleEn'),
            periodStart: text('periodStart'),
            periodEnd: text('periodEnd'),
            goals: text('goals'),
          },
        }),
      );
      await done(t('programs.saved'));
    } catch (error) {
      setOutcome({ ok: false, text: errorText(error) });
    }
  };
  const addDirection = async (event: SubmitEvent) => {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    try {
      await unwrap(
        client.api.programs[':id'].directions.$post({
          param: { id: programId() },
          json: { titleRu: String(form.get('titleRu') ?? ''), titleEn: String(form.get('titleEn') ?? '') },
        }),
      );
      formElement.reset();
      await done(t('program.directionAdded'));
    } catch (error) {
      setOutcome({ ok: false, text: errorText(error) });
    }
  };
  const p = () => props.detail.program;
  return (
    <details class="panel">
      <summary>{t('programs.edit')}</summary>
      <Show when={outcome()}>
        {(o) => (
          <p
            class={o().ok ? 'notice notice-success' : 'notice notice-error'}
            role={o().ok ? 'status' : 'alert'}
          >
            {o().text}
          </p>
        )}
      </Show>
      <form class="stack" onSubmit={saveProgram}>
        <div class="field">
          <label for={`${id}-ru`}>{t('programs.titleRu')}</label>
          <input id={`${id}-ru`} name="titleRu" required value={p().titleRu} />
        </div>
        <div class="field">
          <label for={`${id}-en`}>{t('programs.titleEn')}</label>
          <input id={`${id}-en`} name="titleEn" required value={p().titleEn} />
        </div>
        <div class="field-row">
          <div class="field">
            <label for={`${id}-from`}>{t('programs.periodStart')}</label>
            <input id={`${id}-from`} name="periodStart" type="date" required value={p().periodStart} />
          </div>
          <div class="field">
            <label for={`${id}-to`}>{t('programs.periodEnd')}</label>
            <input id={`${id}-to`} name="periodEnd" type="date" required value={p().periodEnd} />
          </div>
        </div>
        <div class="field">
          <label for={`${id}-goals`}>{t('programs.goals')}</label>
          <textarea id={`${id}-goals`} name="goals" rows={4}>
            {p().goals}
          </textarea>
        </div>
        <button type="submit">{t('programs.save')}</button>
      </form>
      <form class="stack" onSubmit={addDirection}>
        <h3>{t('program.addDirection')}</h3>
        <div class="field-row">
          <div class="field">
            <label for={`${id}-dru`}>{t('programs.titleRu')}</label>
            <input id={`${id}-dru`} name="titleRu" required />
          </div>
          <div class="field">
            <label for={`${id}-den`}>{t('programs.titleEn')}</label>
            <input id={`${id}-den`} name="titleEn" required />
          </div>
        </div>
        <button type="submit">{t('program.addDirection')}</button>
      </form>
    </details>
  );
}

/** The approved plan (a baseline the secretary saves) against today's dates. */
function PlanAgainstActual(props: { detail: ProgramDetail }) {
  const { t, dateTime } = useI18n();
  const { can } = useSession();
  // Read when opened: comparing every activity is work the program's first screen does not need.
  const [opened, setOpened] = createSignal(false);
  const plan = createAsync(async () =>
    opened() ? getPlanVsActual(String(props.detail.program.id)) : undefined,
  );
  const [failure, setFailure] = createSignal<unknown>();
  const { errorText } = useI18n();
  const titleOf = (id: number) => props.detail.activities.find((a) => a.id === id)?.title ?? `#${id}`;
  const save = async () => {
    setFailure(undefined);
    try {
      await unwrap(
        client.api.programs[':id'].baseline.$post({ param: { id: String(props.detail.program.id) } }),
      );
      await revalidate([getPlanVsActual.key, getProgram.key]);
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <details class="panel" onToggle={(e) => setOpened(e.currentTarget.open)}>
      <summary>
        <h2 class="summary-heading">{t('program.planVsActual')}</h2>
      </summary>
      <Suspense fallback={<p class="loading">{t('app.loading')}</p>}>
        <Show when={failure()}>
          {(error) => (
            <p class="notice notice-error" role="alert">
              {errorText(error())}
            </p>
          )}
        </Show>
        <Show when={plan()?.baselineSavedAt} fallback={<p class="muted">{t('program.noBaseline')}</p>}>
          {(at) => <p>{t('program.baselineSaved', { at: dateTime(at()) })}</p>}
        </Show>
        <Show when={can('programs.write')}>
          <button type="button" onClick={() => void save()}>
            {t('program.saveBaseline')}
          </button>
        </Show>
        <Show when={(plan()?.comparison ?? []).length > 0}>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('activity.title')}</th>
                  <th scope="col">{t('program.planned')}</th>
                  <th scope="col">{t('program.actual')}</th>
                  <th scope="col">{t('program.slip')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={plan()?.comparison}>
                  {(row) => (
                    <tr classList={{ 'text-warning': row.endSlipDays > 0 }}>
                      <th scope="row">{titleOf(row.activityId)}</th>
                      <td>
                        {row.planned.start} – {row.planned.end}
                      </td>
                      <td>
                        {row.actual.start} – {row.actual.end}
                      </td>
                      <td class="number">
                        {row.startSlipDays} / {row.endSlipDays}
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </Suspense>
    </details>
  );
}

/** A program: its summary, its timeline, new activities, and the plan against today's dates. */
export function Program() {
  const { t, language } = useI18n();
  const { can } = useSession();
  const params = useParams();
  const detail = createAsync(() => getProgram(params.id ?? ''));
  const title = () => {
    const p = detail()?.program;
    return p ? (language() === 'ru' ? p.titleRu : p.titleEn) : t('programs.title');
  };
  usePageTitle(title);
  return (
    <Show when={detail()}>
      {(d) => (
        <div class="page wide">
          <p class="breadcrumb">
            <A href="/programs">{t('programs.title')}</A>
          </p>
          <div class="page-head">
            <h1>{title()}</h1>
            <a class="button" href={`/api/programs/${d().program.id}/activities.csv`} download="">
              {t('program.export')}
            </a>
            <A class="button" href={`/programs/${d().program.id}/print`}>
              {t('program.print')}
            </A>
          </div>
          <p class="muted">
            {t('programs.period')}: {d().program.periodStart} – {d().program.periodEnd}
          </p>
          <Show when={d().program.goals}>
            <p class="goals">{d().program.goals}</p>
          </Show>
          <ProgramTimeline detail={d()} />
          {/* The chart is what the page is for: it shows first, the summary and forms a frame later. */}
          <AfterFirstPaint>
            <ProgramSummary detail={d()} />
            <Show when={can('programs.write')}>
              <NewActivity detail={d()} />
              <ImportActivities programId={d().program.id} />
              <EditProgram detail={d()} />
            </Show>
            <PlanAgainstActual detail={d()} />
          </AfterFirstPaint>
        </div>
      )}
    </Show>
  );
}
