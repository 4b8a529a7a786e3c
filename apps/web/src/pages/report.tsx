import { A, createAsync, revalidate, useParams } from '@solidjs/router';
import { createSignal, createUniqueId, For, Match, Show, Switch } from 'solid-js';
import { client, unwrap } from '../api';
import { usePageTitle } from '../components/page-title';
import { RichTextEditor } from '../components/rich-text-editor';
import {
  getReport,
  getReportDiff,
  getReports,
  getReportVersions,
  type ReportDetail,
  type ReportSectionView,
  type ReportVersionView,
} from '../data';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/en';
import {
  REPORT_SECTION_LABELS,
  REPORT_STATUS_LABELS,
  RESPONSE_STATUS_LABELS,
  SIGN_OFF_STATE_LABELS,
} from '../i18n/labels';
import { formatCalendarDate, todayIn } from '../lib/decisions';
import { useSession } from '../session';

type Figure = { value: number; source: string; ids: number[] };
type Figures = ReportSectionView['figures'];

/** A figure and the records it came from: the ids are shown beside it, so every number can be checked. */
function Value(props: { figure: Figure; suffix?: string }) {
  const { t } = useI18n();
  const shown = () => props.figure.ids.slice(0, 12);
  return (
    <span class="figure">
      <strong>
        {props.figure.value}
        {props.suffix ?? ''}
      </strong>
      <Show when={shown().length > 0}>
        <span class="trace" title={t('report.tracedTo', { source: props.figure.source })}>
          {' '}
          [
          {shown()
            .map((id) => `#${id}`)
            .join(', ')}
          {props.figure.ids.length > shown().length ? ', …' : ''}]
        </span>
      </Show>
    </span>
  );
}

