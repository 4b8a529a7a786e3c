import {
  findReportVersion,
  insertDraft,
  insertMeeting,
  insertReport,
  loadReportRecords,
  saveReportVersion,
  sendForSignOff,
  supersedeOpenSignOff,
} from '@accord/db';
import {
  assembleReport,
  composeSections,
  decideReportChange,
  editSection,
  type ReportSectionKey,
} from '@accord/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BotHarness, startBotHarness } from '../../testing/harness';

let h: BotHarness;
beforeEach(async () => {
  h = await startBotHarness();
});
afterEach(() => h.close());

const now = () => new Date().toISOString();

/** Assembles the 2027 report as the secretary would on the dashboard; returns its id. */
async function assemble(): Promise<number> {
  const secretary = await h.person('secretary');
  const sections = composeSections(
    assembleReport(await loadReportRecords(h.db, 2027, 'Europe/Moscow'), now()),
  );
  const id = await h.db
    .transaction()
    .execute((trx) => insertReport(trx, 2027, sections, secretary.id, now()));
  if (id === null) throw new Error('report exists');
  return id;
}

/** Sends the report's current version for approval, as the API's route does. */
async function sendForApproval(reportId: number): Promise<number> {
  const secretary = await h.person('secretary');
  const sent = await h.db
    .transaction()
    .execute((trx) =>
      sendForSignOff(trx, 'report', reportId, { personId: secretary.id, kind: 'person' }, now()),
    );
  if (!sent.ok) throw new Error(sent.error);
  return sent.value.signOffId;
}

/** Saves a section's new text as the next version, as the API's route does (an open request is superseded). */
async function edit(reportId: number, key: ReportSectionKey, text: string): Promise<void> {
  const secretary = await h.person('secretary');
  const report = await h.db
    .selectFrom('reports')
    .selectAll()
    .where('id', '=', reportId)
    .executeTakeFirstOrThrow();
  const change = decideReportChange(report.status as 'draft');
  if (!change.ok) throw new Error(change.error);
  const current = await findReportVersion(h.db, reportId, report.current_version);
  const edited = current && editSection(current.sections, key, text);
  if (!edited?.ok) throw new Error('nothing to save');
  await h.db.transaction().execute(async (trx) => {
    await saveReportVersion(
      trx,
      { id: reportId, expectedVersion: report.current_version },
      { sections: edited.value, change: 'edit', sectionKey: key, status: change.value.status },
      secretary.id,
      now(),
    );
    if (change.value.supersedes) await supersedeOpenSignOff(trx, 'report', reportId, now());
  });
}

const promptIn = (chatId: number, signOffId: number) =>
  h.driver.waitFor(() =>
    h.driver
      .chat(chatId)
      .messages.find(
        (m) =>
          m.from === 'bot' && m.buttons.flat().some((b) => b.callback_data?.startsWith(`so:${signOffId}:`)),
      ),
  );
const messageNow = (chatId: number, messageId: number) =>
  h.driver.chat(chatId).messages.find((m) => m.message_id === messageId);
const answerTo = async (press: { callbackQueryId: string }) =>
  (await h.driver.waitFor(() => h.driver.callbackAnswer(press.callbackQueryId)))?.text;
