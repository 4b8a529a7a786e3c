import { For, Show } from 'solid-js';
import { useI18n } from '../i18n/context';

/**
 * The body of a form's error summary: the refusal's message (or "correct the fields below" when
 * fields carry their own errors), then the problems no field shows, each with its path.
 */
export function FormErrors(props: {
  error: unknown;
  hasFieldErrors: boolean;
  otherErrors: ReadonlyArray<readonly [string, string]>;
}) {
  const { t, errorText } = useI18n();
  return (
    <>
      <p>{props.hasFieldErrors ? t('editor.fixErrors') : errorText(props.error)}</p>
      <Show when={props.otherErrors.length > 0}>
        <ul>
          <For each={props.otherErrors}>
            {([path, message]) => (
              <li>
                {path === 'form' ? '' : `${path}: `}
                {message}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </>
  );
}
