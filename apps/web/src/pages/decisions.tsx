import type { MemberStateCode, ResponseStatus } from '@accord/domain';
import { createAsync, revalidate } from '@solidjs/router';
import { createSignal, createUniqueId, For, Index, Show } from 'solid-js';
import { client, unwrap } from '../api';
import { usePageTitle } from '../components/page-title';
import { type DecisionView, getDecisions, getStates, type StateView } from '../data';
import { useI18n } from '../i18n/context';
import { DECISION_KIND_LABELS, RESPONSE_STATUS_LABELS, VOTE_LABELS } from '../i18n/labels';
import {
  formatCalendarDate,
  isSettled,
  RESPONSE_STATUSES,
  responseDates,
  voteSummary,
} from '../lib/decisions';
import { useSession } from '../session';

/** The secretary records a change of one state's response: status, the date of the letter or act, a note. */
function ResponseForm(props: { decision: DecisionView; states: readonly StateView[] }) {
  const { t, errorText, timeZone, language } = useI18n();
  const [error, setError] = createSignal<unknown>();
  const [saved, setSaved] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const ids = {
    heading: createUniqueId(),
    state: createUniqueId(),
    status: createUniqueId(),
    date: createUniqueId(),
    dateHint: createUniqueId(),
    note: createUniqueId(),
  };
  const stateName = (s: StateView) => (language() === 'ru' ? s.nameRu : s.nameEn);
  // The date is read in the chosen state's calendar, as the API reads it: until the secretary picks
  // one, it is today there, and it follows the state chosen (the first one until another is; the
  // states may arrive after the form).
  const [stateCode, setStateCode] = createSignal<MemberStateCode>();
  const [pickedDate, setPickedDate] = createSignal<string>();
  const dates = () => {
    const chosen = stateCode() ?? props.states[0]?.code;
    const zone = props.states.find((s) => s.code === chosen)?.timeZone ?? timeZone();
    return responseDates(props.decision.adoptedAt, zone);
  };
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    const state = props.states.find((s) => s.code === form.get('state'));
    const status = RESPONSE_STATUSES.find((s) => s === form.get('status'));
    if (!state || !status) return;
    setError(undefined);
    setSaved('');
    setBusy(true);
    try {
      await unwrap(
        client.api.decisions[':id'].responses[':stateCode'].$put({
          param: { id: String(props.decision.id), stateCode: state.code },
          json: {
            status,
            date: String(form.get('date') ?? ''),
            note: String(form.get('note') ?? ''),
            correction: form.get('correction') === 'on',
          },
        }),
      );
      await revalidate(getDecisions.key);
      setSaved(t('register.saved', { state: stateName(state), status: t(RESPONSE_STATUS_LABELS[status]) }));
      (formElement.elements.namedItem('note') as HTMLTextAreaElement).value = '';
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="panel" aria-labelledby={ids.heading} onSubmit={submit}>
      <h3 id={ids.heading}>{t('register.recordFor', { number: props.decision.registerNumber })}</h3>
      <Show when={error()}>
        {(failure) => (
          <p class="notice notice-error" role="alert">
            {errorText(failure())}
          </p>
        )}
      </Show>
      <p class="notice notice-success" role="status" hidden={saved() === ''}>
        {saved()}
      </p>
      <div class="field-row">
        <div class="field">
          <label for={ids.state}>{t('register.state')}</label>
          <select
            id={ids.state}
            name="state"
            required
            onChange={(e) => setStateCode(e.currentTarget.value as MemberStateCode)}
          >
            <For each={props.states}>{(s) => <option value={s.code}>{stateName(s)}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for={ids.status}>{t('register.status')}</label>
          <select id={ids.status} name="status" required>
            <For each={RESPONSE_STATUSES}>
              {(status) => <option value={status}>{t(RESPONSE_STATUS_LABELS[status])}</option>}
            </For>
          </select>
        </div>
        <div class="field">
          <label for={ids.date}>{t('register.date')}</label>
          <input
            id={ids.date}
            name="date"
            type="date"
            required
            min={dates().min}
            max={dates().max}
            value={pickedDate() ?? dates().max}
            onInput={(e) => setPickedDate(e.currentTarget.value)}
            aria-describedby={ids.dateHint}
          />
          <p class="hint" id={ids.dateHint}>
            {t('register.dateHint')}
          </p>
        </div>
      </div>
      <div class="field">
        <label for={ids.note}>{t('register.note')}</label>
        <textarea id={ids.note} name="note" rows={2} maxLength={2000} />
      </div>
      <div class="field">
        <label class="checkbox">
          <input type="checkbox" name="correction" />
          {t('register.correction')}
        </label>
      </div>
      <button type="submit" class="button-primary" disabled={busy()}>
        {busy() ? t('common.working') : t('register.save')}
      </button>
    </form>
  );
}

/** One entry of the register: the text adopted, the vote by state, and each government's response with its history. */
function DecisionEntry(props: { decision: DecisionView; states: readonly StateView[] }) {
  const { t, date, locale, language } = useI18n();
  const { can } = useSession();
  const headingId = createUniqueId();
  const stateName = (code: MemberStateCode) => {
    const state = props.states.find((s) => s.code === code);
    return state ? (language() === 'ru' ? state.nameRu : state.nameEn) : code;
  };
  const statusText = (status: ResponseStatus) => t(RESPONSE_STATUS_LABELS[status]);
  return (
    <section class="panel" id={`decision-${props.decision.id}`} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('register.entry', {
          kind: t(DECISION_KIND_LABELS[props.decision.kind]),
          number: props.decision.registerNumber,
        })}
        {' — '}
        {props.decision.title}
      </h2>
      <p class="muted">{t('register.adoptedOn', { date: date(props.decision.adoptedAt) })}</p>
      <details>
        <summary>{t('register.text')}</summary>
        <div class="decision-text">{props.decision.text}</div>
      </details>
      <h3>{t('register.votesByState')}</h3>
      <ul class="inline-list">
        <For each={props.decision.votes}>
          {(vote) => (
            <li>
              {stateName(vote.stateCode)}: {vote.choice ? t(VOTE_LABELS[vote.choice]) : t('vote.none')}
            </li>
          )}
        </For>
      </ul>
      <h3>{t('register.responsesByState')}</h3>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('register.state')}</th>
              <th scope="col">{t('register.status')}</th>
              <th scope="col">{t('register.date')}</th>
              <th scope="col">{t('register.note')}</th>
              <th scope="col">{t('register.history')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.decision.responses}>
              {(response) => (
                <tr>
                  <th scope="row">{stateName(response.stateCode)}</th>
                  <td classList={{ 'text-warning': !isSettled(response.current?.status) }}>
                    {response.current ? statusText(response.current.status) : t('register.noResponse')}
                  </td>
                  <td>
                    {response.current
                      ? formatCalendarDate(response.current.date, locale())
                      : t('common.none')}
                  </td>
                  <td>{response.current?.note || t('common.none')}</td>
                  <td>
                    <Show when={response.history.length > 0} fallback={t('common.none')}>
                      <details>
                        <summary>{t('register.historyCount', { count: response.history.length })}</summary>
                        <ol>
                          <For each={response.history}>
                            {(entry) => (
                              <li>
                                {t('register.historyLine', {
                                  date: formatCalendarDate(entry.date, locale()),
                                  status: statusText(entry.status),
                                  name: entry.updatedByName ?? t('common.none'),
                                })}
                                <Show when={entry.correction}> {t('register.correctionMark')}</Show>
                                <Show when={entry.note}> — {entry.note}</Show>
                              </li>
                            )}
                          </For>
                        </ol>
                      </details>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <Show when={can('decisions.track')}>
        <ResponseForm decision={props.decision} states={props.states} />
      </Show>
    </section>
  );
}

/** The register of adopted recommendations and decisions; the secretary tracks each government's response. */
export function Decisions() {
  const { t, date, language } = useI18n();
  const decisions = createAsync(() => getDecisions());
  const states = createAsync(() => getStates());
  usePageTitle(() => t('register.title'));
  return (
    <div class="page wide">
      <h1>{t('register.title')}</h1>
      <p class="muted">{t('register.intro')}</p>
      <Show when={(decisions() ?? []).length > 0} fallback={<p class="muted">{t('register.none')}</p>}>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('register.number')}</th>
                <th scope="col">{t('register.adopted')}</th>
                <th scope="col">{t('register.kind')}</th>
                <th scope="col">{t('register.titleColumn')}</th>
                <th scope="col">{t('register.directions')}</th>
                <th scope="col">{t('register.vote')}</th>
                <th scope="col">{t('register.responses')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={decisions()}>
                {(d) => {
                  const votes = () => voteSummary(d.votes);
                  return (
                    <tr>
                      <th scope="row">
                        <a href={`#decision-${d.id}`}>{d.registerNumber}</a>
                      </th>
                      <td>{date(d.adoptedAt)}</td>
                      <td>{t(DECISION_KIND_LABELS[d.kind])}</td>
                      <td>{d.title}</td>
                      <td>
                        {d.directions.map((x) => (language() === 'ru' ? x.titleRu : x.titleEn)).join('; ') ||
                          t('common.none')}
                      </td>
                      <td>{t('register.voteSummary', votes())}</td>
                      <td class="number">
                        {t('register.answered', {
                          count: d.responses.filter((r) => isSettled(r.current?.status)).length,
                          total: d.responses.length,
                        })}
                      </td>
                    </tr>
                  );
                }}
              </For>
            </tbody>
          </table>
        </div>
        {/* By position, not identity: a save reloads the register, and the entry (with its form's message) stays. */}
        <Index each={decisions()}>{(d) => <DecisionEntry decision={d()} states={states() ?? []} />}</Index>
      </Show>
    </div>
  );
}
