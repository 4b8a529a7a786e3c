import { createEffect, createUniqueId, type JSX } from 'solid-js';

/**
 * A modal question before an action that reaches people (a notice, an update, a cancellation).
 * The native `<dialog>` keeps focus inside, closes on Escape and starts on the safe button.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children: JSX.Element;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  danger?: boolean;
  pending?: boolean;
}) {
  let dialog: HTMLDialogElement | undefined;
  const titleId = createUniqueId();
  createEffect(() => {
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  });
  return (
    <dialog
      ref={dialog}
      class="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id={titleId}>{props.title}</h2>
      <div class="dialog-body">{props.children}</div>
      <div class="actions">
        <button type="button" onClick={() => props.onCancel()} disabled={props.pending}>
          {props.cancelLabel}
        </button>
        <button
          type="button"
          class={props.danger ? 'button-danger' : 'button-primary'}
          onClick={() => props.onConfirm()}
          disabled={props.pending}
          aria-busy={props.pending}
        >
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
