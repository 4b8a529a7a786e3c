import { createLogger, createMessagePreview, createTelegramRuntime } from '@accord/bot';
import { createSession } from '@accord/db';
import { linkSandboxCommissionGroup, sandboxDemoUsers } from '@accord/seeds';
import { type Sandbox, startSandbox } from '@accord/telegram-sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../middleware/session';
import { createTestApp, meetingBody } from '../test-app';

interface ChatBody {
  messages: Array<{
    message_id: number;
    from: 'bot' | 'user';
    text: string;
    entities: Array<{ type: string }>;
    buttons: Array<Array<{ text: string; callbackData?: string }>>;
  }>;
}

let sandbox: Sandbox;
let t: Awaited<ReturnType<typeof createTestApp>>;
let runtime: ReturnType<typeof createTelegramRuntime>;
let polling: Promise<void>;
let groupId: number;

beforeAll(async () => {
  sandbox = await startSandbox({ limits: false });
  let render: ReturnType<typeof createTelegramRuntime>['render'] | undefined;
  t = await createTestApp({
    sandboxUrl: sandbox.url,
    previewMessage: (intent, personId) => {
      if (!render) throw new Error('the runtime is not ready');
      return createMessagePreview(render)(intent, personId);
    },
  });
  for (const u of sandboxDemoUsers())
    sandbox.driver.addUser({ id: u.id, first_name: u.first_name, language_code: u.language_code });
  const group = await linkSandboxCommissionGroup(t.db, t.now);
  sandbox.driver.addGroup(group);
  groupId = group.id;
  runtime = createTelegramRuntime({
    db: t.db,
    token: sandbox.token,
    apiRoot: sandbox.url,
    botUsername: sandbox.botInfo.username,
    botInfo: sandbox.botInfo,
    clock: () => new Date(t.now),
    dashboardUrl: () => 'http://dashboard.test',
    logger: createLogger('silent', 'test'),
    dispatcher: { idleMs: 20 },
  });
  render = runtime.render;
  await new Promise<void>((started) => {
    polling = runtime.bot.start({ timeout: 1, onStart: () => started() });
  });
  await runtime.dispatcher.start();
});
afterAll(async () => {
  await runtime.bot.stop();
  await polling;
  await runtime.dispatcher.stop();
  await sandbox.close();
  await t.db.destroy();
});

