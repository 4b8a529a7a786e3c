import { sandboxDemoUsers } from '@accord/seeds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, sandboxClient } from '../support/http';
import { type RunningProcess, startEntry, tempDatabaseFile, waitUntil } from '../support/processes';

let accord: RunningProcess;
let url: string;
let sandbox: ReturnType<typeof sandboxClient>;

beforeAll(async () => {
  accord = startEntry('apps/api/src/start.ts', {
    DATABASE_FILE: tempDatabaseFile(),
    PORT: '0',
    SANDBOX_PORT: '0',
    WEB_DIST: 'nowhere',
  });
  url = await accord.waitForOutput(/Accord is running: (http:\/\/\S+)/);
  sandbox = sandboxClient(await accord.waitForOutput(/Telegram sandbox: (http:\/\/\S+)/));
});
afterAll(async () => {
  await accord?.stop();
});

/** A dashboard session of the first seeded person holding `role`. */
async function signedInAs(role: string) {
  const api = apiClient(url);
  const { body } = await api.call<{ people: Array<{ id: number; roles: string[] }> }>(
    'GET',
    '/api/session/dev-people',
  );
  const person = body.people.find((p) => p.roles.includes(role));
  expect((await api.call('POST', '/api/session/dev-login', { personId: person?.id })).status).toBe(200);
  return api;
}

describe('a meeting’s agenda approved by the chairman in chat before the notices go out', () => {
  it('holds the notices, the chairman approves the agenda from the prompt, then the secretary sends them', async () => {
    const chairman = await signedInAs('chairman');
    const secretary = await signedInAs('secretary');
    expect(
      (await chairman.call('PUT', '/api/commission/sign-offs', { agenda: true, draft: false })).status,
    ).toBe(200);

    const created = await secretary.call<{ meeting: { id: number } }>('POST', '/api/meetings', {
      kind: 'regular',
      title: 'Autumn session',
      startsLocal: '2099-10-20T10:00',
      endsLocal: '2099-10-20T13:00',
      timeZone: 'Europe/Moscow',
      place: 'Moscow',
      link: '',
      agenda: ['Opening', 'Budget for 2100'],
    });
    const id = created.body.meeting.id;
    const held = await secretary.call<{ error: { code: string } }>('POST', `/api/meetings/${id}/notify`);
    expect([held.status, held.body.error.code]).toEqual([409, 'SignOffRequired']);

    const sent = await secretary.call<{ requested: { signOffId: number; version: number } }>(
      'POST',
      `/api/sign-offs/agenda/${id}`,
    );
    expect(sent.status).toBe(201);
    const { signOffId } = sent.body.requested;

    const head = sandboxDemoUsers().find((u) => u.key === 'RU-head');
    if (!head) throw new Error('no chairman in the sandbox');
    const chat = () => sandbox.chat(head.id);
    const prompt = await waitUntil(async () =>
      (await chat()).messages.find((m) =>
        m.buttons.flat().some((b) => b.callback_data === `so:${signOffId}:1:a`),
      ),
    );
    expect(prompt.text).toContain('Autumn session');
    expect(prompt.text).toContain('2. Budget for 2100');

    const press = (data: string) =>
      sandbox.post('/sandbox/press', {
        userId: head.id,
        chatId: head.id,
        messageId: prompt.message_id,
        callbackData: data,
      });
    await press(`so:${signOffId}:1:a`);
    await waitUntil(async () =>
      (await chat()).messages
        .find((m) => m.message_id === prompt.message_id)
        ?.buttons.flat()
        .some((b) => b.callback_data === `so:${signOffId}:1:y`),
    );
    await press(`so:${signOffId}:1:y`);
    await waitUntil(async () =>
      (await chat()).messages.some(
        (m) => m.from === 'bot' && /утвердили версию 1|approved version 1/.test(m.text ?? ''),
      ),
    );
    const standing = await secretary.call<{ standing: string }>('GET', `/api/sign-offs/agenda/${id}`);
    expect(standing.body.standing).toBe('approved');

    const notified = await secretary.call<{ queued: number }>('POST', `/api/meetings/${id}/notify`);
    expect(notified.status).toBe(200);
    expect(notified.body.queued).toBe(13);
    await waitUntil(async () =>
      (await chat()).messages.some(
        (m) => m.from === 'bot' && m.buttons.flat().some((b) => b.callback_data?.startsWith(`r:${id}:`)),
      ),
    );
  });
});
