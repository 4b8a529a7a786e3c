import { revalidate } from '@solidjs/router';
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import { ApiError } from '../api';
import { PROGRAM_ACTIVITY_READS } from '../data';
import { useI18n } from '../i18n/context';
import { ACTIVITY_STATUSES, importIssueLabel } from '../i18n/labels';
import { type ImportOutcome, type ImportRowError, importOutcome } from '../lib/activity-import';

/**
 * The secretary imports activities from a CSV in the export's columns. The API takes the file whole
 * or not at all; a refused file comes back with its bad rows, listed here by line and column.
 */
export function ImportActivities(props: { programId: number }) {
  const { t, errorText } = useI18n();
  const id = createUniqueId();
  const [busy, setBusy] = createSignal(false);
  const [outcome, setOutcome] = createSignal<ImportOutcome>();
  // Every refusal comes with a code the dictionary words (a status's values are the file's own words).
  const refusalText = (error: ImportRowError['errors'][number]) => {
    const key = importIssueLabel(error);
    return key ? t(key, { values: ACTIVITY_STATUSES.join(', ') }) : error.message;
  };
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const file = new FormData(event.currentTarget as HTMLFormElement).get('file');
    if (!(file instanceof File)) return;
    setBusy(true);
    setOutcome(undefined);
    try {
      // The typed client sends JSON; the file goes as it is.
      const response = await fetch(`/api/programs/${props.programId}/activities/import`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: file,
      });
      const result = importOutcome(response.status, await response.json().catch(() => undefined));
      setOutcome(result);
      if (result.ok) await revalidate(PROGRAM_ACTIVITY_READS);
    } catch {
      setOutcome({
        ok: false,
        message: errorText(new ApiError(0, 'network', 'The server cannot be reached')),
        rows: [],
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <details class="panel">
      <summary>{t('import.title')}</summary>
      <p class="muted">{t('import.hint')}</p>
      <form class="stack" onSubmit={(e) => void submit(e)}>
        <div class="field">
          <label for={id}>{t('import.file')}</label>
          <input id={id} name="file" type="file" accept=".csv,text/csv" required />
        </div>
        <button type="submit" disabled={busy()}>
          {t('import.submit')}
        </button>
      </form>
      <Show when={outcome()}>
        {(o) => {
          const done = o();
          return done.ok ? (
            <p class="notice notice-success" role="status">
              {t('import.done', { created: done.created, updated: done.updated })}
            </p>
          ) : (
            <div class="notice notice-error" role="alert">
              <p>{done.rows.length > 0 ? t('import.refused') : done.message}</p>
              <ul>
                <For each={done.rows}>
                  {(row) => (
                    <li>
                      {t('import.line', { line: row.line })}:{' '}
                      <For each={row.errors}>
                        {(e, i) => (
                          <>
                            {i() > 0 ? '; ' : ''}
                            {/* A fault of the whole file from this line on has no column. */}
                            <Show when={e.column}>
                              <code>{e.column}</code> —{' '}
                            </Show>
                            {refusalText(e)}
                          </>
                        )}
                      </For>
                    </li>
                  )}
                </For>
              </ul>
            </div>
          );
        }}
      </Show>
    </details>
  );
}
