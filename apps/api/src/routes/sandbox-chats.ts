import { findLiveSession, getCommissionOrThrow, listPeople, recordAudit } from '@accord/db';
import {
  chatMessageParamSchema,
  chatParamSchema,
  type Person,
  sandboxMessageSchema,
  sandboxPressSchema,
} from '@accord/domain';
import { type Context, Hono } from 'hono';
import { type SSEStreamingApi, streamSSE } from 'hono/streaming';
import type { AppEnv } from '../env';
import { errorBody } from '../errors';
import { authorize, signedIn } from '../middleware/authorize';
import {
  createSandboxDriverClient,
  type SandboxChat,
  type SandboxDriverClient,
  SandboxRefusedError,
  SandboxUnavailableError,
} from '../services/sandbox-driver';
import { validate } from '../validate';

/** How often the live view looks at the sandbox, how long it stays silent at most, how long a press waits for the bot's answer. */
const POLL_MS = 500;
const KEEP_ALIVE_MS = 15_000;
const ANSWER_WAIT_MS = 3_000;

const notSandbox = () =>
  [errorBody('not_found', 'Sandbox chats exist only in sandbox mode (no bot token)'), 404] as const;
const unknownChat = (chatId: number) =>
  [
    errorBody('NotFound', `No sandbox chat ${chatId} of a linked person or the commission's group`),
    404,
  ] as const;

/** The sandbox's driver, or null outside sandbox mode. */
function driverOf(c: Context<AppEnv>): SandboxDriverClient | null {
  const { sandboxMode, sandboxUrl } = c.get('deps');
  return sandboxMode && sandboxUrl ? createSandboxDriverClient(sandboxUrl) : null;
}

type KnownChat =
  | { chatId: number; kind: 'private'; person: Person }
  | { chatId: number; kind: 'group'; groupChatId: number };

/** The chats Accord knows: each active person linked to Telegram, and the commission's group if linked. */
async function knownChats(c: Context<AppEnv>): Promise<KnownChat[]> {
  const { db } = c.get('deps');
  const [people, commission] = await Promise.all([listPeople(db), getCommissionOrThrow(db)]);
  const chats: KnownChat[] = people.flatMap((person) =>
    person.active && person.telegramUserId !== null
      ? [{ chatId: person.telegramUserId, kind: 'private' as const, person }]
      : [],
  );
  if (commission.group_chat_id !== null)
    chats.push({ chatId: commission.group_chat_id, kind: 'group', groupChatId: commission.group_chat_id });
  return chats;
}

/** A message as the dashboard shows it: a document's size instead of its bytes (it is downloaded apart). */
const withoutContent = (chat: SandboxChat | undefined, chatId: number) => ({
  id: chatId,
  type: chat?.type ?? (chatId < 0 ? 'group' : 'private'),
  messages: (chat?.messages ?? []).map(({ document, ...message }) => ({
    message_id: message.message_id,
    from: message.from,
    userId: message.userId ?? null,
    text: message.text ?? message.caption ?? '',
    entities: (message.entities ?? []).map((e) => ({
      type: e.type,
      offset: e.offset,
      length: e.length,
      ...(e.url === undefined ? {} : { url: e.url }),
      ...(e.language === undefined ? {} : { language: e.language }),
    })),
    buttons: message.buttons.map((row) =>
      row.map((b) => ({
        text: b.text,
        ...(b.callback_data === undefined ? {} : { callbackData: b.callback_data }),
        ...(b.url === undefined ? {} : { url: b.url }),
      })),
    ),
    document:
      document === undefined
        ? null
        : {
            fileName: document.file_name,
            mimeType: document.mime_type ?? 'application/octet-stream',
            size: Buffer.byteLength(document.content, 'base64'),
          },
    edited: message.edited,
    date: message.date,
  })),
});

/** The person who acts: the chat's own in a private chat; in a group, the linked person named. */
function actorIn(chat: KnownChat, chats: KnownChat[], asPersonId: number | undefined): Person | undefined {
  if (chat.kind === 'private') return chat.person;
  const found = chats.find((k) => k.kind === 'private' && k.person.id === asPersonId);
  return found?.kind === 'private' ? found.person : undefined;
}

