import type { DraftKind } from '@accord/domain';
import { A, createAsync, revalidate, useNavigate } from '@solidjs/router';
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import { client, isApiError, unwrap } from '../api';
import { FailureNotice } from '../components/failure-notice';
import { Field } from '../components/field';
import { usePageTitle } from '../components/page-title';
import { getBallots, getDraftChoices, getDrafts } from '../data';
import { useI18n } from '../i18n/context';
import {
  BALLOT_STATUS_LABELS,
  DRAFT_KIND_LABELS,
  DRAFT_KINDS,
  DRAFT_STATUS_LABELS,
  OUTCOME_LABELS,
} from '../i18n/labels';
import { fieldErrors } from '../lib/field-errors';
import { useSession } from '../session';

/** The secretary's form for a new draft: kind, title, Markdown text, program directions, agenda item. */
function NewDraftForm() {
  const { t, language, dateTimeShort, issueText } = useI18n();
  const navigate = useNavigate();
  const choices = createAsync(() => getDraftChoices());
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [failure, setFailure] = createSignal<unknown>();
  const [saving, setSaving] = createSignal(false);
  const base = createUniqueId();
  const id = (name: string) => `${base}-${name}`;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const agendaItem = String(form.get('agendaItem') ?? '');
    setSaving(true);
    setErrors({});
    setFailure(undefined);
    try {
      const { draft } = await unwrap(
        client.api.drafts.$post({
          json: {
            // The select offers only the domain's kinds.
            kind: String(form.get('kind')) as DraftKind,
            title: String(form.get('title') ?? ''),
            text: String(form.get('text') ?? ''),
            directionIds: form.getAll('directions').map(Number),
            agendaItemId: agendaItem ? Number(agendaItem) : null,
          },
        }),
      );
      await revalidate(getDrafts.key);
      if (draft) navigate(`/drafts/${draft.id}`);
    } catch (error) {
      setFailure(error);
      if (isApiError(error)) setErrors(fieldErrors(error.details, issueText));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="panel" onSubmit={submit} aria-labelledby={id('heading')}>
      <h2 id={id('heading')}>{t('drafts.new')}</h2>
      <Show when={failure()}>
        {(error) => <FailureNotice error={error()} fields={['kind', 'title', 'text']} />}
      </Show>
      <Field id={id('kind')} label={t('drafts.kind')} error={errors().kind}>
        {(describedBy) => (
          <select id={id('kind')} name="kind" aria-describedby={describedBy}>
            <For each={DRAFT_KINDS}>
              {(kind) => <option value={kind}>{t(DRAFT_KIND_LABELS[kind])}</option>}
            </For>
          </select>
        )}
      </Field>
      <Field id={id('title')} label={t('drafts.titleField')} error={errors().title}>
        {(describedBy) => (
          <input id={id('title')} name="title" required maxLength={300} aria-describedby={describedBy} />
        )}
      </Field>
      <Field id={id('text')} label={t('drafts.text')} hint={t('drafts.textHint')} error={errors().text}>
        {(describedBy) => (
          <textarea
            id={id('text')}
            name="text"
            required
            rows={10}
            maxLength={100_000}
            class="draft-source"
            aria-describedby={describedBy}
          />
        )}
      </Field>
      <fieldset classList={{ 'field-invalid': Boolean(errors().directionIds) }}>
        <legend>{t('drafts.directions')}</legend>
        <div class="checkboxes">
          <For each={choices()?.directions ?? []}>
            {(direction) => (
              <label class="checkbox">
                <input type="checkbox" name="directions" value={String(direction.id)} />
                {language() === 'ru' ? direction.titleRu : direction.titleEn}
              </label>
            )}
          </For>
        </div>
      </fieldset>
      <Field id={id('agenda')} label={t('drafts.agendaItem')} hint={t('drafts.agendaItemHint')}>
        {(describedBy) => (
          <select id={id('agenda')} name="agendaItem" aria-describedby={describedBy}>
            <option value="">{t('drafts.noAgendaItem')}</option>
            <For each={choices()?.agendaItems ?? []}>
              {(item) => (
                <option value={String(item.id)}>
                  {item.meetingTitle} ({dateTimeShort(item.startsAt)}) — {item.title}
                </option>
              )}
            </For>
          </select>
        )}
      </Field>
      <button type="submit" class="button-primary" disabled={saving()} aria-busy={saving()}>
        {t('drafts.create')}
      </button>
    </form>
  );
}

/** Drafts and the ballots held on them; the secretary writes a new draft here. */
export function Drafts() {
  const { t, dateTimeShort, zone, timeZone } = useI18n();
  const { can } = useSession();
  const drafts = createAsync(() => getDrafts());
  const ballots = createAsync(() => getBallots());
  const draftsHeading = createUniqueId();
  const ballotsHeading = createUniqueId();
  usePageTitle(() => t('drafts.title'));
  return (
    <div class="page">
      <div class="page-head">
        <h1>{t('drafts.title')}</h1>
      </div>
      <p class="muted">{t('meetings.timesIn', { zone: zone(timeZone()) })}</p>
      <section aria-labelledby={ballotsHeading}>
        <h2 id={ballotsHeading}>{t('ballots.title')}</h2>
        <Show when={(ballots() ?? []).length > 0} fallback={<p class="muted">{t('ballots.none')}</p>}>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('ballots.draft')}</th>
                  <th scope="col">{t('ballots.status')}</th>
                  <th scope="col">{t('ballots.closes')}</th>
                  <th scope="col">{t('ballots.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={ballots()}>
                  {(ballot) => (
                    <tr>
                      <th scope="row">
                        <A href={`/ballots/${ballot.id}`}>
                          {ballot.draftTitle} · {t('draft.versionN', { version: ballot.draftVersion })}
                        </A>
                      </th>
                      <td>
                        <span class={`badge badge-ballot-${ballot.status}`}>
                          {t(BALLOT_STATUS_LABELS[ballot.status])}
                        </span>
                      </td>
                      <td>{dateTimeShort(ballot.closesAt)}</td>
                      <td>{ballot.outcome ? t(OUTCOME_LABELS[ballot.outcome]) : t('common.none')}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </section>
      <section aria-labelledby={draftsHeading}>
        <h2 id={draftsHeading}>{t('drafts.list')}</h2>
        <Show when={(drafts() ?? []).length > 0} fallback={<p class="muted">{t('drafts.none')}</p>}>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('drafts.titleField')}</th>
                  <th scope="col">{t('drafts.kind')}</th>
                  <th scope="col">{t('drafts.status')}</th>
                  <th scope="col">{t('drafts.version')}</th>
                  <th scope="col">{t('drafts.updated')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={drafts()}>
                  {(draft) => (
                    <tr classList={{ 'row-cancelled': draft.status === 'withdrawn' }}>
                      <th scope="row">
                        <A href={`/drafts/${draft.id}`}>{draft.title}</A>
                      </th>
                      <td>{t(DRAFT_KIND_LABELS[draft.kind])}</td>
                      <td>
                        <span class={`badge badge-draft-${draft.status}`}>
                          {t(DRAFT_STATUS_LABELS[draft.status])}
                        </span>
                      </td>
                      <td class="number">{draft.currentVersion}</td>
                      <td>{dateTimeShort(draft.updatedAt)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </section>
      <Show when={can('drafts.write')}>
        <NewDraftForm />
      </Show>
    </div>
  );
}
