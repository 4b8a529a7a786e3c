import { A, createAsync, revalidate, useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import { client, unwrap } from '../api';
import { usePageTitle } from '../components/page-title';
import { getDevPeople } from '../data';
import { useI18n } from '../i18n/context';
import { ROLE_LABELS } from '../i18n/labels';
import { useSession } from '../session';

/** Only a path inside the dashboard is followed after signing in, never another site. */
const safeNext = (next: unknown): string =>
  typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : '/meetings';

/** The development sign-in: pick anyone from the demo data. The API offers it only in sandbox mode. */
function DevSignIn(props: { next: string }) {
  const { t, errorText } = useI18n();
  const navigate = useNavigate();
  const people = createAsync(() => getDevPeople());
  const [personId, setPersonId] = createSignal('');
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const headingId = createUniqueId();
  const selectId = createUniqueId();

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const id = Number(personId());
    if (!Number.isSafeInteger(id) || id <= 0) return;
    setPending(true);
    setError(undefined);
    try {
      await unwrap(client.api.session['dev-login'].$post({ json: { personId: id } }));
      // Every read made while signed out was refused: read them all again as this person.
      await revalidate();
      navigate(props.next, { replace: true });
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };

  return (
    <section class="panel panel-sandbox" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('signIn.devTitle')}</h2>
      <p>{t('signIn.devExplain')}</p>
      <Show when={people()?.length !== 0} fallback={<p>{t('signIn.noPeople')}</p>}>
        <form onSubmit={submit} class="stack">
          <div class="field">
            <label for={selectId}>{t('signIn.person')}</label>
            <select
              id={selectId}
              required
              value={personId()}
              onChange={(e) => setPersonId(e.currentTarget.value)}
            >
              <option value="">{t('signIn.choose')}</option>
              <For each={people()}>
                {(person) => (
                  <option value={String(person.id)}>
                    {person.name} — {person.roles.map((r) => t(ROLE_LABELS[r])).join(', ')}
                  </option>
                )}
              </For>
            </select>
          </div>
          <Show when={error()}>
            {(failure) => (
              <p class="field-error" role="alert">
                {errorText(failure())}
              </p>
            )}
          </Show>
          <div class="actions">
            <button type="submit" class="button-primary" disabled={pending()} aria-busy={pending()}>
              {t('signIn.submit')}
            </button>
          </div>
        </form>
      </Show>
    </section>
  );
}

/** Signing in: through the bot's one-time link, or, in sandbox mode, the development sign-in. */
export function SignIn() {
  const { t } = useI18n();
  const { session, person } = useSession();
  const [search] = useSearchParams();
  usePageTitle(() => t('signIn.title'));
  return (
    <div class="page narrow">
      <h1>{t('signIn.title')}</h1>
      <Show
        when={person()}
        fallback={
          <>
            <p class="lead">{t('signIn.telegram')}</p>
            <p class="muted">{t('signIn.noAccount')}</p>
            <Show when={session()?.sandboxMode}>
              <DevSignIn next={safeNext(search.next)} />
            </Show>
          </>
        }
      >
        {(me) => (
          <p class="lead">
            {t('signIn.already', { name: me().name })}{' '}
            <A href={safeNext(search.next)}>{t('signIn.continue')}</A>
          </p>
        )}
      </Show>
    </div>
  );
}
