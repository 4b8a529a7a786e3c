import type { MeetingKind } from '@accord/domain';
import { A, createAsync, revalidate, useNavigate, useParams } from '@solidjs/router';
import { createMemo, createSignal, createUniqueId, For, Show, untrack } from 'solid-js';
import { createStore } from 'solid-js/store';
import { client, isApiError, unwrap } from '../api';
import { ConfirmDialog } from '../components/confirm-dialog';
import { Field } from '../components/field';
import { FormErrors } from '../components/form-errors';
import { usePageTitle } from '../components/page-title';
import { getMeeting, getMeetings, getStates, type MeetingView } from '../data';
import { useI18n } from '../i18n/context';
import { browserTimeZone } from '../i18n/format';
import { MEETING_KIND_LABELS, MEETING_KINDS } from '../i18n/labels';
import { type AgendaDraft, agendaDrafts, agendaPayload, moveItem, removeItem } from '../lib/agenda';
import { fieldErrors } from '../lib/field-errors';
import { timeZoneOptions } from '../lib/time-zones';
import { useSession } from '../session';

/** The fields the API reports problems for, each shown beside its input; anything else goes to the summary. */
const FIELDS = ['kind', 'title', 'startsLocal', 'endsLocal', 'timeZone', 'place', 'link', 'agenda'] as const;
type FieldName = (typeof FIELDS)[number];

interface FormState {
  kind: MeetingKind;
  title: string;
  startsLocal: string;
  endsLocal: string;
  timeZone: string;
  place: string;
  link: string;
  agenda: AgendaDraft[];
}

