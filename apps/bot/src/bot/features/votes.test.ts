import { closeBallotNow } from '@accord/db';
import { linkSandboxCommissionGroup } from '@accord/seeds';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BotHarness, startBotHarness } from '../../testing/harness';

let h: BotHarness;
beforeEach(async () => {
  h = await startBotHarness();
});
afterEach(() => h.close());

const ballotIn = (chatId: number) =>
  h.driver.waitFor(() =>
    h.driver
      .chat(chatId)
      .messages.find(
        (m) => m.from === 'bot' && m.buttons.flat().some((b) => b.callback_data?.startsWith('v:')),
      ),
  );
const messageNow = (chatId: number, messageId: number) =>
  h.driver.chat(chatId).messages.find((m) => m.message_id === messageId);
const answerTo = async (press: { callbackQueryId: string }) =>
  (await h.driver.waitFor(() => h.driver.callbackAnswer(press.callbackQueryId)))?.text;
const votes = (ballotId: number) =>
  h.db.selectFrom('votes').selectAll().where('ballot_id', '=', ballotId).orderBy('id').execute();
const liveVotes = async (ballotId: number) => (await votes(ballotId)).filter((v) => v.superseded_at === null);

describe('voting in chat', () => {
  it('records a press, answers at once, and edits the ballot to show the state’s choice and who cast it', async () => {
    const ballotId = await h.openBallot();
    const kz = await h.person('KZ-head');
    const ballot = await ballotIn(kz.telegramId);
    expect(ballot.text).toContain('Голосование по проекту рекомендации');
    expect(ballot.text).toContain('On a single exhibition field');
    expect(ballot.text).toContain('Article 2. Costs are shared.');
    expect(ballot.text).toContain('Asia/Almaty');
    const press = h.driver.pressButton(kz.telegramId, kz.telegramId, ballot.message_id, `v:${ballotId}:f`);
    expect(await answerTo(press)).toBe('Учтено: За');
    const edited = await h.driver.waitFor(() => {
      const m = messageNow(kz.telegramId, ballot.message_id);
      return m?.edited && m.text?.includes('Ерлан Жумабаев') ? m : undefined;
    });
    expect(edited.text).toContain('Казахстан: За');
    expect(edited.text).toContain('можно изменить до завершения');
    expect(edited.text).toContain('Проголосовало государств: 1 из 6');
    expect(edited.buttons.flat().map((b) => b.text)).toContain('• За •');
    expect(await liveVotes(ballotId)).toEqual([
      expect.objectContaining({ state_code: 'KZ', person_id: kz.id, choice: 'for', channel: 'telegram' }),
    ]);
  });

  it('lets either representative of a state change its vote, keeps every cast, and ignores a double press', async () => {
    const ballotId = await h.openBallot();
    const head = await h.person('BY-head');
    const alternate = await h.person('BY-alternate');
    const headBallot = await ballotIn(head.telegramId);
    const altBallot = await ballotIn(alternate.telegramId);
    expect(
      await answerTo(
        h.driver.pressButton(head.telegramId, head.telegramId, headBallot.message_id, `v:${ballotId}:f`),
      ),
    ).toBe('Учтено: За');
    // The alternate sees the state's vote and who cast it on refresh, then changes it.
    await answerTo(
      h.driver.pressButton(
        alternate.telegramId,
        alternate.telegramId,
        altBallot.message_id,
        `v:${ballotId}:r`,
      ),
    );
    const refreshed = await h.driver.waitFor(() => {
      const m = messageNow(alternate.telegramId, altBallot.message_id);
      return m?.text?.includes('Виктор Ковалёв') ? m : undefined;
    });
    expect(refreshed.text).toContain('Беларусь: За');
    expect(
      await answerTo(
        h.driver.pressButton(
          alternate.telegramId,
          alternate.telegramId,
          altBallot.message_id,
          `v:${ballotId}:b`,
        ),
      ),
    ).toBe('Учтено: Воздержаться');
    expect(
      await answerTo(
        h.driver.forgeCallback(
          alternate.telegramId,
          alternate.telegramId,
          altBallot.message_id,
          `v:${ballotId}:b`,
        ),
      ),
    ).toBe('Это уже голос вашего государства.');
    const all = await votes(ballotId);
    expect(all.map((v) => [v.person_id, v.choice, v.superseded_at === null])).toEqual([
      [head.id, 'for', false],
      [alternate.id, 'abstain', true],
    ]);
  });

  it('handles a replayed press once', async () => {
    const ballotId = await h.openBallot();
    const kg = await h.person('KG-head');
    const ballot = await ballotIn(kg.telegramId);
    const press = h.driver.pressButton(kg.telegramId, kg.telegramId, ballot.message_id, `v:${ballotId}:a`);
    expect(await answerTo(press)).toBe('Recorded: Against');
    h.driver.replayUpdate(press.update_id);
    h.driver.sendCommand(kg.telegramId, '/help');
    await h.driver.waitFor(() => h.driver.lastBotMessage(kg.telegramId)?.text?.includes('/votes'));
    expect(h.driver.calls({ method: 'answerCallbackQuery' })).toHaveLength(1);
    expect(await votes(ballotId)).toHaveLength(1);
  });

  it('refuses, changing nothing, a press by someone who may not vote, in a group, or on another’s message', async () => {
    const ballotId = await h.openBallot({ eligibleStates: ['AM', 'BY', 'KZ', 'KG', 'RU'] });
    const observer = await h.person('observer');
    const tj = await h.person('TJ-head');
    const kz = await h.person('KZ-head');
    const kzBallot = await ballotIn(kz.telegramId);
    h.driver.addGroup({ id: -100500, title: 'Commission', memberIds: [kz.telegramId, tj.telegramId] });
    // Forged presses need a message to sit on: each person's own command will do.
    const own = async (person: { telegramId: number }, chatId = person.telegramId) => {
      const sent = h.driver.sendText(person.telegramId, '/help', { chatId });
      return sent.message_id;
    };
    expect(
      await answerTo(
        h.driver.forgeCallback(
          observer.telegramId,
          observer.telegramId,
          await own(observer),
          `v:${ballotId}:f`,
        ),
      ),
    ).toBe('You are not an accredited representative of a member state, so you cannot vote.');
    expect(
      await answerTo(h.driver.forgeCallback(tj.telegramId, tj.telegramId, await own(tj), `v:${ballotId}:f`)),
    ).toBe('Ваше государство не участвует в этом голосовании.');
    expect(
      await answerTo(
        h.driver.forgeCallback(kz.telegramId, -100500, await own(kz, -100500), `v:${ballotId}:f`),
      ),
    ).toBe('Голосуют в личном чате с ботом.');
    expect(
      await answerTo(h.driver.forgeCallback(kz.telegramId, kz.telegramId, kzBallot.message_id, 'v:99x:f')),
    ).toBe('Эта кнопка недействительна.');
    expect(await votes(ballotId)).toEqual([]);
  });

  it('answers a late press "voting has closed", changes nothing, and the close takes the buttons away', async () => {
    const ballotId = await h.openBallot();
    const am = await h.person('AM-head');
    const tj = await h.person('TJ-head');
    const amBallot = await ballotIn(am.telegramId);
    const tjBallot = await ballotIn(tj.telegramId);
    await answerTo(
      h.driver.pressButton(tj.telegramId, tj.telegramId, tjBallot.message_id, `v:${ballotId}:f`),
    );
    const now = new Date().toISOString();
    await h.db
      .transaction()
      .execute((trx) => closeBallotNow(trx, ballotId, { personId: null, kind: 'system' }, now));
    const late = h.driver.forgeCallback(am.telegramId, am.telegramId, amBallot.message_id, `v:${ballotId}:f`);
    expect(await answerTo(late)).toBe('Voting has closed. Nothing was changed.');
    const closed = await h.driver.waitFor(() => {
      const m = messageNow(am.telegramId, amBallot.message_id);
      return m?.edited && m.buttons.length === 0 ? m : undefined;
    });
    expect(closed.text).toContain('Voting closed');
    const result = await h.driver.waitFor(() =>
      h.driver.chat(tj.telegramId).messages.find((m) => m.from === 'bot' && m.text?.includes('Не принято')),
    );
    expect(result.text).toContain('Таджикистан: За');
    expect(result.text).toContain('Армения: не голосовало');
    expect(await votes(ballotId)).toHaveLength(1);
  });

  it('takes a comment and a reservation in chat, after a vote, within the length limit', async () => {
    const ballotId = await h.openBallot();
    const kg = await h.person('KG-alternate');
    const ballot = await ballotIn(kg.telegramId);
    expect(
      await answerTo(
        h.driver.pressButton(kg.telegramId, kg.telegramId, ballot.message_id, `v:${ballotId}:x`),
      ),
    ).toBe('Vote first: a comment or a reservation goes with your state’s vote.'.replace('’', "'"));
    await answerTo(h.driver.pressButton(kg.telegramId, kg.telegramId, ballot.message_id, `v:${ballotId}:a`));
    await answerTo(h.driver.pressButton(kg.telegramId, kg.telegramId, ballot.message_id, `v:${ballotId}:x`));
    await h.driver.waitFor(() =>
      h.driver.lastBotMessage(kg.telegramId)?.text?.includes('reservation (dissenting opinion)'),
    );
    h.driver.sendText(kg.telegramId, 'x'.repeat(1_001));
    await h.driver.waitFor(() => h.driver.lastBotMessage(kg.telegramId)?.text?.includes('1001 characters'));
    h.driver.sendText(kg.telegramId, 'Kyrgyzstan cannot share the costs before 2028.');
    await h.driver.waitFor(() =>
      h.driver.lastBotMessage(kg.telegramId)?.text?.includes('Reservation: Kyrgyzstan'),
    );
    const [live] = await liveVotes(ballotId);
    expect(live).toMatchObject({
      choice: 'against',
      comment: 'Kyrgyzstan cannot share the costs before 2028.',
      remark_kind: 'reservation',
    });
    // After the answer the bot stops listening: the next text is an ordinary message again.
    h.driver.sendText(kg.telegramId, 'thanks');
    await h.driver.waitFor(() => h.driver.lastBotMessage(kg.telegramId)?.text?.includes('/help'));
    expect((await liveVotes(ballotId))[0]?.comment).toBe('Kyrgyzstan cannot share the costs before 2028.');
  });

  it('lists the person’s open ballots with their state’s choice on /votes, and opens one from the list', async () => {
    const ballotId = await h.openBallot();
    const ru = await h.person('RU-alternate');
    const ballot = await ballotIn(ru.telegramId);
    await answerTo(h.driver.pressButton(ru.telegramId, ru.telegramId, ballot.message_id, `v:${ballotId}:f`));
    h.driver.sendCommand(ru.telegramId, '/votes');
    const list = await h.driver.waitFor(() => {
      const m = h.driver.lastBotMessage(ru.telegramId);
      return m?.text?.includes('Открытые голосования') ? m : undefined;
    });
    expect(list.text).toContain('Ваше государство: За');
    expect(list.text).toContain('Проголосовало: 1 из 6');
    h.driver.pressButton(ru.telegramId, ru.telegramId, list.message_id, `v:${ballotId}:o`);
    const opened = await h.driver.waitFor(() => {
      const m = h.driver.lastBotMessage(ru.telegramId);
      return m && m.message_id !== list.message_id && m.text?.includes('Российская Федерация: За')
        ? m
        : undefined;
    });
    expect(opened.buttons.length).toBeGreaterThan(0);
  });

  it('keeps the tally hidden from members until the close when the secretary asked so', async () => {
    const ballotId = await h.openBallot({ resultsHidden: true });
    const kz = await h.person('KZ-head');
    const ballot = await ballotIn(kz.telegramId);
    await answerTo(h.driver.pressButton(kz.telegramId, kz.telegramId, ballot.message_id, `v:${ballotId}:a`));
    const edited = await h.driver.waitFor(() => {
      const m = messageNow(kz.telegramId, ballot.message_id);
      return m?.edited ? m : undefined;
    });
    expect(edited.text).toContain('Итоги скрыты до завершения голосования.');
    expect(edited.text).toContain('Проголосовало государств: 1 из 6');
    expect(edited.text).not.toMatch(/Против: 1/);
  });
});

