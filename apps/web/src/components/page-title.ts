import { createEffect } from 'solid-js';
import { useI18n } from '../i18n/context';

/** Names the browser tab after the page, in the current language, so screen-reader users know where they are. */
export function usePageTitle(title: () => string) {
  const { t } = useI18n();
  createEffect(() => {
    document.title = `${title()} — ${t('app.name')}`;
  });
}
