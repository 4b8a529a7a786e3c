import type { Language, MemberStateCode, RepresentationKind } from '@accord/domain';
import { createMemo, createSignal, createUniqueId, For, onMount, Show, untrack } from 'solid-js';
import { createStore } from 'solid-js/store';
import { client, isApiError, unwrap } from '../api';
import { Field } from '../components/field';
import { FormErrors } from '../components/form-errors';
import type { PersonView, StateView } from '../data';
import { useI18n } from '../i18n/context';
import { browserTimeZone } from '../i18n/format';
import { ASSIGNABLE_ROLES, REPRESENTATION_KINDS, REPRESENTATION_LABELS, ROLE_LABELS } from '../i18n/labels';
import { fieldErrors } from '../lib/field-errors';
import { personPatch, successorCandidates } from '../lib/people';
import { timeZoneOptions } from '../lib/time-zones';

export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

/** An invite link just made, shown once. */
export interface CreatedInvite {
  name: string;
  link: string;
  startCommand: string;
  expiresAt: string;
}

const LANGUAGES: readonly Language[] = ['ru', 'en'];

const isAssignable = (role: string): role is AssignableRole =>
  (ASSIGNABLE_ROLES as readonly string[]).includes(role);

/** The fields the API reports problems for, each shown beside its input; anything else goes to the summary. */
const FIELDS = ['name', 'roles', 'language', 'timeZone', 'representation'] as const;
type FieldName = (typeof FIELDS)[number];

/** `roles.1` is about the roles, `representation.kind` about the seat: one message per field. */
const fieldOf = (path: string): string => {
  const head = path.split('.')[0] ?? path;
  return (FIELDS as readonly string[]).includes(head) ? head : path;
};

interface PersonForm {
  name: string;
  roles: AssignableRole[];
  language: Language;
  timeZone: string;
  stateCode: MemberStateCode | '';
  kind: RepresentationKind;
}

/** A modal that opens as it mounts; Escape or "Back" closes it, and the browser returns the focus. */
function useModal(onClose: () => void) {
  let dialog: HTMLDialogElement | undefined;
  onMount(() => dialog?.showModal());
  return {
    ref: (element: HTMLDialogElement) => {
      dialog = element;
    },
    close: () => {
      dialog?.close();
      onClose();
    },
  };
}

/**
 * Adding a person (then their invite link is shown once) or editing one: name, roles, language and
 * time zone. A seat is given when the person is added; later it only passes on by deactivation.
 */
