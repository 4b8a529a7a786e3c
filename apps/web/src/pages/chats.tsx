import type { PreviewKind } from '@accord/domain';
import { createAsync, useSearchParams } from '@solidjs/router';
import {
  createEffect,
  createMemo,
  createSignal,
  createUniqueId,
  For,
  Match,
  on,
  onCleanup,
  Show,
  Switch,
} from 'solid-js';
import { client, unwrap } from '../api';
import { type ChatButton, ChatMessage, type ChatMessageData } from '../components/chat-message';
import { Field } from '../components/field';
import { usePageTitle } from '../components/page-title';
import {
  getBallots,
  getMeetings,
  getPeople,
  getSandboxChat,
  getSandboxChats,
  type SandboxChatSummary,
  type SandboxChatView,
  type SandboxMessageView,
} from '../data';
import { useI18n } from '../i18n/context';
import { messageKindLabel } from '../i18n/labels';
import { parseTelegramHtml } from '../lib/chat-format';
import { useSession } from '../session';

/** The chat as loaded, then as each push of its live stream (a message, an edit) shows it. */
function useLiveChat(chatId: () => string) {
  const loaded = createAsync(() => getSandboxChat(chatId()));
  const [pushed, setPushed] = createSignal<SandboxChatView>();
  const [connected, setConnected] = createSignal(false);
  createEffect(() => {
    const id = chatId();
    setPushed(undefined);
    const source = new EventSource(
      client.api['sandbox-chats'][':chatId'].events.$path({ param: { chatId: id } }),
    );
    source.addEventListener('open', () => setConnected(true));
    source.addEventListener('error', () => setConnected(false));
    source.addEventListener('chat', (event) => {
      // The stream sends what GET /api/sandbox-chats/:chatId answers, made by the same function.
      setPushed(JSON.parse((event as MessageEvent<string>).data) as SandboxChatView);
    });
    onCleanup(() => source.close());
  });
  return { view: () => pushed() ?? loaded(), connected };
}

const asData = (message: SandboxMessageView): ChatMessageData => ({
  from: message.from,
  text: message.text,
  entities: message.entities,
  buttons: message.buttons,
  document: message.document,
  edited: message.edited,
  date: message.date,
});

