import { A, createAsync, useParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { usePageTitle } from '../components/page-title';
import { useStateName } from '../components/state-name';
import { getProgram } from '../data';
import { useI18n } from '../i18n/context';
import { ACTIVITY_STATUS_LABELS } from '../i18n/labels';

/** The program on paper: its period and goals, progress by direction, and every activity by direction; no navigation. */
export function ProgramPrint() {
  const params = useParams();
  const { t, language } = useI18n();
  const stateName = useStateName();
  const detail = createAsync(() => getProgram(params.id ?? ''));
  const title = () => {
    const p = detail()?.program;
    return p ? (language() === 'ru' ? p.titleRu : p.titleEn) : '';
  };
  usePageTitle(title);
  return (
    <div class="page print-page">
      <p class="no-print actions">
        <A href={`/programs/${params.id ?? ''}`}>{t('programPrint.back')}</A>
        <button type="button" class="button-primary" onClick={() => window.print()}>
          {t('print.print')}
        </button>
      </p>
      <Show when={detail()}>
        {(d) => (
          <>
            <h1>{title()}</h1>
            <p>
              {t('programs.period')}: {d().program.periodStart} – {d().program.periodEnd}.{' '}
              {t('program.progress', { percent: d().summary.progress ?? 0 })}
            </p>
            <Show when={d().program.goals}>
              <p class="decision-text">{d().program.goals}</p>
            </Show>
            <For each={d().program.directions}>
              {(direction) => {
                const activities = () => d().activities.filter((a) => a.directionId === direction.id);
                const progress = () =>
                  d().summary.byDirection.find((b) => b.directionId === direction.id)?.progress ?? null;
                return (
                  <section>
                    <h2>
                      {direction.position}. {language() === 'ru' ? direction.titleRu : direction.titleEn}
                      <Show when={progress() !== null}> — {progress()}%</Show>
                    </h2>
                    <Show when={activities().length > 0} fallback={<p>{t('program.nothing')}</p>}>
                      <table>
                        <thead>
                          <tr>
                            <th scope="col">{t('activity.title')}</th>
                            <th scope="col">{t('activity.leadState')}</th>
                            <th scope="col">{t('activity.start')}</th>
                            <th scope="col">{t('activity.end')}</th>
                            <th scope="col">{t('activity.status')}</th>
                            <th scope="col">{t('activity.progress')}</th>
                            <th scope="col">{t('activity.milestones')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          <For each={activities()}>
                            {(a) => (
                              <tr>
                                <th scope="row">{a.title}</th>
                                <td>{stateName(a.leadState)}</td>
                                <td>{a.start}</td>
                                <td>{a.end}</td>
                                <td>{t(ACTIVITY_STATUS_LABELS[a.status])}</td>
                                <td>{a.progress}</td>
                                <td>{a.milestones.map((m) => `${m.title} (${m.date})`).join('; ')}</td>
                              </tr>
                            )}
                          </For>
                        </tbody>
                      </table>
                    </Show>
                  </section>
                );
              }}
            </For>
          </>
        )}
      </Show>
    </div>
  );
}