export function PersonDialog(props: {
  person?: PersonView | undefined;
  states: readonly StateView[];
  onClose: () => void;
  onAdded: (invite: CreatedInvite) => void;
  onSaved: (person: PersonView, message: string) => void;
}) {
  const { t, zone, language, issueText } = useI18n();
  const modal = useModal(() => props.onClose());
  const base = createUniqueId();
  const id = (name: string) => `${base}-${name}`;
  // The form starts from the person as loaded; a refresh of the list must not overwrite what is being typed.
  const initial = untrack(() => props.person);
  const before = initial && {
    name: initial.name,
    roles: initial.roles.filter(isAssignable),
    language: initial.language,
    timeZone: initial.timeZone,
  };
  const [form, setForm] = createStore<PersonForm>({
    name: before?.name ?? '',
    roles: before?.roles ?? ['member'],
    language: before?.language ?? untrack(language),
    timeZone: before?.timeZone ?? browserTimeZone(),
    stateCode: '',
    kind: 'representative',
  });
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [failure, setFailure] = createSignal<unknown>();
  const [notice, setNotice] = createSignal('');
  const [saving, setSaving] = createSignal(false);
  let formElement: HTMLFormElement | undefined;
  let summaryElement: HTMLDivElement | undefined;

  const zones = createMemo(() => timeZoneOptions(props.states, [initial?.timeZone, browserTimeZone()]));
  const stateName = (code: string) => {
    const state = props.states.find((s) => s.code === code);
    return state ? (language() === 'ru' ? state.nameRu : state.nameEn) : code;
  };
  const zoneText = (value: string, stateCodes: readonly string[]) => {
    const who =
      stateCodes.length > 0
        ? stateCodes.map(stateName).join(', ')
        : value === browserTimeZone()
          ? t('time.deviceZone')
          : '';
    return who ? `${zone(value)} — ${who}` : zone(value);
  };
  const fieldError = (name: FieldName) => errors()[name];
  const otherErrors = () =>
    Object.entries(errors()).filter(([path]) => !(FIELDS as readonly string[]).includes(path));

  const toggleRole = (role: AssignableRole, on: boolean) =>
    setForm('roles', (roles) => ASSIGNABLE_ROLES.filter((r) => (r === role ? on : roles.includes(r))));
  const chooseState = (code: string) => {
    const state = props.states.find((s) => s.code === code);
    setForm('stateCode', state?.code ?? '');
    // A representative usually lives by their capital's clock.
    if (state) setForm('timeZone', state.timeZone);
  };

  const showProblem = (error: unknown, byField: Record<string, string>) => {
    setFailure(error);
    setNotice('');
    setErrors(byField);
    queueMicrotask(() => {
      const invalid = formElement?.querySelector<HTMLElement>('[aria-invalid="true"]');
      (invalid ?? summaryElement)?.focus();
    });
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (form.roles.length === 0) {
      showProblem(undefined, { roles: t('people.rolesRequired') });
      return;
    }
    const fields = {
      name: form.name.trim(),
      roles: [...form.roles],
      language: form.language,
      timeZone: form.timeZone,
    };
    setSaving(true);
    setFailure(undefined);
    setErrors({});
    try {
      if (initial && before) {
        const patch = personPatch(before, fields);
        if (Object.keys(patch).length === 0) {
          setNotice(t('error.NothingChanged'));
          queueMicrotask(() => summaryElement?.focus());
          return;
        }
        await unwrap(client.api.people[':id'].$patch({ param: { id: String(initial.id) }, json: patch }));
        modal.close();
        props.onSaved(initial, t('people.saved', { name: fields.name }));
      } else {
        const representation = form.stateCode ? { stateCode: form.stateCode, kind: form.kind } : null;
        const created = await unwrap(client.api.people.$post({ json: { ...fields, representation } }));
        modal.close();
        props.onAdded({ name: fields.name, ...created });
      }
    } catch (error) {
      const byField: Record<string, string> = {};
      if (isApiError(error))
        for (const [path, message] of Object.entries(fieldErrors(error.details, issueText)))
          byField[fieldOf(path)] ??= message;
      showProblem(error, byField);
    } finally {
      setSaving(false);
    }
  };

  const titleId = id('title');
  return (
    <dialog
      ref={modal.ref}
      class="dialog dialog-form"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        modal.close();
      }}
    >
      <h2 id={titleId}>{initial ? t('people.editTitle', { name: initial.name }) : t('people.addTitle')}</h2>
      <form ref={formElement} class="stack" onSubmit={submit}>
        <div
          ref={summaryElement}
          tabindex="-1"
          role="alert"
          class={failure() || notice() ? 'notice notice-error' : 'visually-hidden'}
        >
          <Show when={notice()}>
            <p>{notice()}</p>
          </Show>
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

        <Field id={id('name')} label={t('people.name')} error={fieldError('name')}>
          {(describedBy) => (
            <input
              id={id('name')}
              type="text"
              required
              maxlength={200}
              autocomplete="off"
              value={form.name}
              onInput={(e) => setForm('name', e.currentTarget.value)}
              aria-invalid={Boolean(fieldError('name'))}
              aria-describedby={describedBy}
            />
          )}
        </Field>

        <fieldset
          classList={{ 'field-invalid': Boolean(fieldError('roles')) }}
          aria-describedby={`${id('roles-hint')}${fieldError('roles') ? ` ${id('roles-error')}` : ''}`}
        >
          <legend>{t('people.roles')}</legend>
          <div class="checkboxes">
            <For each={ASSIGNABLE_ROLES}>
              {(role) => (
                <label class="checkbox">
                  <input
                    type="checkbox"
                    value={role}
                    checked={form.roles.includes(role)}
                    onChange={(e) => toggleRole(role, e.currentTarget.checked)}
                    aria-invalid={Boolean(fieldError('roles'))}
                  />
                  {t(ROLE_LABELS[role])}
                </label>
              )}
            </For>
          </div>
          <p class="hint" id={id('roles-hint')}>
            {t('people.rolesHint')}
          </p>
          <Show when={fieldError('roles')}>
            <p class="field-error" id={id('roles-error')}>
              {fieldError('roles')}
            </p>
          </Show>
        </fieldset>

        <div class="field-row">
          <Field
            id={id('language')}
            label={t('people.language')}
            hint={t('people.languageHint')}
            error={fieldError('language')}
          >
            {(describedBy) => (
              <select
                id={id('language')}
                value={form.language}
                onChange={(e) => setForm('language', e.currentTarget.value === 'en' ? 'en' : 'ru')}
                aria-invalid={Boolean(fieldError('language'))}
                aria-describedby={describedBy}
              >
                <For each={LANGUAGES}>
                  {(code) => (
                    <option value={code} lang={code}>
                      {t(code === 'en' ? 'language.en' : 'language.ru')}
                    </option>
                  )}
                </For>
              </select>
            )}
          </Field>
          <Field
            id={id('zone')}
            label={t('people.timeZone')}
            hint={t('people.timeZoneHint')}
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
                  {(option) => (
                    <option value={option.value}>{zoneText(option.value, option.stateCodes)}</option>
                  )}
                </For>
              </select>
            )}
          </Field>
        </div>

        <Show when={!initial} fallback={<p class="hint">{t('people.seatNotEditable')}</p>}>
          <fieldset>
            <legend>{t('people.representation')}</legend>
            <div class="field-row">
              <Field
                id={id('state')}
                label={t('people.state')}
                hint={t('people.stateHint')}
                error={fieldError('representation')}
              >
                {(describedBy) => (
                  <select
                    id={id('state')}
                    value={form.stateCode}
                    onChange={(e) => chooseState(e.currentTarget.value)}
                    aria-invalid={Boolean(fieldError('representation'))}
                    aria-describedby={describedBy}
                  >
                    <option value="">{t('people.stateNone')}</option>
                    <For each={props.states}>
                      {(state) => <option value={state.code}>{stateName(state.code)}</option>}
                    </For>
                  </select>
                )}
              </Field>
              <Show when={form.stateCode}>
                <Field id={id('seat')} label={t('people.seat')}>
                  {(describedBy) => (
                    <select
                      id={id('seat')}
                      value={form.kind}
                      onChange={(e) => {
                        const kind = REPRESENTATION_KINDS.find((k) => k === e.currentTarget.value);
                        if (kind) setForm('kind', kind);
                      }}
                      aria-describedby={describedBy}
                    >
                      <For each={REPRESENTATION_KINDS}>
                        {(kind) => <option value={kind}>{t(REPRESENTATION_LABELS[kind])}</option>}
                      </For>
                    </select>
                  )}
                </Field>
              </Show>
            </div>
          </fieldset>
        </Show>

        <Show when={!initial}>
          <p class="hint">{t('people.addExplain')}</p>
        </Show>

        <div class="actions">
          <button type="button" onClick={() => modal.close()} disabled={saving()}>
            {t('common.cancel')}
          </button>
          <button type="submit" class="button-primary" disabled={saving()} aria-busy={saving()}>
            {saving() ? t('common.working') : initial ? t('people.save') : t('people.addSubmit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/**
 * Deactivating a person, typically a representative who is replaced: says what happens (access
 * ends, the seat passes to the successor if one is named, history stays) and asks for the successor.
 */
export function DeactivateDialog(props: {
  person: PersonView;
  people: readonly PersonView[];
  states: readonly StateView[];
  self: boolean;
  onClose: () => void;
  onDone: (person: PersonView, message: string) => void;
}) {
  const { t, errorText, language, locale } = useI18n();
  const modal = useModal(() => props.onClose());
  const base = createUniqueId();
  const [successorId, setSuccessorId] = createSignal('');
  const [failure, setFailure] = createSignal<unknown>();
  const [pending, setPending] = createSignal(false);

  const candidates = createMemo(() => successorCandidates(props.person, props.people, locale()));
  const successor = () => candidates().find((p) => String(p.id) === successorId());
  const stateName = (code: string) => {
    const state = props.states.find((s) => s.code === code);
    return state ? (language() === 'ru' ? state.nameRu : state.nameEn) : code;
  };
  const seat = () => {
    const { stateCode, representation } = props.person;
    return stateCode && representation
      ? { state: stateName(stateCode), seat: t(REPRESENTATION_LABELS[representation]) }
      : null;
  };
  const candidateText = (p: PersonView) =>
    p.stateCode && p.representation
      ? `${p.name} — ${t(REPRESENTATION_LABELS[p.representation])}, ${stateName(p.stateCode)}`
      : p.stateCode
        ? `${p.name} — ${stateName(p.stateCode)}`
        : p.name;

  const deactivate = async () => {
    setPending(true);
    setFailure(undefined);
    try {
      const chosen = successor();
      const result = await unwrap(
        client.api.people[':id'].deactivate.$post({
          param: { id: String(props.person.id) },
          json: { successorId: chosen ? chosen.id : null },
        }),
      );
      modal.close();
      props.onDone(
        props.person,
        t('people.deactivatedDone', { name: props.person.name, count: result.sessionsEnded }),
      );
    } catch (error) {
      setFailure(error);
    } finally {
      setPending(false);
    }
  };

  return (
    <dialog
      ref={modal.ref}
      class="dialog"
      aria-labelledby={`${base}-title`}
      aria-describedby={`${base}-what`}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending()) modal.close();
      }}
    >
      <h2 id={`${base}-title`}>{t('people.deactivateTitle', { name: props.person.name })}</h2>
      <div class="dialog-body" id={`${base}-what`}>
        <ul class="consequences">
          <li>{t('people.deactivateAccess', { name: props.person.name })}</li>
          <Show when={seat()}>
            {(held) => (
              <li>
                {successor()
                  ? t('people.deactivateSeatTo', { ...held(), successor: successor()?.name ?? '' })
                  : t('people.deactivateSeat', held())}
              </li>
            )}
          </Show>
          <li>{t('people.deactivateHistory')}</li>
        </ul>
        <Show when={props.self}>
          <p class="notice notice-warning">{t('people.deactivateSelf')}</p>
        </Show>
      </div>
      <Field id={`${base}-successor`} label={t('people.successor')} hint={t('people.successorHint')}>
        {(describedBy) => (
          <select
            id={`${base}-successor`}
            value={successorId()}
            onChange={(e) => setSuccessorId(e.currentTarget.value)}
            aria-describedby={describedBy}
          >
            <option value="">{t('people.successorNone')}</option>
            <For each={candidates()}>{(p) => <option value={String(p.id)}>{candidateText(p)}</option>}</For>
          </select>
        )}
      </Field>
      <Show when={failure()}>
        {(error) => (
          <p class="field-error" role="alert">
            {errorText(error())}
          </p>
        )}
      </Show>
      <div class="actions">
        <button type="button" onClick={() => modal.close()} disabled={pending()}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          class="button-danger"
          onClick={() => void deactivate()}
          disabled={pending()}
          aria-busy={pending()}
        >
          {t('people.deactivateYes')}
        </button>
      </div>
    </dialog>
  );
}
