import { insertActivity } from '@accord/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BotHarness, startBotHarness } from '../../testing/harness';

let h: BotHarness;
beforeEach(async () => {
  h = await startBotHarness();
});
afterEach(() => h.close());

/** An activity of the seeded program, Kazakhstan's head responsible, with two milestones. */
async function seedActivity(responsibleId: number) {
  const program = await h.db.selectFrom('programs').select('id').executeTakeFirstOrThrow();
  const direction = await h.db
    .selectFrom('program_directions')
    .select('id')
    .where('program_id', '=', program.id)
    .executeTakeFirstOrThrow();
  return insertActivity(
    h.db,
    program.id,
    {
      title: 'Unified catalogue of spare parts',
      description: '',
      directionId: direction.id,
      leadState: 'KZ',
      participatingStates: ['BY'],
      responsiblePersonIds: [responsibleId],
      start: '2019-01-01',
      end: '2020-12-31',
      status: 'planned',
      progress: 0,
      milestones: [
        { title: 'Draft catalogue', date: '2019-06-01' },
        { title: 'Catalogue approved', date: '2020-06-01' },
      ],
      dependsOn: [],
    },
    new Date().toISOString(),
  );
}

describe('program activities in /deadlines', () => {
  it('lists the person’s activities and takes their progress and milestones, telling the secretary', async () => {
    const kz = await h.person('KZ-head');
    const secretary = await h.person('secretary');
    const activityId = await seedActivity(kz.id);
    h.driver.sendCommand(kz.telegramId, '/deadlines');
    const list = await h.driver.waitFor(() => {
      const m = h.driver.lastBotMessage(kz.telegramId);
      return m?.text?.includes('Мероприятия программы') ? m : undefined;
    });
    expect(list.text).toContain('Unified catalogue of spare parts');
    expect(list.text).toContain('Ближайший этап: Draft catalogue');
    h.driver.pressButton(kz.telegramId, kz.telegramId, list.message_id, `a:${activityId}:p`);
    const ask = await h.driver.waitFor(() => {
      const m = h.driver.lastBotMessage(kz.telegramId);
      return m?.text?.includes('Насколько выполнено') ? m : undefined;
    });
    h.driver.pressButton(kz.telegramId, kz.telegramId, ask.message_id, `a:${activityId}:p50`);
    await h.driver.waitFor(() =>
      h.driver
        .chat(kz.telegramId)
        .messages.find((m) => m.message_id === ask.message_id && m.text?.includes('50 %.')),
    );
    const row = await h.db.selectFrom('activities').select(['progress', 'status']).executeTakeFirstOrThrow();
    expect(row).toEqual({ progress: 50, status: 'in-progress' });
    const milestones = await h.db.selectFrom('milestones').select('id').orderBy('date').execute();
    const press = h.driver.pressButton(
      kz.telegramId,
      kz.telegramId,
      list.message_id,
      `a:${activityId}:m${milestones[0]?.id}`,
    );
    await h.driver.waitFor(() => h.driver.callbackAnswer(press.callbackQueryId));
    const updated = await h.driver.waitFor(() => {
      const m = h.driver.chat(kz.telegramId).messages.find((x) => x.message_id === list.message_id);
      return m?.text?.includes('Ближайший этап: Catalogue approved') ? m : undefined;
    });
    expect(updated.text).toContain('выполнено 50 %');
    const again = h.driver.forgeCallback(
      kz.telegramId,
      kz.telegramId,
      list.message_id,
      `a:${activityId}:m${milestones[0]?.id}`,
    );
    expect((await h.driver.waitFor(() => h.driver.callbackAnswer(again.callbackQueryId)))?.text).toBe(
      'Этот этап уже отмечен как достигнутый.',
    );
    const told = await h.driver.waitFor(() => {
      const texts = h.driver.chat(secretary.telegramId).messages.map((m) => m.text ?? '');
      return (
        texts.some((t) => t.includes('50 %')) && texts.some((t) => t.includes('«Draft catalogue»')) && texts
      );
    });
    expect(told.join('\n')).toContain('Ерлан Жумабаев');
    const audit = await h.db
      .selectFrom('audit_events')
      .select('action')
      .where('record_type', '=', 'activity')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['activity.progress', 'activity.milestone-reached']);
  });

  it('refuses a report from someone not responsible, changing nothing', async () => {
    const kz = await h.person('KZ-head');
    const by = await h.person('BY-head');
    const activityId = await seedActivity(kz.id);
    h.driver.sendCommand(by.telegramId, '/help');
    const own = await h.driver.waitFor(() => h.driver.lastBotMessage(by.telegramId));
    const press = h.driver.forgeCallback(by.telegramId, by.telegramId, own.message_id, `a:${activityId}:p90`);
    expect((await h.driver.waitFor(() => h.driver.callbackAnswer(press.callbackQueryId)))?.text).toBe(
      'Вы не отвечаете за это мероприятие.',
    );
    const row = await h.db.selectFrom('activities').select('progress').executeTakeFirstOrThrow();
    expect(row.progress).toBe(0);
  });
});
