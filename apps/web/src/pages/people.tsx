import { createAsync, revalidate } from '@solidjs/router';
import { createMemo, createSignal, createUniqueId, For, onMount, Show, untrack } from 'solid-js';
import { client, unwrap } from '../api';
import { usePageTitle } from '../components/page-title';
import { getCommission, getPeople, getSession, getStates, type PersonView } from '../data';
import { useI18n } from '../i18n/context';
import { REPRESENTATION_LABELS, ROLE_LABELS } from '../i18n/labels';
import { deputyCandidates, displayRoles, groupByState, inviteStatus } from '../lib/people';
import { useSession } from '../session';
import { type CreatedInvite, DeactivateDialog, PersonDialog } from './people-dialogs';

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

/** The id of a person's action button, to give the focus back to it after the table is redrawn. */
const buttonId = (action: 'invite' | 'edit', personId: number) => `person-${personId}-${action}`;

function PeopleTable(props: {
  caption: string;
  people: PersonView[];
  deputyId: number | null;
  onInvite: (person: PersonView) => void;
  onEdit: (person: PersonView) => void;
  onDeactivate: (person: PersonView) => void;
  inviting: number | null;
}) {
  const { t, date } = useI18n();
  const { can } = useSession();
  const now = new Date().toISOString();
  const yesNo = (value: boolean) => t(value ? 'common.yes' : 'common.no');
  const actions = () => can('people.invite') || can('people.write');
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
            <Show when={can('people.invite')}>
              <th scope="col">{t('people.invite')}</th>
            </Show>
            <Show when={actions()}>
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
                    {' '}
                    <span class="badge badge-inactive">{t('people.deactivated')}</span>
                  </Show>
                </th>
                <td>
                  {displayRoles(person, props.deputyId)
                    .map((r) => t(ROLE_LABELS[r]))
                    .join(', ')}
                </td>
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
                  <Show when={person.active} fallback={t('common.none')}>
                    <span class={person.reachable ? 'pill pill-sent' : 'pill pill-failed'}>
                      {yesNo(person.reachable)}
                    </span>
                  </Show>
                </td>
                <Show when={can('people.invite')}>
                  {/* Deactivating revokes open invites: only an active person's latest one says anything. */}
                  <td>{person.active ? invite(person) : t('common.none')}</td>
                </Show>
                <Show when={actions()}>
                  <td>
                    <Show when={person.active}>
                      <div class="row-actions">
                        <Show when={can('people.invite')}>
                          <button
                            type="button"
                            id={buttonId('invite', person.id)}
                            aria-label={t('people.createInviteFor', { name: person.name })}
                            aria-busy={props.inviting === person.id}
                            onClick={() => props.onInvite(person)}
                          >
                            {t('people.createInvite')}
                          </button>
                        </Show>
                        <Show when={can('people.write')}>
                          <button
                            type="button"
                            id={buttonId('edit', person.id)}
                            aria-label={t('people.editFor', { name: person.name })}
                            onClick={() => props.onEdit(person)}
                          >
                            {t('people.edit')}
                          </button>
                          <button
                            type="button"
                            class="button-danger"
                            aria-label={t('people.deactivateFor', { name: person.name })}
                            onClick={() => props.onDeactivate(person)}
                          >
                            {t('people.deactivate')}
                          </button>
                        </Show>
                      </div>
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

/** Who the chairman's deputy is, for everyone; the chairman names one or withdraws the naming. */
function DeputyPanel(props: { people: PersonView[]; deputyId: number | null }) {
  const { t, errorText, locale } = useI18n();
  const { can, person } = useSession();
  const headingId = createUniqueId();
  const selectId = createUniqueId();
  const [choice, setChoice] = createSignal(
    untrack(() => (props.deputyId === null ? '' : String(props.deputyId))),
  );
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [done, setDone] = createSignal('');

  const deputy = () => props.people.find((p) => p.id === props.deputyId);
  const candidates = createMemo(() => deputyCandidates(props.people, person()?.id ?? 0, locale()));

  const setDeputy = async (personId: number | null) => {
    if (pending()) return;
    setPending(true);
    setError(undefined);
    setDone('');
    try {
      await unwrap(client.api.commission.deputy.$put({ json: { personId } }));
      await revalidate([getCommission.key, getPeople.key]);
      const named = props.people.find((p) => p.id === personId);
      setChoice(personId === null ? '' : String(personId));
      setDone(named ? t('deputy.named', { name: named.name }) : t('deputy.withdrawn'));
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const id = Number(choice());
    if (Number.isSafeInteger(id) && id > 0) void setDeputy(id);
  };

  return (
    <section class="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('deputy.title')}</h2>
      <p>
        <Show when={deputy()} fallback={t('deputy.none')}>
          {(named) => (
            <>
              {t('deputy.current', { name: named().name })}
              <Show when={!named().active}>
                {' '}
                <span class="badge badge-inactive">{t('people.deactivated')}</span>
              </Show>
            </>
          )}
        </Show>
      </p>
      <p class="muted">{t('deputy.explain')}</p>
      <Show when={can('commission.deputy')}>
        <form class="deputy-form" onSubmit={submit}>
          <div class="field">
            <label for={selectId}>{t('deputy.choose')}</label>
            <select id={selectId} value={choice()} onChange={(e) => setChoice(e.currentTarget.value)}>
              <option value="">{t('deputy.choosePrompt')}</option>
              <For each={candidates()}>{(p) => <option value={String(p.id)}>{p.name}</option>}</For>
            </select>
          </div>
          <div class="actions">
            <button
              type="submit"
              class="button-primary"
              disabled={!choice() || choice() === String(props.deputyId)}
              aria-busy={pending()}
            >
              {t('deputy.name')}
            </button>
            <Show when={props.deputyId !== null}>
              <button type="button" onClick={() => void setDeputy(null)} aria-busy={pending()}>
                {t('deputy.withdraw')}
              </button>
            </Show>
          </div>
        </form>
      </Show>
      <Show when={error()}>
        {(failure) => (
          <p class="field-error" role="alert">
            {errorText(failure())}
          </p>
        )}
      </Show>
      <p role="status" class={done() ? 'hint' : 'visually-hidden'}>
        {done()}
      </p>
    </section>
  );
}

/**
 * Which optional items need the chairman's approval (the report always does): everyone sees it,
 * the chairman changes it.
 */
function SignOffSettingsPanel(props: { settings: { agenda: boolean; draft: boolean } }) {
  const { t, errorText } = useI18n();
  const { can } = useSession();
  const headingId = createUniqueId();
  const [agenda, setAgenda] = createSignal(untrack(() => props.settings.agenda));
  const [draft, setDraft] = createSignal(untrack(() => props.settings.draft));
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [done, setDone] = createSignal('');
  const editable = () => can('commission.sign-offs');
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (pending()) return;
    setPending(true);
    setError(undefined);
    setDone('');
    try {
      await unwrap(client.api.commission['sign-offs'].$put({ json: { agenda: agenda(), draft: draft() } }));
      await revalidate(getCommission.key);
      setDone(t('signOffSettings.saved'));
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };
  return (
    <section class="panel" aria-labelledby={headingId} data-testid="sign-off-settings">
      <h2 id={headingId}>{t('signOffSettings.title')}</h2>
      <p class="muted">{t('signOffSettings.explain')}</p>
      <form onSubmit={(e) => void submit(e)}>
        <label class="checkbox">
          <input
            type="checkbox"
            name="agenda"
            checked={agenda()}
            disabled={!editable()}
            onChange={(e) => setAgenda(e.currentTarget.checked)}
          />
          {t('signOffSettings.agenda')}
        </label>
        <label class="checkbox">
          <input
            type="checkbox"
            name="draft"
            checked={draft()}
            disabled={!editable()}
            onChange={(e) => setDraft(e.currentTarget.checked)}
          />
          {t('signOffSettings.draft')}
        </label>
        <Show when={editable()} fallback={<p class="hint">{t('signOffSettings.chairmanOnly')}</p>}>
          <div class="actions">
            <button type="submit" class="button-primary" aria-busy={pending()}>
              {t('signOffSettings.save')}
            </button>
          </div>
        </Show>
      </form>
      <Show when={error()}>
        {(failure) => (
          <p class="field-error" role="alert">
            {errorText(failure())}
          </p>
        )}
      </Show>
      <p role="status" class={done() ? 'hint' : 'visually-hidden'}>
        {done()}
      </p>
    </section>
  );
}

/**
 * Everyone in the commission, by state, and the chairman's deputy. Admins and the secretary can
 * invite someone to link Telegram; admins also add, edit and deactivate people.
 */
export function People() {
  const { t, errorText, locale, language } = useI18n();
  const { can, person: me } = useSession();
  // Plain values, not a reconciled store: a row that moves to another state's table after a change
  // (a seat handed over) is drawn anew, and a store read during the router's refresh could show it
  // stale. Redrawn rows lose the focus, so it is given back explicitly below.
  const people = createAsync(() => getPeople());
  const states = createAsync(() => getStates());
  const commission = createAsync(() => getCommission());
  const [invite, setInvite] = createSignal<(CreatedInvite & { personId?: number }) | null>(null);
  const [inviting, setInviting] = createSignal<number | null>(null);
  const [error, setError] = createSignal<unknown>();
  const [editing, setEditing] = createSignal<{ person?: PersonView } | null>(null);
  const [deactivating, setDeactivating] = createSignal<PersonView | null>(null);
  const [done, setDone] = createSignal('');
  let status: HTMLParagraphElement | undefined;
  let addButton: HTMLButtonElement | undefined;
  const focusButton = (id: string) => document.getElementById(id)?.focus();
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
  const deputyId = () => commission()?.deputyPersonId ?? null;

  const createInvite = async (person: PersonView) => {
    // Not `disabled` while waiting: that would drop the keyboard focus the dialog later returns to.
    if (inviting() !== null) return;
    setInviting(person.id);
    setError(undefined);
    try {
      const created = await unwrap(
        client.api.people[':id'].invites.$post({ param: { id: String(person.id) } }),
      );
      setInvite({ name: person.name, personId: person.id, ...created });
      await revalidate(getPeople.key);
    } catch (failure) {
      setError(failure);
    } finally {
      setInviting(null);
    }
  };

  const added = async (created: CreatedInvite) => {
    setDone(t('people.added', { name: created.name }));
    setInvite(created);
    await revalidate(getPeople.key);
  };
  // The confirmation comes with the refreshed table, so what it says is what the table shows.
  const saved = async (person: PersonView, message: string) => {
    await revalidate(person.id === me()?.id ? [getPeople.key, getSession.key] : getPeople.key);
    setDone(message);
    focusButton(buttonId('edit', person.id));
  };
  const deactivated = async (person: PersonView, message: string) => {
    await revalidate(
      person.id === me()?.id
        ? [getPeople.key, getCommission.key, getSession.key]
        : [getPeople.key, getCommission.key],
    );
    setDone(message);
    // The row has lost its buttons, and the focus with them: the confirmation takes it.
    status?.focus();
  };
  const closeInvite = () => {
    const personId = invite()?.personId;
    setInvite(null);
    // Back to the button that asked for the link: the person's own (redrawn since), or "Add person".
    if (personId === undefined) addButton?.focus();
    else focusButton(buttonId('invite', personId));
  };

  return (
    <div class="page wide">
      <div class="page-head">
        <h1>{t('people.title')}</h1>
        <Show when={can('people.write')}>
          <button
            ref={addButton}
            type="button"
            class="button-primary"
            onClick={() => setEditing({})}
            disabled={!states()}
          >
            {t('people.add')}
          </button>
        </Show>
      </div>
      <p
        ref={status}
        tabindex="-1"
        role="status"
        class={done() ? 'notice notice-success' : 'visually-hidden'}
      >
        {done()}
      </p>
      <Show when={error()}>
        {(failure) => (
          <p class="notice notice-error" role="alert">
            {errorText(failure())}
          </p>
        )}
      </Show>
      <Show when={people() && commission()}>
        <DeputyPanel people={people() ?? []} deputyId={deputyId()} />
      </Show>
      <Show when={commission()}>{(c) => <SignOffSettingsPanel settings={c().signOffs} />}</Show>
      <Show when={people() && states()}>
        <For each={groups()}>
          {(group) => (
            <PeopleTable
              caption={caption(group.code)}
              people={group.people}
              deputyId={deputyId()}
              onInvite={createInvite}
              onEdit={(person) => setEditing({ person })}
              onDeactivate={setDeactivating}
              inviting={inviting()}
            />
          )}
        </For>
      </Show>
      <Show when={editing()} keyed>
        {(target) => (
          <PersonDialog
            person={target.person}
            states={states() ?? []}
            onClose={() => setEditing(null)}
            onAdded={(created) => void added(created)}
            onSaved={(person, message) => void saved(person, message)}
          />
        )}
      </Show>
      <Show when={deactivating()} keyed>
        {(person) => (
          <DeactivateDialog
            person={person}
            people={people() ?? []}
            states={states() ?? []}
            self={person.id === me()?.id}
            onClose={() => setDeactivating(null)}
            onDone={(target, message) => void deactivated(target, message)}
          />
        )}
      </Show>
      <Show when={invite()} keyed>
        {(created) => <InviteDialog invite={created} onClose={closeInvite} />}
      </Show>
    </div>
  );
}