const signOffs = () => h.db.selectFrom('sign_offs').selectAll().orderBy('id').execute();
const reportStatus = async (id: number) =>
  (await h.db.selectFrom('reports').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const botSaid = (chatId: number, fragment: string) =>
  h.driver.waitFor(() =>
    h.driver
      .chat(chatId)
      .messages.find((m) => m.from === 'bot' && (m.text ?? m.caption ?? '').includes(fragment)),
  );

describe('the chairman’s approval in chat', () => {
  it('sends the summary with the PDF; approving asks to confirm, then binds the version and makes the report read-only', async () => {
    const reportId = await assemble();
    const signOffId = await sendForApproval(reportId);
    const chairman = await h.person('RU-head');
    const secretary = await h.person('secretary');
    const prompt = await promptIn(chairman.telegramId, signOffId);
    expect(prompt.caption).toContain('На утверждение: ежегодный доклад о ходе работы за 2027 год');
    expect(prompt.caption).toContain('Версия 1');
    expect(prompt.caption).toContain('Проведено заседаний: 0 при минимуме по уставу 2');
    // The full report is the prompt's document, in the chairman's language.
    expect(prompt.document?.file_name).toBe('report-2027-v1-ru.pdf');
    expect(prompt.document?.mime_type).toBe('application/pdf');
    expect(prompt.document?.content.subarray(0, 5).toString()).toBe('%PDF-');

    const ask = h.driver.pressButton(
      chairman.telegramId,
      chairman.telegramId,
      prompt.message_id,
      `so:${signOffId}:1:a`,
    );
    expect(await answerTo(ask)).toBe('Утвердить версию 1? Подтвердите.');
    const confirming = await h.driver.waitFor(() => {
      const m = messageNow(chairman.telegramId, prompt.message_id);
      return m?.buttons.flat().some((b) => b.text === 'Да, утвердить версию 1') ? m : undefined;
    });
    expect(confirming.buttons.flat().map((b) => b.text)).toEqual(['Да, утвердить версию 1', 'Отмена']);
    expect((await signOffs())[0]?.state).toBe('requested');

    const confirm = h.driver.pressButton(
      chairman.telegramId,
      chairman.telegramId,
      prompt.message_id,
      `so:${signOffId}:1:y`,
    );
    expect(await answerTo(confirm)).toBe('Утверждено: версия 1');
    await botSaid(chairman.telegramId, 'Вы утвердили версию 1');
    expect(await reportStatus(reportId)).toBe('approved');
    const [row] = await signOffs();
    const version = await findReportVersion(h.db, reportId, 1);
    expect(row).toMatchObject({
      state: 'approved',
      decided_by: chairman.id,
      item_version: 1,
      content_hash: version?.contentHash,
      on_behalf_of_deputy: 0,
    });
    expect(row?.decided_at).toBeTruthy();
    expect(messageNow(chairman.telegramId, prompt.message_id)?.buttons).toEqual([]);
    await botSaid(secretary.telegramId, 'утвердил(а) версию 1');
    const audit = await h.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'like', 'sign-off.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['sign-off.request', 'sign-off.approve']);
  });

  it('returns the report with a comment; after an edit and a resend the chairman sees what changed, then approves', async () => {
    const reportId = await assemble();
    const first = await sendForApproval(reportId);
    const chairman = await h.person('RU-head');
    const secretary = await h.person('secretary');
    const prompt = await promptIn(chairman.telegramId, first);
    await answerTo(
      h.driver.pressButton(chairman.telegramId, chairman.telegramId, prompt.message_id, `so:${first}:1:c`),
    );
    await botSaid(chairman.telegramId, 'Что нужно изменить в версии 1?');
    h.driver.sendText(chairman.telegramId, 'Опишите итоги заседаний <подробнее> & с цифрами.');
    await botSaid(chairman.telegramId, 'возвращён секретарю');
    expect(await reportStatus(reportId)).toBe('changes-requested');
    expect((await signOffs())[0]).toMatchObject({
      state: 'changes-requested',
      comment: 'Опишите итоги заседаний <подробнее> & с цифрами.',
      decided_by: chairman.id,
    });
    const told = await botSaid(secretary.telegramId, 'на доработку');
    expect(told.text).toContain('Опишите итоги заседаний <подробнее> & с цифрами.');

    await edit(reportId, 'meetings', '<p>Проведено одно заседание в Минске.</p>');
    const second = await sendForApproval(reportId);
    const resent = await promptIn(chairman.telegramId, second);
    expect(resent.caption).toContain('Версия 2');
    expect(resent.caption).toContain('Изменено с версии 1, которую вы вернули:');
    expect(resent.caption).toContain('Проведённые заседания: изменён текст (+1 / −0 строк)');
    expect(resent.caption).toContain('Ваше замечание: Опишите итоги заседаний');

    await answerTo(
      h.driver.pressButton(chairman.telegramId, chairman.telegramId, resent.message_id, `so:${second}:2:a`),
    );
    await h.driver.waitFor(() =>
      messageNow(chairman.telegramId, resent.message_id)
        ?.buttons.flat()
        .some((b) => b.callback_data === `so:${second}:2:y`),
    );
    expect(
      await answerTo(
        h.driver.pressButton(chairman.telegramId, chairman.telegramId, resent.message_id, `so:${second}:2:y`),
      ),
    ).toBe('Утверждено: версия 2');
    expect(await reportStatus(reportId)).toBe('approved');
    expect((await signOffs()).map((s) => [s.item_version, s.state])).toEqual([
      [1, 'changes-requested'],
      [2, 'approved'],
    ]);
    const audit = await h.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'like', 'sign-off.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'sign-off.request',
      'sign-off.request-changes',
      'sign-off.request',
      'sign-off.approve',
    ]);
  });

  it('refuses a stale approval after an edit, saying the prompt is out of date, and records nothing', async () => {
    const reportId = await assemble();
    const signOffId = await sendForApproval(reportId);
    const chairman = await h.person('RU-head');
    const prompt = await promptIn(chairman.telegramId, signOffId);
    await answerTo(
      h.driver.pressButton(
        chairman.telegramId,
        chairman.telegramId,
        prompt.message_id,
        `so:${signOffId}:1:a`,
      ),
    );
    await h.driver.waitFor(() =>
      messageNow(chairman.telegramId, prompt.message_id)
        ?.buttons.flat()
        .some((b) => b.callback_data?.endsWith(':y')),
    );
    await edit(reportId, 'overdue', '<p>Nothing is overdue.</p>');
    const press = h.driver.pressButton(
      chairman.telegramId,
      chairman.telegramId,
      prompt.message_id,
      `so:${signOffId}:1:y`,
    );
    expect(await answerTo(press)).toBe(
      'Этот запрос устарел: после версии 1 были изменения. Ничего не записано; секретарь направит текущую версию.',
    );
    expect(await reportStatus(reportId)).toBe('draft');
    expect((await signOffs()).map((s) => [s.state, s.decided_by])).toEqual([['superseded', null]]);
  });

  it('refuses presses by the secretary, a member or a forged payload, changing nothing and saying why', async () => {
    const reportId = await assemble();
    const signOffId = await sendForApproval(reportId);
    const chairman = await h.person('RU-head');
    const prompt = await promptIn(chairman.telegramId, signOffId);
    const own = (person: { telegramId: number }) => h.driver.sendText(person.telegramId, '/help').message_id;
    for (const seed of ['secretary', 'KZ-head', 'observer']) {
      const other = await h.person(seed);
      const press = h.driver.forgeCallback(
        other.telegramId,
        other.telegramId,
        own(other),
        `so:${signOffId}:1:y`,
      );
      expect(await answerTo(press), seed).toMatch(
        /Only the chairman \(or the deputy the chairman named\)|Утвердить или вернуть это может только председатель/,
      );
    }
    // A forged version or payload on the chairman's own prompt.
    expect(
      await answerTo(
        h.driver.forgeCallback(
          chairman.telegramId,
          chairman.telegramId,
          prompt.message_id,
          `so:${signOffId}:7:y`,
        ),
      ),
    ).toBe('Эта кнопка недействительна.');
    expect(
      await answerTo(
        h.driver.forgeCallback(chairman.telegramId, chairman.telegramId, prompt.message_id, 'so:1:x:y'),
      ),
    ).toBe('Эта кнопка недействительна.');
    expect(await reportStatus(reportId)).toBe('awaiting-approval');
    expect((await signOffs()).map((s) => s.state)).toEqual(['requested']);
    const refused = await h.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'sign-off.refused')
      .execute();
    expect(refused).toHaveLength(3);
  });

  it('lets the named deputy approve, recorded as on behalf of the chairman', async () => {
    const deputy = await h.person('RU-alternate');
    await h.db.updateTable('commission').set({ deputy_person_id: deputy.id }).execute();
    const reportId = await assemble();
    const signOffId = await sendForApproval(reportId);
    const prompt = await promptIn(deputy.telegramId, signOffId);
    await answerTo(
      h.driver.pressButton(deputy.telegramId, deputy.telegramId, prompt.message_id, `so:${signOffId}:1:a`),
    );
    await h.driver.waitFor(() =>
      messageNow(deputy.telegramId, prompt.message_id)
        ?.buttons.flat()
        .some((b) => b.callback_data?.endsWith(':y')),
    );
    await answerTo(
      h.driver.pressButton(deputy.telegramId, deputy.telegramId, prompt.message_id, `so:${signOffId}:1:y`),
    );
    expect((await signOffs())[0]).toMatchObject({
      state: 'approved',
      decided_by: deputy.id,
      on_behalf_of_deputy: 1,
    });
    const secretary = await h.person('secretary');
    expect((await botSaid(secretary.telegramId, 'как заместитель председателя')).text).toContain(
      'Павел Громов',
    );
  });

  it('handles a replayed confirmation once, and a second press says it is already approved', async () => {
    const reportId = await assemble();
    const signOffId = await sendForApproval(reportId);
    const chairman = await h.person('RU-head');
    const prompt = await promptIn(chairman.telegramId, signOffId);
    await answerTo(
      h.driver.pressButton(
        chairman.telegramId,
        chairman.telegramId,
        prompt.message_id,
        `so:${signOffId}:1:a`,
      ),
    );
    await h.driver.waitFor(() =>
      messageNow(chairman.telegramId, prompt.message_id)
        ?.buttons.flat()
        .some((b) => b.callback_data?.endsWith(':y')),
    );
    const confirm = h.driver.pressButton(
      chairman.telegramId,
      chairman.telegramId,
      prompt.message_id,
      `so:${signOffId}:1:y`,
    );
    expect(await answerTo(confirm)).toBe('Утверждено: версия 1');
    h.driver.replayUpdate(confirm.update_id);
    const again = h.driver.forgeCallback(
      chairman.telegramId,
      chairman.telegramId,
      prompt.message_id,
      `so:${signOffId}:1:y`,
    );
    expect(await answerTo(again)).toBe('По этой версии уже есть ответ: утверждена. Ничего не изменено.');
    expect(
      (
        await h.db
          .selectFrom('audit_events')
          .select('action')
          .where('action', '=', 'sign-off.approve')
          .execute()
      ).length,
    ).toBe(1);
    expect(
      (await h.db.selectFrom('outbox').select('id').where('kind', '=', 'sign-off-decided').execute()).length,
    ).toBe(1);
  });
});

