import type { Database, Kysely } from '@accord/db';
import { DEMO_PEOPLE, SANDBOX_TELEGRAM_ID_BASE } from './demo-people';
import { COMMISSION, MEMBER_STATES, PROGRAM_2020 } from './reference';

type Db = Kysely<Database>;

/** Reference data every database needs. Inserts what is missing; never overwrites. */
export async function seedReference(db: Db, now: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('member_states')
      .values(
        MEMBER_STATES.map((s, i) => ({
          code: s.code,
          name_ru: s.nameRu,
          name_en: s.nameEn,
          time_zone: s.timeZone,
          sort_order: i + 1,
        })),
      )
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    await trx
      .insertInto('commission')
      .values({
        id: 1,
        name_ru: COMMISSION.nameRu,
        name_en: COMMISSION.nameEn,
        decision_rule: COMMISSION.decisionRule,
        quorum_numerator: COMMISSION.quorum.numerator,
        quorum_denominator: COMMISSION.quorum.denominator,
        min_meetings_per_year: COMMISSION.minMeetingsPerYear,
        report_due_month_day: COMMISSION.reportDueMonthDay,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const inserted = await trx
      .insertInto('programs')
      .values({
        code: PROGRAM_2020.code,
        title_ru: PROGRAM_2020.titleRu,
        title_en: PROGRAM_2020.titleEn,
        period_start: PROGRAM_2020.periodStart,
        period_end: PROGRAM_2020.periodEnd,
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) {
      await trx
        .insertInto('program_directions')
        .values(
          PROGRAM_2020.directions.map((d, i) => ({
            program_id: inserted.id,
            position: i + 1,
            title_ru: d.titleRu,
            title_en: d.titleEn,
          })),
        )
        .execute();
    }
  });
}

export interface DemoSeedOptions {
  /** Link each demo person to a sandbox Telegram user (ids from SANDBOX_TELEGRAM_ID_BASE). */
  linkSandboxTelegram: boolean;
}

/** The demo commission's people: only in sandbox mode or on request. Idempotent by seed key. */
export async function seedDemoPeople(db: Db, now: string, options: DemoSeedOptions): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const [i, p] of DEMO_PEOPLE.entries()) {
      const inserted = await trx
        .insertInto('people')
        .values({
          name: p.name,
          roles: JSON.stringify(p.roles),
          language: p.language,
          time_zone: p.timeZone,
          telegram_user_id: options.linkSandboxTelegram ? SANDBOX_TELEGRAM_ID_BASE + i + 1 : null,
          seed_key: p.key,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('seed_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted && p.representation) {
        await trx
          .insertInto('representations')
          .values({
            person_id: inserted.id,
            state_code: p.representation.state,
            kind: p.representation.kind,
            valid_from: '2020-01-01T00:00:00.000Z',
          })
          .execute();
      }
    }
  });
}

/** The sandbox users matching the linked demo people, for the composition root to register. */
export const sandboxDemoUsers = () =>
  DEMO_PEOPLE.map((p, i) => ({
    id: SANDBOX_TELEGRAM_ID_BASE + i + 1,
    first_name: p.name,
    language_code: p.language,
    key: p.key,
  }));

/** The demo commission's group chat in the sandbox: every linked demo person is in it. */
export const SANDBOX_COMMISSION_GROUP = { id: -1_000_700_000, title: 'Комиссия / Commission' } as const;

/**
 * Makes the sandbox group the commission's group chat, unless one is set already: notices and
 * ballots then reach the group as they would in Telegram. Returns the group with its members.
 */
export async function linkSandboxCommissionGroup(db: Db, now: string) {
  await db
    .updateTable('commission')
    .set({ group_chat_id: SANDBOX_COMMISSION_GROUP.id, updated_at: now })
    .where('group_chat_id', 'is', null)
    .execute();
  return { ...SANDBOX_COMMISSION_GROUP, memberIds: sandboxDemoUsers().map((u) => u.id) };
}
