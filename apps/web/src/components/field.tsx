import { createEffect, type JSX, Show, untrack } from 'solid-js';

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
  // Made once: made again when an error comes or goes, the control would lose what was typed in it.
  // Its description follows the error on the element itself.
  const control = untrack(() => props.children(describedBy()));
  let wrapper: HTMLDivElement | undefined;
  createEffect(() => {
    const described = describedBy();
    const element = wrapper?.querySelector(`#${CSS.escape(props.id)}`);
    if (!element) return;
    if (described) element.setAttribute('aria-describedby', described);
    else element.removeAttribute('aria-describedby');
  });
  return (
    <div class="field" classList={{ 'field-invalid': Boolean(props.error) }} ref={wrapper}>
      <label for={props.id}>{props.label}</label>
      {control}
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
