import { sandboxDemoUsers } from '@accord/seeds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, sandboxClient } from '../support/http';
import { type RunningProcess, startEntry, tempDatabaseFile, waitUntil } from '../support/processes';

interface BallotDetail {
  ballot: { status: string; outcome: string | null };
  tally: { participating: number; for: number; abstain: number; quorumMet: boolean };
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
  api = apiClient(await accord.waitForOutput(/Accord is running: (http:\/\/\S+)/));
  sandbox = sandboxClient(await accord.waitForOutput(/Telegram sandbox: (http:\/\/\S+)/));
});
afterAll(async () => {
  await accord?.stop();
});

describe('a draft put to the vote, six states voting in their chats', () => {
  it('counts each state once as they press, the API’s tally following, the group’s kept live, and the result reaching everyone', async () => {
    const { body: people } = await api.call<{ people: Array<{ id: number; roles: string[] }> }>(
      'GET',
      '/api/session/dev-people',
    );
    const secretary = people.people.find((p) => p.roles.includes('secretary'));
    expect((await api.call('POST', '/api/session/dev-login', { personId: secretary?.id })).status).toBe(200);
    const draft = await api.call<{ draft: { id: number } }>('POST', '/api/drafts', {
      kind: 'decision',
      title: 'On the regulatory framework until 2030',
      text: 'The member states harmonise their rules on joint ventures.',
    });
    const opened = await api.call<{ id: number }>('POST', `/api/drafts/${draft.body.draft.id}/ballots`, {
      rule: { kind: 'consensus' },
      closesLocal: '2099-06-01T18:00',
      timeZone: 'Europe/Moscow',
    });
    expect(opened.status).toBe(201);
    const ballotId = opened.body.id;

    const users = sandboxDemoUsers();
    const choices = { AM: 'f', BY: 'f', KZ: 'b', KG: 'f', RU: 'f', TJ: 'f' } as const;
    let voted = 0;
    for (const [state, code] of Object.entries(choices)) {
      // The head votes first; Belarus's alternate then changes its state's vote, which still counts once.
      const user = users.find((u) => u.key === `${state}-head`);
      if (!user) throw new Error(state);
      const ballot = await waitUntil(async () =>
        (await sandbox.chat(user.id)).messages.find((m) =>
          m.buttons.flat().some((b) => b.callback_data === `v:${ballotId}:f`),
        ),
      );
      await sandbox.post('/sandbox/press', {
        userId: user.id,
        chatId: user.id,
        messageId: ballot.message_id,
        callbackData: `v:${ballotId}:${code}`,
      });
      voted += 1;
      const detail = await waitUntil(async () => {
        const res = await api.call<BallotDetail>('GET', `/api/ballots/${ballotId}`);
        return res.body.tally.participating === voted && res.body;
      });
      expect(detail.tally.quorumMet).toBe(voted >= 4);
    }
    const alternate = users.find((u) => u.key === 'BY-alternate');
    const altBallot = await waitUntil(async () =>
      (await sandbox.chat(alternate?.id)).messages.find((m) =>
        m.buttons.flat().some((b) => b.callback_data === `v:${ballotId}:b`),
      ),
    );
    await sandbox.post('/sandbox/press', {
      userId: alternate?.id,
      chatId: alternate?.id,
      messageId: altBallot.message_id,
      callbackData: `v:${ballotId}:b`,
    });
    const final = await waitUntil(async () => {
      const res = await api.call<BallotDetail>('GET', `/api/ballots/${ballotId}`);
      return res.body.tally.abstain === 2 && res.body;
    });
    expect(final.tally).toMatchObject({ participating: 6, for: 4, abstain: 2 });

    // The group has one message for the ballot, brought up to date within its limit.
    const groups = (await sandbox.get<Array<{ id: number; type: string }>>('/sandbox/chats')).filter(
      (c) => c.type !== 'private',
    );
    expect(groups).toHaveLength(1);
    const groupMessage = await waitUntil(async () => {
      const messages = (await sandbox.chat(groups[0]?.id)).messages.filter((m) =>
        m.text?.includes('On the regulatory framework'),
      );
      return messages.length === 1 && messages[0]?.text?.includes('6 из 6') && messages[0];
    }, 20_000);
    expect(groupMessage.buttons.flat()[0]?.url).toContain(`start=ballot-${ballotId}`);

    const closed = await api.call<{ outcome: string }>('POST', `/api/ballots/${ballotId}/close`);
    expect(closed.body.outcome).toBe('adopted');
    const kz = users.find((u) => u.key === 'KZ-alternate');
    const result = await waitUntil(async () =>
      (await sandbox.chat(kz?.id)).messages.find((m) => m.text?.includes('Принято')),
    );
    expect(result.text).toContain('Республика Беларусь: Воздержаться');
    // The ballot messages lose their buttons: nothing is left to press after the close.
    const stripped = await waitUntil(async () => {
      const m = (await sandbox.chat(alternate?.id)).messages.find(
        (x) => x.message_id === altBallot.message_id,
      );
      return m && m.buttons.length === 0 && m;
    });
    expect(stripped.text).toContain('принято');
    const after = await api.call<BallotDetail>('GET', `/api/ballots/${ballotId}`);
    expect(after.body.ballot).toMatchObject({ status: 'closed', outcome: 'adopted' });
  });
});
