import { rotateCalendarFeed } from '@accord/db';
import { escapeHtml } from '@accord/domain';
import { Composer } from 'grammy';
import type { BotContext } from '../context';
import { linkedPersonOrReply } from '../linked-person';

/**
 * `/calendar`: the address of the person's own calendar (the milestones and deadlines of the
 * activities they are responsible for) for a calendar app to subscribe to. The address is its own
 * credential: each request makes a new one and ends the old, as on the dashboard.
 */
export const calendarFeature = new Composer<BotContext>();

calendarFeature.chatType('private').command('calendar', async (ctx) => {
  const person = await linkedPersonOrReply(ctx);
  if (!person) return;
  const { db, dashboardUrl } = ctx.deps;
  const token = await rotateCalendarFeed(db, person.id, 'telegram', ctx.now());
  const url = new URL(`/api/calendar/${token}.ics`, dashboardUrl()).href;
  await ctx.reply(ctx.t('calendar-link', { url: escapeHtml(url) }), {
    parse_mode: 'HTML',
    link_preview_options: { is_disabled: true },
  });
});
