import { A } from '@solidjs/router';
import { usePageTitle } from '../components/page-title';
import { useI18n } from '../i18n/context';

/** Any address the dashboard has no page for. */
export function NotFound() {
  const { t } = useI18n();
  usePageTitle(() => t('notFound.title'));
  return (
    <div class="page narrow">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <A href="/meetings">{t('meeting.back')}</A>
      </p>
    </div>
  );
}
