import { createAsync, query, revalidate } from '@solidjs/router';
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import { client, unwrap } from '../api';
import { useI18n } from '../i18n/context';
import { checkFileSize, formatFileSize, uploadFile } from '../lib/attachments';

const attachmentsPath = (draftId: number) =>
  client.api.drafts[':id'].attachments.$path({ param: { id: String(draftId) } });
const downloadPath = (draftId: number, attachmentId: number) =>
  client.api.drafts[':id'].attachments[':attachmentId'].$path({
    param: { id: String(draftId), attachmentId: String(attachmentId) },
  });

/** A draft's attachments, with the API's limits for new ones. */
export const getDraftAttachments = query(
  (draftId: number) => unwrap(client.api.drafts[':id'].attachments.$get({ param: { id: String(draftId) } })),
  'draft-attachments',
);

/**
 * The files attached to a draft: everyone downloads them; with `editable` (the secretary, while the
 * draft is not in a ballot) files are added, with progress, and removed.
 */
export function DraftAttachments(props: { draftId: number; editable: boolean }) {
  const { t, errorText, locale } = useI18n();
  const view = createAsync(() => getDraftAttachments(props.draftId));
  const [progress, setProgress] = createSignal<number>();
  const [error, setError] = createSignal<unknown>();
  const ids = { heading: createUniqueId(), input: createUniqueId(), hint: createUniqueId() };
  const refresh = () => revalidate(getDraftAttachments.keyFor(props.draftId));

  const upload = async (event: Event & { currentTarget: HTMLInputElement }) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    const limits = view();
    if (!file || !limits) return;
    setError(undefined);
    const tooLarge = checkFileSize(file.size, limits.maxBytes);
    if (tooLarge) {
      setError(tooLarge);
      input.value = '';
      return;
    }
    setProgress(0);
    try {
      await uploadFile(attachmentsPath(props.draftId), file, setProgress);
    } catch (failure) {
      setError(failure);
    } finally {
      setProgress(undefined);
      input.value = '';
      await refresh();
    }
  };

  const remove = async (attachmentId: number, fileName: string) => {
    if (!window.confirm(t('attachments.confirmRemove', { name: fileName }))) return;
    setError(undefined);
    try {
      await unwrap(
        client.api.drafts[':id'].attachments[':attachmentId'].$delete({
          param: { id: String(props.draftId), attachmentId: String(attachmentId) },
        }),
      );
    } catch (failure) {
      setError(failure);
    } finally {
      await refresh();
    }
  };

  return (
    <section class="attachments" aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>{t('attachments.title')}</h3>
      <Show when={view()} fallback={<p class="muted">{t('app.loading')}</p>}>
        {(loaded) => (
          <>
            <Show
              when={loaded().attachments.length > 0}
              fallback={<p class="muted">{t('attachments.none')}</p>}
            >
              <ul class="attachment-list">
                <For each={loaded().attachments}>
                  {(attachment) => (
                    <li>
                      <a href={downloadPath(props.draftId, attachment.id)} download={attachment.fileName}>
                        {attachment.fileName}
                      </a>{' '}
                      <span class="muted">{formatFileSize(attachment.size, locale())}</span>
                      <Show when={props.editable}>
                        {' '}
                        <button
                          type="button"
                          aria-label={t('attachments.removeNamed', { name: attachment.fileName })}
                          onClick={() => remove(attachment.id, attachment.fileName)}
                        >
                          {t('attachments.remove')}
                        </button>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <Show when={props.editable}>
              <label for={ids.input}>{t('attachments.add')}</label>
              <input
                id={ids.input}
                type="file"
                accept={loaded().accept}
                aria-describedby={ids.hint}
                disabled={progress() !== undefined}
                onChange={upload}
              />
              <p class="hint" id={ids.hint}>
                {t('attachments.hint', { size: formatFileSize(loaded().maxBytes, locale()) })}
              </p>
              <Show when={progress() !== undefined}>
                <progress max="1" value={progress() ?? 0} aria-label={t('attachments.uploading')}>
                  {Math.round((progress() ?? 0) * 100)}%
                </progress>
              </Show>
            </Show>
          </>
        )}
      </Show>
      <Show when={error()}>
        {(failure) => (
          <p class="notice notice-error" role="alert">
            {errorText(failure())}
          </p>
        )}
      </Show>
    </section>
  );
}
