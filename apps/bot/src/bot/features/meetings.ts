import { findRsvp, listMeetings } from '@accord/db';
import { escapeHtml, fitMessage } from '@accord/domain';
import { Composer } from 'grammy';
import { formatSpan, formatZone } from '../../format';
import type { BotContext } from '../context';
import { linkedPersonOrReply } from '../linked-person';

/** `/meetings`: the upcoming announced meetings in the reader's zone and language, with their answers. */
export const meetingsFeature = new Composer<BotContext>();

meetingsFeature.command('meetings', async (ctx) => {
  const person = await linkedPersonOrReply(ctx);
  if (!person) return;
  const now = ctx.now();
  const meetings = await listMeetings(ctx.deps.db, { from: now, statuses: ['notified'] });
  if (meetings.length === 0) {
    await ctx.reply(ctx.t('meetings-none'));
    return;
  }
  const items = await Promise.all(
    meetings.map(async (m, i) => {
      const answer = await findRsvp(ctx.deps.db, m.id, person.id);
      return ctx.t('meetings-item', {
        index: i + 1,
        title: escapeHtml(m.title),
        when: formatSpan(m.startsAt, m.endsAt, person.timeZone, person.language),
        answer: ctx.t(`meetings-answer-${answer ?? 'none'}`),
      });
    }),
  );
  const head = ctx.t('meetings-header', { zone: formatZone(person.timeZone, now) });
  await ctx.reply(
    fitMessage(head, items, '', (count) => ctx.t('notice-agenda-more', { count })),
    { parse_mode: 'HTML' },
  );
});
