import { Hono } from 'hono';
import type { SandboxDriver } from './driver';
import type { NewGroup, NewUser } from './state';
import type { ChatView, InjectedFault, SandboxLimits } from './types';

type Body = Record<string, unknown>;

/** The driver over HTTP (JSON), for another process or the dashboard's sandbox-chats page. */
export function createSandboxRoutes(driver: SandboxDriver) {
  return new Hono()
    .get('/chats', (c) => c.json(driver.chats()))
    .get('/chats/:chatId', (c) => {
      const chatId = Number(c.req.param('chatId'));
      const known = driver.chats().some((chat) => chat.id === chatId);
      if (!known) return c.json({ error: `no chat ${c.req.param('chatId')}` }, 404);
      return c.json(chatForJson(driver.chat(chatId)));
    })
    .get('/ledger', (c) => c.json(driver.ledger()))
    .get('/stats', (c) => c.json(driver.stats()))
    .get('/calls', (c) => {
      const method = c.req.query('method');
      const chatId = c.req.query('chatId');
      return c.json(
        driver.calls({
          ...(method === undefined || method === '' ? {} : { method }),
          ...(chatId === undefined || chatId === '' ? {} : { chatId: Number(chatId) }),
        }),
      );
    })
    .post('/users', async (c) => {
      driver.addUser(readUser(await readBody(c.req.json())));
      return c.json({ ok: true });
    })
    .post('/groups', async (c) => {
      driver.addGroup(readGroup(await readBody(c.req.json())));
      return c.json({ ok: true });
    })
    .post('/messages', async (c) => {
      const body = await readBody(c.req.json());
      const chatId = optionalInteger(body, 'chatId');
      const options = chatId === undefined ? {} : { chatId };
      return c.json(driver.sendText(integer(body, 'userId'), string(body, 'text'), options));
    })
    .post('/press', async (c) => {
      const body = await readBody(c.req.json());
      return c.json(
        driver.pressButton(
          integer(body, 'userId'),
          integer(body, 'chatId'),
          integer(body, 'messageId'),
          string(body, 'callbackData'),
        ),
      );
    })
    .post('/block', async (c) => {
      driver.blockBot(integer(await readBody(c.req.json()), 'userId'));
      return c.json({ ok: true });
    })
    .post('/unblock', async (c) => {
      driver.unblockBot(integer(await readBody(c.req.json()), 'userId'));
      return c.json({ ok: true });
    })
    .post('/faults', async (c) => {
      driver.injectFault(readFault(await readBody(c.req.json())));
      return c.json({ ok: true });
    })
    .post('/limits', async (c) => {
      driver.setLimits(readLimits(await c.req.json()));
      return c.json({ ok: true });
    })
    .post('/reset', (c) => {
      driver.reset();
      return c.json({ ok: true });
    })
    .onError((error, c) => c.json({ error: error.message }, 400));
}

/** JSON has no Buffer: a document's content travels as base64. */
function chatForJson(view: ChatView) {
  return {
    ...view,
    messages: view.messages.map((message) =>
      message.document === undefined
        ? message
        : {
            ...message,
            document: { ...message.document, content: message.document.content.toString('base64') },
          },
    ),
  };
}

async function readBody(json: Promise<unknown>): Promise<Body> {
  const body = await json;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new Error('the request body must be a JSON object');
  }
  return body as Body;
}

function integer(body: Body, name: string): number {
  const value = body[name];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new Error(`"${name}" must be an integer`);
  }
  return value;
}

function optionalInteger(body: Body, name: string): number | undefined {
  return body[name] === undefined ? undefined : integer(body, name);
}

function string(body: Body, name: string): string {
  const value = body[name];
  if (typeof value !== 'string') throw new Error(`"${name}" must be a string`);
  return value;
}

function optionalString(body: Body, name: string): string | undefined {
  return body[name] === undefined ? undefined : string(body, name);
}

function readUser(body: Body): NewUser {
  const user: NewUser = { id: integer(body, 'id'), first_name: string(body, 'first_name') };
  for (const field of ['last_name', 'username', 'language_code'] as const) {
    const value = optionalString(body, field);
    if (value !== undefined) user[field] = value;
  }
  return user;
}

function readGroup(body: Body): NewGroup {
  const memberIds = body.memberIds;
  if (memberIds !== undefined && !(Array.isArray(memberIds) && memberIds.every(Number.isSafeInteger))) {
    throw new Error('"memberIds" must be an array of integers');
  }
  return {
    id: integer(body, 'id'),
    title: string(body, 'title'),
    ...(memberIds === undefined ? {} : { memberIds: memberIds as number[] }),
  };
}

function readFault(body: Body): InjectedFault {
  const fault: InjectedFault = { method: string(body, 'method') };
  const times = optionalInteger(body, 'times');
  const chatId = optionalInteger(body, 'chatId');
  const delayMs = optionalInteger(body, 'delayMs');
  if (times !== undefined) fault.times = times;
  if (chatId !== undefined) fault.chatId = chatId;
  if (delayMs !== undefined) fault.delayMs = delayMs;
  if (body.drop === true) fault.drop = true;
  if (body.acceptThenDrop === true) fault.acceptThenDrop = true;
  if (body.error !== undefined) {
    const error = typeof body.error === 'object' && body.error !== null ? (body.error as Body) : {};
    const retryAfter = optionalInteger(error, 'retry_after');
    fault.error = {
      error_code: integer(error, 'error_code'),
      description: string(error, 'description'),
      ...(retryAfter === undefined ? {} : { retry_after: retryAfter }),
    };
  }
  return fault;
}

function readLimits(body: unknown): Partial<SandboxLimits> | false {
  if (body === false) return false;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new Error('the limits must be a JSON object or false');
  }
  // resolveLimits checks each limit's numbers when the driver applies them.
  return body as Partial<SandboxLimits>;
}
