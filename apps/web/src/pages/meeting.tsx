import { A, createAsync, createAsyncStore, revalidate, useParams } from '@solidjs/router';
import { createMemo, createSignal, createUniqueId, For, onCleanup, Show } from 'solid-js';
import { client, unwrap } from '../api';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ItemSignOff, signOffClear } from '../components/item-sign-off';
import { MeetingRecord } from '../components/meeting-record';
import { usePageTitle } from '../components/page-title';
import { StatusBadge } from '../components/status-badge';
import {
  type AttendanceView,
  getCommission,
  getItemSignOffs,
  getMeeting,
  getMeetings,
  getStates,
  type ItemSignOffsView,
  type MeetingView,
} from '../data';
import { useI18n } from '../i18n/context';
import { DELIVERY_LABELS, MEETING_KIND_LABELS, REPRESENTATION_LABELS } from '../i18n/labels';
import { attendanceSummary, isOver, sortByState } from '../lib/meetings';
import { useSession } from '../session';

/** Answers arrive from Telegram at any time; the page looks again this often while it is open. */
const REFRESH_MS = 5_000;

function Attendance(props: { rows: AttendanceView[] }) {
  const { t, dateTime, locale, language } = useI18n();
  const states = createAsync(() => getStates());
  const stateName = (code: string | null) => {
    const state = states()?.find((s) => s.code === code);
    if (!state) return code ?? t('common.none');
    return language() === 'ru' ? state.nameRu : state.nameEn;
  };
  const rows = createMemo(() =>
    sortByState(
      props.rows,
      (states() ?? []).map((s) => s.code),
      locale(),
    ),
  );
  const summary = createMemo(() => attendanceSummary(props.rows));
  const headingId = createUniqueId();
  const counts = () =>
    [
      ['summary.invited', summary().invited],
      ['summary.notified', summary().notified],
      ['summary.yes', summary().yes],
      ['summary.no', summary().no],
      ['summary.noAnswer', summary().noAnswer],
      ['summary.unreachable', summary().unreachable],
    ] as const;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('meeting.attendance')}</h2>
      <p class="muted">{t('meeting.autoRefresh')}</p>
      <dl class="counts">
        <For each={counts()}>
          {([key, count]) => (
            <div class="count">
              <dt>{t(key)}</dt>
              <dd>{count}</dd>
            </div>
          )}
        </For>
      </dl>
      <Show when={rows().length > 0} fallback={<p class="muted">{t('meeting.noInvitees')}</p>}>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('attendance.name')}</th>
                <th scope="col">{t('attendance.state')}</th>
                <th scope="col">{t('attendance.delivery')}</th>
                <th scope="col">{t('attendance.answer')}</th>
                <th scope="col">{t('attendance.answeredAt')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(row) => (
                  <tr>
                    <th scope="row">{row.name}</th>
                    <td>
                      {stateName(row.stateCode)}
                      <Show when={row.representation}>
                        {(kind) => <span class="muted small block">{t(REPRESENTATION_LABELS[kind()])}</span>}
                      </Show>
                    </td>
                    <td>
                      <span class={`pill pill-${row.delivery}`}>{t(DELIVERY_LABELS[row.delivery])}</span>
                    </td>
                    <td>
                      <span class={`pill pill-answer-${row.answer ?? 'none'}`}>
                        {t(
                          row.answer === 'yes'
                            ? 'answer.yes'
                            : row.answer === 'no'
                              ? 'answer.no'
                              : 'answer.none',
                        )}
                      </span>
                    </td>
                    <td>{row.answeredAt ? dateTime(row.answeredAt) : t('common.none')}</td>
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

/** The secretary's buttons: send the notice, edit, cancel; the ones that reach people ask first. */
function MeetingActions(props: {
  meeting: MeetingView;
  onDone: (message: string) => void;
  /** Set when the settings ask for the chairman's approval of the agenda first. */
  signOff?: ItemSignOffsView | undefined;
  signOffRequired: boolean;
}) {
  const { t, errorText } = useI18n();
  const blockedId = createUniqueId();
  const held = () => props.signOffRequired && !signOffClear(props.signOff);
  const [asking, setAsking] = createSignal<'notice' | 'cancel' | null>(null);
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const headingId = createUniqueId();
  const id = () => String(props.meeting.id);
  const over = () => isOver(props.meeting, new Date().toISOString());

  const run = async (what: 'notice' | 'cancel') => {
    setPending(true);
    setError(undefined);
    let outcome = '';
    try {
      if (what === 'notice') {
        const result = await unwrap(client.api.meetings[':id'].notify.$post({ param: { id: id() } }));
        outcome = t('meeting.noticeQueued', { count: result.queued });
      } else {
        await unwrap(client.api.meetings[':id'].cancel.$post({ param: { id: id() } }));
        outcome = t('meeting.cancelled');
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
      // Close the dialog first: while it is open nothing outside it can take the focus.
      setAsking(null);
    }
    if (outcome) props.onDone(outcome);
    await revalidate([getMeeting.keyFor(id()), getMeetings.key, getItemSignOffs.key]);
  };

  return (
    <section aria-labelledby={headingId} class="panel">
      <h2 id={headingId}>{t('meeting.actions')}</h2>
      <div class="actions">
        <Show when={props.meeting.status === 'draft' && !over()}>
          <button
            type="button"
            class="button-primary"
            disabled={held()}
            aria-describedby={held() ? blockedId : undefined}
            onClick={() => setAsking('notice')}
          >
            {t('meeting.sendNotice')}
          </button>
        </Show>
        <Show when={props.meeting.status !== 'cancelled'}>
          <A href={`/meetings/${props.meeting.id}/edit`} class="button">
            {t('meeting.edit')}
          </A>
        </Show>
        <Show when={props.meeting.status !== 'cancelled' && !over()}>
          <button type="button" class="button-danger" onClick={() => setAsking('cancel')}>
            {t('meeting.cancelMeeting')}
          </button>
        </Show>
      </div>
      <Show when={held() && props.meeting.status === 'draft' && !over()}>
        <p class="hint" id={blockedId}>
          {t('itemSignOff.blockedNotice')}
        </p>
      </Show>
      <Show when={error()}>
        {(failure) => (
          <p class="field-error" role="alert">
            {errorText(failure())}
          </p>
        )}
      </Show>
      <ConfirmDialog
        open={asking() === 'notice'}
        title={t('meeting.confirmNoticeTitle')}
        confirmLabel={t('meeting.confirmNoticeYes')}
        cancelLabel={t('common.cancel')}
        pending={pending()}
        onConfirm={() => run('notice')}
        onCancel={() => setAsking(null)}
      >
        <p>{t('meeting.confirmNotice')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={asking() === 'cancel'}
        title={t('meeting.confirmCancelTitle')}
        confirmLabel={t('meeting.confirmCancelYes')}
        cancelLabel={t('meeting.keep')}
        danger
        pending={pending()}
        onConfirm={() => run('cancel')}
        onCancel={() => setAsking(null)}
      >
        <p>
          {t(
            props.meeting.status === 'notified'
              ? 'meeting.confirmCancelNotified'
              : 'meeting.confirmCancelDraft',
          )}
        </p>
      </ConfirmDialog>
    </section>
  );
}

/** One meeting: when (in its zone and the reader's), where, the agenda, the secretary's actions and who is coming. */
export function Meeting() {
  const params = useParams();
  const { t, range, timeZone } = useI18n();
  const { can } = useSession();
  // A store, reconciled by person: each 5-second refresh changes only the cells that changed.
  const detail = createAsyncStore(() => getMeeting(params.id ?? ''), { reconcile: { key: 'personId' } });
  const [done, setDone] = createSignal('');
  const agendaId = createUniqueId();
  const commission = createAsync(() => getCommission());
  const agendaSignOff = () => commission()?.signOffs.agenda === true;
  const signOff = createAsync(async () =>
    agendaSignOff() ? getItemSignOffs('agenda', params.id ?? '') : undefined,
  );
  let status: HTMLParagraphElement | undefined;
  // The pressed button may be gone once the meeting changes (no "Send notice" after sending); the outcome takes the focus.
  const finished = (message: string) => {
    setDone(message);
    status?.focus();
  };

  const timer = setInterval(() => {
    // The chairman answers in Telegram: the approval shows here without a reload.
    if (!document.hidden) void revalidate([getMeeting.keyFor(params.id ?? ''), getItemSignOffs.key]);
  }, REFRESH_MS);
  onCleanup(() => clearInterval(timer));

  usePageTitle(() => detail()?.meeting.title ?? t('meetings.title'));

  return (
    <div class="page">
      <p class="breadcrumb">
        <A href="/meetings">{t('meeting.back')}</A>
      </p>
      <Show when={detail()}>
        {(current) => {
          const meeting = () => current().meeting;
          return (
            <>
              <div class="page-head">
                <h1>{meeting().title}</h1>
                <StatusBadge status={meeting().status} />
              </div>
              <p class="muted">
                {t(MEETING_KIND_LABELS[meeting().kind])} ·{' '}
                {t('meeting.version', { version: meeting().version })}
              </p>
              <p
                ref={status}
                tabindex="-1"
                role="status"
                class={done() ? 'notice notice-success' : 'visually-hidden'}
              >
                {done()}
              </p>
              <dl class="facts">
                <dt>{t('meeting.inItsZone')}</dt>
                <dd>{range(meeting().startsAt, meeting().endsAt, meeting().timeZone)}</dd>
                <dt>{t('meeting.inYourZone')}</dt>
                <dd>
                  <Show when={meeting().timeZone !== timeZone()} fallback={t('meeting.sameZone')}>
                    {range(meeting().startsAt, meeting().endsAt)}
                  </Show>
                </dd>
                <Show when={meeting().place}>
                  <dt>{t('meeting.place')}</dt>
                  <dd>{meeting().place}</dd>
                </Show>
                <Show when={meeting().link}>
                  {(link) => (
                    <>
                      <dt>{t('meeting.link')}</dt>
                      <dd>
                        <a href={link()} target="_blank" rel="noopener noreferrer">
                          {link()}
                        </a>
                      </dd>
                    </>
                  )}
                </Show>
              </dl>
              <section aria-labelledby={agendaId}>
                <h2 id={agendaId}>{t('meeting.agenda')}</h2>
                <Show
                  when={meeting().agenda.length > 0}
                  fallback={<p class="muted">{t('meeting.noAgenda')}</p>}
                >
                  <ol class="agenda">
                    <For each={[...meeting().agenda].sort((a, b) => a.position - b.position)}>
                      {(item) => <li>{item.title}</li>}
                    </For>
                  </ol>
                </Show>
              </section>
              <Show when={agendaSignOff() && signOff()}>
                {(view) => (
                  <ItemSignOff
                    kind="agenda"
                    itemId={meeting().id}
                    view={view()}
                    open={meeting().status === 'draft'}
                  />
                )}
              </Show>
              <Show when={can('meetings.write')}>
                <MeetingActions
                  meeting={meeting()}
                  onDone={finished}
                  signOff={signOff()}
                  signOffRequired={agendaSignOff()}
                />
                <MeetingRecord meeting={meeting()} invitees={current().attendance} onDone={finished} />
              </Show>
              <Attendance rows={current().attendance} />
            </>
          );
        }}
      </Show>
    </div>
  );
}
