import type { Language } from '@accord/domain';
import {
  A,
  Navigate,
  Route,
  type RoutePreloadFuncArgs,
  Router,
  type RouteSectionProps,
  revalidate,
  useCurrentMatches,
  useLocation,
  useNavigate,
} from '@solidjs/router';
import {
  children,
  createEffect,
  createSignal,
  ErrorBoundary,
  For,
  lazy,
  on,
  onMount,
  Show,
  Suspense,
} from 'solid-js';
import { client, unwrap } from './api';
import { ErrorNotice } from './components/error-notice';
import {
  getBallot,
  getBallots,
  getCommission,
  getDecisions,
  getDraft,
  getDraftChoices,
  getDrafts,
  getFailedOutbox,
  getMeeting,
  getMeetings,
  getPeople,
  getProgram,
  getPrograms,
  getReport,
  getReports,
  getReportVersions,
  getSandboxChats,
  getSession,
  getStates,
  getWorkingGroups,
  signInPath,
} from './data';
import { type FirstPageModule, firstPageAt } from './first-page/pages';
import { forgetFirstLoad } from './first-page/responses';
import { I18nProvider, useI18n } from './i18n/context';
import { ROLE_LABELS } from './i18n/labels';
import { useSession } from './session';

// Each page is its own chunk: the first screen loads only the shell and the page it shows.
const SignIn = lazy(() => import('./pages/sign-in').then((m) => ({ default: m.SignIn })));
const Login = lazy(() => import('./pages/login').then((m) => ({ default: m.Login })));
const Meetings = lazy(() => import('./pages/meetings').then((m) => ({ default: m.Meetings })));
const Meeting = lazy(() => import('./pages/meeting').then((m) => ({ default: m.Meeting })));
const MeetingEditor = lazy(() =>
  import('./pages/meeting-editor').then((m) => ({ default: m.MeetingEditor })),
);
const People = lazy(() => import('./pages/people').then((m) => ({ default: m.People })));
const Deliveries = lazy(() => import('./pages/deliveries').then((m) => ({ default: m.Deliveries })));
const Audit = lazy(() => import('./pages/audit').then((m) => ({ default: m.Audit })));
const WorkingGroups = lazy(() =>
  import('./pages/working-groups').then((m) => ({ default: m.WorkingGroups })),
);
const Decisions = lazy(() => import('./pages/decisions').then((m) => ({ default: m.Decisions })));
const WorkingGroup = lazy(() => import('./pages/working-group').then((m) => ({ default: m.WorkingGroup })));
const Drafts = lazy(() => import('./pages/drafts').then((m) => ({ default: m.Drafts })));
const Draft = lazy(() => import('./pages/draft').then((m) => ({ default: m.Draft })));
const Ballot = lazy(() => import('./pages/ballot').then((m) => ({ default: m.Ballot })));
const BallotPrint = lazy(() => import('./pages/ballot-print').then((m) => ({ default: m.BallotPrint })));
const Programs = lazy(() => import('./pages/programs').then((m) => ({ default: m.Programs })));
const Program = lazy(() => import('./pages/program').then((m) => ({ default: m.Program })));
const ProgramPrint = lazy(() => import('./pages/program-print').then((m) => ({ default: m.ProgramPrint })));
const Reports = lazy(() => import('./pages/reports').then((m) => ({ default: m.Reports })));
const Report = lazy(() => import('./pages/report').then((m) => ({ default: m.Report })));
const Activity = lazy(() => import('./pages/activity').then((m) => ({ default: m.Activity })));
// Asked only now and then: the dialog's code loads when first needed.
const ConfirmDialog = lazy(() =>
  import('./components/confirm-dialog').then((m) => ({ default: m.ConfirmDialog })),
);
const Chats = lazy(() => import('./pages/chats').then((m) => ({ default: m.Chats })));
const NotFound = lazy(() => import('./pages/not-found').then((m) => ({ default: m.NotFound })));

/** Each first page's component (`first-page/pages.ts` names them by module). */
const FIRST_PAGE_COMPONENTS = {
  meetings: Meetings,
  meeting: Meeting,
  programs: Programs,
  program: Program,
  ballot: Ballot,
  reports: Reports,
  report: Report,
} satisfies Record<FirstPageModule, { preload: () => Promise<unknown> }>;

/**
 * Loads the code of the first page at `pathname` (the HTML has already asked for it); on any other
 * page there is nothing to wait for. The entry renders once it is in, so the first frame has the page.
 */
export function firstPageCode(pathname: string): Promise<unknown> {
  const first = firstPageAt(pathname);
  return first ? FIRST_PAGE_COMPONENTS[first.page].preload() : Promise.resolve();
}

const LANGUAGES: readonly Language[] = ['ru', 'en'];

/** The value of a loading or failed async read as `undefined`, for places outside any error boundary. */
const settled = <T,>(read: () => T): T | undefined => {
  try {
    return read();
  } catch {
    return undefined;
  }
};

