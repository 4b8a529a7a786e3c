import type { DocumentSection, OfficialDocument } from './official-document.ts';

/** A SHA-256 in hex, as the report's versions carry. */
export const sampleHash = '3f9a2c7d41be08e65a1f4c9b7d2e0a6c58b31f7e9d04a2c6b8e1f3a5d7c9e0b2';

/** A Russian report with every block kind: bold, italic and linked runs, both lists, a table. */
export const russianReport: OfficialDocument = {
  language: 'ru',
  heading: {
    organisation: 'Содружество Независимых Государств',
    commission: 'Межгосударственная комиссия по сотрудничеству',
    title: 'Ежегодный доклад о ходе работы за 2026 год',
    subtitle: 'Представляется Генеральному секретарю',
    place: 'Минск',
    date: '12 марта 2027 г.',
  },
  version: {
    number: 4,
    contentHash: sampleHash,
    approvedBy: 'Председатель комиссии А. В. Петров',
    approvedAt: '10 марта 2027 г.',
  },
  sections: [
    {
      title: '1. Заседания комиссии',
      blocks: [
        {
          kind: 'paragraph',
          runs: [
            { text: 'В отчётном году проведено ' },
            { text: 'три заседания', bold: true },
            { text: ' при установленном уставом минимуме в два; ' },
            { text: 'кворум обеспечен на всех', italic: true },
            { text: '. Протоколы опубликованы на ' },
            { text: 'портале комиссии', link: 'https://accord.example/minutes' },
            { text: '.' },
          ],
        },
        {
          kind: 'table',
          header: ['№', 'Дата', 'Место', 'Присутствовали'],
          rows: [
            ['1', '14 февраля 2026 г.', 'Минск', '9 из 11 государств'],
            ['2', '20 июня 2026 г.', 'Астана', '11 из 11 государств'],
            ['3', '3 ноября 2026 г.', 'Ереван', '10 из 11 государств'],
          ],
        },
      ],
    },
    {
      title: '2. Принятые рекомендации',
      blocks: [
        {
          kind: 'list',
          ordered: true,
          items: [
            [{ text: 'О гармонизации таможенных процедур', bold: true }, { text: ' — принята консенсусом.' }],
            [
              { text: 'О цифровом документообороте' },
              { text: ' (ответы получены от 7 правительств)', italic: true },
            ],
          ],
        },
        {
          kind: 'list',
          ordered: false,
          items: [
            [{ text: 'Просроченные ответы: Государство А, Государство Б.' }],
            [{ text: 'Имя в тексте: <script>& «кавычки»' }],
          ],
        },
      ],
    },
  ],
};

/** The same report in English. */
export const englishReport: OfficialDocument = {
  language: 'en',
  heading: {
    organisation: 'Commonwealth of Independent States',
    commission: 'Interstate Commission on Cooperation',
    title: 'Annual Progress Report for 2026',
    subtitle: 'Submitted to the Secretary General',
    place: 'Minsk',
    date: '12 March 2027',
  },
  version: {
    number: 4,
    contentHash: sampleHash,
    approvedBy: 'A. V. Petrov, Chairman',
    approvedAt: '10 March 2027',
  },
  sections: [
    {
      title: '1. Meetings of the Commission',
      blocks: [
        {
          kind: 'paragraph',
          runs: [
            { text: 'The Commission held ' },
            { text: 'three meetings', bold: true },
            { text: ' against the statutory minimum of two; ' },
            { text: 'a quorum was present at each', italic: true },
            { text: '. Minutes are on the ' },
            { text: 'Commission portal', link: 'https://accord.example/minutes' },
            { text: '.' },
          ],
        },
        {
          kind: 'table',
          header: ['No.', 'Date', 'Place', 'Present'],
          rows: [
            ['1', '14 February 2026', 'Minsk', '9 of 11 states'],
            ['2', '20 June 2026', 'Astana', '11 of 11 states'],
            ['3', '3 November 2026', 'Yerevan', '10 of 11 states'],
          ],
        },
      ],
    },
    {
      title: '2. Recommendations adopted',
      blocks: [
        {
          kind: 'list',
          ordered: true,
          items: [
            [{ text: 'On harmonising customs procedures', bold: true }, { text: ' — adopted by consensus.' }],
            [{ text: 'On digital records' }, { text: ' (7 governments have answered)', italic: true }],
          ],
        },
        {
          kind: 'list',
          ordered: false,
          items: [
            [{ text: 'Overdue answers: State A, State B.' }],
            [{ text: 'A name in the text: <script>& "quotes"' }],
          ],
        },
      ],
    },
  ],
};

/** A long report: `count` sections of a paragraph, a list and a ten-row table each. */
export function longReport(count: number): OfficialDocument {
  const sections: DocumentSection[] = Array.from({ length: count }, (_, index) => ({
    title: `${index + 1}. Направление работы № ${index + 1}`,
    blocks: [
      {
        kind: 'paragraph',
        runs: [
          { text: `Раздел ${index + 1}: `, bold: true },
          {
            text: 'ход выполнения программы по направлению, с достигнутыми результатами и отставаниями. '.repeat(
              3,
            ),
          },
        ],
      },
      {
        kind: 'list',
        ordered: true,
        items: [[{ text: 'Мероприятие выполнено.' }], [{ text: 'Мероприятие перенесено на следующий год.' }]],
      },
      {
        kind: 'table',
        header: ['Государство', 'План', 'Факт', 'Примечание'],
        rows: Array.from({ length: 10 }, (_, row) => [
          `Государство ${row + 1}`,
          '12',
          `${row + 2}`,
          'в срок',
        ]),
      },
    ],
  }));
  return { ...russianReport, sections };
}
