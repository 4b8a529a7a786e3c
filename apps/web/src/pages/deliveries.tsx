import { createAsync, revalidate } from '@solidjs/router';
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import { client, unwrap } from '../api';
import { usePageTitle } from '../components/page-title';
import { getFailedOutbox, type OutboxMessageView } from '../data';
import { useI18n } from '../i18n/context';
import { messageKindLabel, OUTBOX_STATE_LABELS, OUTBOX_STATES } from '../i18n/labels';
import { useSession } from '../session';

function FailedMessages(props: { messages: OutboxMessageView[]; onResent: (message: string) => void }) {
  const { t, dateTimeShort, errorText, zone, timeZone } = useI18n();
  const { can } = useSession();
  const [resending, setResending] = createSignal<number | null>(null);
  const [error, setError] = createSignal<unknown>();
  const headingId = createUniqueId();

  const subject = (message: OutboxMessageView) => {
    if (!message.subject) return t('common.none');
    const { type, id } = message.subject;
    if (type === 'meeting') return t('deliveries.meetingSubject', { id: String(id) });
    if (type === 'person') return t('deliveries.personSubject', { id: String(id) });
    return `${type} #${id}`;
  };
  const kind = (message: OutboxMessageView) => {
    const key = messageKindLabel(message.kind);
    return key ? t(key) : message.kind;
  };
  const resend = async (message: OutboxMessageView) => {
    if (resending() !== null) return;
    setResending(message.id);
    setError(undefined);
    try {
      await unwrap(client.api.outbox[':id'].resend.$post({ param: { id: String(message.id) } }));
      props.onResent(t('deliveries.resent', { name: message.recipient }));
    } catch (failure) {
      setError(failure);
    } finally {
      setResending(null);
      await revalidate(getFailedOutbox.key);
    }
  };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('deliveries.failedTitle')}</h2>
      <Show when={error()}>
        {(failure) => (
          <p class="notice notice-error" role="alert">
            {errorText(failure())}
          </p>
        )}
      </Show>
      <Show when={props.messages.length > 0} fallback={<p class="muted">{t('deliveries.noFailed')}</p>}>
        <p class="muted">{t('meetings.timesIn', { zone: zone(timeZone()) })}</p>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('deliveries.recipient')}</th>
                <th scope="col">{t('deliveries.kind')}</th>
                <th scope="col">{t('deliveries.subject')}</th>
                <th scope="col">{t('deliveries.attempts')}</th>
                <th scope="col">{t('deliveries.reason')}</th>
                <th scope="col">{t('deliveries.due')}</th>
                <Show when={can('outbox.resend')}>
                  <th scope="col">{t('people.actions')}</th>
                </Show>
              </tr>
            </thead>
            <tbody>
              <For each={props.messages}>
                {(message) => (
                  <tr>
                    <th scope="row">{message.recipient || t('common.none')}</th>
                    <td>{kind(message)}</td>
                    <td>{subject(message)}</td>
                    <td class="number">{message.attempts}</td>
                    <td class="reason">{message.lastError ?? t('deliveries.unknownReason')}</td>
                    <td>{dateTimeShort(message.dueAt)}</td>
                    <Show when={can('outbox.resend')}>
                      <td>
                        <button
                          type="button"
                          aria-label={t('deliveries.resendTo', { name: message.recipient })}
                          aria-busy={resending() === message.id}
                          onClick={() => resend(message)}
                        >
                          {t('deliveries.resend')}
                        </button>
                      </td>
                    </Show>
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

/** The outbox from the secretary's side: how many messages are in each state, and the failed ones with a resend. */
export function Deliveries() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const outbox = createAsync(() => (can('outbox.read') ? getFailedOutbox() : Promise.resolve(undefined)));
  const [done, setDone] = createSignal('');
  const [refreshing, setRefreshing] = createSignal(false);
  const countsId = createUniqueId();
  let status: HTMLParagraphElement | undefined;
  // The resent row leaves the list, taking the focused button with it; the confirmation takes the focus.
  const resent = (message: string) => {
    setDone(message);
    status?.focus();
  };
  usePageTitle(() => t('deliveries.title'));

  const refresh = async () => {
    setRefreshing(true);
    try {
      await revalidate(getFailedOutbox.key);
    } finally {
      setRefreshing(false);
    }
  };

  return (
    <div class="page wide">
      <div class="page-head">
        <h1>{t('deliveries.title')}</h1>
        <Show when={can('outbox.read')}>
          <button type="button" onClick={refresh} aria-busy={refreshing()}>
            {t('common.refresh')}
          </button>
        </Show>
      </div>
      <Show when={can('outbox.read')} fallback={<p class="notice">{t('common.forbidden')}</p>}>
        <p class="muted">{t('deliveries.explain')}</p>
        <p
          ref={status}
          tabindex="-1"
          role="status"
          class={done() ? 'notice notice-success' : 'visually-hidden'}
        >
          {done()}
        </p>
        <Show when={outbox()}>
          {(current) => (
            <>
              <section aria-labelledby={countsId}>
                <h2 id={countsId}>{t('deliveries.counts')}</h2>
                <dl class="counts">
                  <For each={OUTBOX_STATES}>
                    {(state) => (
                      <div class={`count count-${state}`}>
                        <dt>{t(OUTBOX_STATE_LABELS[state])}</dt>
                        <dd>{(current().counts[state] ?? 0).toLocaleString(locale())}</dd>
                      </div>
                    )}
                  </For>
                </dl>
              </section>
              <FailedMessages messages={current().messages} onResent={resent} />
            </>
          )}
        </Show>
      </Show>
    </div>
  );
}
