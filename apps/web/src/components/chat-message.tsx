import { createMemo, For, type JSX, Show } from 'solid-js';
import { useI18n } from '../i18n/context';
import { type ChatEntity, type ChatNode, entityTree, fileSize, safeUrl } from '../lib/chat-format';

/** A message as the Chats page shows it: a live sandbox message, or a preview read from the bot's HTML. */
export interface ChatMessageData {
  from: 'bot' | 'user';
  text: string;
  entities: ChatEntity[];
  buttons: Array<Array<{ text: string; callbackData?: string; url?: string }>>;
  document: { fileName: string; size: number } | null;
  edited: boolean;
  /** Unix seconds, as Telegram dates a message; absent in a preview. */
  date?: number;
}

export type ChatButton = ChatMessageData['buttons'][number][number];

/** One entity's element; its content is already made of elements and text, never HTML. */
function Entity(props: { entity: ChatEntity; text: string; children: JSX.Element }) {
  const entity = props.entity;
  switch (entity.type) {
    case 'bold':
      return <strong>{props.children}</strong>;
    case 'italic':
      return <em>{props.children}</em>;
    case 'underline':
      return <u>{props.children}</u>;
    case 'strikethrough':
      return <s>{props.children}</s>;
    case 'code':
      return <code>{props.children}</code>;
    case 'pre':
      return (
        <pre class="chat-pre" data-language={entity.language}>
          <code>{props.children}</code>
        </pre>
      );
    case 'blockquote':
      return <blockquote class="chat-quote">{props.children}</blockquote>;
    case 'spoiler':
      return <span class="chat-spoiler">{props.children}</span>;
    case 'bot_command':
      return <span class="chat-command">{props.children}</span>;
    case 'text_link':
    case 'url':
    case 'email': {
      const href = safeUrl(
        entity.type === 'text_link'
          ? entity.url
          : entity.type === 'email'
            ? `mailto:${props.text}`
            : props.text,
      );
      return (
        <Show when={href} fallback={<span>{props.children}</span>}>
          {(link) => (
            <a href={link()} target="_blank" rel="noopener noreferrer">
              {props.children}
            </a>
          )}
        </Show>
      );
    }
    default:
      return <span>{props.children}</span>;
  }
}

const textOf = (node: ChatNode): string =>
  node.kind === 'text' ? node.text : node.children.map(textOf).join('');

function Nodes(props: { nodes: ChatNode[] }) {
  return (
    <For each={props.nodes}>
      {(node) =>
        node.kind === 'text' ? (
          node.text
        ) : (
          <Entity entity={node.entity} text={textOf(node)}>
            <Nodes nodes={node.children} />
          </Entity>
        )
      }
    </For>
  );
}

/** Telegram-formatted text (bold, italic, links, code, pre…) made of elements, so nothing in it can run. */
export function FormattedText(props: { text: string; entities: ChatEntity[] }) {
  const tree = createMemo(() => entityTree(props.text, props.entities));
  return (
    <div class="chat-text">
      <Nodes nodes={tree()} />
    </div>
  );
}

/**
 * A chat message as Telegram shows it: who wrote it, the formatted text, a document with a
 * download link, and the inline keyboard — callback buttons call `onPress` (disabled when there is
 * none: a preview), URL buttons open their link.
 */
export function ChatMessage(props: {
  message: ChatMessageData;
  author: string;
  documentHref?: string | undefined;
  onPress?: ((button: ChatButton) => void) | undefined;
  busy?: boolean;
}) {
  const { t, dateTimeShort, locale } = useI18n();
  return (
    <article class={`chat-message chat-from-${props.message.from}`} aria-label={props.author}>
      <p class="chat-author">{props.author}</p>
      <Show when={props.message.document}>
        {(document) => (
          <p class="chat-document">
            <span>
              {t('chats.document', { name: document().fileName, size: fileSize(document().size, locale()) })}
            </span>
            <Show when={props.documentHref}>
              {(href) => (
                <>
                  {' '}
                  <a href={href()} download={document().fileName}>
                    {t('chats.download')}
                  </a>
                </>
              )}
            </Show>
          </p>
        )}
      </Show>
      <Show when={props.message.text !== ''}>
        <FormattedText text={props.message.text} entities={props.message.entities} />
      </Show>
      <p class="chat-meta">
        <Show when={props.message.date}>
          {(date) => (
            <time datetime={new Date(date() * 1000).toISOString()}>
              {dateTimeShort(new Date(date() * 1000).toISOString())}
            </time>
          )}
        </Show>
        <Show when={props.message.edited}>
          {' '}
          <span class="chat-edited">{t('chats.edited')}</span>
        </Show>
      </p>
      <Show when={props.message.buttons.length > 0}>
        <fieldset class="chat-keyboard">
          <legend class="visually-hidden">{t('chats.buttons')}</legend>
          <For each={props.message.buttons}>
            {(row) => (
              <div class="chat-keyboard-row">
                <For each={row}>
                  {(button) => (
                    <Show
                      when={safeUrl(button.url)}
                      fallback={
                        <button
                          type="button"
                          disabled={!props.onPress || button.callbackData === undefined || props.busy}
                          onClick={() => props.onPress?.(button)}
                        >
                          {button.text}
                        </button>
                      }
                    >
                      {(href) => (
                        <a
                          class="chat-link-button"
                          href={href()}
                          target="_blank"
                          rel="noopener noreferrer"
                          aria-label={t('chats.opensLink', { text: button.text })}
                        >
                          {button.text} ↗
                        </a>
                      )}
                    </Show>
                  )}
                </For>
              </div>
            )}
          </For>
        </fieldset>
      </Show>
    </article>
  );
}