function Header() {
  const { t, language, setLanguage, errorText } = useI18n();
  const { session, person, can } = useSession();
  const navigate = useNavigate();
  const [leaving, setLeaving] = createSignal(false);
  // The confirmation for signing out everywhere; mounted once asked, so closing it returns the focus.
  const [askedEverywhere, setAskedEverywhere] = createSignal(false);
  const [confirmingEverywhere, setConfirmingEverywhere] = createSignal(false);
  const [everywhereError, setEverywhereError] = createSignal<unknown>();
  const signOut = async () => {
    setLeaving(true);
    try {
      await unwrap(client.api.session.logout.$post());
      navigate('/sign-in', { replace: true });
    } catch {
      // The server could not be reached: the session below tells whether the cookie still works.
    } finally {
      await revalidate(getSession.key);
      setLeaving(false);
    }
  };
  const askSignOutEverywhere = () => {
    setEverywhereError(undefined);
    setAskedEverywhere(true);
    setConfirmingEverywhere(true);
  };
  const signOutEverywhere = async () => {
    setLeaving(true);
    setEverywhereError(undefined);
    try {
      await unwrap(client.api.session['logout-all'].$post());
      setConfirmingEverywhere(false);
      navigate('/sign-in', { replace: true });
    } catch (error) {
      setEverywhereError(error);
    } finally {
      await revalidate(getSession.key);
      setLeaving(false);
    }
  };
  return (
    <header class="site-header">
      <div class="brand">
        <span class="brand-name">{t('app.name')}</span>
        <span class="brand-tagline">{t('app.tagline')}</span>
      </div>
      <Show when={settled(person)}>
        <nav aria-label={t('nav.label')} class="site-nav">
          <A href="/meetings">{t('nav.meetings')}</A>
          <Show when={can('people.read')}>
            <A href="/people">{t('nav.people')}</A>
          </Show>
          <Show when={can('groups.read')}>
            <A href="/working-groups">{t('nav.groups')}</A>
          </Show>
          <Show when={can('drafts.read')}>
            <A href="/drafts">{t('nav.drafts')}</A>
          </Show>
          <Show when={can('decisions.read')}>
            <A href="/decisions">{t('nav.register')}</A>
          </Show>
          <Show when={can('programs.read')}>
            <A href="/programs">{t('nav.programs')}</A>
          </Show>
          <Show when={can('reports.read')}>
            <A href="/reports">{t('nav.reports')}</A>
          </Show>
          <Show when={can('outbox.read')}>
            <A href="/deliveries">{t('nav.deliveries')}</A>
          </Show>
          <Show when={can('audit.read')}>
            <A href="/audit">{t('nav.audit')}</A>
          </Show>
          <Show when={can('sandbox.chats') && settled(session)?.chats}>
            <A href="/chats">{t('nav.chats')}</A>
          </Show>
        </nav>
      </Show>
      <div class="header-tools">
        <label class="language-switch">
          <span>{t('nav.language')}</span>
          <select
            value={language()}
            onChange={(e) => setLanguage(e.currentTarget.value === 'en' ? 'en' : 'ru')}
          >
            <For each={LANGUAGES}>
              {(code) => (
                <option value={code} lang={code}>
                  {t(code === 'en' ? 'language.en' : 'language.ru')}
                </option>
              )}
            </For>
          </select>
        </label>
        <Show when={settled(person)}>
          {(me) => (
            <div class="who">
              <span>
                {t('nav.signedInAs', { name: me().name })}
                <span class="who-roles">
                  {' '}
                  (
                  {me()
                    .roles.map((r) => t(ROLE_LABELS[r]))
                    .join(', ')}
                  )
                </span>
              </span>
              <button type="button" onClick={signOut} disabled={leaving()}>
                {t('nav.signOut')}
              </button>
              <button type="button" onClick={askSignOutEverywhere} disabled={leaving()}>
                {t('nav.signOutEverywhere')}
              </button>
            </div>
          )}
        </Show>
        <Show when={askedEverywhere()}>
          <ConfirmDialog
            open={confirmingEverywhere()}
            title={t('nav.signOutEverywhereTitle')}
            confirmLabel={t('nav.signOutEverywhere')}
            cancelLabel={t('nav.staySignedIn')}
            danger
            pending={leaving()}
            onConfirm={() => void signOutEverywhere()}
            onCancel={() => setConfirmingEverywhere(false)}
          >
            <p>{t('nav.signOutEverywhereText')}</p>
            <Show when={everywhereError()}>
              {(failure) => (
                <p class="field-error" role="alert">
                  {errorText(failure())}
                </p>
              )}
            </Show>
          </ConfirmDialog>
        </Show>
      </div>
    </header>
  );
}

/** Shows a page only to a signed-in person (the sign-in pages to anyone); sends others to sign in. */
function Gate(props: RouteSectionProps) {
  const { session } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  // The pages a signed-out visitor may see: signing in, and the bot's sign-in link.
  const open = () => location.pathname === '/sign-in' || location.pathname === '/login';
  createEffect(() => {
    const current = session();
    if (current && !current.person && !open())
      navigate(signInPath(location.pathname + location.search), { replace: true });
  });
  // The page is made at once, so its chunk and data load alongside the session; it is shown only
  // once the session allows. A signed-out visitor's reads are refused (401) and lead to signing in.
  const page = children(() => props.children);
  return <Show when={session() && (session()?.person || open())}>{page()}</Show>;
}

