import type { MemberStateCode, VoteChoice } from '@accord/domain';
import { A, createAsync, revalidate, useParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, createUniqueId, For, onCleanup, Show } from 'solid-js';
import { client, unwrap } from '../api';
import { ConfirmDialog } from '../components/confirm-dialog';
import { FailureNotice } from '../components/failure-notice';
import { Field } from '../components/field';
import { usePageTitle } from '../components/page-title';
import { useStateName } from '../components/state-name';
import { VoterSnapshot } from '../components/voter-snapshot';
import { type BallotSnapshot, getBallot, getBallots, getDraft, getDrafts, type VoteRow } from '../data';
import { useI18n } from '../i18n/context';
import {
  BALLOT_STATUS_LABELS,
  CHANNEL_LABELS,
  channelText,
  choiceLabel,
  DRAFT_KIND_LABELS,
  OUTCOME_LABELS,
  REMARK_LABELS,
  ruleText,
} from '../i18n/labels';
import { choicesFor, fractionText, fullTally, notVoted, votesByState } from '../lib/ballots';
import { instantFromLocal, localFromInstant } from '../lib/time-zones';
import { useSession } from '../session';

/** The snapshot the page shows: loaded first, then replaced by each one the server pushes, without a reload. */
function useLiveBallot(id: () => string) {
  const loaded = createAsync(() => getBallot(id()));
  const [pushed, setPushed] = createSignal<BallotSnapshot>();
  const [connected, setConnected] = createSignal(false);
  createEffect(() => {
    const ballotId = id();
    setPushed(undefined);
    const source = new EventSource(client.api.ballots[':id'].events.$path({ param: { id: ballotId } }));
    source.addEventListener('open', () => setConnected(true));
    source.addEventListener('error', () => setConnected(false));
    source.addEventListener('snapshot', (event) => {
      // The stream sends what GET /api/ballots/:id answers, by the same function on the server.
      const snapshot = JSON.parse((event as MessageEvent<string>).data) as BallotSnapshot;
      setPushed(snapshot);
      // Nothing changes after the close: stop listening.
      if (snapshot.ballot.status === 'closed') {
        source.close();
        setConnected(false);
      }
    });
    onCleanup(() => source.close());
  });
  const view = (): BallotSnapshot | undefined => pushed() ?? loaded();
  return { view, connected };
}

type Count = readonly [label: string, count: number];

function Tally(props: { view: BallotSnapshot }) {
  const { t } = useI18n();
  const rule = () => props.view.ballot.rule;
  // Under the silence procedure silence is assent: no quorum applies.
  const quorumKey = () =>
    rule().kind === 'silence'
      ? 'tally.noQuorum'
      : props.view.tally.quorumMet
        ? 'tally.quorumMet'
        : props.view.ballot.status === 'closed'
          ? 'tally.quorumWasNotMet'
          : 'tally.quorumNotMet';
  // The choices' counts and the silent ones only when the reader may see them; participation always.
  const counts = (): Count[] => {
    const full = fullTally(props.view.tally);
    const seen: Count[] = full
      ? [
          ...choicesFor(rule()).map((choice): Count => [choiceLabel(t, rule(), choice), full[choice]]),
          [t('tally.silent'), full.silent],
        ]
      : [];
    return [
      ...seen,
      [t('tally.participating'), props.view.tally.participating],
      [t('tally.eligible'), props.view.tally.eligible],
    ];
  };
  return (
    <div aria-live="polite" aria-atomic="true">
      <dl class="counts">
        <For each={counts()}>
          {([label, count]) => (
            <div class="count">
              <dt>{label}</dt>
              <dd>{count}</dd>
            </div>
          )}
        </For>
      </dl>
      <p>
        {t(quorumKey(), {
          quorum: fractionText(props.view.ballot.quorum, t('tally.moreThan')),
        })}
      </p>
    </div>
  );
}

