import type { BallotRule, MemberStateCode } from '@accord/domain';
import { A, createAsync, revalidate, useNavigate, useParams } from '@solidjs/router';
import { createMemo, createSignal, createUniqueId, For, Show } from 'solid-js';
import { client, isApiError, unwrap } from '../api';
import { ConfirmDialog } from '../components/confirm-dialog';
import { DraftAttachments } from '../components/draft-attachments';
import { FailureNotice } from '../components/failure-notice';
import { Field } from '../components/field';
import { ItemSignOff, signOffClear } from '../components/item-sign-off';
import { usePageTitle } from '../components/page-title';
import {
  type DraftDetail,
  getBallots,
  getCommission,
  getDraft,
  getDraftChoices,
  getDraftDiff,
  getDrafts,
  getItemSignOffs,
  getStates,
} from '../data';
import { useI18n } from '../i18n/context';
import { browserTimeZone } from '../i18n/format';
import {
  BALLOT_STATUS_LABELS,
  DRAFT_KIND_LABELS,
  DRAFT_STATUS_LABELS,
  OUTCOME_LABELS,
  RULE_LABELS,
} from '../i18n/labels';
import { ruleFrom } from '../lib/ballots';
import { fieldErrors } from '../lib/field-errors';
import { timeZoneOptions } from '../lib/time-zones';
import { useSession } from '../session';

type Draft = DraftDetail['draft'];

/** The ballot form's fields that show the API's complaint beside them; others go to the summary. */
const BALLOT_FIELDS = ['opensLocal', 'closesLocal', 'timeZone'] as const;

/** The text as written. Shown as preformatted Markdown source: no HTML is made from it, so nothing in it can run. */
function DraftText(props: { text: string }) {
  return <pre class="draft-text">{props.text}</pre>;
}

/** Saving an edit as a new version; the API refuses while the draft is in a ballot or decided. */
function EditForm(props: { draft: Draft; onSaved: (message: string) => void }) {
  const { t, issueText } = useI18n();
  const [failure, setFailure] = createSignal<unknown>();
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [saving, setSaving] = createSignal(false);
  const base = createUniqueId();
  const id = (name: string) => `${base}-${name}`;
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setSaving(true);
    setFailure(undefined);
    setErrors({});
    try {
      const { draft } = await unwrap(
        client.api.drafts[':id'].$put({
          param: { id: String(props.draft.id) },
          json: { title: String(form.get('title') ?? ''), text: String(form.get('text') ?? '') },
        }),
      );
      props.onSaved(t('draft.saved', { version: draft?.currentVersion ?? '' }));
    } catch (error) {
      setFailure(error);
      if (isApiError(error)) setErrors(fieldErrors(error.details, issueText));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form class="panel" onSubmit={submit} aria-labelledby={id('heading')}>
      <h2 id={id('heading')}>{t('draft.edit')}</h2>
      <p class="hint">{t('draft.editHint')}</p>
      <Show when={failure()}>{(error) => <FailureNotice error={error()} fields={['title', 'text']} />}</Show>
      <Field id={id('title')} label={t('drafts.titleField')} error={errors().title}>
        {(describedBy) => (
          <input
            id={id('title')}
            name="title"
            required
            maxLength={300}
            value={props.draft.title}
            aria-describedby={describedBy}
          />
        )}
      </Field>
      <Field id={id('text')} label={t('drafts.text')} hint={t('drafts.textHint')} error={errors().text}>
        {(describedBy) => (
          <textarea
            id={id('text')}
            name="text"
            required
            rows={12}
            maxLength={100_000}
            class="draft-source"
            value={props.draft.text}
            aria-describedby={describedBy}
          />
        )}
      </Field>
      <button type="submit" class="button-primary" disabled={saving()} aria-busy={saving()}>
        {t('draft.saveVersion')}
      </button>
    </form>
  );
}

