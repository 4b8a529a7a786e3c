import { A, createAsync, revalidate, useLocation, useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createUniqueId, ErrorBoundary, For, on, Show, Suspense } from 'solid-js';
import { createStore } from 'solid-js/store';
import { client } from '../api';
import { Field } from '../components/field';
import { usePageTitle } from '../components/page-title';
import { type AuditEventView, getAudit, getPeople, type PersonView } from '../data';
import { useI18n } from '../i18n/context';
import { AUDIT_ACTIONS, AUDIT_RECORD_TYPES, auditActionLabel, auditRecordLabel } from '../i18n/labels';
import {
  AUDIT_FILTER_FIELDS,
  type AuditFilterField,
  type AuditFilters,
  type AuditQuery,
  activeFilters,
  auditQuery,
  compactJson,
} from '../lib/audit';
import { useSession } from '../session';

/** How many events the page shows at once; the CSV export takes up to 10,000. */
const AUDIT_LIMIT = 200;

type Draft = Record<AuditFilterField, string>;

const first = (value: string | string[] | undefined): string =>
  (Array.isArray(value) ? value[0] : value) ?? '';

/** A value from the log's before/after, as one line of JSON; a long one opens to the whole of it. */
function Json(props: { value: unknown }) {
  const { t } = useI18n();
  const json = () => compactJson(props.value);
  return (
    <Show when={json()} fallback={<span class="muted">{t('common.none')}</span>}>
      {(shown) => (
        <Show when={shown().cut} fallback={<code class="json">{shown().short}</code>}>
          <details class="json">
            <summary>
              <code>{shown().short}</code>
            </summary>
            <pre>{shown().full}</pre>
          </details>
        </Show>
      )}
    </Show>
  );
}

