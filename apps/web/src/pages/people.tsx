import { createAsync, createAsyncStore, revalidate } from '@solidjs/router';
import { createMemo, createSignal, createUniqueId, For, onMount, Show } from 'solid-js';
import { client, unwrap } from '../api';
import { usePageTitle } from '../components/page-title';
import { getPeople, getStates, type PersonView } from '../data';
import { useI18n } from '../i18n/context';
import { REPRESENTATION_LABELS, ROLE_LABELS } from '../i18n/labels';
import { groupByState, inviteStatus } from '../lib/people';
import { useSession } from '../session';

interface CreatedInvite {
  name: string;
  link: string;
  startCommand: string;
  expiresAt: string;
}

/** A new invite link, shown once: closing the dialog forgets it. */
function InviteDialog(props: { invite: CreatedInvite; onClose: () => void }) {
  const { t, dateTime } = useI18n();
  const [copied, setCopied] = createSignal<'yes' | 'failed' | null>(null);
  const titleId = createUniqueId();
  const linkId = createUniqueId();
  let dialog: HTMLDialogElement | undefined;
  let linkInput: HTMLInputElement | undefined;
  onMount(() => dialog?.showModal());

  const close = () => {
    dialog?.close();
    props.onClose();
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.invite.link);
      setCopied('yes');
    } catch {
      linkInput?.select();
      setCopied('failed');
    }
  };

  return (
    <dialog
      ref={dialog}
      class="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <h2 id={titleId}>{t('people.inviteTitle', { name: props.invite.name })}</h2>
      <p>{t('people.inviteOnce', { name: props.invite.name })}</p>
      <div class="field">
        <label for={linkId}>{t('people.inviteLink')}</label>
        <div class="copy-row">
          <input
            id={linkId}
            ref={linkInput}
            type="text"
            readonly
            value={props.invite.link}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" class="button-primary" onClick={copy}>
            {t('people.copy')}
          </button>
        </div>
        <p role="status" class="hint">
          {copied() === 'yes' ? t('people.copied') : copied() === 'failed' ? t('people.copyFailed') : ''}
        </p>
      </div>
      <p>
        {t('people.inviteCommand')} <code>{props.invite.startCommand}</code>
      </p>
      <p class="muted">{t('people.inviteExpires', { date: dateTime(props.invite.expiresAt) })}</p>
      <div class="actions">
        <button type="button" onClick={close}>
          {t('common.close')}
        </button>
      </div>
    </dialog>
  );
}

function PeopleTable(props: {
  caption: string;
  people: PersonView[];
  onInvite: (person: PersonView) => void;
  inviting: number | null;
}) {
  const { t, date } = useI18n();
  const { can } = useSession();
  const now = new Date().toISOString();
  const yesNo = (value: boolean) => t(value ? 'common.yes' : 'common.no');
  const invite = (person: PersonView) => {
    const status = inviteStatus(person.invite, now);
    switch (status.kind) {
      case 'none':
        return t('people.inviteNone');
      case 'used':
        return t('people.inviteUsed', { date: date(status.at) });
      case 'pending':
        return t('people.invitePending', { date: date(status.until) });
      case 'expired':
        return t('people.inviteExpired', { date: date(status.at) });
    }
  };
  return (
    <div class="table-wrap">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('people.name')}</th>
            <th scope="col">{t('people.roles')}</th>
            <th scope="col">{t('people.representation')}</th>
            <th scope="col">{t('people.language')}</th>
            <th scope="col">{t('people.timeZone')}</th>
            <th scope="col">{t('people.linked')}</th>
            <th scope="col">{t('people.reachable')}</th>
            <th scope="col">{t('people.invite')}</th>
            <Show when={can('people.invite')}>
              <th scope="col">{t('people.actions')}</th>
            </Show>
          </tr>
        </thead>
        <tbody>
          <For
            each={props.people}
            fallback={
              <tr>
                <td colSpan={9}>{t('people.empty')}</td>
              </tr>
            }
          >
            {(person) => (
              <tr classList={{ 'row-inactive': !person.active }}>
                <th scope="row">
                  {person.name}
                  <Show when={!person.active}>
                    <span class="muted small"> ({t('people.deactivated')})</span>
                  </Show>
                </th>
                <td>{person.roles.map((r) => t(ROLE_LABELS[r])).join(', ')}</td>
                <td>
                  {person.representation ? t(REPRESENTATION_LABELS[person.representation]) : t('common.none')}
                </td>
                <td>{t(person.language === 'en' ? 'language.en' : 'language.ru')}</td>
                <td>{person.timeZone}</td>
                <td>
                  <span class={person.linked ? 'pill pill-sent' : 'pill pill-not_linked'}>
                    {yesNo(person.linked)}
                  </span>
                </td>
                <td>
                  <span class={person.reachable ? 'pill pill-sent' : 'pill pill-failed'}>
                    {yesNo(person.reachable)}
                  </span>
                </td>
                <td>{invite(person)}</td>
                <Show when={can('people.invite')}>
                  <td>
                    <Show when={person.active}>
                      <button
                        type="button"
                        aria-label={t('people.createInviteFor', { name: person.name })}
                        aria-busy={props.inviting === person.id}
                        onClick={() => props.onInvite(person)}
                      >
                        {t('people.createInvite')}
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
  );
}

/** Everyone in the commission, by state; admins and the secretary can invite someone to link Telegram. */
export function People() {
  const { t, errorText, locale, language } = useI18n();
  // A store, reconciled by id: a refresh updates rows in place, so the focused button survives it.
  const people = createAsyncStore(() => getPeople(), { reconcile: { key: 'id' } });
  const states = createAsync(() => getStates());
  const [invite, setInvite] = createSignal<CreatedInvite | null>(null);
  const [inviting, setInviting] = createSignal<number | null>(null);
  const [error, setError] = createSignal<unknown>();
  usePageTitle(() => t('people.title'));

  const groups = createMemo(() =>
    groupByState(
      people() ?? [],
      (states() ?? []).map((s) => s.code),
      locale(),
    ),
  );
  const caption = (code: string | null) => {
    const state = states()?.find((s) => s.code === code);
    if (!state) return code ?? t('people.noState');
    return language() === 'ru' ? state.nameRu : state.nameEn;
  };

  const createInvite = async (person: PersonView) => {
    // Not `disabled` while waiting: that would drop the keyboard focus the dialog later returns to.
    if (inviting() !== null) return;
    setInviting(person.id);
    setError(undefined);
    try {
      const created = await unwrap(
        client.api.people[':id'].invites.$post({ param: { id: String(person.id) } }),
      );
      setInvite({ name: person.name, ...created });
      await revalidate(getPeople.key);
    } catch (failure) {
      setError(failure);
    } finally {
      setInviting(null);
    }
  };

  return (
    <div class="page wide">
      <h1>{t('people.title')}</h1>
      <Show when={error()}>
        {(failure) => (
          <p class="notice notice-error" role="alert">
            {errorText(failure())}
          </p>
        )}
      </Show>
      <Show when={people() && states()}>
        <For each={groups()}>
          {(group) => (
            <PeopleTable
              caption={caption(group.code)}
              people={group.people}
              onInvite={createInvite}
              inviting={inviting()}
            />
          )}
        </For>
      </Show>
      <Show when={invite()} keyed>
        {(created) => <InviteDialog invite={created} onClose={() => setInvite(null)} />}
      </Show>
    </div>
  );
}