/** The frame around every page: header, navigation, language, who is signed in, and the page. */
function Layout(props: RouteSectionProps) {
  const { session } = useSession();
  // The first page's reads were made (rootPreload) before this renders: what they left is stale later.
  onMount(forgetFirstLoad);
  return (
    <I18nProvider person={settled(session)?.person}>
      <Frame {...props} />
    </I18nProvider>
  );
}

function Frame(props: RouteSectionProps) {
  const { t } = useI18n();
  const location = useLocation();
  // A printable page is the page alone: no header, no navigation.
  const printable = () => location.pathname.endsWith('/print');
  let main: HTMLElement | undefined;
  // Following a link moves the focus to the new page, as a full page load would: a screen reader
  // reads it from the top and the next Tab goes into it, not back through the navigation.
  createEffect(
    on(
      () => location.pathname,
      () => main?.focus({ preventScroll: true }),
      { defer: true },
    ),
  );
  return (
    <>
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Show when={!printable()}>
        <Header />
      </Show>
      <main id="main" tabindex="-1" ref={main}>
        <ErrorBoundary fallback={(error, reset) => <ErrorNotice error={error} reset={reset} />}>
          <Suspense fallback={<p class="loading">{t('app.loading')}</p>}>
            <Gate {...props} />
          </Suspense>
        </ErrorBoundary>
      </main>
    </>
  );
}

/**
 * Asks for the session and the first page's data before anything else, the page's code included:
 * the data keeps the server busiest, and the session (quickly answered) is then not behind it. The
 * layout and the page ask again when they are made and get the same requests from the query cache.
 */
function preloadFirstPage(args: RoutePreloadFuncArgs) {
  void getSession();
  for (const { route, params } of useCurrentMatches()()) route.preload?.({ ...args, params });
}

/** The dashboard's routes; each page's data starts loading as soon as its link is followed (or hovered). */
export function App() {
  return (
    <Router root={Layout} rootPreload={preloadFirstPage}>
      <Route path="/" component={() => <Navigate href="/meetings" />} />
      <Route path="/sign-in" component={SignIn} />
      <Route path="/login" component={Login} />
      <Route path="/meetings" component={Meetings} preload={() => void getMeetings()} />
      <Route path="/meetings/new" component={MeetingEditor} preload={() => void getStates()} />
      <Route
        path="/meetings/:id"
        component={Meeting}
        preload={({ params }) => void getMeeting(params.id ?? '')}
      />
      <Route
        path="/meetings/:id/edit"
        component={MeetingEditor}
        preload={({ params }) => {
          void getMeeting(params.id ?? '');
          void getStates();
        }}
      />
      <Route
        path="/people"
        component={People}
        preload={() => {
          void getPeople();
          void getCommission();
        }}
      />
      <Route path="/deliveries" component={Deliveries} preload={() => void getFailedOutbox()} />
      <Route path="/audit" component={Audit} preload={() => void getPeople()} />
      <Route path="/working-groups" component={WorkingGroups} preload={() => void getWorkingGroups()} />
      <Route path="/working-groups/:id" component={WorkingGroup} />
      <Route
        path="/decisions"
        component={Decisions}
        preload={() => {
          void getDecisions();
          void getStates();
        }}
      />
      <Route
        path="/drafts"
        component={Drafts}
        preload={() => {
          void getDrafts();
          void getBallots();
          void getDraftChoices();
        }}
      />
      <Route
        path="/drafts/:id"
        component={Draft}
        preload={({ params }) => {
          void getDraft(params.id ?? '');
          void getDraftChoices();
          void getStates();
        }}
      />
      <Route
        path="/ballots/:id"
        component={Ballot}
        preload={({ params }) => {
          void getBallot(params.id ?? '');
          void getStates();
        }}
      />
      <Route
        path="/ballots/:id/print"
        component={BallotPrint}
        preload={({ params }) => void getBallot(params.id ?? '')}
      />
      <Route path="/programs" component={Programs} preload={() => void getPrograms()} />
      <Route
        path="/programs/:id"
        component={Program}
        preload={({ params }) => void getProgram(params.id ?? '')}
      />
      <Route path="/programs/:id/activities/:activityId" component={Activity} />
      <Route
        path="/programs/:id/print"
        component={ProgramPrint}
        preload={({ params }) => void getProgram(params.id ?? '')}
      />
      <Route path="/reports" component={Reports} preload={() => void getReports()} />
      <Route
        path="/reports/:year"
        component={Report}
        preload={({ params }) => {
          void getReport(params.year ?? '');
          void getReportVersions(params.year ?? '');
        }}
      />
      <Route path="/chats" component={Chats} preload={() => void getSandboxChats()} />
      <Route path="*404" component={NotFound} />
    </Router>
  );
}
