import {
  appendResponse,
  castVote,
  closeBallotOnce,
  type Database,
  insertBallot,
  insertDraft,
  type Kysely,
  recordDecision,
  setDraftStatus,
} from '@accord/db';
import { MEMBER_STATE_CODES, type MemberStateCode, type ResponseStatus } from '@accord/domain';

type Db = Kysely<Database>;

/** How each government's response evolved, as "MM-DD" days of the adoption's year. */
const RESPONSES: ReadonlyArray<[MemberStateCode, ResponseStatus, string, string]> = [
  ['RU', 'sent', '11-18', ''],
  ['AM', 'sent', '11-20', ''],
  ['BY', 'sent', '11-20', ''],
  ['KZ', 'sent', '11-20', ''],
  ['TJ', 'sent', '11-20', ''],
  ['RU', 'accepted', '11-28', 'Letter of the Ministry of Industry and Trade No. 4512'],
  ['KG', 'accepted', '12-01', 'Accepted directly by the government’s order No. 388'],
  ['AM', 'accepted', '12-01', ''],
  ['KZ', 'under-consideration', '12-05', 'Interagency approval under way'],
  ['BY', 'accepted', '12-10', ''],
  ['AM', 'implemented', '12-20', 'The catalogue is in use at the repair plants'],
  ['RU', 'implemented', '12-22', ''],
];

/**
 * A demo register entry, adopted last November in the room, with responses at every stage
 * (Kazakhstan's under consideration, Tajikistan's only sent: both still reminded). Only into an
 * empty register and only once the demo people are there, so it never mixes with real entries.
 */
export async function seedDemoRegister(db: Db, now: string): Promise<void> {
  const year = Number(now.slice(0, 4)) - 1;
  const adoptedAt = `${year}-11-14T12:00:00.000Z`;
  await db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('decisions').select('id').executeTakeFirst()) return;
    const secretary = await trx
      .selectFrom('people')
      .select('id')
      .where('seed_key', '=', 'secretary')
      .executeTakeFirst();
    const direction = await trx
      .selectFrom('program_directions')
      .select('id')
      .where('position', '=', 3)
      .executeTakeFirst();
    if (!secretary || !direction) return;
    const draftId = await insertDraft(
      trx,
      {
        kind: 'recommendation',
        title: 'On a unified catalogue of spare parts for armoured vehicles',
        text: '1. The member states keep one catalogue of spare parts for the armoured vehicles in service.\n2. The secretariat publishes it each year.\n',
        directionIds: [direction.id],
        agendaItemId: null,
      },
      secretary.id,
      `${year}-10-20T09:00:00.000Z`,
    );
    const ballotId = await insertBallot(
      trx,
      {
        draftId,
        draftVersion: 1,
        rule: { kind: 'consensus' },
        quorum: { numerator: 2, denominator: 3 },
        eligibleStates: [...MEMBER_STATE_CODES],
        opensAt: `${year}-11-14T09:00:00.000Z`,
        closesAt: adoptedAt,
        timeZone: 'Europe/Moscow',
        resultsHidden: false,
        reminderLeadMs: 24 * 3_600_000,
      },
      secretary.id,
      `${year}-11-14T09:00:00.000Z`,
    );
    for (const stateCode of MEMBER_STATE_CODES)
      await castVote(
        trx,
        {
          ballotId,
          stateCode,
          personId: null,
          choice: 'for',
          channel: 'room',
          reference: 'Minutes No. 2',
          comment: null,
        },
        `${year}-11-14T11:00:00.000Z`,
      );
    await closeBallotOnce(
      trx,
      ballotId,
      { outcome: 'adopted', closedBy: null, voterSnapshot: [] },
      adoptedAt,
    );
    await setDraftStatus(trx, draftId, ['draft'], 'adopted', adoptedAt);
    const { id } = await recordDecision(trx, { draftId, ballotId, adoptedAt });
    for (const [stateCode, status, day, note] of RESPONSES)
      await appendResponse(
        trx,
        { decisionId: id, stateCode, status, date: `${year}-${day}`, note, correction: false },
        secretary.id,
        `${year}-${day}T10:00:00.000Z`,
      );
  });
}
