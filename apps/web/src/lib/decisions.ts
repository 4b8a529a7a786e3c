import type { ResponseStatus, VoteChoice } from '@accord/domain';

/** The response statuses in the domain's order (a copy: importing the domain's constant would bundle zod and luxon). */
export const RESPONSE_STATUSES = [
  'sent',
  'under-consideration',
  'accepted',
  'implemented',
] as const satisfies readonly ResponseStatus[];

/** A response after which the state has answered (reminders stop): accepted or implemented. */
export const isSettled = (status: ResponseStatus | null | undefined): boolean =>
  status === 'accepted' || status === 'implemented';

/** How many states answered each way, and how many did not vote. */
export const voteSummary = (votes: ReadonlyArray<{ choice: VoteChoice | null }>) => ({
  for: votes.filter((v) => v.choice === 'for').length,
  against: votes.filter((v) => v.choice === 'against').length,
  abstain: votes.filter((v) => v.choice === 'abstain').length,
  none: votes.filter((v) => v.choice === null).length,
});

/** A calendar day ("yyyy-MM-dd") as the reader writes dates; a day has no zone, so it is read in UTC. */
export const formatCalendarDate = (date: string, locale: string): string =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );

/** Today's date ("yyyy-MM-dd") in a zone: the form's default date. */
export const todayIn = (zone: string, now: Date = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: zone,
  }).format(now);

/**
 * The days a state's response may carry, as that state's own calendar reads them (the API judges
 * the date there): from the day of adoption to today. An evening adoption in Moscow is already the
 * next day in Almaty.
 */
export const responseDates = (adoptedAt: string, zone: string, now: Date = new Date()) => ({
  min: todayIn(zone, new Date(adoptedAt)),
  max: todayIn(zone, now),
});
