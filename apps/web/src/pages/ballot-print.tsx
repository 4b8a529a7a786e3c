import { A, createAsync, useParams } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { usePageTitle } from '../components/page-title';
import { useStateName } from '../components/state-name';
import { VoterSnapshot } from '../components/voter-snapshot';
import { type BallotSnapshot, getBallot } from '../data';
import { useI18n } from '../i18n/context';
import {
  channelText,
  choiceLabel,
  DRAFT_KIND_LABELS,
  OUTCOME_LABELS,
  REMARK_LABELS,
  ruleText,
} from '../i18n/labels';
import { fractionText, fullTally, votesByState } from '../lib/ballots';

/** The ballot's results on paper: what was voted on, the rule, each state's vote and the outcome; no navigation. */
export function BallotPrint() {
  const params = useParams();
  const { t, dateTime } = useI18n();
  const stateName = useStateName();
  const loaded = createAsync(() => getBallot(params.id ?? ''));
  // The same snapshot the ballot's page shows; its agreed optional fields may be absent.
  const view = (): BallotSnapshot | undefined => loaded();
  const rows = createMemo(() => {
    const v = view();
    return v ? votesByState(v.ballot.eligibleStates, v.votes) : [];
  });
  usePageTitle(() => t('print.title', { title: view()?.draft.title ?? '' }));
  return (
    <div class="page print-page">
      <p class="no-print actions">
        <A href={`/ballots/${params.id ?? ''}`}>{t('print.back')}</A>
        <button type="button" class="button-primary" onClick={() => window.print()}>
          {t('print.print')}
        </button>
      </p>
      <Show when={view()}>
        {(v) => (
          <>
            <h1>{t('print.title', { title: v().draft.title })}</h1>
            <dl class="facts">
              <dt>{t('drafts.kind')}</dt>
              <dd>{t(DRAFT_KIND_LABELS[v().draft.kind])}</dd>
              <dt>{t('ballot.draftVersion')}</dt>
              <dd>{t('draft.versionN', { version: v().ballot.draftVersion })}</dd>
              <dt>{t('vote.rule')}</dt>
              <dd>{ruleText(t, v().ballot.rule)}</dd>
              <dt>{t('vote.quorum')}</dt>
              <dd>
                {v().ballot.rule.kind === 'silence'
                  ? t('tally.noQuorum')
                  : fractionText(v().ballot.quorum, t('tally.moreThan'))}
              </dd>
              <dt>{t('ballot.opens')}</dt>
              <dd>{dateTime(v().ballot.opensAt, v().ballot.timeZone)}</dd>
              <dt>{t(v().ballot.closedAt ? 'ballot.closedAt' : 'ballot.closes')}</dt>
              <dd>{dateTime(v().ballot.closedAt ?? v().ballot.closesAt, v().ballot.timeZone)}</dd>
              <dt>{t('ballot.outcome')}</dt>
              <dd>
                <strong>
                  {v().ballot.outcome
                    ? t(OUTCOME_LABELS[v().ballot.outcome ?? 'adopted'])
                    : t('ballot.noOutcomeYet')}
                </strong>
              </dd>
            </dl>
            <Show when={fullTally(v().tally)} fallback={<p>{t('ballot.hiddenFromYou')}</p>}>
              {(tally) => (
                <>
                  <p>
                    {choiceLabel(t, v().ballot.rule, 'for')}: {tally().for} ·{' '}
                    {choiceLabel(t, v().ballot.rule, 'against')}: {tally().against}
                    <Show when={v().ballot.rule.kind !== 'silence'}>
                      {' · '}
                      {choiceLabel(t, v().ballot.rule, 'abstain')}: {tally().abstain}
                    </Show>
                    {' · '}
                    {t('tally.silent')}: {tally().silent} · {t('tally.eligible')}: {tally().eligible}
                  </p>
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t('ballot.state')}</th>
                        <th scope="col">{t('ballot.vote')}</th>
                        <th scope="col">{t('ballot.channel')}</th>
                        <th scope="col">{t('ballot.castAt')}</th>
                        <th scope="col">{t('ballot.remarks')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={rows()}>
                        {(row) => (
                          <tr>
                            <th scope="row">{stateName(row.stateCode)}</th>
                            <td>
                              {row.live
                                ? choiceLabel(t, v().ballot.rule, row.live.choice)
                                : t('ballot.notVoted')}
                            </td>
                            <td>
                              {row.live ? channelText(t, row.live.channel) : ''}
                              {row.live?.reference ? ` (${row.live.reference})` : ''}
                            </td>
                            <td>{row.live ? dateTime(row.live.castAt) : ''}</td>
                            <td>
                              <Show when={row.live?.remarkKind}>
                                {(kind) => <strong>{t(REMARK_LABELS[kind()])}: </strong>}
                              </Show>
                              {row.live?.comment ?? ''}
                            </td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </>
              )}
            </Show>
            <VoterSnapshot view={v()} />
            <p class="muted small">{t('print.printedAt', { when: dateTime(new Date().toISOString()) })}</p>
          </>
        )}
      </Show>
    </div>
  );
}
