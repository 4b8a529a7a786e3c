import { A, createAsync, revalidate, useNavigate } from '@solidjs/router';
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import { client, isApiError, unwrap } from '../api';
import { CalendarFeed } from '../components/calendar-feed';
import { Field } from '../components/field';
import { usePageTitle } from '../components/page-title';
import { getPrograms } from '../data';
import { useI18n } from '../i18n/context';
import { fieldErrors } from '../lib/field-errors';
import { useSession } from '../session';

/** "Russian | English" a line, as the form asks for directions. */
const parseDirections = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [ru = '', en = ''] = line.split('|').map((part) => part.trim());
      return { titleRu: ru, titleEn: en || ru };
    });

/** The secretary starts a program: code, titles, period, goals and its directions. */
function NewProgramForm() {
  const { t, errorText, issueText } = useI18n();
  const navigate = useNavigate();
  const [failure, setFailure] = createSignal<unknown>();
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const id = createUniqueId();
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '');
    setFailure(undefined);
    setErrors({});
    try {
      const created = await unwrap(
        client.api.programs.$post({
          json: {
            code: text('code'),
            titleRu: text('titleRu'),
            titleEn: text('titleEn'),
            periodStart: text('periodStart'),
            periodEnd: text('periodEnd'),
            goals: text('goals'),
            directions: parseDirections(text('directions')),
          },
        }),
      );
      await revalidate(getPrograms.key);
      navigate(`/programs/${created.program?.id ?? ''}`);
    } catch (error) {
      setFailure(error);
      if (isApiError(error)) setErrors(fieldErrors(error.details, issueText));
    }
  };
  const field = (name: string, label: string, type = 'text', hint?: string) => (
    <Field id={`${id}-${name}`} label={label} hint={hint} error={errors()[name]}>
      {(describedBy) => (
        <input id={`${id}-${name}`} name={name} type={type} required aria-describedby={describedBy} />
      )}
    </Field>
  );
  return (
    <form class="panel stack" onSubmit={submit}>
      <h2>{t('programs.new')}</h2>
      <Show when={failure()}>
        {(error) => (
          <p class="notice notice-error" role="alert">
            {errorText(error())}
          </p>
        )}
      </Show>
      {field('code', t('programs.code'), 'text', t('programs.codeHint'))}
      {field('titleRu', t('programs.titleRu'))}
      {field('titleEn', t('programs.titleEn'))}
      <div class="field-row">
        {field('periodStart', t('programs.periodStart'), 'date')}
        {field('periodEnd', t('programs.periodEnd'), 'date')}
      </div>
      <Field id={`${id}-goals`} label={t('programs.goals')} error={errors().goals}>
        {(describedBy) => (
          <textarea id={`${id}-goals`} name="goals" rows={4} aria-describedby={describedBy} />
        )}
      </Field>
      <Field
        id={`${id}-directions`}
        label={t('programs.directions')}
        hint={t('programs.directionsHint')}
        error={errors().directions}
      >
        {(describedBy) => (
          <textarea id={`${id}-directions`} name="directions" rows={5} aria-describedby={describedBy} />
        )}
      </Field>
      <button type="submit" class="button-primary">
        {t('programs.create')}
      </button>
    </form>
  );
}

/** The commission's long-term programs, the reader's own calendar of them; the secretary starts new ones. */
export function Programs() {
  const { t, language } = useI18n();
  const { can } = useSession();
  const programs = createAsync(() => getPrograms());
  usePageTitle(() => t('programs.title'));
  return (
    <div class="page">
      <h1>{t('programs.title')}</h1>
      <Show when={(programs() ?? []).length > 0} fallback={<p class="muted">{t('programs.none')}</p>}>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('activity.title')}</th>
                <th scope="col">{t('programs.period')}</th>
                <th scope="col">{t('programs.directions')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={programs()}>
                {(program) => (
                  <tr>
                    <th scope="row">
                      <A href={`/programs/${program.id}`}>
                        {language() === 'ru' ? program.titleRu : program.titleEn}
                      </A>
                    </th>
                    <td>
                      {program.periodStart} – {program.periodEnd}
                    </td>
                    <td class="number">{program.directions.length}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <CalendarFeed />
      <Show when={can('programs.write')}>
        <NewProgramForm />
      </Show>
    </div>
  );
}