/** Translates the sandbox's failures into the API's error shape; anything else goes on to onError. */
function sandboxFailure(c: Context<AppEnv>, error: unknown) {
  if (error instanceof SandboxRefusedError)
    return c.json(errorBody('sandbox_refused', `The Telegram sandbox refused: ${error.message}`), 400);
  if (error instanceof SandboxUnavailableError)
    return c.json(errorBody('sandbox_unavailable', error.message), 502);
  throw error;
}

/** Pushes the chat at once and whenever it changes (a message, an edit, a deletion), until the client or the session goes. */
async function pushChat(
  stream: SSEStreamingApi,
  c: Context<AppEnv>,
  driver: SandboxDriverClient,
  chatId: number,
) {
  const { db, clock } = c.get('deps');
  const token = c.get('sessionToken') ?? '';
  let seen: string | undefined;
  let quietFor = 0;
  while (!stream.aborted && !c.req.raw.signal.aborted) {
    if (!(await findLiveSession(db, token, clock().toISOString()))) return;
    let data: string | undefined;
    try {
      data = JSON.stringify(withoutContent(await driver.chat(chatId), chatId));
    } catch (error) {
      if (!(error instanceof SandboxUnavailableError)) throw error;
    }
    if (data !== undefined && data !== seen) {
      seen = data;
      quietFor = 0;
      await stream.writeSSE({ event: 'chat', data });
    } else {
      quietFor += POLL_MS;
      if (quietFor >= KEEP_ALIVE_MS) {
        quietFor = 0;
        await stream.write(': still here\n\n');
      }
    }
    await stream.sleep(POLL_MS);
  }
}

/**
 * The dashboard's sandbox chats: every linked person's chat with the bot and the commission's
 * group, read and driven through the sandbox's HTTP driver, so the bot sees ordinary updates.
 * Only in sandbox mode; what is typed or pressed on someone's behalf is audited.
 */
