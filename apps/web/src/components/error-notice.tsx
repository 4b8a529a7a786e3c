import { revalidate, useLocation } from '@solidjs/router';
import { createEffect, on } from 'solid-js';
import { useI18n } from '../i18n/context';

/** What an `<ErrorBoundary>` shows: the reason, in the reader's language, and a way to try again. */
export function ErrorNotice(props: { error: unknown; reset: () => void }) {
  const { t, errorText } = useI18n();
  const location = useLocation();
  // Going to another page clears the error, so one broken page does not follow the reader around.
  createEffect(
    on(
      () => location.pathname,
      () => props.reset(),
      { defer: true },
    ),
  );
  const retry = async () => {
    await revalidate();
    props.reset();
  };
  return (
    <section class="notice notice-error" role="alert" aria-labelledby="error-title">
      <h2 id="error-title">{t('common.errorTitle')}</h2>
      <p>{errorText(props.error)}</p>
      <button type="button" onClick={retry}>
        {t('common.retry')}
      </button>
    </section>
  );
}
