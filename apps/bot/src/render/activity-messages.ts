import { type Database, findActivityById, findPersonById, type Kysely } from '@accord/db';
import { escapeHtml, type Language, type MessageIntent } from '@accord/domain';
import type { Translate } from '../i18n';

/** What a member reported on a program activity, as the secretary reads it; null when the activity is gone. */
export async function renderActivityReport(
  db: Kysely<Database>,
  t: Translate,
  language: Language,
  intent: Extract<MessageIntent, { kind: 'activity-reported' }>,
): Promise<string | null> {
  const activity = await findActivityById(db, intent.activityId);
  if (!activity) return null;
  const person = escapeHtml((await findPersonById(db, intent.personId))?.name ?? '');
  const title = escapeHtml(activity.title);
  if (intent.milestoneId !== null) {
    const milestone = activity.milestones.find((m) => m.id === intent.milestoneId);
    return t(language, 'activity-reported-milestone', {
      person,
      title,
      milestone: escapeHtml(milestone?.title ?? ''),
    });
  }
  return t(language, 'activity-reported-progress', { person, title, progress: String(intent.progress ?? 0) });
}
