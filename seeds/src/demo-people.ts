import type { Language, MemberStateCode, RepresentationKind, Role } from '@accord/domain';

export interface DemoPerson {
  /** Stable key: seeding twice finds the same person. */
  key: string;
  name: string;
  roles: Role[];
  language: Language;
  timeZone: string;
  representation?: { state: MemberStateCode; kind: RepresentationKind };
}

const delegation = (
  state: MemberStateCode,
  timeZone: string,
  head: string,
  alternate: string,
  language: Language = 'ru',
): DemoPerson[] => [
  {
    key: `${state}-head`,
    name: head,
    roles: ['member'],
    language,
    timeZone,
    representation: { state, kind: 'head' },
  },
  {
    key: `${state}-alternate`,
    name: alternate,
    roles: ['member'],
    language,
    timeZone,
    representation: { state, kind: 'alternate' },
  },
];

/**
 * A plausible commission to try Accord with: the secretary (also admin), the chairman (who
 * heads Russia's delegation), a head of delegation and an alternate for each state, an observer.
 * The names are invented.
 */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    key: 'secretary',
    name: 'Ирина Соколова',
    roles: ['secretary', 'admin'],
    language: 'ru',
    timeZone: 'Europe/Moscow',
  },
  {
    key: 'RU-head',
    name: 'Андрей Воронцов',
    roles: ['chairman', 'member'],
    language: 'ru',
    timeZone: 'Europe/Moscow',
    representation: { state: 'RU', kind: 'head' },
  },
  {
    key: 'RU-alternate',
    name: 'Павел Громов',
    roles: ['member'],
    language: 'ru',
    timeZone: 'Europe/Moscow',
    representation: { state: 'RU', kind: 'alternate' },
  },
  ...delegation('AM', 'Asia/Yerevan', 'Arman Petrosyan', 'Lilit Hakobyan', 'en'),
  ...delegation('BY', 'Europe/Minsk', 'Виктор Ковалёв', 'Ольга Лукашевич'),
  ...delegation('KZ', 'Asia/Almaty', 'Ерлан Жумабаев', 'Айгерим Сатпаева'),
  ...delegation('KG', 'Asia/Bishkek', 'Bakyt Osmonov', 'Aisuluu Toktogulova', 'en'),
  ...delegation('TJ', 'Asia/Dushanbe', 'Рустам Назаров', 'Фарангис Рахимова'),
  { key: 'observer', name: 'Elena Markova', roles: ['observer'], language: 'en', timeZone: 'Europe/Moscow' },
];

/** In sandbox mode demo people come linked to sandbox Telegram users with these ids. */
export const SANDBOX_TELEGRAM_ID_BASE = 700_000;
