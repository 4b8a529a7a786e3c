import type { MemberStateCode, VoteChoice } from '@accord/domain';
import type { Sandbox } from '@accord/telegram-sandbox';
import type { BallotMember } from './ballot-fixture';

export const CHOICE_CODES: Record<VoteChoice, 'f' | 'a' | 'b'> = { for: 'f', against: 'a', abstain: 'b' };
export const CHOICES: readonly VoteChoice[] = ['for', 'against', 'abstain'];

export interface PlannedPress {
  member: BallotMember;
  choice: VoteChoice;
}

export interface FiredPress extends PlannedPress {
  callbackQueryId: string;
  updateId: number;
  /** Epoch ms when the sandbox queued the callback update (the same clock as its call log). */
  pressedAt: number;
}

export interface AnsweredPress extends FiredPress {
  /** Epoch ms at which the bot's answerCallbackQuery reached the sandbox. */
  answeredAt: number;
  /** The answer's position among all answers the sandbox received: the order members were told. */
  answerIndex: number;
  answerText: string;
}

/** A small seeded generator (mulberry32), so every round and both bots get the very same presses. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A member presses a vote button of `ballotId` on the ballot message in their own private chat: a
 * callback query update the bot receives over HTTP like any other. Forged (the payload need not
 * be on the message) so every round can put a fresh ballot to the same messages.
 */
export function press(
  sandbox: Sandbox,
  messageIds: ReadonlyMap<number, number>,
  ballotId: number,
  planned: PlannedPress,
): FiredPress {
  const { chatId } = planned.member;
  const messageId = messageIds.get(chatId);
  if (messageId === undefined) throw new Error(`no ballot message in chat ${chatId}`);
  const { callbackQueryId, update_id } = sandbox.driver.forgeCallback(
    chatId,
    chatId,
    messageId,
    `v:${ballotId}:${CHOICE_CODES[planned.choice]}`,
  );
  return { ...planned, callbackQueryId, updateId: update_id, pressedAt: Date.now() };
}

/** answerCallbackQuery calls the sandbox has received so far (cheap: a counter). */
export const answersReceived = (sandbox: Sandbox): number =>
  sandbox.driver.stats().byMethod.answerCallbackQuery ?? 0;

/**
 * Waits until the sandbox has `expected` more answers than `before`, then pairs each press with
 * its answer from the call log. Presses never answered by the deadline are left out.
 */
export async function collectAnswers(
  sandbox: Sandbox,
  presses: readonly FiredPress[],
  before: number,
  timeoutMs: number,
): Promise<AnsweredPress[]> {
  const deadline = Date.now() + timeoutMs;
  while (answersReceived(sandbox) < before + presses.length && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 5));
  }
  const answers = new Map<string, { at: number; index: number; text: string }>();
  sandbox.driver.calls({ method: 'answerCallbackQuery' }).forEach((call, index) => {
    const id = String(call.params.callback_query_id);
    if (call.ok && !answers.has(id))
      answers.set(id, { at: call.at, index, text: String(call.params.text ?? '') });
  });
  return presses.flatMap((p) => {
    const answer = answers.get(p.callbackQueryId);
    return answer
      ? [{ ...p, answeredAt: answer.at, answerIndex: answer.index, answerText: answer.text }]
      : [];
  });
}

/** Nearest-rank percentile of `values` (q in 0…1). */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

/**
 * Each state's expected choice: that of the press answered last among the presses the bot said
 * counted (recorded, or already the state's vote) — the vote the last member told believes stands.
 */
export function expectedChoices(
  answered: readonly AnsweredPress[],
  counted: (press: AnsweredPress) => boolean,
): Map<MemberStateCode, VoteChoice> {
  const last = new Map<MemberStateCode, AnsweredPress>();
  for (const p of answered) {
    if (!counted(p)) continue;
    const seen = last.get(p.member.stateCode);
    if (!seen || p.answerIndex > seen.answerIndex) last.set(p.member.stateCode, p);
  }
  return new Map([...last].map(([state, p]) => [state, p.choice]));
}

/** Ballot messages the worker delivered since ledger entry `from`: chat id → message id. */
export function deliveredMessages(
  sandbox: Sandbox,
  members: readonly BallotMember[],
  from: number,
): Map<number, number> {
  const wanted = new Set(members.map((m) => m.chatId));
  const ids = new Map<number, number>();
  for (const entry of sandbox.driver.ledger().slice(from)) {
    if (wanted.has(entry.chatId) && !ids.has(entry.chatId)) ids.set(entry.chatId, entry.messageId);
  }
  return ids;
}