function MeetingForm(props: { meeting?: MeetingView }) {
  const { t, timeZone, zone, language, issueText } = useI18n();
  const navigate = useNavigate();
  const states = createAsync(() => getStates());
  const base = createUniqueId();
  const id = (name: string) => `${base}-${name}`;
  // The form starts from the meeting as loaded; later refreshes of it must not overwrite what is being typed.
  const initial = untrack(() => props.meeting);
  const [form, setForm] = createStore<FormState>({
    kind: initial?.kind ?? 'regular',
    title: initial?.title ?? '',
    startsLocal: initial?.startsLocal ?? '',
    endsLocal: initial?.endsLocal ?? '',
    timeZone: initial?.timeZone ?? untrack(timeZone),
    place: initial?.place ?? '',
    link: initial?.link ?? '',
    agenda: agendaDrafts(initial?.agenda ?? []),
  });
  let nextKey = form.agenda.length + 1;
  let formElement: HTMLFormElement | undefined;
  let summaryElement: HTMLDivElement | undefined;

  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [sentKeys, setSentKeys] = createSignal<number[]>([]);
  const [failure, setFailure] = createSignal<unknown>();
  const [confirming, setConfirming] = createSignal(false);
  const [saving, setSaving] = createSignal(false);
  const [announcement, setAnnouncement] = createSignal('');

  const zones = createMemo(() =>
    timeZoneOptions(states() ?? [], [initial?.timeZone, timeZone(), browserTimeZone()]),
  );
  const zoneText = (value: string, stateCodes: readonly string[]) => {
    const names = stateCodes.map((code) => {
      const state = states()?.find((s) => s.code === code);
      return state ? (language() === 'ru' ? state.nameRu : state.nameEn) : code;
    });
    const who = names.length > 0 ? names.join(', ') : value === browserTimeZone() ? t('time.deviceZone') : '';
    return who ? `${zone(value)} — ${who}` : zone(value);
  };
  const fieldError = (name: FieldName) => errors()[name];
  const agendaError = (key: number) => {
    const index = sentKeys().indexOf(key);
    return index === -1 ? undefined : errors()[`agenda.${index}`];
  };
  const otherErrors = () =>
    Object.entries(errors()).filter(
      ([path]) => !(FIELDS as readonly string[]).includes(path) && !/^agenda\.\d+$/.test(path),
    );

  const focusById = (...ids: string[]) =>
    queueMicrotask(() => {
      for (const target of ids) {
        const element = document.getElementById(target);
        if (element instanceof HTMLButtonElement && element.disabled) continue;
        if (element) return element.focus();
      }
    });

  const addItem = () => {
    const key = nextKey++;
    setForm('agenda', (items) => [...items, { key, title: '' }]);
    focusById(id(`agenda-${key}`));
  };
  const move = (index: number, delta: -1 | 1) => {
    const item = form.agenda[index];
    if (!item) return;
    setForm('agenda', (items) => moveItem(items, index, delta));
    setAnnouncement(t('editor.moved', { number: index + delta + 1 }));
    // The pressed button moves with its line; keep the focus on it (or its twin at the top or bottom).
    const [same, other] = delta < 0 ? ['up', 'down'] : ['down', 'up'];
    focusById(id(`agenda-${item.key}-${same}`), id(`agenda-${item.key}-${other}`));
  };
  const remove = (index: number) => {
    setForm('agenda', (items) => removeItem(items, index));
    setAnnouncement(t('editor.removed', { number: index + 1 }));
    const next = form.agenda[index] ?? form.agenda[index - 1];
    focusById(next ? id(`agenda-${next.key}`) : id('add-item'));
  };

  const showFailure = (error: unknown, keys: number[]) => {
    setFailure(error);
    setSentKeys(keys);
    setErrors(isApiError(error) ? fieldErrors(error.details, issueText) : {});
    queueMicrotask(() => {
      const invalid = formElement?.querySelector<HTMLElement>('[aria-invalid="true"]');
      (invalid ?? summaryElement)?.focus();
    });
  };

  const save = async () => {
    setConfirming(false);
    const { titles, keys } = agendaPayload(form.agenda);
    const body = {
      kind: form.kind,
      title: form.title,
      startsLocal: form.startsLocal,
      endsLocal: form.endsLocal,
      timeZone: form.timeZone,
      place: form.place.trim() || null,
      link: form.link.trim() || null,
      agenda: titles,
    };
    setSaving(true);
    setFailure(undefined);
    try {
      const { meeting } = initial
        ? await unwrap(client.api.meetings[':id'].$put({ param: { id: String(initial.id) }, json: body }))
        : await unwrap(client.api.meetings.$post({ json: body }));
      await revalidate([getMeetings.key, getMeeting.keyFor(String(meeting.id))]);
      navigate(`/meetings/${meeting.id}`);
    } catch (error) {
      showFailure(error, keys);
    } finally {
      setSaving(false);
    }
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (initial?.status === 'notified') setConfirming(true);
    else void save();
  };

  return (
    <form ref={formElement} onSubmit={submit} class="stack editor">
      <Show when={initial?.status === 'notified'}>
        <p class="notice notice-warning">{t('editor.notifiedWarning')}</p>
      </Show>
      <div
        ref={summaryElement}
        tabindex="-1"
        role="alert"
        class={failure() ? 'notice notice-error' : 'visually-hidden'}
      >
        <Show when={failure()}>
          {(error) => (
            <FormErrors
              error={error()}
              hasFieldErrors={Object.keys(errors()).length > 0}
              otherErrors={otherErrors()}
            />
          )}
        </Show>
      </div>

      <Field id={id('kind')} label={t('editor.kind')} error={fieldError('kind')}>
        {(describedBy) => (
          <select
            id={id('kind')}
            value={form.kind}
            onChange={(e) => {
              const kind = MEETING_KINDS.find((k) => k === e.currentTarget.value);
              if (kind) setForm('kind', kind);
            }}
            aria-invalid={Boolean(fieldError('kind'))}
            aria-describedby={describedBy}
          >
            <For each={MEETING_KINDS}>
              {(kind) => <option value={kind}>{t(MEETING_KIND_LABELS[kind])}</option>}
            </For>
          </select>
        )}
      </Field>

      <Field id={id('title')} label={t('editor.title')} error={fieldError('title')}>
        {(describedBy) => (
          <input
            id={id('title')}
            type="text"
            required
            maxlength={200}
            value={form.title}
            onInput={(e) => setForm('title', e.currentTarget.value)}
            aria-invalid={Boolean(fieldError('title'))}
            aria-describedby={describedBy}
          />
        )}
      </Field>

      <div class="field-row">
        <Field id={id('starts')} label={t('editor.starts')} error={fieldError('startsLocal')}>
          {(describedBy) => (
            <input
              id={id('starts')}
              type="datetime-local"
              required
              value={form.startsLocal}
              onInput={(e) => setForm('startsLocal', e.currentTarget.value)}
              aria-invalid={Boolean(fieldError('startsLocal'))}
              aria-describedby={describedBy}
            />
          )}
        </Field>
        <Field id={id('ends')} label={t('editor.ends')} error={fieldError('endsLocal')}>
          {(describedBy) => (
            <input
              id={id('ends')}
              type="datetime-local"
              required
              min={form.startsLocal || undefined}
              value={form.endsLocal}
              onInput={(e) => setForm('endsLocal', e.currentTarget.value)}
              aria-invalid={Boolean(fieldError('endsLocal'))}
              aria-describedby={describedBy}
            />
          )}
        </Field>
      </div>

      <Field
        id={id('zone')}
        label={t('editor.timeZone')}
        hint={t('editor.timeZoneHint')}
        error={fieldError('timeZone')}
      >
        {(describedBy) => (
          <select
            id={id('zone')}
            value={form.timeZone}
            onChange={(e) => setForm('timeZone', e.currentTarget.value)}
            aria-invalid={Boolean(fieldError('timeZone'))}
            aria-describedby={describedBy}
          >
            <For each={zones()}>
              {(option) => <option value={option.value}>{zoneText(option.value, option.stateCodes)}</option>}
            </For>
          </select>
        )}
      </Field>

      <Field
        id={id('place')}
        label={t('editor.place')}
        hint={t('editor.placeHint')}
        error={fieldError('place')}
      >
        {(describedBy) => (
          <input
            id={id('place')}
            type="text"
            maxlength={300}
            value={form.place}
            onInput={(e) => setForm('place', e.currentTarget.value)}
            aria-invalid={Boolean(fieldError('place'))}
            aria-describedby={describedBy}
          />
        )}
      </Field>

      <Field id={id('link')} label={t('editor.link')} hint={t('editor.linkHint')} error={fieldError('link')}>
        {(describedBy) => (
          <input
            id={id('link')}
            type="url"
            inputmode="url"
            maxlength={500}
            placeholder="https://"
            value={form.link}
            onInput={(e) => setForm('link', e.currentTarget.value)}
            aria-invalid={Boolean(fieldError('link'))}
            aria-describedby={describedBy}
          />
        )}
      </Field>

      <fieldset
        class="agenda-editor"
        aria-describedby={fieldError('agenda') ? id('agenda-error') : undefined}
      >
        <legend>{t('editor.agenda')}</legend>
        <Show when={form.agenda.length > 0} fallback={<p class="muted">{t('editor.noItems')}</p>}>
          <ol>
            <For each={form.agenda}>
              {(item, index) => (
                <li classList={{ 'field-invalid': Boolean(agendaError(item.key)) }}>
                  <label for={id(`agenda-${item.key}`)}>
                    {t('editor.agendaItem', { number: index() + 1 })}
                  </label>
                  <div class="agenda-row">
                    <input
                      id={id(`agenda-${item.key}`)}
                      type="text"
                      maxlength={500}
                      value={item.title}
                      onInput={(e) => setForm('agenda', index(), 'title', e.currentTarget.value)}
                      aria-invalid={Boolean(agendaError(item.key))}
                      aria-describedby={agendaError(item.key) ? id(`agenda-${item.key}-error`) : undefined}
                    />
                    <button
                      type="button"
                      id={id(`agenda-${item.key}-up`)}
                      aria-label={t('editor.moveUp', { number: index() + 1 })}
                      disabled={index() === 0}
                      onClick={() => move(index(), -1)}
                    >
                      {t('editor.up')}
                    </button>
                    <button
                      type="button"
                      id={id(`agenda-${item.key}-down`)}
                      aria-label={t('editor.moveDown', { number: index() + 1 })}
                      disabled={index() === form.agenda.length - 1}
                      onClick={() => move(index(), 1)}
                    >
                      {t('editor.down')}
                    </button>
                    <button
                      type="button"
                      class="button-quiet"
                      aria-label={t('editor.remove', { number: index() + 1 })}
                      onClick={() => remove(index())}
                    >
                      {t('editor.removeShort')}
                    </button>
                  </div>
                  <Show when={agendaError(item.key)}>
                    <p class="field-error" id={id(`agenda-${item.key}-error`)}>
                      {agendaError(item.key)}
                    </p>
                  </Show>
                </li>
              )}
            </For>
          </ol>
        </Show>
        <Show when={fieldError('agenda')}>
          <p class="field-error" id={id('agenda-error')}>
            {fieldError('agenda')}
          </p>
        </Show>
        <button type="button" id={id('add-item')} onClick={addItem} disabled={form.agenda.length >= 50}>
          {t('editor.addItem')}
        </button>
        <p class="visually-hidden" aria-live="polite">
          {announcement()}
        </p>
      </fieldset>

      <div class="actions">
        <button type="submit" class="button-primary" disabled={saving()} aria-busy={saving()}>
          {saving()
            ? t('common.working')
            : t(initial?.status === 'notified' ? 'editor.save' : 'editor.saveDraft')}
        </button>
        <A href={initial ? `/meetings/${initial.id}` : '/meetings'} class="button button-quiet">
          {t('common.cancel')}
        </A>
      </div>

      <ConfirmDialog
        open={confirming()}
        title={t('editor.confirmUpdateTitle')}
        confirmLabel={t('editor.confirmUpdateYes')}
        cancelLabel={t('common.cancel')}
        pending={saving()}
        onConfirm={() => void save()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('editor.confirmUpdate')}</p>
      </ConfirmDialog>
    </form>
  );
}