function VotesTable(props: { view: BallotSnapshot }) {
  const { t, dateTimeShort } = useI18n();
  const stateName = useStateName();
  const rows = createMemo(() => votesByState(props.view.ballot.eligibleStates, props.view.votes));
  const cast = (vote: VoteRow) =>
    `${choiceLabel(t, props.view.ballot.rule, vote.choice)} · ${channelText(t, vote.channel)}${
      vote.reference ? ` (${vote.reference})` : ''
    } · ${dateTimeShort(vote.castAt)}`;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('ballot.state')}</th>
            <th scope="col">{t('ballot.vote')}</th>
            <th scope="col">{t('ballot.channel')}</th>
            <th scope="col">{t('ballot.castBy')}</th>
            <th scope="col">{t('ballot.castAt')}</th>
            <th scope="col">{t('ballot.remarks')}</th>
            <th scope="col">{t('ballot.history')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={rows()}>
            {(row) => (
              <tr>
                <th scope="row">{stateName(row.stateCode)}</th>
                <Show
                  when={row.live}
                  fallback={
                    <td colspan="5">
                      <span class="pill pill-answer-none">{t('ballot.notVoted')}</span>
                    </td>
                  }
                >
                  {(vote) => (
                    <>
                      <td>
                        <span class={`pill pill-choice-${vote().choice}`}>
                          {choiceLabel(t, props.view.ballot.rule, vote().choice)}
                        </span>
                      </td>
                      <td>
                        {channelText(t, vote().channel)}
                        <Show when={vote().reference}>
                          {(reference) => <span class="muted small block">{reference()}</span>}
                        </Show>
                      </td>
                      <td>{vote().castBy ?? t('common.none')}</td>
                      <td>{dateTimeShort(vote().castAt)}</td>
                      <td>
                        <Show when={vote().comment} fallback={t('common.none')}>
                          {(comment) => (
                            <>
                              <Show when={vote().remarkKind}>
                                {(kind) => <strong>{t(REMARK_LABELS[kind()])}: </strong>}
                              </Show>
                              {comment()}
                            </>
                          )}
                        </Show>
                      </td>
                    </>
                  )}
                </Show>
                <td>
                  <Show when={row.history.length > 1} fallback={t('common.none')}>
                    <ol class="vote-history">
                      <For each={row.history}>
                        {(vote) => (
                          <li classList={{ superseded: !vote.live }}>
                            <Show when={!vote.live} fallback={cast(vote)}>
                              <s>{cast(vote)}</s> <span class="muted small">({t('ballot.superseded')})</span>
                            </Show>
                          </li>
                        )}
                      </For>
                    </ol>
                  </Show>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

/** The secretary's form for a state's vote given in the room or by official letter. */
function RecordVoteForm(props: { view: BallotSnapshot; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const stateName = useStateName();
  const [failure, setFailure] = createSignal<unknown>();
  const [saving, setSaving] = createSignal(false);
  const base = createUniqueId();
  const id = (name: string) => `${base}-${name}`;
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    const stateCode = String(form.get('state'));
    setSaving(true);
    setFailure(undefined);
    try {
      await unwrap(
        client.api.ballots[':id'].votes.$post({
          param: { id: String(props.view.ballot.id) },
          json: {
            // The selects offer only the ballot's states, the rule's choices and the two channels.
            stateCode: stateCode as MemberStateCode,
            choice: String(form.get('choice')) as VoteChoice,
            channel: form.get('channel') === 'room' ? 'room' : 'letter',
            reference: String(form.get('reference') ?? ''),
            comment: String(form.get('comment') ?? ''),
            remarkKind: form.get('remarkKind') === 'reservation' ? 'reservation' : 'comment',
          },
        }),
      );
      formElement.reset();
      props.onDone(t('ballot.recorded', { state: stateName(stateCode) }));
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <form class="panel" onSubmit={submit} aria-labelledby={id('heading')}>
      <h3 id={id('heading')}>{t('ballot.recordTitle')}</h3>
      <p class="hint">{t('ballot.recordHint')}</p>
      <Show when={failure()}>{(error) => <FailureNotice error={error()} />}</Show>
      <div class="field-row">
        <Field id={id('state')} label={t('ballot.state')}>
          {() => (
            <select id={id('state')} name="state" required>
              <For each={props.view.ballot.eligibleStates}>
                {(code) => <option value={code}>{stateName(code)}</option>}
              </For>
            </select>
          )}
        </Field>
        <Field id={id('choice')} label={t('ballot.vote')}>
          {() => (
            <select id={id('choice')} name="choice" required>
              <For each={choicesFor(props.view.ballot.rule)}>
                {(choice) => <option value={choice}>{choiceLabel(t, props.view.ballot.rule, choice)}</option>}
              </For>
            </select>
          )}
        </Field>
        <Field id={id('channel')} label={t('ballot.channel')}>
          {() => (
            <select id={id('channel')} name="channel" required>
              <option value="letter">{t(CHANNEL_LABELS.letter)}</option>
              <option value="room">{t(CHANNEL_LABELS.room)}</option>
            </select>
          )}
        </Field>
      </div>
      <Field id={id('reference')} label={t('ballot.reference')} hint={t('ballot.referenceHint')}>
        {(describedBy) => (
          <input
            id={id('reference')}
            name="reference"
            required
            maxLength={200}
            aria-describedby={describedBy}
          />
        )}
      </Field>
      <Field id={id('comment')} label={t('ballot.comment')}>
        {() => <textarea id={id('comment')} name="comment" rows={2} maxLength={2000} />}
      </Field>
      <Field id={id('remarkKind')} label={t('ballot.remarkKind')}>
        {() => (
          <select id={id('remarkKind')} name="remarkKind">
            <option value="comment">{t('ballot.remarkComment')}</option>
            <option value="reservation">{t('ballot.remarkReservation')}</option>
          </select>
        )}
      </Field>
      <button type="submit" class="button-primary" disabled={saving()} aria-busy={saving()}>
        {t('ballot.record')}
      </button>
    </form>
  );
}

/** Close now (asks first), move the deadline, remind those who have not voted. */
function BallotControls(props: { view: BallotSnapshot; onDone: (message: string) => void }) {
  const { t, zone } = useI18n();
  const [asking, setAsking] = createSignal(false);
  const [pending, setPending] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>();
  const base = createUniqueId();
  const id = (name: string) => `${base}-${name}`;
  const ballotId = () => String(props.view.ballot.id);
  const act = async (work: () => Promise<string>) => {
    setPending(true);
    setFailure(undefined);
    try {
      const message = await work();
      setAsking(false);
      props.onDone(message);
    } catch (error) {
      setAsking(false);
      setFailure(error);
    } finally {
      setPending(false);
    }
  };
  const close = () =>
    act(async () => {
      const { outcome } = await unwrap(client.api.ballots[':id'].close.$post({ param: { id: ballotId() } }));
      return t('ballot.closed', { outcome: t(OUTCOME_LABELS[outcome]) });
    });
  const extend = (event: SubmitEvent) => {
    event.preventDefault();
    const local = String(new FormData(event.currentTarget as HTMLFormElement).get('closesLocal') ?? '');
    void act(async () => {
      const closesAt = instantFromLocal(local, props.view.ballot.timeZone);
      await unwrap(client.api.ballots[':id'].extend.$post({ param: { id: ballotId() }, json: { closesAt } }));
      return t('ballot.extended');
    });
  };
  const nudge = () =>
    act(async () => {
      const { nudged } = await unwrap(client.api.ballots[':id'].nudge.$post({ param: { id: ballotId() } }));
      return t('ballot.nudged', { count: nudged });
    });
  return (
    <section class="panel" aria-labelledby={id('heading')}>
      <h2 id={id('heading')}>{t('ballot.controls')}</h2>
      <Show when={failure()}>{(error) => <FailureNotice error={error()} />}</Show>
      <div class="actions">
        <button type="button" onClick={() => void nudge()} disabled={pending()}>
          {t('ballot.nudge')}
        </button>
        <button type="button" class="button-danger" onClick={() => setAsking(true)} disabled={pending()}>
          {t('ballot.closeNow')}
        </button>
      </div>
      <form class="extend-form" onSubmit={extend}>
        <Field
          id={id('closes')}
          label={t('ballot.newClose')}
          hint={t('ballot.newCloseHint', { zone: zone(props.view.ballot.timeZone) })}
        >
          {(describedBy) => (
            <input
              id={id('closes')}
              name="closesLocal"
              type="datetime-local"
              required
              value={localFromInstant(props.view.ballot.closesAt, props.view.ballot.timeZone)}
              aria-describedby={describedBy}
            />
          )}
        </Field>
        <button type="submit" disabled={pending()}>
          {t('ballot.extend')}
        </button>
      </form>
      <ConfirmDialog
        open={asking()}
        title={t('ballot.closeTitle')}
        confirmLabel={t('ballot.closeNow')}
        cancelLabel={t('common.cancel')}
        danger
        pending={pending()}
        onConfirm={() => void close()}
        onCancel={() => setAsking(false)}
      >
        <p>{t('ballot.closeText')}</p>
      </ConfirmDialog>
    </section>
  );
}

/** One ballot, live: the tally by state as votes arrive, who has not voted, each vote's history, and the secretary's controls. */
export function Ballot() {
  const params = useParams();
  const { t, dateTime, timeZone, zone } = useI18n();
  const { can } = useSession();
  const { view, connected } = useLiveBallot(() => params.id ?? '');
  const stateName = useStateName();
  const [done, setDone] = createSignal('');
  let status: HTMLParagraphElement | undefined;
  const ids = { tally: createUniqueId(), votes: createUniqueId(), remarks: createUniqueId() };
  usePageTitle(() => view()?.draft.title ?? t('ballots.title'));

  const finished = async (message: string) => {
    const v = view();
    // The stream brings the votes; the lists elsewhere are refreshed for when the reader goes back.
    await revalidate([
      getBallot.keyFor(params.id ?? ''),
      getBallots.key,
      getDrafts.key,
      ...(v ? [getDraft.keyFor(String(v.draft.id))] : []),
    ]);
    setDone(message);
    status?.focus();
  };
  const remarks = () => (view()?.votes ?? []).filter((v) => v.comment);

  return (
    <div class="page">
      <p class="breadcrumb">
        <A href="/drafts">{t('drafts.title')}</A>
      </p>
      <Show when={view()}>
        {(v) => (
          <>
            <div class="page-head">
              <h1>{v().draft.title}</h1>
              <span class={`badge badge-ballot-${v().ballot.status}`}>
                {t(BALLOT_STATUS_LABELS[v().ballot.status])}
              </span>
            </div>
            <p class="muted">
              {t(DRAFT_KIND_LABELS[v().draft.kind])} ·{' '}
              <A href={`/drafts/${v().draft.id}`}>
                {t('ballot.draftLink', { version: v().ballot.draftVersion })}
              </A>
              {' · '}
              {ruleText(t, v().ballot.rule)}
            </p>
            <p
              ref={status}
              tabindex="-1"
              role="status"
              class={done() ? 'notice notice-success' : 'visually-hidden'}
            >
              {done()}
            </p>
            <dl class="facts">
              <dt>{t('ballot.opens')}</dt>
              <dd>{dateTime(v().ballot.opensAt, v().ballot.timeZone)}</dd>
              <dt>{t('ballot.closes')}</dt>
              <dd>
                {dateTime(v().ballot.closesAt, v().ballot.timeZone)}
                <Show when={v().ballot.timeZone !== timeZone()}>
                  <span class="muted small block">{dateTime(v().ballot.closesAt)}</span>
                </Show>
              </dd>
              <Show when={v().ballot.closedAt}>
                {(closedAt) => (
                  <>
                    <dt>{t('ballot.closedAt')}</dt>
                    <dd>{dateTime(closedAt())}</dd>
                  </>
                )}
              </Show>
              <dt>{t('ballot.outcome')}</dt>
              <dd>
                <Show when={v().ballot.outcome} fallback={t('ballot.noOutcomeYet')}>
                  {(outcome) => (
                    <strong class={`outcome outcome-${outcome()}`}>{t(OUTCOME_LABELS[outcome()])}</strong>
                  )}
                </Show>
              </dd>
            </dl>
            <Show when={v().ballot.resultsHidden}>
              <p class="notice">
                {t(v().resultsWithheld ? 'ballot.hiddenFromYou' : 'ballot.hiddenFromOthers')}
              </p>
            </Show>

            <section aria-labelledby={ids.tally}>
              <h2 id={ids.tally}>{t('ballot.tally')}</h2>
              <Show when={v().ballot.status === 'open'}>
                <p class="muted" classList={{ 'live-on': connected() }}>
                  {t(connected() ? 'ballot.live' : 'ballot.connecting')}
                </p>
              </Show>
              <Tally view={v()} />
            </section>

            <Show when={!v().resultsWithheld}>
              <section aria-labelledby={ids.votes}>
                <h2 id={ids.votes}>{t('ballot.byState')}</h2>
                <p>
                  <Show
                    when={notVoted(v().ballot.eligibleStates, v().votes).length > 0}
                    fallback={t('ballot.allVoted')}
                  >
                    {t(v().ballot.status === 'closed' ? 'ballot.didNotVote' : 'ballot.notYetVoted', {
                      states: notVoted(v().ballot.eligibleStates, v().votes).map(stateName).join(', '),
                    })}
                  </Show>
                </p>
                <p class="muted">{t('meetings.timesIn', { zone: zone(timeZone()) })}</p>
                <VotesTable view={v()} />
              </section>
              <section aria-labelledby={ids.remarks}>
                <h2 id={ids.remarks}>{t('ballot.remarksTitle')}</h2>
                <Show when={remarks().length > 0} fallback={<p class="muted">{t('ballot.noRemarks')}</p>}>
                  <ul class="remarks">
                    <For each={remarks()}>
                      {(vote) => (
                        <li classList={{ superseded: !vote.live }}>
                          <strong>{stateName(vote.stateCode)}</strong>
                          <Show when={vote.remarkKind}>{(kind) => <> · {t(REMARK_LABELS[kind()])}</>}</Show>
                          <Show when={!vote.live}> ({t('ballot.superseded')})</Show>: {vote.comment}
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </section>
            </Show>

            <VoterSnapshot view={v()} />

            <div class="actions">
              <Show when={!v().resultsWithheld}>
                <a
                  class="button"
                  href={client.api.ballots[':id']['results.csv'].$path({
                    param: { id: String(v().ballot.id) },
                  })}
                  download={`accord-ballot-${v().ballot.id}.csv`}
                >
                  {t('ballot.exportCsv')}
                </a>
              </Show>
              <A class="button" href={`/ballots/${v().ballot.id}/print`}>
                {t('ballot.print')}
              </A>
            </div>

            <Show when={can('ballots.run') && v().ballot.status === 'open'}>
              <RecordVoteForm view={v()} onDone={(message) => void finished(message)} />
              <BallotControls view={v()} onDone={(message) => void finished(message)} />
            </Show>
          </>
        )}
      </Show>
    </div>
  );
}