/** One chat: its messages as Telegram shows them, live; a box to write in; buttons to press. */
function ChatPane(props: { chatId: string; chats: SandboxChatSummary[] }) {
  const { t, errorText } = useI18n();
  const { view, connected } = useLiveChat(() => props.chatId);
  const chat = () => props.chats.find((c) => String(c.chatId) === props.chatId);
  const people = () => props.chats.filter((c) => c.kind === 'private');
  const isGroup = () => chat()?.kind === 'group';
  const title = () =>
    isGroup()
      ? t('chats.groupTitle', { title: chat()?.title || t('chats.groupUntitled') })
      : (chat()?.title ?? '');
  const [text, setText] = createSignal('');
  const [writer, setWriter] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [status, setStatus] = createSignal('');
  const [error, setError] = createSignal<unknown>();
  const inputId = createUniqueId();
  const writerId = createUniqueId();
  let log: HTMLOListElement | undefined;

  const author = (message: SandboxMessageView) => {
    if (message.from === 'bot') return t('chats.bot');
    const person = props.chats.find((c) => c.kind === 'private' && c.chatId === message.userId);
    return person?.title ?? t('chats.member', { id: String(message.userId ?? '') });
  };
  const asPerson = () => (isGroup() && writer() ? { asPersonId: Number(writer()) } : {});

  // New messages arrive at the bottom, as in Telegram: keep the latest in view.
  createEffect(
    on(
      () => view()?.messages.length,
      () => queueMicrotask(() => log?.lastElementChild?.scrollIntoView({ block: 'nearest' })),
    ),
  );

  const act = async (run: () => Promise<string>) => {
    setBusy(true);
    setError(undefined);
    setStatus('');
    try {
      setStatus(await run());
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const send = (event: SubmitEvent) => {
    event.preventDefault();
    const typed = text();
    if (typed.trim() === '') return;
    void act(async () => {
      await unwrap(
        client.api['sandbox-chats'][':chatId'].messages.$post({
          param: { chatId: props.chatId },
          json: { text: typed, ...asPerson() },
        }),
      );
      setText('');
      return t('chats.sent');
    });
  };
  const press = (message: SandboxMessageView, button: ChatButton) => {
    if (button.callbackData === undefined) return;
    const callbackData = button.callbackData;
    void act(async () => {
      const { answer } = await unwrap(
        client.api['sandbox-chats'][':chatId'].press.$post({
          param: { chatId: props.chatId },
          json: { messageId: message.message_id, callbackData, ...asPerson() },
        }),
      );
      return answer?.text
        ? t('chats.pressedAnswer', { text: answer.text })
        : t('chats.pressed', { text: button.text });
    });
  };

  return (
    <section class="chat-pane" aria-label={t('chats.log', { name: title() })}>
      <div class="chat-head">
        <h2>{title()}</h2>
        <span class="muted" role="status">
          {connected() ? t('chats.live') : t('chats.reconnecting')}
        </span>
      </div>
      <ol class="chat-log" ref={log} role="log" aria-label={t('chats.log', { name: title() })}>
        <For each={view()?.messages ?? []} fallback={<li class="muted">{t('chats.empty')}</li>}>
          {(message) => (
            <li class="chat-entry">
              <ChatMessage
                message={asData(message)}
                author={author(message)}
                busy={busy()}
                documentHref={
                  message.document
                    ? client.api['sandbox-chats'][':chatId'].messages[':messageId'].document.$path({
                        param: { chatId: props.chatId, messageId: String(message.message_id) },
                      })
                    : undefined
                }
                onPress={(button) => press(message, button)}
              />
            </li>
          )}
        </For>
      </ol>
      <p role="status" class={status() ? 'notice notice-success' : 'visually-hidden'}>
        {status()}
      </p>
      <Show when={error()}>
        {(failure) => (
          <p class="notice notice-error" role="alert">
            {errorText(failure())}
          </p>
        )}
      </Show>
      <form class="chat-composer" onSubmit={send}>
        <Show when={isGroup()}>
          <Field id={writerId} label={t('chats.writeAs')}>
            {(describedBy) => (
              <select
                id={writerId}
                aria-describedby={describedBy}
                value={writer()}
                onChange={(e) => setWriter(e.currentTarget.value)}
              >
                <option value="">{t('chats.chooseWriter')}</option>
                <For each={people()}>
                  {(person) => <option value={String(person.personId)}>{person.title}</option>}
                </For>
              </select>
            )}
          </Field>
        </Show>
        <Field id={inputId} label={t('chats.message')} hint={t('chats.messageHint')}>
          {(describedBy) => (
            <input
              id={inputId}
              type="text"
              autocomplete="off"
              maxLength={4096}
              aria-describedby={describedBy}
              value={text()}
              onInput={(e) => setText(e.currentTarget.value)}
            />
          )}
        </Field>
        <button type="submit" disabled={busy() || text().trim() === ''} aria-busy={busy()}>
          {t('chats.send')}
        </button>
      </form>
    </section>
  );
}

/** Sandbox mode: pick a chat (the address keeps it: `?chat=`), then read and act in it. */
function SandboxChats() {
  const { t } = useI18n();
  const chats = createAsync(() => getSandboxChats());
  const [search, setSearch] = useSearchParams<{ chat?: string }>();
  const selectId = createUniqueId();
  const label = (chat: SandboxChatSummary) =>
    chat.kind === 'group'
      ? t('chats.groupTitle', { title: chat.title || t('chats.groupUntitled') })
      : chat.title;
  return (
    <>
      <p class="muted">{t('chats.explainSandbox')}</p>
      <Field id={selectId} label={t('chats.chat')}>
        {(describedBy) => (
          <select
            id={selectId}
            aria-describedby={describedBy}
            value={search.chat ?? ''}
            onChange={(e) => setSearch({ chat: e.currentTarget.value || undefined })}
          >
            <option value="">{t('chats.choose')}</option>
            <For each={chats() ?? []}>
              {(chat) => <option value={String(chat.chatId)}>{label(chat)}</option>}
            </For>
          </select>
        )}
      </Field>
      <Show when={chats() && search.chat} keyed>
        {(chatId) => <ChatPane chatId={chatId} chats={chats() ?? []} />}
      </Show>
    </>
  );
}

/** The previewable kinds, copied from the domain (its values are not bundled); the type keeps them in step. */
const PREVIEW_KINDS = [
  'meeting-notice',
  'meeting-updated',
  'meeting-cancelled',
  'meeting-minutes',
  'ballot-opened',
  'ballot-nudge',
  'ballot-closed',
  'reminder-digest',
] as const satisfies readonly PreviewKind[];

/** With a real bot: how a chosen message would look to a chosen member, rendered by the bot, sent nowhere. */
function MessagePreviews() {
  const { t, errorText } = useI18n();
  const people = createAsync(() => getPeople());
  const meetings = createAsync(() => getMeetings());
  const ballots = createAsync(() => getBallots());
  const [personId, setPersonId] = createSignal('');
  const [kind, setKind] = createSignal<PreviewKind>('meeting-notice');
  const [subjectId, setSubjectId] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [preview, setPreview] = createSignal<{ name: string; message: ChatMessageData }>();
  const ids = { person: createUniqueId(), kind: createUniqueId(), subject: createUniqueId() };
  const linked = () => (people() ?? []).filter((p) => p.active && p.linked);
  const subjects = createMemo(() => {
    if (kind().startsWith('meeting-'))
      return (meetings() ?? []).map((m) => ({ id: String(m.id), label: m.title }));
    if (kind().startsWith('ballot-'))
      return (ballots() ?? []).map((b) => ({ id: String(b.id), label: b.draftTitle }));
    return null;
  });
  const show = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const rendered = await unwrap(
        client.api['message-previews'].$get({
          query: { personId: personId(), kind: kind(), subjectId: subjectId() },
        }),
      );
      const { text, entities } = parseTelegramHtml(rendered.html);
      setPreview({
        name: linked().find((p) => String(p.id) === personId())?.name ?? '',
        message: {
          from: 'bot',
          text,
          entities,
          buttons: rendered.buttons,
          document: rendered.document,
          edited: false,
        },
      });
    } catch (failure) {
      setPreview(undefined);
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <p class="muted">{t('chats.explainPreview')}</p>
      <form class="preview-form" onSubmit={show}>
        <Field id={ids.person} label={t('chats.previewPerson')}>
          {(describedBy) => (
            <select
              id={ids.person}
              aria-describedby={describedBy}
              required
              value={personId()}
              onChange={(e) => setPersonId(e.currentTarget.value)}
            >
              <option value="">{t('chats.chooseWriter')}</option>
              <For each={linked()}>{(p) => <option value={String(p.id)}>{p.name}</option>}</For>
            </select>
          )}
        </Field>
        <Field id={ids.kind} label={t('chats.previewKind')}>
          {(describedBy) => (
            <select
              id={ids.kind}
              aria-describedby={describedBy}
              value={kind()}
              onChange={(e) => {
                setKind(e.currentTarget.value as PreviewKind);
                setSubjectId('');
              }}
            >
              <For each={PREVIEW_KINDS}>
                {(k) => <option value={k}>{t(messageKindLabel(k) ?? 'common.none')}</option>}
              </For>
            </select>
          )}
        </Field>
        <Show
          when={subjects()}
          fallback={
            <Field id={ids.subject} label={t('chats.previewReminder')}>
              {(describedBy) => (
                <input
                  id={ids.subject}
                  type="number"
                  min="1"
                  required
                  aria-describedby={describedBy}
                  value={subjectId()}
                  onInput={(e) => setSubjectId(e.currentTarget.value)}
                />
              )}
            </Field>
          }
        >
          {(options) => (
            <Field id={ids.subject} label={t('chats.previewSubject')}>
              {(describedBy) => (
                <select
                  id={ids.subject}
                  aria-describedby={describedBy}
                  required
                  value={subjectId()}
                  onChange={(e) => setSubjectId(e.currentTarget.value)}
                >
                  <option value="">{t('chats.chooseSubject')}</option>
                  <For each={options()}>{(s) => <option value={s.id}>{s.label}</option>}</For>
                </select>
              )}
            </Field>
          )}
        </Show>
        <button type="submit" disabled={busy()} aria-busy={busy()}>
          {t('chats.previewShow')}
        </button>
      </form>
      <Show when={error()}>
        {(failure) => (
          <p class="notice notice-error" role="alert">
            {errorText(failure())}
          </p>
        )}
      </Show>
      <Show when={preview()}>
        {(shown) => (
          <section class="chat-pane" aria-label={t('chats.previewTitle', { name: shown().name })}>
            <h2>{t('chats.previewTitle', { name: shown().name })}</h2>
            <p class="muted">{t('chats.previewReadOnly')}</p>
            <ol class="chat-log">
              <li class="chat-entry">
                <ChatMessage message={shown().message} author={t('chats.bot')} />
              </li>
            </ol>
          </section>
        )}
      </Show>
    </>
  );
}

/** `/chats`: the sandbox's chats in sandbox mode; previews of outgoing messages with a real bot. */
export function Chats() {
  const { t } = useI18n();
  const { session, can } = useSession();
  usePageTitle(() => t('chats.title'));
  const mode = () => session()?.chats ?? null;
  return (
    <div class="page wide">
      <h1>{t('chats.title')}</h1>
      <Show when={can('sandbox.chats')} fallback={<p class="notice">{t('common.forbidden')}</p>}>
        <Switch fallback={<p class="notice">{t('chats.unavailable')}</p>}>
          <Match when={mode() === 'sandbox'}>
            <SandboxChats />
          </Match>
          <Match when={mode() === 'preview'}>
            <MessagePreviews />
          </Match>
        </Switch>
      </Show>
    </div>
  );
}