/** A saved meeting, loaded, then the form; a cancelled meeting cannot be changed. */
function EditMeeting(props: { id: string }) {
  const { t } = useI18n();
  const detail = createAsync(() => getMeeting(props.id));
  return (
    <Show when={detail()}>
      {(current) => (
        <Show
          when={current().meeting.status !== 'cancelled'}
          fallback={
            <p class="notice">
              {t('editor.cancelledNotice')}{' '}
              <A href={`/meetings/${current().meeting.id}`}>{current().meeting.title}</A>
            </p>
          }
        >
          <MeetingForm meeting={current().meeting} />
        </Show>
      )}
    </Show>
  );
}

/** Creating a meeting (`/meetings/new`) or editing one (`/meetings/:id/edit`); for the secretary only. */
export function MeetingEditor() {
  const params = useParams();
  const { t } = useI18n();
  const { can } = useSession();
  const heading = () => t(params.id ? 'editor.editTitle' : 'editor.newTitle');
  usePageTitle(heading);
  return (
    <div class="page narrow">
      <p class="breadcrumb">
        <A href="/meetings">{t('meeting.back')}</A>
      </p>
      <h1>{heading()}</h1>
      <Show when={can('meetings.write')} fallback={<p class="notice">{t('editor.onlySecretary')}</p>}>
        <Show when={params.id} fallback={<MeetingForm />} keyed>
          {(meetingId) => <EditMeeting id={meetingId} />}
        </Show>
      </Show>
    </div>
  );
}
