import {
  appendResponse,
  currentResponses,
  type Database,
  findDecision,
  type GovernmentResponse,
  type Kysely,
  listDecisions,
  listLiveVotesOfBallots,
  listMemberStates,
  listProgramDirections,
  listResponseHistory,
  scheduleTask,
} from '@accord/db';
import {
  decideResponseChange,
  err,
  formatRegisterNumber,
  localDate,
  type MemberStateCode,
  ok,
  type Person,
  planRemindersTask,
  type ResponseChange,
  type ResponseError,
  type Result,
} from '@accord/domain';
import { auditByPerson, beforeAfter } from './audit';

type Db = Kysely<Database>;
export type ResponseServiceError = ResponseError | 'NotFound';

/**
 * The register as a reader sees it: each entry with the text adopted, how each state voted, the
 * program directions it serves, and each member state's response with its history.
 */
export async function registerEntries(db: Db, id?: number) {
  const decisions = await listDecisions(db, id);
  const ids = decisions.map((d) => d.id);
  const [history, votes, states, directions] = await Promise.all([
    listResponseHistory(db, ids),
    listLiveVotesOfBallots(
      db,
      decisions.map((d) => d.ballotId),
    ),
    listMemberStates(db),
    listProgramDirections(db),
  ]);
  return decisions.map((d) => {
    const current = currentResponses(history, d.id);
    return {
      ...d,
      registerNumber: formatRegisterNumber(d),
      directions: directions.filter((x) => d.directionIds.includes(x.id)),
      votes: states.map((s) => ({
        stateCode: s.code,
        choice: votes.find((v) => v.ballotId === d.ballotId && v.stateCode === s.code)?.choice ?? null,
      })),
      responses: states.map((s) => ({
        stateCode: s.code,
        current: current.get(s.code) ?? null,
        history: history.filter((r) => r.decisionId === d.id && r.stateCode === s.code),
      })),
    };
  });
}

const entryOf = (r: GovernmentResponse) => ({ status: r.status, date: r.date, note: r.note });

/**
 * Records a change of a state's response: checked by the domain's rules, appended to its history,
 * audited, and the reminders about the decision planned again, all in one transaction. Dates are
 * the state's own calendar days (its letters are dated there).
 */
export async function recordResponse(
  db: Db,
  decisionId: number,
  stateCode: MemberStateCode,
  change: ResponseChange,
  actor: Person,
  now: string,
): Promise<Result<GovernmentResponse, ResponseServiceError>> {
  const decision = await findDecision(db, decisionId);
  if (!decision) return err('NotFound');
  const state = (await listMemberStates(db)).find((s) => s.code === stateCode);
  if (!state) return err('NotFound');
  return db.transaction().execute(async (trx) => {
    const previous = currentResponses(await listResponseHistory(trx, [decisionId]), decisionId).get(
      stateCode,
    );
    const decided = decideResponseChange(previous ? entryOf(previous) : null, change, {
      adoptedOn: localDate(decision.adoptedAt, state.timeZone),
      today: localDate(now, state.timeZone),
    });
    if (!decided.ok) return decided;
    const id = await appendResponse(
      trx,
      { decisionId, stateCode, ...decided.value, correction: change.correction },
      actor.id,
      now,
    );
    await auditByPerson(trx, actor, now, {
      action: 'decision.response',
      recordType: 'decision',
      recordId: decisionId,
      ...beforeAfter(previous ? { stateCode, ...entryOf(previous) } : null, { stateCode, ...change }),
    });
    await scheduleTask(trx, planRemindersTask('decision-response', decisionId, now));
    const saved = (await listResponseHistory(trx, [decisionId])).find((r) => r.id === id);
    return saved ? ok(saved) : err('NotFound');
  });
}