describe('the same prompt for an agenda and a draft, where the settings ask for it', () => {
  const sendItem = async (kind: 'agenda' | 'draft', itemId: number) => {
    const secretary = await h.person('secretary');
    const sent = await h.db
      .transaction()
      .execute((trx) => sendForSignOff(trx, kind, itemId, { personId: secretary.id, kind: 'person' }, now()));
    if (!sent.ok) throw new Error(sent.error);
    return sent.value.signOffId;
  };

  it('shows the chairman the meeting and its items; approving from the prompt records the approval', async () => {
    await h.db.updateTable('commission').set({ sign_off_agendas: 1 }).execute();
    const secretary = await h.person('secretary');
    const meetingId = await insertMeeting(
      h.db,
      {
        kind: 'regular',
        title: 'Autumn <session> & budget',
        startsAt: '2099-10-20T07:00:00.000Z',
        endsAt: '2099-10-20T10:00:00.000Z',
        timeZone: 'Europe/Moscow',
        place: 'Moscow',
        link: null,
        agenda: [
          { position: 1, title: 'Opening' },
          { position: 2, title: 'Budget for 2100' },
        ],
      },
      secretary.id,
      now(),
    );
    const signOffId = await sendItem('agenda', meetingId);
    const chairman = await h.person('RU-head');
    const prompt = await promptIn(chairman.telegramId, signOffId);
    // Written names are escaped for Telegram and read back as written.
    expect(prompt.text).toContain('На утверждение: повестка заседания «Autumn <session> & budget»');
    expect(prompt.text).toContain('2. Budget for 2100');
    expect(prompt.document).toBeUndefined();
    h.driver.pressButton(chairman.telegramId, chairman.telegramId, prompt.message_id, `so:${signOffId}:1:a`);
    await h.driver.waitFor(() =>
      messageNow(chairman.telegramId, prompt.message_id)
        ?.buttons.flat()
        .some((b) => b.callback_data === `so:${signOffId}:1:y`),
    );
    const confirm = h.driver.pressButton(
      chairman.telegramId,
      chairman.telegramId,
      prompt.message_id,
      `so:${signOffId}:1:y`,
    );
    expect(await answerTo(confirm)).toBe('Утверждено: версия 1');
    await botSaid(chairman.telegramId, 'Вы утвердили версию 1 повестки заседания «Autumn');
    expect((await signOffs())[0]).toMatchObject({ item_kind: 'agenda', state: 'approved' });
    // The secretary hears it too.
    await botSaid(secretary.telegramId, 'утвердил(а) версию 1 повестки заседания');
  });

  it('sends a long draft as a Markdown document under the summary', async () => {
    await h.db.updateTable('commission').set({ sign_off_drafts: 1 }).execute();
    const secretary = await h.person('secretary');
    const text = 'Article.\n'.repeat(400);
    const draftId = await insertDraft(
      h.db,
      { kind: 'decision', title: 'On joint ventures', text, directionIds: [], agendaItemId: null },
      secretary.id,
      now(),
    );
    const signOffId = await sendItem('draft', draftId);
    const chairman = await h.person('RU-head');
    const prompt = await promptIn(chairman.telegramId, signOffId);
    expect(prompt.caption).toContain('На утверждение перед голосованием: проект «On joint ventures»');
    expect(prompt.caption).toContain('Версия 1');
    expect(prompt.document?.file_name).toBe(`draft-${draftId}-v1.md`);
    expect(prompt.document?.content.toString()).toBe(text);
  });
});
