import { createAsync } from '@solidjs/router';
import { createSignal, createUniqueId, For, Index, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { client, isApiError, unwrap } from '../api';
import { type ActivityView, getPeople, getStates, type ProgramDetail } from '../data';
import { useI18n } from '../i18n/context';
import { ACTIVITY_STATUS_LABELS, ACTIVITY_STATUSES } from '../i18n/labels';
import { fieldErrors } from '../lib/field-errors';
import type { ActivityInput } from '../lib/programs';
import { Field } from './field';

type Warning = { code: string; dependencyId: number; dependencyEnd: string };

/**
 * Creates an activity (no `activity`) or changes one: every field the issue names. The API's
 * refusals are shown beside their fields; its warnings (a dependency ending after this one
 * starts) after saving, for the secretary to weigh.
 */
export function ActivityForm(props: {
  program: ProgramDetail;
  activity?: ActivityView | undefined;
  onSaved: (activity: ActivityView, warnings: readonly Warning[]) => void;
}) {
  const { t, errorText, language, issueText } = useI18n();
  const states = createAsync(() => getStates());
  const people = createAsync(() => getPeople());
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [failure, setFailure] = createSignal<unknown>();
  const [saving, setSaving] = createSignal(false);
  // The fields' values live here: a field showing a new error is drawn afresh and must not lose what was typed.
  const [draft, setDraft] = createStore({
    title: props.activity?.title ?? '',
    description: props.activity?.description ?? '',
    directionId: String(props.activity?.directionId ?? props.program.program.directions[0]?.id ?? ''),
    leadState: props.activity?.leadState ?? '',
    start: props.activity?.start ?? '',
    end: props.activity?.end ?? '',
    status: (props.activity?.status ?? 'planned') as NonNullable<ActivityInput['status']>,
    progress: String(props.activity?.progress ?? 0),
    dependsOn: [...(props.activity?.dependsOn ?? [])],
  });
  const [milestones, setMilestones] = createSignal(
    (props.activity?.milestones ?? []).map((m) => ({
      title: m.title,
      date: m.date,
      reachedAt: m.reachedAt ?? null,
    })),
  );
  const id = createUniqueId();
  const ids = {
    title: `${id}-title`,
    description: `${id}-description`,
    direction: `${id}-direction`,
    lead: `${id}-lead`,
    start: `${id}-start`,
    end: `${id}-end`,
    status: `${id}-status`,
    progress: `${id}-progress`,
    dependsOn: `${id}-depends`,
  };
  const directionTitle = (d: { titleRu: string; titleEn: string }) =>
    language() === 'ru' ? d.titleRu : d.titleEn;
  const stateName = (s: { nameRu: string; nameEn: string }) => (language() === 'ru' ? s.nameRu : s.nameEn);
  const others = () => props.program.activities.filter((a) => a.id !== props.activity?.id);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const input: ActivityInput = {
      title: draft.title,
      description: draft.description,
      directionId: Number(draft.directionId),
      // The selects offer only the domain's codes (the API checks them again).
      leadState: (draft.leadState || states()?.[0]?.code || 'RU') as ActivityInput['leadState'],
      participatingStates: form.getAll('participatingStates').map(String) as ActivityInput['leadState'][],
      responsiblePersonIds: form.getAll('responsiblePersonIds').map(Number),
      start: draft.start,
      end: draft.end,
      status: draft.status as ActivityInput['status'],
      progress: Number(draft.progress),
      milestones: milestones(),
      dependsOn: [...draft.dependsOn],
    };
    setSaving(true);
    setErrors({});
    setFailure(undefined);
    try {
      const programId = String(props.program.program.id);
      const saved = props.activity
        ? await unwrap(
            client.api.programs[':id'].activities[':activityId'].$put({
              param: { id: programId, activityId: String(props.activity.id) },
              json: input,
            }),
          )
        : await unwrap(
            client.api.programs[':id'].activities.$post({ param: { id: programId }, json: input }),
          );
      props.onSaved(saved.activity, saved.warnings);
    } catch (error) {
      setFailure(error);
      if (isApiError(error)) setErrors(fieldErrors(error.details, issueText));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="activity-form stack" onSubmit={submit} novalidate>
      <Show when={failure()}>
        {(error) => (
          <div class="notice notice-error" role="alert">
            <p>{Object.keys(errors()).length > 0 ? t('editor.fixErrors') : errorText(error())}</p>
          </div>
        )}
      </Show>
      <Field id={ids.title} label={t('activity.title')} error={errors().title}>
        {(describedBy) => (
          <input
            id={ids.title}
            name="title"
            required
            maxLength={300}
            value={draft.title}
            onInput={(e) => setDraft('title', e.currentTarget.value)}
            aria-describedby={describedBy}
          />
        )}
      </Field>
      <Field id={ids.description} label={t('activity.description')} error={errors().description}>
        {(describedBy) => (
          <textarea
            id={ids.description}
            name="description"
            rows={3}
            aria-describedby={describedBy}
            value={draft.description}
            onInput={(e) => setDraft('description', e.currentTarget.value)}
          />
        )}
      </Field>
      <div class="field-row">
        <Field id={ids.direction} label={t('activity.direction')} error={errors().directionId}>
          {(describedBy) => (
            <select
              id={ids.direction}
              name="directionId"
              aria-describedby={describedBy}
              onChange={(e) => setDraft('directionId', e.currentTarget.value)}
            >
              <For each={props.program.program.directions}>
                {(d) => (
                  <option value={String(d.id)} selected={draft.directionId === String(d.id)}>
                    {directionTitle(d)}
                  </option>
                )}
              </For>
            </select>
          )}
        </Field>
        <Field id={ids.lead} label={t('activity.leadState')} error={errors().leadState}>
          {(describedBy) => (
            <select
              id={ids.lead}
              name="leadState"
              aria-describedby={describedBy}
              onChange={(e) => setDraft('leadState', e.currentTarget.value as ActivityInput['leadState'])}
            >
              <For each={states()}>
                {(s) => (
                  <option value={s.code} selected={draft.leadState === s.code}>
                    {stateName(s)}
                  </option>
                )}
              </For>
            </select>
          )}
        </Field>
      </div>
      <fieldset class="field" classList={{ 'field-invalid': Boolean(errors().participatingStates) }}>
        <legend>{t('activity.participants')}</legend>
        <div class="checkboxes">
          <For each={states()}>
            {(s) => (
              <label class="checkbox">
                <input
                  type="checkbox"
                  name="participatingStates"
                  value={s.code}
                  checked={props.activity?.participatingStates.includes(s.code) ?? false}
                />
                {stateName(s)}
              </label>
            )}
          </For>
        </div>
      </fieldset>
      <fieldset class="field" classList={{ 'field-invalid': Boolean(errors().responsiblePersonIds) }}>
        <legend>{t('activity.responsible')}</legend>
        <div class="checkboxes">
          <For each={(people() ?? []).filter((p) => p.active)}>
            {(p) => (
              <label class="checkbox">
                <input
                  type="checkbox"
                  name="responsiblePersonIds"
                  value={String(p.id)}
                  checked={props.activity?.responsiblePersonIds.includes(p.id) ?? false}
                />
                {p.name}
              </label>
            )}
          </For>
        </div>
        <Show when={errors().responsiblePersonIds}>
          {(message) => <p class="field-error">{message()}</p>}
        </Show>
      </fieldset>
      <div class="field-row">
        <Field id={ids.start} label={t('activity.start')} error={errors().start}>
          {(describedBy) => (
            <input
              id={ids.start}
              name="start"
              type="date"
              required
              min={props.program.program.periodStart}
              max={props.program.program.periodEnd}
              value={draft.start}
              onInput={(e) => setDraft('start', e.currentTarget.value)}
              aria-describedby={describedBy}
            />
          )}
        </Field>
        <Field id={ids.end} label={t('activity.end')} error={errors().end}>
          {(describedBy) => (
            <input
              id={ids.end}
              name="end"
              type="date"
              required
              min={props.program.program.periodStart}
              max={props.program.program.periodEnd}
              value={draft.end}
              onInput={(e) => setDraft('end', e.currentTarget.value)}
              aria-describedby={describedBy}
            />
          )}
        </Field>
        <Field id={ids.status} label={t('activity.status')} error={errors().status}>
          {(describedBy) => (
            <select
              id={ids.status}
              name="status"
              aria-describedby={describedBy}
              onChange={(e) =>
                setDraft('status', e.currentTarget.value as NonNullable<ActivityInput['status']>)
              }
            >
              <For each={ACTIVITY_STATUSES}>
                {(s) => (
                  <option value={s} selected={draft.status === s}>
                    {t(ACTIVITY_STATUS_LABELS[s])}
                  </option>
                )}
              </For>
            </select>
          )}
        </Field>
        <Field id={ids.progress} label={t('activity.progress')} error={errors().progress}>
          {(describedBy) => (
            <input
              id={ids.progress}
              name="progress"
              type="number"
              min={0}
              max={100}
              step={1}
              value={draft.progress}
              onInput={(e) => setDraft('progress', e.currentTarget.value)}
              aria-describedby={describedBy}
            />
          )}
        </Field>
      </div>
      <fieldset class="field">
        <legend>{t('activity.milestones')}</legend>
        <Index each={milestones()}>
          {(m, i) => (
            <div class="milestone-row">
              <Field
                id={`${id}-m${i}`}
                label={t('activity.milestoneTitle', { n: i + 1 })}
                error={errors()[`milestones.${i}.title`]}
              >
                {(describedBy) => (
                  <input
                    id={`${id}-m${i}`}
                    value={m().title}
                    aria-describedby={describedBy}
                    onInput={(e) => {
                      const title = e.currentTarget.value;
                      setMilestones((list) => list.map((x, j) => (j === i ? { ...x, title } : x)));
                    }}
                  />
                )}
              </Field>
              <Field
                id={`${id}-md${i}`}
                label={t('activity.milestoneDate', { n: i + 1 })}
                error={errors()[`milestones.${i}.date`]}
              >
                {(describedBy) => (
                  <input
                    id={`${id}-md${i}`}
                    type="date"
                    value={m().date}
                    aria-describedby={describedBy}
                    onInput={(e) => {
                      const date = e.currentTarget.value;
                      setMilestones((list) => list.map((x, j) => (j === i ? { ...x, date } : x)));
                    }}
                  />
                )}
              </Field>
              <button
                type="button"
                class="button-quiet"
                onClick={() => setMilestones((list) => list.filter((_, j) => j !== i))}
              >
                {t('activity.removeMilestone', { n: i + 1 })}
              </button>
            </div>
          )}
        </Index>
        <button
          type="button"
          onClick={() => setMilestones((list) => [...list, { title: '', date: '', reachedAt: null }])}
        >
          {t('activity.addMilestone')}
        </button>
      </fieldset>
      <Field id={ids.dependsOn} label={t('activity.dependsOn')} error={errors().dependsOn}>
        {(describedBy) => (
          <select
            id={ids.dependsOn}
            name="dependsOn"
            multiple
            size={6}
            aria-describedby={describedBy}
            onChange={(e) =>
              setDraft(
                'dependsOn',
                [...e.currentTarget.selectedOptions].map((o) => Number(o.value)),
              )
            }
          >
            <For each={others()}>
              {(a) => (
                <option value={String(a.id)} selected={draft.dependsOn.includes(a.id)}>
                  {`${a.title} (${a.start} – ${a.end})`}
                </option>
              )}
            </For>
          </select>
        )}
      </Field>
      <button type="submit" class="button-primary" disabled={saving()}>
        {props.activity ? t('activity.save') : t('activity.create')}
      </button>
    </form>
  );
}

/** The warnings an activity was saved with, named by the dependency's title. */
export function ActivityWarnings(props: {
  warnings: readonly Warning[];
  activities: ReadonlyArray<{ id: number; title: string }>;
}) {
  const { t } = useI18n();
  const titleOf = (id: number) => props.activities.find((a) => a.id === id)?.title ?? `#${id}`;
  return (
    <Show when={props.warnings.length > 0}>
      <div class="notice notice-warning" role="status">
        <ul>
          <For each={props.warnings}>
            {(w) => (
              <li>{t('activity.warning', { title: titleOf(w.dependencyId), end: w.dependencyEnd })}</li>
            )}
          </For>
        </ul>
      </div>
    </Show>
  );
}
