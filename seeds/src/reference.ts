import type { MemberState } from '@accord/domain';

/** The organization's six member states; each state's capital sets its zone. */
export const MEMBER_STATES: readonly MemberState[] = [
  { code: 'AM', nameRu: 'Республика Армения', nameEn: 'Republic of Armenia', timeZone: 'Asia/Yerevan' },
  { code: 'BY', nameRu: 'Республика Беларусь', nameEn: 'Republic of Belarus', timeZone: 'Europe/Minsk' },
  { code: 'KZ', nameRu: 'Республика Казахстан', nameEn: 'Republic of Kazakhstan', timeZone: 'Asia/Almaty' },
  { code: 'KG', nameRu: 'Кыргызская Республика', nameEn: 'Kyrgyz Republic', timeZone: 'Asia/Bishkek' },
  { code: 'RU', nameRu: 'Российская Федерация', nameEn: 'Russian Federation', timeZone: 'Europe/Moscow' },
  {
    code: 'TJ',
    nameRu: 'Республика Таджикистан',
    nameEn: 'Republic of Tajikistan',
    timeZone: 'Asia/Dushanbe',
  },
];

/** The commission and the rules its statute sets. */
export const COMMISSION = {
  nameRu: 'Межгосударственная комиссия по военно-экономическому сотрудничеству ОДКБ',
  nameEn: 'Interstate Commission for Military-Economic Cooperation of the CSTO',
  decisionRule: 'consensus',
  quorum: { numerator: 2, denominator: 3 },
  minMeetingsPerYear: 2,
  reportDueMonthDay: '12-15',
} as const;

/** The long-term program "until 2020" and the five directions its text names. */
export const PROGRAM_2020 = {
  code: 'until-2020',
  titleRu: 'Программа военно-экономического сотрудничества государств — членов ОДКБ на период до 2020 года',
  titleEn: 'Program of military-economic cooperation of the CSTO member states until 2020',
  periodStart: '2013-01-01',
  periodEnd: '2020-12-31',
  directions: [
    {
      titleRu:
        'Система совместных предприятий по разработке, производству, модернизации, ремонту и утилизации вооружения и военной техники',
      titleEn:
        'A system of joint ventures for the development, production, modernization, repair and disposal of weapons and equipment',
    },
    {
      titleRu: 'Нормативная правовая база с едиными правилами',
      titleEn: 'A regulatory framework with uniform rules',
    },
    {
      titleRu: 'Согласованная политика унификации и стандартизации вооружения и военной техники',
      titleEn: 'A coordinated policy of unification and standardization of weapons and equipment',
    },
    {
      titleRu: 'Долгосрочное планирование военно-экономического и военно-технического сотрудничества',
      titleEn: 'Long-term planning of military-economic and military-technical cooperation',
    },
    {
      titleRu: 'Единое рекламно-выставочное пространство',
      titleEn: 'A single advertising and exhibition field',
    },
  ],
} as const;
