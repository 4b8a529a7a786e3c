import { A, createAsync, revalidate, useNavigate, useParams } from '@solidjs/router';
import { createSignal, For, lazy, Show } from 'solid-js';
import { client, unwrap } from '../api';
import { ActivityForm, ActivityWarnings } from '../components/activity-form';
import { usePageTitle } from '../components/page-title';
import { useStateName } from '../components/state-name';
import { getActivity, getPeople, getProgram, PROGRAM_ACTIVITY_READS } from '../data';
import { useI18n } from '../i18n/context';
import {
  ACTIVITY_STATUS_LABELS,
  activityFieldLabel,
  activityStatusLabel,
  auditActionLabel,
} from '../i18n/labels';
import { type ActivityNames, activityValueText, changedFields } from '../lib/programs';
import { useSession } from '../session';

const ConfirmDialog = lazy(() =>
  import('../components/confirm-dialog').then((m) => ({ default: m.ConfirmDialog })),
);

/** One activity: what it is, its history from the audit log, and (for the secretary) its form. */
export function Activity() {
  const { t, dateTimeShort, errorText, language } = useI18n();
  const { can } = useSession();
  const params = useParams();
  const navigate = useNavigate();
  const detail = createAsync(() => getActivity(params.id ?? '', params.activityId ?? ''));
  const program = createAsync(() => getProgram(params.id ?? ''));
  const stateName = useStateName();
  // Names of the responsible people where the reader may see the people list; their ids otherwise.
  const people = createAsync(async () => (can('people.read') ? getPeople() : undefined));
  const fieldLabel = (field: string) => {
    const key = activityFieldLabel(field);
    return key ? t(key) : field;
  };
  const names = (): ActivityNames => ({
    direction: (id) => {
      const d = program()?.program.directions.find((x) => x.id === id);
      return d ? (language() === 'ru' ? d.titleRu : d.titleEn) : `#${id}`;
    },
    state: stateName,
    person: (id) => people()?.find((p) => p.id === id)?.name ?? `#${id}`,
    activity: (id) => program()?.activities.find((a) => a.id === id)?.title ?? `#${id}`,
    status: (status) => {
      const key = activityStatusLabel(status);
      return key ? t(key) : status;
    },
    milestone: (title, date, reached) =>
      reached
        ? t('activity.milestoneReachedText', { title, date, reached })
        : t('activity.milestoneText', { title, date }),
    none: t('common.none'),
  });
  const [saved, setSaved] = createSignal<Parameters<typeof ActivityWarnings>[0]['warnings']>();
  const [deleting, setDeleting] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>();
  usePageTitle(() => detail()?.activity.title ?? t('activity.edit'));
  const titleOf = (id: number) => program()?.activities.find((a) => a.id === id)?.title ?? `#${id}`;
  const remove = async () => {
    try {
      await unwrap(
        client.api.programs[':id'].activities[':activityId'].$delete({
          param: { id: params.id ?? '', activityId: params.activityId ?? '' },
        }),
      );
      await revalidate(PROGRAM_ACTIVITY_READS);
      navigate(`/programs/${params.id}`);
    } catch (error) {
      setFailure(error);
      setDeleting(false);
    }
  };
  return (
    <Show when={detail()}>
      {(d) => (
        <div class="page">
          <p class="breadcrumb">
            <A href={`/programs/${params.id}`}>{t('activity.back')}</A>
          </p>
          <h1>{d().activity.title}</h1>
          <dl class="facts">
            <dt>{t('activity.start')}</dt>
            <dd>{d().activity.start}</dd>
            <dt>{t('activity.end')}</dt>
            <dd>{d().activity.end}</dd>
            <dt>{t('activity.status')}</dt>
            <dd>{t(ACTIVITY_STATUS_LABELS[d().activity.status])}</dd>
            <dt>{t('activity.progress')}</dt>
            <dd>{d().activity.progress}</dd>
            <dt>{t('activity.dependsOn')}</dt>
            <dd>{d().activity.dependsOn.map(titleOf).join(', ') || t('common.none')}</dd>
          </dl>
          <Show when={d().activity.description}>
            <p>{d().activity.description}</p>
          </Show>
          <Show when={failure()}>
            {(error) => (
              <p class="notice notice-error" role="alert">
                {errorText(error())}
              </p>
            )}
          </Show>
          <Show when={can('programs.write') && program()}>
            {(p) => (
              <section class="panel" aria-labelledby="edit-activity">
                <h2 id="edit-activity">{t('activity.edit')}</h2>
                <Show when={saved()}>
                  {(warnings) => (
                    <>
                      <p class="notice notice-success" role="status">
                        {t('activity.saved')}
                      </p>
                      <ActivityWarnings warnings={warnings()} activities={p().activities} />
                    </>
                  )}
                </Show>
                <ActivityForm
                  program={p()}
                  activity={d().activity}
                  onSaved={(_, warnings) => {
                    setSaved(warnings);
                    void revalidate([getActivity.key, ...PROGRAM_ACTIVITY_READS]);
                  }}
                />
                <button type="button" class="button-danger" onClick={() => setDeleting(true)}>
                  {t('activity.delete')}
                </button>
                <Show when={deleting()}>
                  <ConfirmDialog
                    open={deleting()}
                    title={t('activity.delete')}
                    confirmLabel={t('activity.delete')}
                    cancelLabel={t('common.cancel')}
                    danger
                    pending={false}
                    onConfirm={() => void remove()}
                    onCancel={() => setDeleting(false)}
                  >
                    <p>{t('activity.confirmDelete', { title: d().activity.title })}</p>
                  </ConfirmDialog>
                </Show>
              </section>
            )}
          </Show>
          <section class="panel" aria-labelledby="activity-history">
            <h2 id="activity-history">{t('activity.history')}</h2>
            <Show when={d().history.length > 0} fallback={<p class="muted">{t('activity.noHistory')}</p>}>
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('activity.when')}</th>
                      <th scope="col">{t('activity.who')}</th>
                      <th scope="col">{t('activity.what')}</th>
                      <th scope="col">{t('activity.change')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={d().history}>
                      {(event) => (
                        <tr>
                          <td>
                            <time datetime={event.at}>{dateTimeShort(event.at)}</time>
                          </td>
                          <td>{event.actor_name ?? t('common.none')}</td>
                          <th scope="row">
                            {(() => {
                              const key = auditActionLabel(event.action);
                              return key ? t(key) : event.action;
                            })()}
                          </th>
                          <td class="change">
                            <ul>
                              <For each={changedFields(event.before, event.after)}>
                                {(c) => (
                                  <li>
                                    <span class="field-name">{fieldLabel(c.field)}</span>:{' '}
                                    {activityValueText(c.field, c.before, names())} →{' '}
                                    {activityValueText(c.field, c.after, names())}
                                  </li>
                                )}
                              </For>
                            </ul>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
          </section>
        </div>
      )}
    </Show>
  );
}