/** The first row the read finds, within a deadline (the bot writes in its own time). */
async function waitForRow<T>(read: () => Promise<T | undefined>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await read();
    if (row !== undefined) return row;
    if (Date.now() > deadline) throw new Error('no row in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const telegramIdOf = (seedKey: string) => sandboxDemoUsers().find((u) => u.key === seedKey)?.id ?? 0;

describe('sandbox chats: who may use them', () => {
  it('lets the secretary and the admin list the chats, and refuses members, the chairman and observers', async () => {
    const res = await t.call(await t.signIn('secretary'), 'GET', '/api/sandbox-chats');
    expect(res.status).toBe(200);
    const { chats } = (await res.json()) as { chats: Array<{ chatId: number; kind: string; title: string }> };
    expect(chats.filter((c) => c.kind === 'private').length).toBeGreaterThan(10);
    expect(chats).toContainEqual(expect.objectContaining({ chatId: groupId, kind: 'group' }));
    const { id: adminId } = await t.db
      .insertInto('people')
      .values({
        name: 'Only admin',
        roles: JSON.stringify(['admin']),
        language: 'en',
        time_zone: 'UTC',
        created_at: t.now,
        updated_at: t.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await t.call(await t.signInAs(adminId), 'GET', '/api/sandbox-chats')).status).toBe(200);
    // RU-head is the chairman.
    for (const key of ['RU-alternate', 'RU-head', 'observer']) {
      const refused = await t.call(await t.signIn(key), 'GET', '/api/sandbox-chats');
      expect(refused.status, key).toBe(403);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    }
    expect((await t.call(null, 'GET', '/api/sandbox-chats')).status).toBe(401);
  });

  it('answers 404 outside sandbox mode, and says so in the error shape', async () => {
    for (const overrides of [{ sandboxMode: false, sandboxUrl: sandbox.url }, { sandboxMode: true }]) {
      const other = await createTestApp(overrides);
      try {
        // The development sign-in exists only in sandbox mode: open a session as the bot's link would.
        const token = await createSession(other.db, {
          personId: await other.personId('secretary'),
          now: other.now,
          expiresAt: '2099-01-01T00:00:00.000Z',
        });
        const cookie = `${SESSION_COOKIE}=${token}`;
        const res = await other.call(cookie, 'GET', '/api/sandbox-chats');
        expect(res.status).toBe(404);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
        const sent = await other.call(
          cookie,
          'POST',
          `/api/sandbox-chats/${telegramIdOf('AM-head')}/messages`,
          {
            text: '/help',
          },
        );
        expect(sent.status).toBe(404);
        expect(
          (await other.call(cookie, 'GET', '/api/message-previews?personId=1&kind=ballot-opened&subjectId=1'))
            .status,
        ).toBe(404);
      } finally {
        await other.db.destroy();
      }
    }
  });
});

describe('sandbox chats: bad input', () => {
  it('refuses a malformed chat id, an empty or overlong text, long callback data, a stranger’s chat, and a group message without its author', async () => {
    const cookie = await t.signIn('secretary');
    const chat = telegramIdOf('AM-head');
    const expectCode = async (res: Response, status: number, code?: string) => {
      expect(res.status).toBe(status);
      const body = (await res.json()) as { error: { code: string } };
      if (code) expect(body.error.code).toBe(code);
    };
    await expectCode(await t.call(cookie, 'GET', '/api/sandbox-chats/abc'), 400, 'validation_failed');
    await expectCode(await t.call(cookie, 'GET', '/api/sandbox-chats/0'), 400, 'validation_failed');
    await expectCode(await t.call(cookie, 'GET', '/api/sandbox-chats/123456789'), 404, 'NotFound');
    await expectCode(
      await t.call(cookie, 'POST', `/api/sandbox-chats/${chat}/messages`, { text: '   ' }),
      400,
      'validation_failed',
    );
    await expectCode(
      await t.call(cookie, 'POST', `/api/sandbox-chats/${chat}/messages`, { text: 'x'.repeat(4097) }),
      400,
      'validation_failed',
    );
    await expectCode(
      await t.call(cookie, 'POST', `/api/sandbox-chats/${chat}/messages`, { text: 42 }),
      400,
      'validation_failed',
    );
    await expectCode(
      await t.call(cookie, 'POST', `/api/sandbox-chats/${chat}/press`, {
        messageId: 1,
        callbackData: 'я'.repeat(33),
      }),
      400,
      'validation_failed',
    );
    await expectCode(
      await t.call(cookie, 'POST', `/api/sandbox-chats/${groupId}/messages`, { text: 'hello' }),
      400,
      'NoActor',
    );
    await expectCode(
      await t.call(cookie, 'POST', `/api/sandbox-chats/${chat}/press`, { messageId: 999, callbackData: 'x' }),
      400,
      'sandbox_refused',
    );
    await expectCode(
      await t.call(cookie, 'GET', '/api/message-previews?personId=1&kind=nonsense&subjectId=1'),
      400,
      'validation_failed',
    );
  });
});

describe('sandbox chats: acting as a member', () => {
  it('types a command that reaches the bot, shows its reply in the chat, and audits it', async () => {
    const cookie = await t.signIn('secretary');
    const chat = telegramIdOf('KZ-head');
    const res = await t.call(cookie, 'POST', `/api/sandbox-chats/${chat}/messages`, { text: '/help' });
    expect(res.status).toBe(201);
    await sandbox.driver.waitFor(() => sandbox.driver.lastBotMessage(chat));
    const view = (await (await t.call(cookie, 'GET', `/api/sandbox-chats/${chat}`)).json()) as ChatBody;
    expect(view.messages[0]).toMatchObject({ from: 'user', text: '/help' });
    expect(view.messages[0]?.entities[0]?.type).toBe('bot_command');
    expect(view.messages.at(-1)?.from).toBe('bot');
    const audit = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('record_type', '=', 'sandbox-chat')
      .execute();
    expect(audit).toContainEqual(
      expect.objectContaining({ action: 'sandbox-chat.message', record_id: String(chat) }),
    );
    expect(JSON.parse(audit[0]?.after ?? '{}')).toMatchObject({ onBehalfOf: await t.personId('KZ-head') });
  });

  it('writes in the commission’s group as the member named, and refuses someone who is not linked', async () => {
    const cookie = await t.signIn('secretary');
    const res = await t.call(cookie, 'POST', `/api/sandbox-chats/${groupId}/messages`, {
      text: 'Good morning, colleagues',
      asPersonId: await t.personId('KG-head'),
    });
    expect(res.status).toBe(201);
    const last = sandbox.driver.chat(groupId).messages.at(-1);
    expect(last).toMatchObject({
      from: 'user',
      userId: telegramIdOf('KG-head'),
      text: 'Good morning, colleagues',
    });
    const stranger = await t.call(cookie, 'POST', `/api/sandbox-chats/${groupId}/messages`, {
      text: 'hello',
      asPersonId: 999_999,
    });
    expect(stranger.status).toBe(400);
  });

  it('presses a meeting notice’s button: the bot records the answer and its toast comes back', async () => {
    const cookie = await t.signIn('secretary');
    const created = await t.call(cookie, 'POST', '/api/meetings', meetingBody);
    const { meeting } = (await created.json()) as { meeting: { id: number } };
    expect((await t.call(cookie, 'POST', `/api/meetings/${meeting.id}/notify`)).status).toBe(200);
    runtime.dispatcher.wake();
    const chat = telegramIdOf('BY-head');
    const notice = await sandbox.driver.waitFor(() =>
      sandbox.driver
        .chat(chat)
        .messages.find((m) => m.buttons.flat().some((b) => b.callback_data?.startsWith('r:'))),
    );
    const yes = notice.buttons.flat().find((b) => b.callback_data?.endsWith(':y'));
    const res = await t.call(cookie, 'POST', `/api/sandbox-chats/${chat}/press`, {
      messageId: notice.message_id,
      callbackData: yes?.callback_data,
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { answer: { text: string } | null }).answer).not.toBeNull();
    const personId = await t.personId('BY-head');
    const rsvp = await waitForRow(() =>
      t.db
        .selectFrom('rsvps')
        .selectAll()
        .where('meeting_id', '=', meeting.id)
        .where('person_id', '=', personId)
        .executeTakeFirst(),
    );
    expect(rsvp?.answer).toBe('yes');
  });
});

describe('message previews', () => {
  it('renders a meeting notice for a member with the bot’s renderer, and queues nothing', async () => {
    const cookie = await t.signIn('secretary');
    const created = await t.call(cookie, 'POST', '/api/meetings', { ...meetingBody, title: 'Preview <me>' });
    const { meeting } = (await created.json()) as { meeting: { id: number } };
    const before = await t.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    const res = await t.call(
      cookie,
      'GET',
      `/api/message-previews?personId=${await t.personId('AM-head')}&kind=meeting-notice&subjectId=${meeting.id}`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { html: string; buttons: Array<Array<{ text: string }>> };
    expect(body.html).toContain('Preview &lt;me&gt;');
    expect(body.buttons.flat().length).toBeGreaterThan(0);
    const after = await t.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(after?.n).toBe(before?.n);
    expect(
      (
        await t.call(
          cookie,
          'GET',
          `/api/message-previews?personId=999999&kind=meeting-notice&subjectId=${meeting.id}`,
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await t.call(
          await t.signIn('AM-head'),
          'GET',
          `/api/message-previews?personId=1&kind=meeting-notice&subjectId=1`,
        )
      ).status,
    ).toBe(403);
  });
});
