import { A, createAsync, revalidate, useNavigate } from '@solidjs/router';
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import { client, unwrap } from '../api';
import { usePageTitle } from '../components/page-title';
import { getPeople, getWorkingGroups } from '../data';
import { useI18n } from '../i18n/context';
import { useSession } from '../session';

/** The secretary forms a working group: mandate, lead, members, and optionally its own chat. */
function NewGroupForm() {
  const { t, errorText } = useI18n();
  const navigate = useNavigate();
  const people = createAsync(() => getPeople());
  const [members, setMembers] = createSignal<number[]>([]);
  const [error, setError] = createSignal<unknown>();
  const ids = {
    name: createUniqueId(),
    mandate: createUniqueId(),
    lead: createUniqueId(),
    chat: createUniqueId(),
  };
  const toggle = (id: number, on: boolean) =>
    setMembers((list) => (on ? [...list, id] : list.filter((m) => m !== id)));
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const lead = String(form.get('lead') ?? '');
    const chat = String(form.get('chat') ?? '').trim();
    setError(undefined);
    try {
      const created = await unwrap(
        client.api['working-groups'].$post({
          json: {
            name: String(form.get('name') ?? ''),
            mandate: String(form.get('mandate') ?? ''),
            leadPersonId: lead ? Number(lead) : null,
            memberIds: members(),
            groupChatId: chat ? Number(chat) : null,
          },
        }),
      );
      await revalidate(getWorkingGroups.key);
      navigate(`/working-groups/${created.id}`);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <form class="panel" onSubmit={submit}>
      <h2>{t('groups.new')}</h2>
      <Show when={error()}>
        {(failure) => (
          <p class="notice notice-error" role="alert">
            {errorText(failure())}
          </p>
        )}
      </Show>
      <div class="field">
        <label for={ids.name}>{t('groups.name')}</label>
        <input id={ids.name} name="name" required maxLength={200} />
      </div>
      <div class="field">
        <label for={ids.mandate}>{t('groups.mandate')}</label>
        <textarea id={ids.mandate} name="mandate" required rows={3} maxLength={5000} />
      </div>
      <fieldset class="field">
        <legend>{t('groups.members')}</legend>
        <For each={(people() ?? []).filter((p) => p.active)}>
          {(person) => (
            <label class="checkbox">
              <input
                type="checkbox"
                checked={members().includes(person.id)}
                onChange={(e) => toggle(person.id, e.currentTarget.checked)}
              />
              {person.name}
            </label>
          )}
        </For>
      </fieldset>
      <div class="field">
        <label for={ids.lead}>{t('groups.lead')}</label>
        <select id={ids.lead} name="lead">
          <option value="">{t('common.none')}</option>
          <For each={(people() ?? []).filter((p) => members().includes(p.id))}>
            {(person) => <option value={String(person.id)}>{person.name}</option>}
          </For>
        </select>
      </div>
      <div class="field">
        <label for={ids.chat}>{t('groups.chat')}</label>
        <input id={ids.chat} name="chat" inputMode="numeric" pattern="-[0-9]+" />
        <p class="hint">{t('groups.chatHint')}</p>
      </div>
      <button type="submit" class="button-primary">
        {t('groups.create')}
      </button>
    </form>
  );
}

/** The working groups, with their open and overdue tasks; the secretary forms new ones. */
export function WorkingGroups() {
  const { t } = useI18n();
  const { can } = useSession();
  const groups = createAsync(() => getWorkingGroups());
  const people = createAsync(() => getPeople());
  const nameOf = (id: number | null) => (people() ?? []).find((p) => p.id === id)?.name ?? t('common.none');
  usePageTitle(() => t('groups.title'));
  return (
    <div class="page">
      <h1>{t('groups.title')}</h1>
      <Show when={(groups() ?? []).length > 0} fallback={<p class="muted">{t('groups.none')}</p>}>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('groups.name')}</th>
                <th scope="col">{t('groups.lead')}</th>
                <th scope="col">{t('groups.members')}</th>
                <th scope="col">{t('groups.openTasks')}</th>
                <th scope="col">{t('groups.overdueTasks')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={groups()}>
                {(group) => (
                  <tr>
                    <th scope="row">
                      <A href={`/working-groups/${group.id}`}>{group.name}</A>
                    </th>
                    <td>{nameOf(group.leadPersonId)}</td>
                    <td class="number">{group.memberIds.length}</td>
                    <td class="number">{group.openTasks}</td>
                    <td class="number" classList={{ 'text-warning': group.overdueTasks > 0 }}>
                      {group.overdueTasks}
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <Show when={can('groups.write')}>
        <NewGroupForm />
      </Show>
    </div>
  );
}
