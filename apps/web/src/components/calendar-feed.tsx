import { createSignal, createUniqueId, Show } from 'solid-js';
import { client, unwrap } from '../api';
import { useI18n } from '../i18n/context';
import { FailureNotice } from './failure-notice';

/**
 * The reader's own calendar: the milestones and deadlines of the activities they are responsible
 * for, as an address a calendar app subscribes to. The address is its own credential, so it is only
 * shown when asked for, and asking again makes a new one and ends the old.
 */
export function CalendarFeed() {
  const { t } = useI18n();
  const id = createUniqueId();
  const [address, setAddress] = createSignal<string>();
  const [failure, setFailure] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);
  const ask = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      setAddress((await unwrap(client.api.calendar.feed.$post())).url);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('calendar.title')}</h2>
      <p class="muted">{t('calendar.hint')}</p>
      <Show when={address()}>
        {(url) => (
          <div class="field">
            <label for={id}>{t('calendar.address')}</label>
            <input id={id} readonly value={url()} onFocus={(e) => e.currentTarget.select()} />
          </div>
        )}
      </Show>
      <Show when={failure()}>{(error) => <FailureNotice error={error()} />}</Show>
      <button type="button" disabled={busy()} onClick={() => void ask()}>
        {address() ? t('calendar.again') : t('calendar.get')}
      </button>
    </section>
  );
}
