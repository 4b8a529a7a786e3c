import { revalidate } from '@solidjs/router';
import { createSignal, createUniqueId, Show } from 'solid-js';
import { client, unwrap } from '../api';
import { useI18n } from '../i18n/context';

/**
 * Fills an empty commission with a demo year, then reloads every page's data. The page says when
 * it is `shown`: in sandbox mode, to those who may, while the commission is empty.
 */
export function DemoYear(props: { shown: boolean }) {
  const { t, errorText } = useI18n();
  const headingId = createUniqueId();
  const [pending, setPending] = createSignal(false);
  const [done, setDone] = createSignal<string>();
  const [error, setError] = createSignal<unknown>();
  const fill = async () => {
    setPending(true);
    setError(undefined);
    setDone(undefined);
    try {
      const { filled } = await unwrap(client.api.demo.$post());
      setDone(
        t('demo.filled', {
          meetings: String(filled.meetings),
          ballots: String(filled.ballots),
          activities: String(filled.activities),
          groups: String(filled.workingGroups),
        }),
      );
      await revalidate();
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };
  return (
    <section class="notice" aria-labelledby={headingId} hidden={!props.shown}>
      <h2 id={headingId}>{t('demo.title')}</h2>
      <p>{t('demo.explain')}</p>
      <Show when={!done()}>
        <p>
          <button type="button" onClick={() => void fill()} disabled={pending()}>
            {pending() ? t('demo.filling') : t('demo.fill')}
          </button>
        </p>
      </Show>
      <div role="status">
        <Show when={done()}>{(text) => <p>{text()}</p>}</Show>
      </div>
      <Show when={error()}>
        {(failure) => (
          <p class="field-error" role="alert">
            {errorText(failure())}
          </p>
        )}
      </Show>
    </section>
  );
}
