import { type JSX, Show } from 'solid-js';

/** A field's label, its input (given the ids to describe it by), a hint and the API's complaint about it. */
export function Field(props: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: (describedBy: string | undefined) => JSX.Element;
}) {
  const describedBy = () =>
    [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <div class="field" classList={{ 'field-invalid': Boolean(props.error) }}>
      <label for={props.id}>{props.label}</label>
      {props.children(describedBy())}
      <Show when={props.hint}>
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      </Show>
    </div>
  );
}
