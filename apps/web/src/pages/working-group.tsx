import { A, createAsync, revalidate, useParams } from '@solidjs/router';
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import { client, unwrap } from '../api';
import { usePageTitle } from '../components/page-title';
import { getPeople, getWorkingGroup, type WorkingGroupDetail } from '../data';
import { useI18n } from '../i18n/context';
import { isOverdue, sortTasks } from '../lib/tasks';
import { useSession } from '../session';

type Task = WorkingGroupDetail['tasks'][number];
type Extension = WorkingGroupDetail['extensions'][number];

/** One working group: its mandate and members, its tasks, and the requests for more time to decide. */
export function WorkingGroup() {
  const params = useParams();
  const { t, errorText } = useI18n();
  const { can } = useSession();
  const detail = createAsync(() => getWorkingGroup(params.id ?? ''));
  const people = createAsync(() => getPeople());
  const [error, setError] = createSignal<unknown>();
  const [notice, setNotice] = createSignal('');
  const today = new Date().toISOString().slice(0, 10);
  const nameOf = (id: number | null) => (people() ?? []).find((p) => p.id === id)?.name ?? t('common.none');
  const taskTitle = (id: number) => detail()?.tasks.find((task) => task.id === id)?.title ?? `#${id}`;
  const ids = {
    title: createUniqueId(),
    responsible: createUniqueId(),
    due: createUniqueId(),
    description: createUniqueId(),
  };
  usePageTitle(() => detail()?.group.name ?? t('groups.title'));

  const run = async (work: () => Promise<unknown>, done: string) => {
    setError(undefined);
    setNotice('');
    try {
      await work();
      setNotice(done);
    } catch (failure) {
      setError(failure);
    } finally {
      await revalidate(getWorkingGroup.keyFor(params.id ?? ''));
    }
  };
  const addTask = (event: SubmitEvent) => {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    void run(async () => {
      await unwrap(
        client.api['working-groups'][':id'].tasks.$post({
          param: { id: params.id ?? '' },
          json: {
            title: String(form.get('title') ?? ''),
            description: String(form.get('description') ?? ''),
            responsiblePersonId: Number(form.get('responsible')),
            dueDate: String(form.get('due') ?? ''),
          },
        }),
      );
      formElement.reset();
    }, t('groups.taskAdded'));
  };
  const cancelTask = (task: Task) => {
    if (!window.confirm(t('groups.confirmCancelTask', { title: task.title }))) return;
    void run(
      () =>
        unwrap(
          client.api.tasks[':id'].$patch({ param: { id: String(task.id) }, json: { status: 'cancelled' } }),
        ),
      t('groups.taskCancelled'),
    );
  };
  const decide = (request: Extension, decision: 'granted' | 'refused') => {
    const note = decision === 'refused' ? (window.prompt(t('groups.refuseNote')) ?? '') : '';
    void run(
      () =>
        unwrap(
          client.api['extension-requests'][':id'].decision.$post({
            param: { id: String(request.id) },
            json: { decision, note },
          }),
        ),
      decision === 'granted' ? t('groups.granted') : t('groups.refused'),
    );
  };

  return (
    <div class="page">
      <p>
        <A href="/working-groups">← {t('groups.title')}</A>
      </p>
      <Show when={detail()}>
        {(d) => (
          <>
            <h1>{d().group.name}</h1>
            <p class="mandate">{d().group.mandate}</p>
            <p>
              <strong>{t('groups.lead')}:</strong> {nameOf(d().group.leadPersonId)} ·{' '}
              <strong>{t('groups.members')}:</strong>{' '}
              {d()
                .group.memberIds.map((id) => nameOf(id))
                .join(', ') || t('common.none')}
            </p>
            <Show when={notice()}>
              <p class="notice notice-success" role="status">
                {notice()}
              </p>
            </Show>
            <Show when={error()}>
              {(failure) => (
                <p class="notice notice-error" role="alert">
                  {errorText(failure())}
                </p>
              )}
            </Show>

            <h2>{t('groups.tasks')}</h2>
            <Show when={d().tasks.length > 0} fallback={<p class="muted">{t('groups.noTasks')}</p>}>
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('groups.taskTitle')}</th>
                      <th scope="col">{t('groups.responsible')}</th>
                      <th scope="col">{t('groups.due')}</th>
                      <th scope="col">{t('groups.status')}</th>
                      <Show when={can('groups.write')}>
                        <th scope="col">{t('people.actions')}</th>
                      </Show>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={sortTasks(d().tasks)}>
                      {(task) => (
                        <tr classList={{ 'row-cancelled': task.status === 'cancelled' }}>
                          <th scope="row">{task.title}</th>
                          <td>{nameOf(task.responsiblePersonId)}</td>
                          <td classList={{ 'text-warning': isOverdue(task, today) }}>
                            {task.dueDate}
                            <Show when={isOverdue(task, today)}> · {t('groups.overdue')}</Show>
                          </td>
                          <td>{t(`groups.status.${task.status}` as 'groups.status.open')}</td>
                          <Show when={can('groups.write')}>
                            <td>
                              <Show when={task.status === 'open'}>
                                <button type="button" onClick={() => cancelTask(task)}>
                                  {t('groups.cancelTask')}
                                </button>
                              </Show>
                            </td>
                          </Show>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>

            <Show when={can('groups.write')}>
              <form class="panel" onSubmit={addTask}>
                <h3>{t('groups.addTask')}</h3>
                <div class="field">
                  <label for={ids.title}>{t('groups.taskTitle')}</label>
                  <input id={ids.title} name="title" required maxLength={300} />
                </div>
                <div class="field">
                  <label for={ids.description}>{t('groups.description')}</label>
                  <textarea id={ids.description} name="description" rows={2} maxLength={5000} />
                </div>
                <div class="field">
                  <label for={ids.responsible}>{t('groups.responsible')}</label>
                  <select id={ids.responsible} name="responsible" required>
                    <For each={d().group.memberIds}>
                      {(id) => <option value={String(id)}>{nameOf(id)}</option>}
                    </For>
                  </select>
                </div>
                <div class="field">
                  <label for={ids.due}>{t('groups.due')}</label>
                  <input id={ids.due} name="due" type="date" required />
                </div>
                <button type="submit" class="button-primary">
                  {t('groups.addTask')}
                </button>
              </form>
            </Show>

            <h2>{t('groups.extensions')}</h2>
            <Show when={d().extensions.length > 0} fallback={<p class="muted">{t('groups.noExtensions')}</p>}>
              <ul class="extension-list">
                <For each={d().extensions}>
                  {(request) => (
                    <li>
                      <p>
                        <strong>{nameOf(request.requestedBy)}</strong> — {taskTitle(request.taskId)}:{' '}
                        {request.currentDueDate} → {request.requestedDueDate}
                      </p>
                      <p class="muted">{request.reason}</p>
                      <Show
                        when={request.status === 'pending'}
                        fallback={
                          <p>{request.status === 'granted' ? t('groups.granted') : t('groups.refused')}</p>
                        }
                      >
                        <Show when={can('extensions.decide')}>
                          <button
                            type="button"
                            class="button-primary"
                            onClick={() => decide(request, 'granted')}
                          >
                            {t('groups.grant')}
                          </button>{' '}
                          <button type="button" onClick={() => decide(request, 'refused')}>
                            {t('groups.refuse')}
                          </button>
                        </Show>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </Show>
    </div>
  );
}