/** The events for one set of filters, newest first. */
function AuditTable(props: { query: AuditQuery; people: readonly PersonView[] }) {
  const { t, dateTimeShort, zone, timeZone, locale } = useI18n();
  const events = createAsync(() => getAudit({ ...props.query, limit: String(AUDIT_LIMIT) }));

  const who = (event: AuditEventView) => {
    if (event.actorKind === 'system') return t('audit.system');
    const name =
      event.actorName ??
      (event.actorPersonId === null ? null : t('audit.personNumber', { id: event.actorPersonId }));
    if (event.actorKind === 'telegram') return name ? t('audit.viaTelegram', { name }) : t('audit.telegram');
    return name ?? t('common.none');
  };
  const action = (event: AuditEventView) => {
    const key = auditActionLabel(event.action);
    return key ? t(key) : event.action;
  };
  const recordType = (type: string) => {
    const key = auditRecordLabel(type);
    return key ? t(key) : type;
  };
  const personName = (id: string) => props.people.find((p) => String(p.id) === id)?.name;

  return (
    <Show when={events()}>
      {(list) => (
        <>
          <p class="muted" role="status">
            {t('audit.count', { count: list().length.toLocaleString(locale()) })}{' '}
            {t('meetings.timesIn', { zone: zone(timeZone()) })}
          </p>
          <Show when={list().length >= AUDIT_LIMIT}>
            <p class="notice notice-warning">{t('audit.limited', { count: AUDIT_LIMIT })}</p>
          </Show>
          <Show when={list().length > 0} fallback={<p class="muted">{t('audit.empty')}</p>}>
            <div class="table-wrap">
              <table class="audit-table">
                <thead>
                  <tr>
                    <th scope="col">{t('audit.when')}</th>
                    <th scope="col">{t('audit.who')}</th>
                    <th scope="col">{t('audit.what')}</th>
                    <th scope="col">{t('audit.record')}</th>
                    <th scope="col">{t('audit.change')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={list()}>
                    {(event) => (
                      <tr>
                        <td class="nowrap">
                          <time datetime={event.at}>{dateTimeShort(event.at)}</time>
                        </td>
                        <td>{who(event)}</td>
                        <th scope="row">
                          {action(event)}
                          <span class="block muted small">
                            <code>{event.action}</code>
                          </span>
                        </th>
                        <td>
                          <Show
                            when={event.recordType === 'meeting' && /^\d+$/.test(event.recordId)}
                            fallback={
                              <Show
                                when={event.recordType === 'person' && personName(event.recordId)}
                                fallback={t('audit.recordRef', {
                                  type: recordType(event.recordType),
                                  id: event.recordId,
                                })}
                              >
                                {(name) =>
                                  t('audit.recordNamed', {
                                    type: recordType(event.recordType),
                                    id: event.recordId,
                                    name: name(),
                                  })
                                }
                              </Show>
                            }
                          >
                            <A href={`/meetings/${event.recordId}`}>
                              {t('audit.recordRef', {
                                type: recordType(event.recordType),
                                id: event.recordId,
                              })}
                            </A>
                          </Show>
                        </td>
                        <td class="change">
                          <dl>
                            <Show when={event.before !== null}>
                              <dt>{t('audit.before')}</dt>
                              <dd>
                                <Json value={event.before} />
                              </dd>
                            </Show>
                            <Show when={event.after !== null}>
                              <dt>{t('audit.after')}</dt>
                              <dd>
                                <Json value={event.after} />
                              </dd>
                            </Show>
                          </dl>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        </>
      )}
    </Show>
  );
}

/** A failed read of the events, under the filters (which stay usable); changing them tries again. */
function ResultsError(props: { error: unknown; reset: () => void }) {
  const { t, errorText } = useI18n();
  const location = useLocation();
  createEffect(
    on(
      () => location.search,
      () => props.reset(),
      { defer: true },
    ),
  );
  const retry = async () => {
    await revalidate(getAudit.key);
    props.reset();
  };
  return (
    <div class="notice notice-error" role="alert">
      <p>{errorText(props.error)}</p>
      <button type="button" onClick={() => void retry()}>
        {t('common.retry')}
      </button>
    </div>
  );
}

/**
 * The audit log, read-only: filters (kept in the address, so a filtered view can be shared or
 * bookmarked), the newest events matching them, and the same selection as a CSV download.
 */
export function Audit() {
  const { t, timeZone, zone, language, locale } = useI18n();
  const { can } = useSession();
  const [search, setSearch] = useSearchParams();
  const people = createAsync(() => getPeople());
  const base = createUniqueId();
  const id = (name: string) => `${base}-${name}`;
  usePageTitle(() => t('audit.title'));

  const filters = (): AuditFilters =>
    Object.fromEntries(AUDIT_FILTER_FIELDS.map((field) => [field, first(search[field])]));
  const built = createMemo(() => auditQuery(filters(), timeZone()));
  const invalid = (field: AuditFilterField) =>
    built().invalid.includes(field) ? t(field === 'to' ? 'audit.invalidTo' : 'audit.invalid') : undefined;

  // What is being typed; it follows the address when that changes (back, forward, a shared link).
  const [draft, setDraft] = createStore<Draft>({
    action: '',
    recordType: '',
    recordId: '',
    actorId: '',
    from: '',
    to: '',
  });
  createEffect(
    on(
      () => AUDIT_FILTER_FIELDS.map((field) => first(search[field])).join('\u0000'),
      () => {
        const current = filters();
        setDraft(
          Object.fromEntries(AUDIT_FILTER_FIELDS.map((field) => [field, current[field] ?? ''])) as Draft,
        );
      },
    ),
  );

  const apply = (values: Partial<Draft>) => {
    const set = activeFilters(values);
    setSearch(Object.fromEntries(AUDIT_FILTER_FIELDS.map((field) => [field, set[field]])));
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    apply({ ...draft });
  };
  const clear = () => apply({});

  const sortedPeople = createMemo(() =>
    [...(people() ?? [])].sort((a, b) => a.name.localeCompare(b.name, locale())),
  );
  const withCurrent = (known: readonly string[], current: string) =>
    current && !known.includes(current) ? [...known, current] : known;
  const actionText = (action: string) => {
    const key = auditActionLabel(action);
    return key ? t(key) : action;
  };
  const recordTypeText = (type: string) => {
    const key = auditRecordLabel(type);
    return key ? t(key) : type;
  };
  const exportHref = () => client.api.audit.export.$path({ query: built().query });

  return (
    <div class="page wide">
      <h1>{t('audit.title')}</h1>
      <Show when={can('audit.read')} fallback={<p class="notice">{t('common.forbidden')}</p>}>
        <p class="muted">{t('audit.explain')}</p>
        <form class="panel audit-filters" onSubmit={submit} aria-labelledby={id('filters')}>
          <h2 id={id('filters')}>{t('audit.filters')}</h2>
          <div class="field-row">
            <Field id={id('action')} label={t('audit.action')} error={invalid('action')}>
              {(describedBy) => (
                <select
                  id={id('action')}
                  value={draft.action}
                  onChange={(e) => setDraft('action', e.currentTarget.value)}
                  aria-invalid={Boolean(invalid('action'))}
                  aria-describedby={describedBy}
                >
                  <option value="">{t('audit.anyAction')}</option>
                  <For each={withCurrent(AUDIT_ACTIONS, draft.action)}>
                    {(action) => <option value={action}>{actionText(action)}</option>}
                  </For>
                </select>
              )}
            </Field>
            <Field id={id('actor')} label={t('audit.actor')} error={invalid('actorId')}>
              {(describedBy) => (
                <select
                  id={id('actor')}
                  value={draft.actorId}
                  onChange={(e) => setDraft('actorId', e.currentTarget.value)}
                  aria-invalid={Boolean(invalid('actorId'))}
                  aria-describedby={describedBy}
                >
                  <option value="">{t('audit.anyActor')}</option>
                  <For each={sortedPeople()}>
                    {(person) => (
                      <option value={String(person.id)}>
                        {person.active ? person.name : `${person.name} ${t('audit.deactivated')}`}
                      </option>
                    )}
                  </For>
                </select>
              )}
            </Field>
          </div>
          <div class="field-row">
            <Field id={id('type')} label={t('audit.recordType')} error={invalid('recordType')}>
              {(describedBy) => (
                <select
                  id={id('type')}
                  value={draft.recordType}
                  onChange={(e) => setDraft('recordType', e.currentTarget.value)}
                  aria-invalid={Boolean(invalid('recordType'))}
                  aria-describedby={describedBy}
                >
                  <option value="">{t('audit.anyRecordType')}</option>
                  <For each={withCurrent(AUDIT_RECORD_TYPES, draft.recordType)}>
                    {(type) => <option value={type}>{recordTypeText(type)}</option>}
                  </For>
                </select>
              )}
            </Field>
            <Field
              id={id('record')}
              label={t('audit.recordId')}
              hint={t('audit.recordIdHint')}
              error={invalid('recordId')}
            >
              {(describedBy) => (
                <input
                  id={id('record')}
                  type="text"
                  inputmode="numeric"
                  maxlength={40}
                  autocomplete="off"
                  value={draft.recordId}
                  onInput={(e) => setDraft('recordId', e.currentTarget.value)}
                  aria-invalid={Boolean(invalid('recordId'))}
                  aria-describedby={describedBy}
                />
              )}
            </Field>
          </div>
          <div class="field-row">
            <Field id={id('from')} label={t('audit.from')} error={invalid('from')}>
              {(describedBy) => (
                <input
                  id={id('from')}
                  type="date"
                  lang={language()}
                  value={draft.from}
                  onInput={(e) => setDraft('from', e.currentTarget.value)}
                  aria-invalid={Boolean(invalid('from'))}
                  aria-describedby={`${id('days')}${describedBy ? ` ${describedBy}` : ''}`}
                />
              )}
            </Field>
            <Field id={id('to')} label={t('audit.to')} error={invalid('to')}>
              {(describedBy) => (
                <input
                  id={id('to')}
                  type="date"
                  lang={language()}
                  min={draft.from || undefined}
                  value={draft.to}
                  onInput={(e) => setDraft('to', e.currentTarget.value)}
                  aria-invalid={Boolean(invalid('to'))}
                  aria-describedby={`${id('days')}${describedBy ? ` ${describedBy}` : ''}`}
                />
              )}
            </Field>
          </div>
          <p class="hint" id={id('days')}>
            {t('audit.daysHint', { zone: zone(timeZone()) })}
          </p>
          <div class="actions">
            <button type="submit" class="button-primary">
              {t('audit.apply')}
            </button>
            <button type="button" onClick={clear}>
              {t('audit.clear')}
            </button>
            <Show when={built().invalid.length === 0}>
              <a
                class="button"
                href={exportHref()}
                download="accord-audit.csv"
                aria-describedby={id('export')}
              >
                {t('audit.export')}
              </a>
            </Show>
          </div>
          <p class="hint" id={id('export')}>
            {t('audit.exportHint')}
          </p>
        </form>
        <Show when={built().invalid.length === 0}>
          <ErrorBoundary fallback={(error, reset) => <ResultsError error={error} reset={reset} />}>
            <Suspense fallback={<p class="loading">{t('app.loading')}</p>}>
              <AuditTable query={built().query} people={people() ?? []} />
            </Suspense>
          </ErrorBoundary>
        </Show>
      </Show>
    </div>
  );
}
