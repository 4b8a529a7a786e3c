import type { Kysely } from 'kysely';
import type { Database } from '../schema';

type Db = Kysely<Database>;

export interface ChatPrompt {
  purpose: string;
  subjectId: number;
}

/** Remembers that the bot asked a person something; asking again replaces the earlier question. */
export async function askInChat(
  db: Db,
  personId: number,
  prompt: ChatPrompt & { askedAt: string; expiresAt: string },
): Promise<void> {
  const values = {
    purpose: prompt.purpose,
    subject_id: prompt.subjectId,
    asked_at: prompt.askedAt,
    expires_at: prompt.expiresAt,
  };
  await db
    .insertInto('chat_prompts')
    .values({ person_id: personId, ...values })
    .onConflict((oc) => oc.column('person_id').doUpdateSet(values))
    .execute();
}

/**
 * The question a person's next message answers, taken once; an expired one is dropped. With
 * `purposes`, only a question of those is taken (another feature's question stays for it).
 */
export async function takeChatPrompt(
  db: Db,
  personId: number,
  now: string,
  purposes?: readonly string[],
): Promise<ChatPrompt | null> {
  let query = db.deleteFrom('chat_prompts').where('person_id', '=', personId);
  if (purposes) query = query.where('purpose', 'in', purposes);
  const row = await query.returning(['purpose', 'subject_id', 'expires_at']).executeTakeFirst();
  if (!row || row.expires_at <= now) return null;
  return { purpose: row.purpose, subjectId: row.subject_id };
}

/** Whether a person has a question waiting for an answer (of these purposes, if given), without taking it. */
export async function hasChatPrompt(
  db: Db,
  personId: number,
  now: string,
  purposes?: readonly string[],
): Promise<boolean> {
  let query = db
    .selectFrom('chat_prompts')
    .select('person_id')
    .where('person_id', '=', personId)
    .where('expires_at', '>', now);
  if (purposes) query = query.where('purpose', 'in', purposes);
  const row = await query.executeTakeFirst();
  return row !== undefined;
}
