import { createSignal, createUniqueId, onMount } from 'solid-js';
import { useI18n } from '../i18n/context';

/**
 * A small rich-text editor: bold, italic, lists and links in a contenteditable area. What it sends
 * is only a proposal: the API keeps the safe subset and drops everything else.
 */
export function RichTextEditor(props: {
  label: string;
  /** The section's current text, as the API sanitized it. */
  initial: string;
  saving: boolean;
  onSave: (html: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = createUniqueId();
  const [empty, setEmpty] = createSignal(props.initial === '');
  let area: HTMLDivElement | undefined;
  onMount(() => {
    if (!area) return;
    area.innerHTML = props.initial;
    area.focus();
  });
  // The toolbar keeps the selection: its buttons act on mouse down without taking the focus.
  const command = (name: string, value?: string) => (event: MouseEvent) => {
    event.preventDefault();
    area?.focus();
    document.execCommand(name, false, value);
  };
  const link = (event: MouseEvent) => {
    event.preventDefault();
    const href = window.prompt(t('report.linkPrompt'), 'https://');
    if (href) {
      area?.focus();
      document.execCommand('createLink', false, href);
    }
  };
  const button = (label: string, onDown: (e: MouseEvent) => void) => (
    <button type="button" class="button-small" onMouseDown={onDown}>
      {label}
    </button>
  );
  return (
    <div class="rich-editor stack">
      <div class="rich-toolbar" role="toolbar" aria-controls={id} aria-label={t('report.formatting')}>
        {button(t('report.bold'), command('bold'))}
        {button(t('report.italic'), command('italic'))}
        {button(t('report.bulleted'), command('insertUnorderedList'))}
        {button(t('report.numbered'), command('insertOrderedList'))}
        {button(t('report.link'), link)}
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: a textarea cannot hold formatting; contenteditable with the textbox role is the accessible rich-text pattern. */}
      <div
        id={id}
        ref={area}
        tabIndex={0}
        class="rich-text rich-area"
        classList={{ 'rich-empty': empty() }}
        contentEditable
        role="textbox"
        aria-multiline="true"
        aria-label={props.label}
        data-placeholder={t('report.textPlaceholder')}
        onInput={() => setEmpty((area?.textContent ?? '').trim() === '')}
      />
      <div class="actions">
        <button
          type="button"
          class="button-primary"
          disabled={props.saving}
          onClick={() => props.onSave(area?.innerHTML ?? '')}
        >
          {t('report.saveSection')}
        </button>
        <button type="button" onClick={() => props.onCancel()} disabled={props.saving}>
          {t('report.cancel')}
        </button>
      </div>
    </div>
  );
}
