import { A, createAsync, revalidate, useNavigate } from '@solidjs/router';
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import { client, isApiError, unwrap } from '../api';
import { Field } from '../components/field';
import { usePageTitle } from '../components/page-title';
import { getReports } from '../data';
import { useI18n } from '../i18n/context';
import { REPORT_STATUS_LABELS } from '../i18n/labels';
import { fieldErrors } from '../lib/field-errors';
import { useSession } from '../session';

/** The secretary assembles a year's report from that year's records. */
function NewReportForm() {
  const { t, errorText, issueText } = useI18n();
  const navigate = useNavigate();
  const id = createUniqueId();
  const [failure, setFailure] = createSignal<unknown>();
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [busy, setBusy] = createSignal(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const year = Number(new FormData(event.currentTarget as HTMLFormElement).get('year'));
    setFailure(undefined);
    setErrors({});
    setBusy(true);
    try {
      const created = await unwrap(client.api.reports.$post({ json: { year } }));
      await revalidate(getReports.key);
      navigate(`/reports/${created.report.year}`);
    } catch (error) {
      setFailure(error);
      if (isApiError(error)) setErrors(fieldErrors(error.details, issueText));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="panel stack" onSubmit={submit}>
      <h2>{t('reports.new')}</h2>
      <p class="muted">{t('reports.newHint')}</p>
      <Show when={failure()}>
        {(error) => (
          <p class="notice notice-error" role="alert">
            {errorText(error())}
          </p>
        )}
      </Show>
      <Field id={`${id}-year`} label={t('reports.year')} error={errors().year}>
        {(describedBy) => (
          <input
            id={`${id}-year`}
            name="year"
            type="number"
            min="2000"
            max="2100"
            required
            value={new Date().getFullYear()}
            aria-describedby={describedBy}
          />
        )}
      </Field>
      <button type="submit" class="button-primary" disabled={busy()}>
        {t('reports.create')}
      </button>
    </form>
  );
}

/** The annual progress reports, one a year. */
export function Reports() {
  const { t, dateTimeShort } = useI18n();
  const { can } = useSession();
  const reports = createAsync(() => getReports());
  usePageTitle(() => t('reports.title'));
  return (
    <div class="page">
      <h1>{t('reports.title')}</h1>
      <Show when={(reports() ?? []).length > 0} fallback={<p class="muted">{t('reports.none')}</p>}>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('reports.year')}</th>
                <th scope="col">{t('reports.status')}</th>
                <th scope="col">{t('reports.version')}</th>
                <th scope="col">{t('reports.updatedAt')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={reports()}>
                {(report) => (
                  <tr>
                    <th scope="row">
                      <A href={`/reports/${report.year}`}>{t('reports.yearReport', { year: report.year })}</A>
                    </th>
                    <td>{t(REPORT_STATUS_LABELS[report.status])}</td>
                    <td class="number">{report.currentVersion}</td>
                    <td>{dateTimeShort(report.updatedAt)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <Show when={can('reports.write')}>
        <NewReportForm />
      </Show>
    </div>
  );
}