function MeetingsFigures(props: { f: Extract<Figures, { key: 'meetings' }> }) {
  const { t } = useI18n();
  return (
    <>
      <ul class="figures">
        <li>
          {t('report.sittingsHeld')}: <Value figure={props.f.held} />{' '}
          {t('report.ofMinimum', { minimum: props.f.minimum })}{' '}
          <span class={props.f.minimumMet ? 'ok' : 'bad'}>
            {props.f.minimumMet ? t('report.minimumMet') : t('report.minimumNotMet')}
          </span>
        </li>
        <li>
          {t('report.cancelled')}: <Value figure={props.f.cancelled} />
        </li>
        <li>
          {t('report.otherHeld')}: <Value figure={props.f.otherHeld} />
        </li>
      </ul>
      <Show when={props.f.meetings.length > 0}>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('report.meeting')}</th>
                <th scope="col">{t('report.date')}</th>
                <th scope="col">{t('report.present')}</th>
                <th scope="col">{t('report.statesPresent')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.f.meetings}>
                {(m) => (
                  <tr>
                    <th scope="row">
                      <A href={`/meetings/${m.meetingId}`}>{m.title}</A>
                    </th>
                    <td>{m.date}</td>
                    <td>
                      <Value figure={m.present} />
                    </td>
                    <td>{m.statesPresent.join(', ')}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </>
  );
}

function DecisionsFigures(props: { f: Extract<Figures, { key: 'decisions' }> }) {
  const { t } = useI18n();
  return (
    <>
      <ul class="figures">
        <li>
          {t('report.recommendations')}: <Value figure={props.f.recommendations} />
        </li>
        <li>
          {t('report.decisions')}: <Value figure={props.f.decisions} />
        </li>
        <li>
          {t('report.awaitingResponse')}: <strong>{props.f.awaitingResponse.value}</strong>
        </li>
      </ul>
      <Show when={props.f.items.length > 0}>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('report.number')}</th>
                <th scope="col">{t('report.itemTitle')}</th>
                <th scope="col">{t('report.votes')}</th>
                <th scope="col">{t('report.responses')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.f.items}>
                {(item) => (
                  <tr>
                    <td>{item.registerNumber}</td>
                    <th scope="row">{item.title}</th>
                    <td>
                      {t('report.tally', {
                        for: item.tally.for,
                        against: item.tally.against,
                        abstain: item.tally.abstain,
                        silent: item.tally.silent,
                      })}
                    </td>
                    <td>
                      {item.responses
                        .map(
                          (r) =>
                            `${r.stateCode}: ${r.status ? t(RESPONSE_STATUS_LABELS[r.status]) : t('report.noResponse')}`,
                        )
                        .join('; ')}
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </>
  );
}

function ProgramsFigures(props: { f: Extract<Figures, { key: 'programs' }> }) {
  const { t, language } = useI18n();
  return (
    <For each={props.f.programs}>
      {(p) => (
        <div class="stack">
          <h3>
            {language() === 'ru' ? p.titleRu : p.titleEn}: <Value figure={p.progress} suffix=" %" />
          </h3>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('report.direction')}</th>
                  <th scope="col">{t('report.progress')}</th>
                  <th scope="col">{t('report.activities')}</th>
                  <th scope="col">{t('report.done')}</th>
                  <th scope="col">{t('report.overdue')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={p.directions}>
                  {(d) => (
                    <tr>
                      <th scope="row">{language() === 'ru' ? d.titleRu : d.titleEn}</th>
                      <td>
                        <Value figure={d.progress} suffix=" %" />
                      </td>
                      <td>
                        <Value figure={d.activities} />
                      </td>
                      <td>
                        <Value figure={d.done} />
                      </td>
                      <td>
                        <Value figure={d.overdue} />
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('report.state')}</th>
                  <th scope="col">{t('report.leads')}</th>
                  <th scope="col">{t('report.takesPart')}</th>
                  <th scope="col">{t('report.overdue')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={p.states}>
                  {(s) => (
                    <tr>
                      <th scope="row">{s.stateCode}</th>
                      <td>
                        <Value figure={s.leads} />
                      </td>
                      <td>
                        <Value figure={s.takesPart} />
                      </td>
                      <td>
                        <Value figure={s.overdue} />
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </div>
      )}
    </For>
  );
}

function GroupsFigures(props: { f: Extract<Figures, { key: 'working-groups' }> }) {
  const { t } = useI18n();
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('report.group')}</th>
            <th scope="col">{t('report.tasks')}</th>
            <th scope="col">{t('report.done')}</th>
            <th scope="col">{t('report.open')}</th>
            <th scope="col">{t('report.overdue')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.f.items}>
            {(g) => (
              <tr>
                <th scope="row">
                  <A href={`/working-groups/${g.groupId}`}>{g.name}</A>
                </th>
                <td>
                  <Value figure={g.tasks} />
                </td>
                <td>
                  <Value figure={g.doneInYear} />
                </td>
                <td>
                  <Value figure={g.open} />
                </td>
                <td>
                  <Value figure={g.overdue} />
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

function OverdueFigures(props: { f: Extract<Figures, { key: 'overdue' }> }) {
  const { t } = useI18n();
  return (
    <>
      <p class="muted">{t('report.asOf', { date: props.f.asOf })}</p>
      <ul class="figures">
        <For each={props.f.items}>
          {(item) => (
            <li>
              {item.source === 'task' ? t('report.task') : t('report.activity')} #{item.id} {item.title} —{' '}
              {t('report.dueDaysLate', { due: item.due, days: item.daysOverdue })}
            </li>
          )}
        </For>
      </ul>
    </>
  );
}

/** One section: its figures (with the records they came from), the secretary's text, and its editor. */
function Section(props: {
  year: string;
  section: ReportSectionView;
  baseVersion: number;
  editable: boolean;
  onSaved: () => Promise<void>;
}) {
  const { t, errorText } = useI18n();
  const id = createUniqueId();
  const [editing, setEditing] = createSignal(false);
  const [saving, setSaving] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>();
  const f = () => props.section.figures;
  const save = async (html: string) => {
    setSaving(true);
    setFailure(undefined);
    try {
      await unwrap(
        client.api.reports[':year'].sections[':key'].$put({
          param: { year: props.year, key: props.section.key },
          json: { text: html, baseVersion: props.baseVersion },
        }),
      );
      setEditing(false);
      await props.onSaved();
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <section class="panel stack report-section" aria-labelledby={id} data-section={props.section.key}>
      <h2 id={id}>{t(REPORT_SECTION_LABELS[props.section.key])}</h2>
      <Show when={!f().empty} fallback={<p class="muted">{t('report.noRecords')}</p>}>
        <Switch>
          <Match when={f().key === 'meetings' && (f() as Extract<Figures, { key: 'meetings' }>)}>
            {(x) => <MeetingsFigures f={x()} />}
          </Match>
          <Match when={f().key === 'decisions' && (f() as Extract<Figures, { key: 'decisions' }>)}>
            {(x) => <DecisionsFigures f={x()} />}
          </Match>
          <Match when={f().key === 'programs' && (f() as Extract<Figures, { key: 'programs' }>)}>
            {(x) => <ProgramsFigures f={x()} />}
          </Match>
          <Match when={f().key === 'working-groups' && (f() as Extract<Figures, { key: 'working-groups' }>)}>
            {(x) => <GroupsFigures f={x()} />}
          </Match>
          <Match when={f().key === 'overdue' && (f() as Extract<Figures, { key: 'overdue' }>)}>
            {(x) => <OverdueFigures f={x()} />}
          </Match>
        </Switch>
      </Show>
      <Show when={failure()}>
        {(error) => (
          <p class="notice notice-error" role="alert">
            {errorText(error())}
          </p>
        )}
      </Show>
      <Show
        when={editing()}
        fallback={
          <>
            <Show when={props.section.text !== ''} fallback={<p class="muted">{t('report.noText')}</p>}>
              {/* The API sanitized this text to the rich-text subset: no script or attribute can run. */}
              <div class="rich-text section-text" innerHTML={props.section.text} />
            </Show>
            <Show when={props.editable}>
              <div class="actions">
                <button type="button" onClick={() => setEditing(true)}>
                  {t('report.editSection')}
                </button>
              </div>
            </Show>
          </>
        }
      >
        <RichTextEditor
          label={t('report.sectionText', { section: t(REPORT_SECTION_LABELS[props.section.key]) })}
          initial={props.section.text}
          saving={saving()}
          onSave={(html) => void save(html)}
          onCancel={() => setEditing(false)}
        />
      </Show>
    </section>
  );
}

const CHANGE_LABELS = {
  assembled: 'report.change.assembled',
  edit: 'report.change.edit',
  refresh: 'report.change.refresh',
} as const satisfies Record<ReportVersionView['change'], MessageKey>;

/** Every version, and what changed between any two of them. */
function Versions(props: { year: string; versions: ReportVersionView[] }) {
  const { t, dateTimeShort } = useI18n();
  const id = createUniqueId();
  const latest = () => props.versions.at(-1)?.version ?? 1;
  const [fromChoice, setFrom] = createSignal<string>();
  const [toChoice, setTo] = createSignal<string>();
  const from = () => fromChoice() ?? String(Math.max(1, latest() - 1));
  const to = () => toChoice() ?? String(latest());
  const diff = createAsync(async () =>
    props.versions.length > 1 ? getReportDiff(props.year, from(), to()) : undefined,
  );
  const options = () => props.versions.map((v) => String(v.version));
  const changed = () => (diff()?.sections ?? []).filter((s) => s.textChanged || s.figures.length > 0);
  return (
    <section class="stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('report.versions')}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('reports.version')}</th>
              <th scope="col">{t('report.change')}</th>
              <th scope="col">{t('report.by')}</th>
              <th scope="col">{t('report.savedAt')}</th>
              <th scope="col">{t('report.hash')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={[...props.versions].reverse()}>
              {(v) => (
                <tr>
                  <td class="number">{v.version}</td>
                  <td>
                    {t(CHANGE_LABELS[v.change])}
                    {v.sectionKey ? `: ${t(REPORT_SECTION_LABELS[v.sectionKey])}` : ''}
                  </td>
                  <td>{v.createdByName ?? '—'}</td>
                  <td>{dateTimeShort(v.createdAt)}</td>
                  <td>
                    <code title={v.contentHash}>{v.contentHash.slice(0, 12)}</code>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <Show when={props.versions.length > 1}>
        <h3>{t('report.compare')}</h3>
        <div class="field-row">
          <div class="field">
            <label for={`${id}-from`}>{t('report.from')}</label>
            <select id={`${id}-from`} value={from()} onChange={(e) => setFrom(e.currentTarget.value)}>
              <For each={options()}>
                {(v) => <option value={v}>{t('report.versionN', { version: v })}</option>}
              </For>
            </select>
          </div>
          <div class="field">
            <label for={`${id}-to`}>{t('report.to')}</label>
            <select id={`${id}-to`} value={to()} onChange={(e) => setTo(e.currentTarget.value)}>
              <For each={options()}>
                {(v) => <option value={v}>{t('report.versionN', { version: v })}</option>}
              </For>
            </select>
          </div>
        </div>
        <div class="report-diff" aria-live="polite">
          <Show when={diff()}>
            <Show when={changed().length > 0} fallback={<p class="muted">{t('report.noDifferences')}</p>}>
              <For each={changed()}>
                {(s) => (
                  <div class="stack" data-diff-section={s.key}>
                    <h4>{t(REPORT_SECTION_LABELS[s.key])}</h4>
                    <Show when={s.formattingOnly}>
                      <p class="notice">{t('report.formattingOnly')}</p>
                    </Show>
                    <Show when={s.textChanged && !s.formattingOnly}>
                      <pre class="diff">
                        <For each={s.parts}>
                          {(part) =>
                            part.kind === 'added' ? (
                              <ins class="diff-added">
                                <span class="visually-hidden">{t('draft.added')}: </span>
                                {part.text}
                              </ins>
                            ) : part.kind === 'removed' ? (
                              <del class="diff-removed">
                                <span class="visually-hidden">{t('draft.removed')}: </span>
                                {part.text}
                              </del>
                            ) : (
                              <span>{part.text}</span>
                            )
                          }
                        </For>
                      </pre>
                    </Show>
                    <Show when={s.figures.length > 0}>
                      <ul class="figures">
                        <For each={s.figures}>
                          {(fig) => (
                            <li>
                              <code>{fig.path}</code>: {fig.from ?? '—'} → {fig.to ?? '—'}
                            </li>
                          )}
                        </For>
                      </ul>
                    </Show>
                  </div>
                )}
              </For>
            </Show>
          </Show>
        </div>
      </Show>
    </section>
  );
}

const EXPORT_LANGUAGES = [
  { language: 'ru', label: 'report.languageRu' },
  { language: 'en', label: 'report.languageEn' },
] as const satisfies ReadonlyArray<{ language: string; label: MessageKey }>;

/** Once approved: the approved version to download (PDF and DOCX, Russian and English) and its submission. */
function ApprovedReport(props: { year: string; detail: ReportDetail; onSubmitted: () => Promise<void> }) {
  const { t, errorText, timeZone, locale } = useI18n();
  const { can } = useSession();
  const ids = { heading: createUniqueId(), date: createUniqueId(), reference: createUniqueId() };
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>();
  const submission = () => props.detail.submission;
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setFailure(undefined);
    try {
      await unwrap(
        client.api.reports[':year'].submission.$post({
          param: { year: props.year },
          json: {
            submittedOn: String(form.get('submittedOn') ?? ''),
            referenceNumber: String(form.get('referenceNumber') ?? ''),
          },
        }),
      );
      await props.onSubmitted();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel stack" aria-labelledby={ids.heading} data-testid="report-approved">
      <h2 id={ids.heading}>{t('report.exports')}</h2>
      <p class="muted">{t('report.exportsHint', { version: props.detail.report.currentVersion })}</p>
      <div class="actions">
        <For each={['pdf', 'docx'] as const}>
          {(format) => (
            <For each={EXPORT_LANGUAGES}>
              {(l) => (
                <a
                  class="button"
                  href={`/api/reports/${encodeURIComponent(props.year)}/export.${format}?language=${l.language}`}
                  // The server names the file; the attribute keeps the router from taking the click.
                  download=""
                  data-export={`${format}-${l.language}`}
                >
                  {t('report.download', { format: format.toUpperCase(), language: t(l.label) })}
                </a>
              )}
            </For>
          )}
        </For>
      </div>
      <h3>{t('report.submission')}</h3>
      <Show
        when={submission()}
        fallback={
          <Show when={can('reports.submit') && props.detail.report.status === 'approved'}>
            <form class="stack" onSubmit={(e) => void submit(e)}>
              <p class="hint">{t('report.submissionHint')}</p>
              <Show when={failure()}>
                {(error) => (
                  <p class="notice notice-error" role="alert">
                    {errorText(error())}
                  </p>
                )}
              </Show>
              <div class="field-row">
                <div class="field">
                  <label for={ids.date}>{t('report.submittedOn')}</label>
                  <input id={ids.date} name="submittedOn" type="date" required value={todayIn(timeZone())} />
                </div>
                <div class="field">
                  <label for={ids.reference}>{t('report.referenceNumber')}</label>
                  <input id={ids.reference} name="referenceNumber" type="text" required maxLength={100} />
                </div>
              </div>
              <div class="actions">
                <button type="submit" class="button-primary" disabled={busy()}>
                  {t('report.recordSubmission')}
                </button>
              </div>
            </form>
          </Show>
        }
      >
        {(s) => (
          <p class="notice notice-success" data-testid="report-submission">
            {t('report.submitted', {
              date: formatCalendarDate(s().submittedOn, locale()),
              reference: s().referenceNumber,
              version: s().reportVersion,
            })}
          </p>
        )}
      </Show>
    </section>
  );
}

type SignOffView = ReportDetail['signOffs'][number];

/**
 * The chairman's approval: sending the current version (the secretary), and every request with its
 * answer — who, in what capacity, which version and hash, when — superseded ones included.
 */
function SignOffs(props: { report: ReportDetail; onSent: () => Promise<void> }) {
  const { t, errorText, dateTimeShort } = useI18n();
  const { can } = useSession();
  const id = createUniqueId();
  const [sending, setSending] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>();
  const [sent, setSent] = createSignal<number>();
  const history = () => [...props.report.signOffs].reverse();
  const awaiting = () => props.report.signOffs.find((s) => s.state === 'requested');
  const canSend = () =>
    can('reports.send-for-approval') && !props.report.report.readOnly && awaiting() === undefined;
  const send = async () => {
    setSending(true);
    setFailure(undefined);
    setSent(undefined);
    try {
      const body = await unwrap(
        client.api['sign-offs'].report[':id'].$post({ param: { id: String(props.report.report.id) } }),
      );
      setSent(body.requested.version);
      await props.onSent();
    } catch (error) {
      setFailure(error);
    } finally {
      setSending(false);
    }
  };
  const answer = (s: SignOffView) =>
    s.decidedByName && s.decidedAt && s.state !== 'superseded'
      ? `${t('signOff.byAt', { name: s.decidedByName, at: dateTimeShort(s.decidedAt) })} (${t(
          s.onBehalfOfDeputy ? 'signOff.capacity.deputy' : 'signOff.capacity.chairman',
        )})`
      : s.decidedAt
        ? dateTimeShort(s.decidedAt)
        : '—';
  return (
    <section class="panel stack" aria-labelledby={id} data-testid="sign-offs">
      <h2 id={id}>{t('signOff.title')}</h2>
      <Show when={awaiting()}>
        {(s) => <p class="notice">{t('signOff.awaiting', { version: s().version })}</p>}
      </Show>
      <Show when={sent()}>
        {(version) => (
          <p class="notice notice-success" role="status">
            {t('signOff.sent', { version: version() })}
          </p>
        )}
      </Show>
      <Show when={failure()}>
        {(error) => (
          <p class="notice notice-error" role="alert">
            {errorText(error())}
          </p>
        )}
      </Show>
      <Show when={canSend()}>
        <p class="muted">{t('signOff.sendHint')}</p>
        <div class="actions">
          <button type="button" class="button-primary" onClick={() => void send()} disabled={sending()}>
            {t('signOff.send')}
          </button>
        </div>
      </Show>
      <Show when={history().length > 0} fallback={<p class="muted">{t('signOff.none')}</p>}>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('signOff.version')}</th>
                <th scope="col">{t('signOff.state')}</th>
                <th scope="col">{t('signOff.requested')}</th>
                <th scope="col">{t('signOff.answered')}</th>
                <th scope="col">{t('signOff.comment')}</th>
                <th scope="col">{t('signOff.hash')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={history()}>
                {(s) => (
                  <tr data-sign-off-state={s.state}>
                    <td class="number">{s.version}</td>
                    <td>
                      <span class="badge">{t(SIGN_OFF_STATE_LABELS[s.state])}</span>
                    </td>
                    <td>
                      {t('signOff.byAt', {
                        name: s.requestedByName ?? '—',
                        at: dateTimeShort(s.requestedAt),
                      })}
                    </td>
                    <td>{answer(s)}</td>
                    <td>{s.comment ?? ''}</td>
                    <td>
                      <code title={s.contentHash}>{s.contentHash.slice(0, 12)}</code>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  );
}

/** A year's report: its sections with their figures and text, editing, re-assembly, versions and their differences. */
export function Report() {
  const params = useParams();
  const { t, errorText } = useI18n();
  const { can } = useSession();
  const year = () => params.year ?? '';
  const detail = createAsync(() => getReport(year()));
  const versions = createAsync(() => getReportVersions(year()));
  const [refreshing, setRefreshing] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>();
  usePageTitle(() => t('reports.yearReport', { year: year() }));
  const editable = () => can('reports.write') && detail()?.report.readOnly === false;
  const reload = async () => {
    await revalidate([getReport.key, getReportVersions.key, getReports.key]);
  };
  const refresh = async () => {
    setRefreshing(true);
    setFailure(undefined);
    try {
      await unwrap(client.api.reports[':year'].refresh.$post({ param: { year: year() } }));
      await reload();
    } catch (error) {
      setFailure(error);
    } finally {
      setRefreshing(false);
    }
  };
  return (
    <div class="page stack">
      <p>
        <A href="/reports">{t('reports.title')}</A>
      </p>
      <Show when={detail()}>
        {(d) => (
          <>
            <h1>{t('reports.yearReport', { year: d().report.year })}</h1>
            <p>
              <span class="badge">{t(REPORT_STATUS_LABELS[d().report.status])}</span>{' '}
              <span data-testid="report-version">
                {t('report.versionN', { version: d().report.currentVersion })}
              </span>
            </p>
            <Show when={d().report.readOnly}>
              <p class="notice notice-warning">{t('report.readOnly')}</p>
            </Show>
            <Show when={failure()}>
              {(error) => (
                <p class="notice notice-error" role="alert">
                  {errorText(error())}
                </p>
              )}
            </Show>
            <Show when={d().report.status === 'approved' || d().report.status === 'submitted'}>
              <ApprovedReport year={year()} detail={d()} onSubmitted={reload} />
            </Show>
            <SignOffs report={d()} onSent={reload} />
            <Show when={editable()}>
              <div class="actions">
                <button type="button" onClick={() => void refresh()} disabled={refreshing()}>
                  {t('report.refresh')}
                </button>
              </div>
            </Show>
            <For each={d().version?.sections ?? []}>
              {(section) => (
                <Section
                  year={year()}
                  section={section}
                  baseVersion={d().report.currentVersion}
                  editable={editable()}
                  onSaved={reload}
                />
              )}
            </For>
          </>
        )}
      </Show>
      <Show when={versions()}>{(v) => <Versions year={year()} versions={v()} />}</Show>
    </div>
  );
}
