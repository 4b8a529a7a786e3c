import { sandboxDemoUsers } from '@accord/seeds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, sandboxClient } from '../support/http';
import { type RunningProcess, startEntry, tempDatabaseFile, waitUntil } from '../support/processes';

let accord: RunningProcess;
let api: ReturnType<typeof apiClient>;
let sandbox: ReturnType<typeof sandboxClient>;
const user = (key: string) => sandboxDemoUsers().find((u) => u.key === key)?.id ?? 0;
const chat = (id: number) => sandbox.chat(id);
const botSays = (id: number, pattern: RegExp) =>
  waitUntil(
    async () => (await chat(id)).messages.find((m) => m.from === 'bot' && pattern.test(m.text ?? '')),
    20_000,
  );

beforeAll(async () => {
  accord = startEntry('apps/api/src/start.ts', {
    DATABASE_FILE: tempDatabaseFile(),
    PORT: '0',
    SANDBOX_PORT: '0',
    WEB_DIST: 'nowhere',
  });
  api = apiClient(await accord.waitForOutput(/Accord is running: (http:\/\/\S+)/));
  sandbox = sandboxClient(await accord.waitForOutput(/Telegram sandbox: (http:\/\/\S+)/));
});
afterAll(() => accord?.stop());

describe('a working group’s tasks, from the dashboard to the member’s chat and back', () => {
  it('a member marks one task done and asks more time for another; the secretary grants it; both sides are told', async () => {
    const { body } = await api.call<{ people: Array<{ id: number; roles: string[]; name: string }> }>(
      'GET',
      '/api/session/dev-people',
    );
    const secretaryId = body.people.find((p) => p.roles.includes('secretary'))?.id;
    await api.call('POST', '/api/session/dev-login', { personId: secretaryId });
    const people = (await api.call<{ people: Array<{ id: number; name: string }> }>('GET', '/api/people'))
      .body.people;
    const kz = people.find((p) => p.name === 'Ерлан Жумабаев')?.id ?? 0;
    const group = await api.call<{ id: number }>('POST', '/api/working-groups', {
      name: 'Standardization',
      mandate: 'Unify standards',
      leadPersonId: kz,
      memberIds: [kz],
    });
    const first = await api.call<{ id: number }>('POST', `/api/working-groups/${group.body.id}/tasks`, {
      title: 'Annex A',
      responsiblePersonId: kz,
      dueDate: '2099-04-01',
    });
    const second = await api.call<{ id: number }>('POST', `/api/working-groups/${group.body.id}/tasks`, {
      title: 'Annex B',
      responsiblePersonId: kz,
      dueDate: '2099-05-01',
    });
    expect([first.status, second.status]).toEqual([201, 201]);

    const member = user('KZ-head');
    const secretary = user('secretary');
    await botSays(member, /Annex B/);
    await sandbox.post('/sandbox/messages', { userId: member, text: '/deadlines' });
    const list = await botSays(member, /Ваши задачи/);
    const done = list.buttons.flat().find((b) => b.callback_data === `t:${first.body.id}:d`);
    await sandbox.post('/sandbox/press', {
      userId: member,
      chatId: member,
      messageId: list.message_id,
      callbackData: done?.callback_data,
    });
    await botSays(secretary, /Annex A.*выполненн/s);

    await sandbox.post('/sandbox/messages', {
      userId: member,
      text: `/extend ${second.body.id} 2099-06-01 Ждём замечаний министерства`,
    });
    await botSays(member, /передана секретарю/);
    await botSays(secretary, /просит перенести.*Annex B/s);

    const detail = await api.call<{
      extensions: Array<{ id: number; status: string }>;
      tasks: Array<{ id: number; status: string; dueDate: string }>;
    }>('GET', `/api/working-groups/${group.body.id}`);
    const request = detail.body.extensions.find((e) => e.status === 'pending');
    expect(
      (await api.call('POST', `/api/extension-requests/${request?.id}/decision`, { decision: 'granted' }))
        .status,
    ).toBe(200);
    await botSays(member, /Продление предоставлено/);
    const after = await api.call<{ tasks: Array<{ id: number; status: string; dueDate: string }> }>(
      'GET',
      `/api/working-groups/${group.body.id}`,
    );
    expect(after.body.tasks.map((t) => [t.id, t.status, t.dueDate])).toEqual([
      [first.body.id, 'done', '2099-04-01'],
      [second.body.id, 'open', '2099-06-01'],
    ]);
  });
});