export const sandboxChatsRoutes = new Hono<AppEnv>()
  .get('/', authorize('sandbox.chats'), async (c) => {
    const driver = driverOf(c);
    if (!driver) return c.json(...notSandbox());
    const [chats, summaries] = await Promise.all([knownChats(c), driver.chats().catch(() => [])]);
    const summary = (id: number) => summaries.find((s) => s.id === id);
    return c.json(
      {
        chats: chats.map((chat) =>
          chat.kind === 'private'
            ? {
                chatId: chat.chatId,
                kind: chat.kind,
                personId: chat.person.id as number | null,
                title: chat.person.name,
                roles: chat.person.roles as string[],
                messageCount: summary(chat.chatId)?.messageCount ?? 0,
              }
            : {
                chatId: chat.chatId,
                kind: chat.kind,
                personId: null as number | null,
                title: summary(chat.chatId)?.title ?? '',
                roles: [] as string[],
                messageCount: summary(chat.chatId)?.messageCount ?? 0,
              },
        ),
      },
      200,
    );
  })
  .get('/:chatId', authorize('sandbox.chats'), validate('param', chatParamSchema), async (c) => {
    const driver = driverOf(c);
    if (!driver) return c.json(...notSandbox());
    const { chatId } = c.req.valid('param');
    if (!(await knownChats(c)).some((k) => k.chatId === chatId)) return c.json(...unknownChat(chatId));
    try {
      return c.json(withoutContent(await driver.chat(chatId), chatId), 200);
    } catch (error) {
      return sandboxFailure(c, error);
    }
  })
  .get('/:chatId/events', authorize('sandbox.chats'), validate('param', chatParamSchema), async (c) => {
    const driver = driverOf(c);
    if (!driver) return c.json(...notSandbox());
    const { chatId } = c.req.valid('param');
    if (!(await knownChats(c)).some((k) => k.chatId === chatId)) return c.json(...unknownChat(chatId));
    return streamSSE(c, (stream) => pushChat(stream, c, driver, chatId));
  })
  .get(
    '/:chatId/messages/:messageId/document',
    authorize('sandbox.chats'),
    validate('param', chatMessageParamSchema),
    async (c) => {
      const driver = driverOf(c);
      if (!driver) return c.json(...notSandbox());
      const { chatId, messageId } = c.req.valid('param');
      if (!(await knownChats(c)).some((k) => k.chatId === chatId)) return c.json(...unknownChat(chatId));
      let chat: SandboxChat | undefined;
      try {
        chat = await driver.chat(chatId);
      } catch (error) {
        return sandboxFailure(c, error);
      }
      const document = chat?.messages.find((m) => m.message_id === messageId)?.document;
      if (!document) return c.json(errorBody('NotFound', 'That message has no document'), 404);
      return c.body(new Uint8Array(Buffer.from(document.content, 'base64')), 200, {
        'content-type': document.mime_type ?? 'application/octet-stream',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(document.file_name)}`,
        'x-content-type-options': 'nosniff',
      });
    },
  )
  .post(
    '/:chatId/messages',
    authorize('sandbox.chats'),
    validate('param', chatParamSchema),
    validate('json', sandboxMessageSchema),
    async (c) => {
      const driver = driverOf(c);
      if (!driver) return c.json(...notSandbox());
      const { db, clock } = c.get('deps');
      const { chatId } = c.req.valid('param');
      const { text, asPersonId } = c.req.valid('json');
      const chats = await knownChats(c);
      const chat = chats.find((k) => k.chatId === chatId);
      if (!chat) return c.json(...unknownChat(chatId));
      const actor = actorIn(chat, chats, asPersonId);
      if (!actor?.telegramUserId)
        return c.json(errorBody('NoActor', 'Name a linked person (asPersonId) to write in the group'), 400);
      let sent: { message_id: number };
      try {
        // Known to the sandbox already in `npm start`; a person linked later is added here.
        await driver.addUser({
          id: actor.telegramUserId,
          first_name: actor.name,
          language_code: actor.language,
        });
        sent = await driver.sendText(actor.telegramUserId, text, chat.kind === 'group' ? chatId : undefined);
      } catch (error) {
        return sandboxFailure(c, error);
      }
      await recordAudit(db, {
        at: clock().toISOString(),
        actorPersonId: signedIn(c).id,
        actorKind: 'person',
        action: 'sandbox-chat.message',
        recordType: 'sandbox-chat',
        recordId: chatId,
        after: { onBehalfOf: actor.id, messageId: sent.message_id, text },
      });
      return c.json({ messageId: sent.message_id }, 201);
    },
  )
  .post(
    '/:chatId/press',
    authorize('sandbox.chats'),
    validate('param', chatParamSchema),
    validate('json', sandboxPressSchema),
    async (c) => {
      const driver = driverOf(c);
      if (!driver) return c.json(...notSandbox());
      const { db, clock } = c.get('deps');
      const { chatId } = c.req.valid('param');
      const { messageId, callbackData, asPersonId } = c.req.valid('json');
      const chats = await knownChats(c);
      const chat = chats.find((k) => k.chatId === chatId);
      if (!chat) return c.json(...unknownChat(chatId));
      const actor = actorIn(chat, chats, asPersonId);
      if (!actor?.telegramUserId)
        return c.json(errorBody('NoActor', 'Name a linked person (asPersonId) to press in the group'), 400);
      let pressed: { callbackQueryId: string };
      try {
        await driver.addUser({
          id: actor.telegramUserId,
          first_name: actor.name,
          language_code: actor.language,
        });
        pressed = await driver.press(actor.telegramUserId, chatId, messageId, callbackData);
      } catch (error) {
        return sandboxFailure(c, error);
      }
      await recordAudit(db, {
        at: clock().toISOString(),
        actorPersonId: signedIn(c).id,
        actorKind: 'person',
        action: 'sandbox-chat.press',
        recordType: 'sandbox-chat',
        recordId: chatId,
        after: { onBehalfOf: actor.id, messageId, callbackData },
      });
      // The bot answers a press first thing; its toast is shown where the button was pressed.
      const deadline = Date.now() + ANSWER_WAIT_MS;
      let answer: { text: string; showAlert: boolean } | undefined;
      while (!answer && Date.now() < deadline) {
        answer = await driver.callbackAnswer(pressed.callbackQueryId).catch(() => undefined);
        if (!answer) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return c.json({ answer: answer ?? null }, 201);
    },
  );
