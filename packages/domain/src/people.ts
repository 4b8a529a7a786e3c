import type { Role } from './roles';
import type { MemberStateCode } from './states';

export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'ru';

export const REPRESENTATION_KINDS = ['head', 'representative', 'alternate'] as const;
/** Head of delegation, representative or alternate of one member state. */
export type RepresentationKind = (typeof REPRESENTATION_KINDS)[number];

export interface Person {
  id: number;
  name: string;
  roles: Role[];
  language: Language;
  timeZone: string;
  telegramUserId: number | null;
  reachable: boolean;
  active: boolean;
}

export interface Representation {
  personId: number;
  stateCode: MemberStateCode;
  kind: RepresentationKind;
  validFrom: string;
  validTo: string | null;
}

export const isLanguage = (value: string | null | undefined): value is Language =>
  value === 'ru' || value === 'en';

/** The language to talk to someone in: theirs if known, else what Telegram says of them, else Russian. */
export const pickLanguage = (preferred: string | null | undefined, telegramCode?: string): Language => {
  if (isLanguage(preferred)) return preferred;
  const base = telegramCode?.slice(0, 2);
  return isLanguage(base) ? base : DEFAULT_LANGUAGE;
};

/** Whether a representation is in force at `now` (an ISO instant). */
export const isRepresentationActive = (r: Representation, now: string): boolean =>
  r.validFrom <= now && (r.validTo === null || r.validTo > now);

/** Whether someone can be reached in Telegram at all: active, linked and not known to have blocked the bot. */
export const isReachable = (p: Person): boolean => p.active && p.telegramUserId !== null && p.reachable;