/** Every version, and what changed between any two of them (the API's line diff). */
function History(props: { draftId: string; versions: DraftDetail['versions'] }) {
  const { t, dateTimeShort } = useI18n();
  const latest = () => props.versions.at(-1)?.version ?? 1;
  // Until the reader picks versions, the diff follows the two latest (also after a new save).
  const [fromChoice, setFrom] = createSignal<string>();
  const [toChoice, setTo] = createSignal<string>();
  const from = () => fromChoice() ?? String(Math.max(1, latest() - 1));
  const to = () => toChoice() ?? String(latest());
  const diff = createAsync(async () =>
    props.versions.length > 1 ? getDraftDiff(props.draftId, from(), to()) : undefined,
  );
  const base = createUniqueId();
  const id = (name: string) => `${base}-${name}`;
  const options = () => props.versions.map((v) => String(v.version));
  return (
    <section aria-labelledby={id('heading')}>
      <h2 id={id('heading')}>{t('draft.history')}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('drafts.version')}</th>
              <th scope="col">{t('drafts.titleField')}</th>
              <th scope="col">{t('draft.savedAt')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={[...props.versions].reverse()}>
              {(version) => (
                <tr>
                  <td class="number">{version.version}</td>
                  <th scope="row">{version.title}</th>
                  <td>{dateTimeShort(version.createdAt)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <Show when={props.versions.length > 1}>
        <h3>{t('draft.changes')}</h3>
        <div class="field-row">
          <div class="field">
            <label for={id('from')}>{t('draft.from')}</label>
            <select id={id('from')} value={from()} onChange={(e) => setFrom(e.currentTarget.value)}>
              <For each={options()}>
                {(v) => <option value={v}>{t('draft.versionN', { version: v })}</option>}
              </For>
            </select>
          </div>
          <div class="field">
            <label for={id('to')}>{t('draft.to')}</label>
            <select id={id('to')} value={to()} onChange={(e) => setTo(e.currentTarget.value)}>
              <For each={options()}>
                {(v) => <option value={v}>{t('draft.versionN', { version: v })}</option>}
              </For>
            </select>
          </div>
        </div>
        <Show when={diff()}>
          {(d) => (
            <>
              <Show when={d().titleChanged}>
                <p class="notice">{t('draft.titleChanged')}</p>
              </Show>
              <pre class="diff">
                <For each={d().parts}>
                  {(part) =>
                    part.kind === 'added' ? (
                      <ins class="diff-added">
                        <span class="visually-hidden">{t('draft.added')}: </span>
                        {part.text}
                      </ins>
                    ) : part.kind === 'removed' ? (
                      <del class="diff-removed">
                        <span class="visually-hidden">{t('draft.removed')}: </span>
                        {part.text}
                      </del>
                    ) : (
                      <span>{part.text}</span>
                    )
                  }
                </For>
              </pre>
            </>
          )}
        </Show>
      </Show>
    </section>
  );
}

/** The secretary's "Put to the vote": rule, quorum, when it opens and closes (in a zone), hidden results, who votes. */
function BallotForm(props: { draft: Draft; held: boolean }) {
  const { t, timeZone, zone, language, issueText } = useI18n();
  const blockedId = createUniqueId();
  const navigate = useNavigate();
  const states = createAsync(() => getStates());
  const [rule, setRule] = createSignal<BallotRule['kind']>('consensus');
  const [majority, setMajority] = createSignal<'simple' | 'qualified'>('simple');
  const [failure, setFailure] = createSignal<unknown>();
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [saving, setSaving] = createSignal(false);
  const base = createUniqueId();
  const id = (name: string) => `${base}-${name}`;
  const zones = createMemo(() => timeZoneOptions(states() ?? [], [timeZone(), browserTimeZone()]));
  const stateName = (code: string) => {
    const state = states()?.find((s) => s.code === code);
    return state ? (language() === 'ru' ? state.nameRu : state.nameEn) : code;
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const number = (name: string) => Number(form.get(name));
    const opensLocal = String(form.get('opensLocal') ?? '');
    setSaving(true);
    setFailure(undefined);
    setErrors({});
    try {
      const { id: ballotId } = await unwrap(
        client.api.drafts[':id'].ballots.$post({
          param: { id: String(props.draft.id) },
          json: {
            rule: ruleFrom({
              kind: rule(),
              majority: majority(),
              numerator: number('thresholdNumerator'),
              denominator: number('thresholdDenominator'),
            }),
            quorum: { numerator: number('quorumNumerator'), denominator: number('quorumDenominator') },
            ...(opensLocal ? { opensLocal } : {}),
            closesLocal: String(form.get('closesLocal') ?? ''),
            timeZone: String(form.get('timeZone') ?? ''),
            resultsHidden: form.get('resultsHidden') === 'on',
            // The checkboxes offer only the member states' codes.
            eligibleStates: form.getAll('eligible').map(String) as MemberStateCode[],
          },
        }),
      );
      await revalidate([getDraft.keyFor(String(props.draft.id)), getDrafts.key, getBallots.key]);
      navigate(`/ballots/${ballotId}`);
    } catch (error) {
      setFailure(error);
      if (isApiError(error)) setErrors(fieldErrors(error.details, issueText));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="panel" onSubmit={submit} aria-labelledby={id('heading')}>
      <h2 id={id('heading')}>{t('vote.title')}</h2>
      <p class="hint">{t('vote.hint', { version: props.draft.currentVersion })}</p>
      <Show when={failure()}>{(error) => <FailureNotice error={error()} fields={BALLOT_FIELDS} />}</Show>
      <fieldset>
        <legend>{t('vote.rule')}</legend>
        <div class="checkboxes">
          <For each={['consensus', 'majority', 'silence'] as const}>
            {(kind) => (
              <label class="checkbox">
                <input
                  type="radio"
                  name="rule"
                  value={kind}
                  checked={rule() === kind}
                  onChange={() => setRule(kind)}
                />
                {t(RULE_LABELS[kind])}
              </label>
            )}
          </For>
        </div>
      </fieldset>
      <Show when={rule() === 'majority'}>
        <fieldset>
          <legend>{t('vote.majority')}</legend>
          <div class="checkboxes">
            <label class="checkbox">
              <input
                type="radio"
                name="majority"
                value="simple"
                checked={majority() === 'simple'}
                onChange={() => setMajority('simple')}
              />
              {t('vote.simpleMajority')}
            </label>
            <label class="checkbox">
              <input
                type="radio"
                name="majority"
                value="qualified"
                checked={majority() === 'qualified'}
                onChange={() => setMajority('qualified')}
              />
              {t('vote.qualifiedMajority')}
            </label>
          </div>
          <Show when={majority() === 'qualified'}>
            <div class="field-row">
              <Field id={id('tn')} label={t('vote.numerator')}>
                {() => (
                  <input id={id('tn')} name="thresholdNumerator" type="number" min="1" max="100" value="2" />
                )}
              </Field>
              <Field id={id('td')} label={t('vote.denominator')}>
                {() => (
                  <input
                    id={id('td')}
                    name="thresholdDenominator"
                    type="number"
                    min="1"
                    max="100"
                    value="3"
                  />
                )}
              </Field>
            </div>
          </Show>
        </fieldset>
      </Show>
      <fieldset>
        <legend>{t('vote.quorum')}</legend>
        <p class="hint">{t('vote.quorumHint')}</p>
        <div class="field-row">
          <Field id={id('qn')} label={t('vote.numerator')}>
            {() => <input id={id('qn')} name="quorumNumerator" type="number" min="1" max="100" value="2" />}
          </Field>
          <Field id={id('qd')} label={t('vote.denominator')}>
            {() => <input id={id('qd')} name="quorumDenominator" type="number" min="1" max="100" value="3" />}
          </Field>
        </div>
      </fieldset>
      <div class="field-row">
        <Field
          id={id('opens')}
          label={t('vote.opens')}
          hint={t('vote.opensHint')}
          error={errors().opensLocal}
        >
          {(describedBy) => (
            <input id={id('opens')} name="opensLocal" type="datetime-local" aria-describedby={describedBy} />
          )}
        </Field>
        <Field id={id('closes')} label={t('vote.closes')} error={errors().closesLocal}>
          {(describedBy) => (
            <input
              id={id('closes')}
              name="closesLocal"
              type="datetime-local"
              required
              aria-describedby={describedBy}
            />
          )}
        </Field>
      </div>
      <Field id={id('zone')} label={t('editor.timeZone')} hint={t('vote.zoneHint')} error={errors().timeZone}>
        {(describedBy) => (
          <select id={id('zone')} name="timeZone" aria-describedby={describedBy}>
            <For each={zones()}>
              {(option) => (
                // The options arrive with the states: each says itself whether it is the reader's zone.
                <option value={option.value} selected={option.value === timeZone()}>
                  {zone(option.value)}
                  {option.stateCodes.length > 0 ? ` — ${option.stateCodes.map(stateName).join(', ')}` : ''}
                </option>
              )}
            </For>
          </select>
        )}
      </Field>
      <label class="checkbox">
        <input type="checkbox" name="resultsHidden" />
        {t('vote.resultsHidden')}
      </label>
      <fieldset classList={{ 'field-invalid': Boolean(errors().eligibleStates) }}>
        <legend>{t('vote.eligible')}</legend>
        <p class="hint">{t('vote.eligibleHint')}</p>
        <div class="checkboxes">
          <For each={states() ?? []}>
            {(state) => (
              <label class="checkbox">
                <input type="checkbox" name="eligible" value={state.code} checked />
                {stateName(state.code)}
              </label>
            )}
          </For>
        </div>
      </fieldset>
      <Show when={props.held}>
        <p class="hint" id={blockedId}>
          {t('itemSignOff.blockedBallot')}
        </p>
      </Show>
      <button
        type="submit"
        class="button-primary"
        disabled={saving() || props.held}
        aria-busy={saving()}
        aria-describedby={props.held ? blockedId : undefined}
      >
        {t('vote.open')}
      </button>
    </form>
  );
}

/** One draft: its text, the ballots on it, editing as a new version, the history with diffs, withdrawing, putting it to the vote. */
export function Draft() {
  const params = useParams();
  const { t, dateTimeShort, language } = useI18n();
  const { can } = useSession();
  const detail = createAsync(() => getDraft(params.id ?? ''));
  const choices = createAsync(() => getDraftChoices());
  const commission = createAsync(() => getCommission());
  const draftSignOff = () => commission()?.signOffs.draft === true;
  const signOff = createAsync(async () =>
    draftSignOff() ? getItemSignOffs('draft', params.id ?? '') : undefined,
  );
  const [done, setDone] = createSignal('');
  const [asking, setAsking] = createSignal(false);
  const [pending, setPending] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>();
  const ballotsHeading = createUniqueId();
  let status: HTMLParagraphElement | undefined;
  usePageTitle(() => detail()?.draft.title ?? t('drafts.title'));

  const refresh = () =>
    revalidate([getDraft.keyFor(params.id ?? ''), getDrafts.key, getBallots.key, getItemSignOffs.key]);
  const finished = async (message: string) => {
    await refresh();
    setDone(message);
    status?.focus();
  };
  const withdraw = async () => {
    setPending(true);
    setFailure(undefined);
    try {
      await unwrap(client.api.drafts[':id'].withdraw.$post({ param: { id: params.id ?? '' } }));
      setAsking(false);
      await finished(t('draft.withdrawn'));
    } catch (error) {
      setAsking(false);
      setFailure(error);
    } finally {
      setPending(false);
    }
  };
  const directionNames = (ids: number[]) =>
    ids
      .map((id) => choices()?.directions.find((d) => d.id === id))
      .map((d) => (d ? (language() === 'ru' ? d.titleRu : d.titleEn) : ''))
      .filter(Boolean);
  const agendaItem = (id: number | null) => choices()?.agendaItems.find((a) => a.id === id);

  return (
    <div class="page">
      <p class="breadcrumb">
        <A href="/drafts">{t('drafts.title')}</A>
      </p>
      <Show when={detail()}>
        {(d) => (
          <>
            <div class="page-head">
              <h1>{d().draft.title}</h1>
              <span class={`badge badge-draft-${d().draft.status}`}>
                {t(DRAFT_STATUS_LABELS[d().draft.status])}
              </span>
            </div>
            <p class="muted">
              {t(DRAFT_KIND_LABELS[d().draft.kind])} ·{' '}
              {t('draft.versionN', { version: d().draft.currentVersion })} ·{' '}
              {t('draft.updated', { when: dateTimeShort(d().draft.updatedAt) })}
            </p>
            <p
              ref={status}
              tabindex="-1"
              role="status"
              class={done() ? 'notice notice-success' : 'visually-hidden'}
            >
              {done()}
            </p>
            <Show when={failure()}>{(error) => <FailureNotice error={error()} />}</Show>
            <dl class="facts">
              <dt>{t('drafts.directions')}</dt>
              <dd>{directionNames(d().draft.directionIds).join('; ') || t('common.none')}</dd>
              <dt>{t('drafts.agendaItem')}</dt>
              <dd>
                <Show when={agendaItem(d().draft.agendaItemId)} fallback={t('common.none')}>
                  {(item) => (
                    <A href={`/meetings/${item().meetingId}`}>
                      {item().meetingTitle} — {item().title}
                    </A>
                  )}
                </Show>
              </dd>
            </dl>
            <DraftText text={d().draft.text} />

            <section aria-labelledby={ballotsHeading}>
              <h2 id={ballotsHeading}>{t('ballots.title')}</h2>
              <Show when={d().ballots.length > 0} fallback={<p class="muted">{t('draft.noBallots')}</p>}>
                <ul>
                  <For each={d().ballots}>
                    {(ballot) => (
                      <li>
                        <A href={`/ballots/${ballot.id}`}>
                          {t('draft.ballotOn', { version: ballot.draftVersion })}
                        </A>{' '}
                        — {t(BALLOT_STATUS_LABELS[ballot.status])}
                        <Show when={ballot.outcome}>
                          {(outcome) => <>, {t(OUTCOME_LABELS[outcome()])}</>}
                        </Show>
                        {' · '}
                        {t('ballot.closesAt', { when: dateTimeShort(ballot.closesAt) })}
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </section>

            <Show when={can('drafts.write')}>
              <Show
                when={d().draft.status === 'draft'}
                fallback={
                  <p class="notice" role="note">
                    {t(d().draft.status === 'voting' ? 'draft.lockedVoting' : 'draft.lockedDecided')}
                  </p>
                }
              >
                <EditForm draft={d().draft} onSaved={(message) => void finished(message)} />
              </Show>
            </Show>

            <DraftAttachments
              draftId={d().draft.id}
              editable={can('drafts.write') && d().draft.status === 'draft'}
            />

            <History draftId={params.id ?? ''} versions={d().versions} />

            <Show when={draftSignOff() && signOff()}>
              {(view) => (
                <ItemSignOff
                  kind="draft"
                  itemId={d().draft.id}
                  view={view()}
                  open={d().draft.status === 'draft'}
                />
              )}
            </Show>

            <Show when={can('ballots.run') && d().draft.status === 'draft'}>
              <BallotForm draft={d().draft} held={draftSignOff() && !signOffClear(signOff())} />
            </Show>

            <Show
              when={can('drafts.write') && (d().draft.status === 'draft' || d().draft.status === 'voting')}
            >
              <div class="actions">
                <button type="button" class="button-danger" onClick={() => setAsking(true)}>
                  {t('draft.withdraw')}
                </button>
              </div>
              <ConfirmDialog
                open={asking()}
                title={t('draft.withdrawTitle')}
                confirmLabel={t('draft.withdraw')}
                cancelLabel={t('common.cancel')}
                danger
                pending={pending()}
                onConfirm={() => void withdraw()}
                onCancel={() => setAsking(false)}
              >
                <p>{t('draft.withdrawText')}</p>
              </ConfirmDialog>
            </Show>
          </>
        )}
      </Show>
    </div>
  );
}
