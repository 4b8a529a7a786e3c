import { sandboxDemoUsers } from '@accord/seeds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, sandboxClient } from '../support/http';
import { type RunningProcess, startEntry, tempDatabaseFile, waitUntil } from '../support/processes';

interface Attendance {
  personId: number;
  name: string;
  delivery: string;
  answer: string | null;
}

let accord: RunningProcess;
let api: ReturnType<typeof apiClient>;
let sandbox: ReturnType<typeof sandboxClient>;

beforeAll(async () => {
  accord = startEntry('apps/api/src/start.ts', {
    DATABASE_FILE: tempDatabaseFile(),
    PORT: '0',
    SANDBOX_PORT: '0',
    WEB_DIST: 'nowhere',
  });
  const url = await accord.waitForOutput(/Accord is running: (http:\/\/\S+)/);
  const sandboxUrl = await accord.waitForOutput(/Telegram sandbox: (http:\/\/\S+)/);
  api = apiClient(url);
  sandbox = sandboxClient(sandboxUrl);
});
afterAll(async () => {
  await accord?.stop();
});

describe('a meeting notice from the dashboard to every member and back', () => {
  it('reaches every seeded member in the sandbox, and their answers come back to the API', async () => {
    const { body: people } = await api.call<{ people: Array<{ id: number; roles: string[] }> }>(
      'GET',
      '/api/session/dev-people',
    );
    const secretary = people.people.find((p) => p.roles.includes('secretary'));
    expect((await api.call('POST', '/api/session/dev-login', { personId: secretary?.id })).status).toBe(200);

    const created = await api.call<{ meeting: { id: number } }>('POST', '/api/meetings', {
      kind: 'regular',
      title: 'Spring session',
      startsLocal: '2099-04-20T10:00',
      endsLocal: '2099-04-20T13:00',
      timeZone: 'Asia/Almaty',
      place: 'Almaty',
      link: 'https://example.org/room',
      agenda: ['Opening', 'Program until 2030'],
    });
    expect(created.status).toBe(201);
    const id = created.body.meeting.id;
    const notified = await api.call<{ queued: number }>('POST', `/api/meetings/${id}/notify`);
    expect(notified.body.queued).toBe(13);

    // Only the notices: the secretary may also get the year's own reminders (the report's due date, say).
    const ledger = await waitUntil(async () => {
      const entries = (await sandbox.get<Array<{ chatId: number; text?: string }>>('/sandbox/ledger')).filter(
        (e) => e.text?.includes('Spring session'),
      );
      // Thirteen members and the commission's group chat (the sandbox's demo group).
      return entries.length >= 14 && entries;
    });
    expect(new Set(ledger.map((e) => e.chatId)).size).toBe(14);

    const users = sandboxDemoUsers();
    const answers = { 'KZ-head': 'yes', 'AM-alternate': 'no', 'RU-head': 'yes' } as const;
    for (const [key, answer] of Object.entries(answers)) {
      const user = users.find((u) => u.key === key);
      if (!user) throw new Error(key);
      const chat = await sandbox.chat(user.id);
      const notice = chat.messages.find((m) => m.buttons.length > 0);
      expect(notice?.text).toContain('Spring session');
      await sandbox.post('/sandbox/press', {
        userId: user.id,
        chatId: user.id,
        messageId: notice?.message_id,
        callbackData: `r:${id}:${answer === 'yes' ? 'y' : 'n'}`,
      });
      await waitUntil(async () => (await sandbox.chat(user.id)).messages.some((m) => m.edited));
    }

    const detail = await api.call<{ attendance: Attendance[] }>('GET', `/api/meetings/${id}`);
    const byAnswer = (a: string | null) => detail.body.attendance.filter((row) => row.answer === a).length;
    expect(detail.body.attendance).toHaveLength(13);
    expect(detail.body.attendance.every((row) => row.delivery === 'sent')).toBe(true);
    expect([byAnswer('yes'), byAnswer('no'), byAnswer(null)]).toEqual([2, 1, 10]);
  });

  it('shuts down cleanly on SIGTERM', async () => {
    expect(await accord.stop('SIGTERM')).toBe(0);
  });
});