describe('the silence procedure in chat', () => {
  it('offers only objection and no objection, and an objection closes it at once for everyone', async () => {
    const ballotId = await h.openBallot({ rule: { kind: 'silence' } });
    const by = await h.person('BY-head');
    const kz = await h.person('KZ-head');
    const ballot = await ballotIn(by.telegramId);
    expect(ballot.buttons[0]?.map((b) => b.text)).toEqual(['Нет возражений', 'Возражаю']);
    expect(ballot.buttons.flat().map((b) => b.callback_data)).not.toContain(`v:${ballotId}:b`);
    expect(
      await answerTo(
        h.driver.pressButton(by.telegramId, by.telegramId, ballot.message_id, `v:${ballotId}:a`),
      ),
    ).toBe('Учтено: Возражаю');
    const told = await h.driver.waitFor(() =>
      h.driver.chat(kz.telegramId).messages.find((m) => m.from === 'bot' && m.text?.includes('Не принято')),
    );
    expect(told.text).toContain('Беларусь: Возражаю');
    const row = await h.db
      .selectFrom('ballots')
      .select(['status', 'outcome'])
      .where('id', '=', ballotId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'closed', outcome: 'not-adopted' });
  });
});

describe('the commission group during a ballot', () => {
  it('gets the summary with a link to the private chat, and one tally message kept live by few edits', async () => {
    const group = await linkSandboxCommissionGroup(h.db, new Date().toISOString());
    h.driver.addGroup(group);
    const ballotId = await h.openBallot({ text: `${'A long article. '.repeat(300)}\n\nThe end.` });
    const posted = await h.driver.waitFor(() =>
      h.driver.chat(group.id).messages.find((m) => m.from === 'bot'),
    );
    expect(posted.text).toContain('On a single exhibition field');
    expect(posted.buttons.flat()).toEqual([
      expect.objectContaining({ url: expect.stringContaining(`?start=ballot-${ballotId}`) }),
    ]);
    // A text too long for the ballot message reaches each member as a document beside it.
    const kz = await h.person('KZ-head');
    const document = await h.driver.waitFor(() =>
      h.driver.chat(kz.telegramId).messages.find((m) => m.document !== undefined),
    );
    expect(document.document?.file_name).toBe(`draft-1-v1.md`);
    const voters = ['AM-head', 'BY-head', 'KZ-head', 'KG-head'];
    for (const key of voters) {
      const p = await h.person(key);
      const ballot = await ballotIn(p.telegramId);
      await answerTo(h.driver.pressButton(p.telegramId, p.telegramId, ballot.message_id, `v:${ballotId}:f`));
    }
    const live = await h.driver.waitFor(() => {
      const m = h.driver.chat(group.id).messages.find((x) => x.message_id === posted.message_id);
      return m?.text?.includes('Проголосовало государств: 4 из 6') ? m : undefined;
    }, 15_000);
    expect(live.text).toContain('кворум есть');
    expect(h.driver.chat(group.id).messages.filter((m) => m.from === 'bot')).toHaveLength(1);
    // Four votes in a burst come out as at most two edits: the first at once, the rest together.
    expect(h.driver.calls({ method: 'editMessageText', chatId: group.id }).length).toBeLessThanOrEqual(2);
  });
});
