import { A, revalidate, useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, createUniqueId, Match, onMount, Show, Switch, untrack } from 'solid-js';
import { client, isApiError, unwrap } from '../api';
import { usePageTitle } from '../components/page-title';
import { getSession } from '../data';
import { useI18n } from '../i18n/context';
import { isLoginToken, loginErrorCode, signInOnce } from '../lib/login';

type Attempt = { kind: 'working' } | { kind: 'failed'; error: unknown } | { kind: 'no-token' };

/** Failures worth trying again with the same link: the server was not reached, or asked to wait. */
const canRetry = (error: unknown) =>
  !isApiError(error) || error.status === 0 || error.status === 429 || error.status >= 500;

/**
 * The page the bot's one-time link opens (`/login?token=…`): it hands the token to the API once,
 * then goes to the meetings, replacing this address so the token stays out of the history.
 */
export function Login() {
  const { t, errorText } = useI18n();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  // Read once: the link is spent by the first attempt, whatever the address says later.
  const token = untrack(() => search.token);
  const [attempt, setAttempt] = createSignal<Attempt>(
    isLoginToken(token) ? { kind: 'working' } : { kind: 'no-token' },
  );
  const failedId = createUniqueId();
  usePageTitle(() => t('login.title'));

  const signIn = async (retry = false) => {
    if (!isLoginToken(token)) return;
    setAttempt({ kind: 'working' });
    try {
      await signInOnce(
        token,
        (value) => unwrap(client.api.session.login.$post({ json: { token: value } })),
        retry,
      );
      await revalidate(getSession.key);
      navigate('/meetings', { replace: true });
    } catch (error) {
      setAttempt({ kind: 'failed', error });
    }
  };
  onMount(() => void signIn());

  const failure = () => {
    const current = attempt();
    return current.kind === 'failed' ? current : undefined;
  };
  const reason = (error: unknown) => {
    const code = isApiError(error) ? loginErrorCode(error.code) : null;
    return code ? t(`login.${code}`) : errorText(error);
  };

  return (
    <div class="page narrow">
      <h1>{t('login.title')}</h1>
      <Switch>
        <Match when={attempt().kind === 'working'}>
          <p class="loading" role="status">
            {t('login.working')}
          </p>
        </Match>
        <Match when={attempt().kind === 'no-token'}>
          <p class="notice notice-warning">{t('login.noToken')}</p>
          <p>
            <A href="/sign-in">{t('login.toSignIn')}</A>
          </p>
        </Match>
        <Match when={failure()}>
          {(error) => (
            <>
              <section class="notice notice-error" role="alert" aria-labelledby={failedId}>
                <h2 id={failedId}>{t('login.failedTitle')}</h2>
                <p>{reason(error().error)}</p>
              </section>
              <p class="actions">
                <Show when={canRetry(error().error)}>
                  <button type="button" class="button-primary" onClick={() => void signIn(true)}>
                    {t('common.retry')}
                  </button>
                </Show>
                <A href="/sign-in">{t('login.toSignIn')}</A>
              </p>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}
