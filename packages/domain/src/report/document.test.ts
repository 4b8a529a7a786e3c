import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../people';
import { assembleReport, REPORT_SECTION_KEYS, type ReportRecords } from './assembly';
import { type DocumentBlock, type ReportDocumentInput, reportDocument, richTextBlocks } from './document';
import { composeSections } from './editing';
import { sanitizeRichText } from './rich-text';

const all6 = ['AM', 'BY', 'KZ', 'KG', 'RU', 'TJ'] as const;

/** A small 2027: two sittings held, one recommendation adopted, a program with an overdue activity, a group. */
const records: ReportRecords = {
  year: 2027,
  minimumMeetings: 2,
  timeZone: 'Europe/Moscow',
  representation: [
    { personId: 1, stateCode: 'RU' },
    { personId: 2, stateCode: 'KZ' },
  ],
  meetings: [1, 2].map((id) => ({
    id,
    kind: 'regular' as const,
    title: `Session ${id}`,
    startsAt: `2027-0${id * 3}-15T07:00:00.000Z`,
    timeZone: 'Europe/Moscow',
    status: 'notified' as const,
    heldAt: `2027-0${id * 3}-15T10:00:00.000Z`,
    attendance: [
      { personId: 1, present: true },
      { personId: 2, present: id === 1 },
    ],
  })),
  decisions: [
    {
      id: 10,
      number: 1,
      year: 2027,
      kind: 'recommendation',
      title: 'On joint repair centres',
      adoptedAt: '2027-03-20T12:00:00.000Z',
      ballot: {
        id: 100,
        rule: { kind: 'consensus' },
        quorum: { numerator: 2, denominator: 3 },
        eligibleStates: all6,
      },
      votes: [
        { id: 1, stateCode: 'RU', choice: 'for' },
        { id: 2, stateCode: 'KZ', choice: 'for' },
        { id: 3, stateCode: 'BY', choice: 'abstain' },
      ],
      responses: [{ id: 1, stateCode: 'RU', status: 'accepted', date: '2027-05-01' }],
    },
  ],
  programs: [
    {
      id: 1,
      titleRu: 'Программа до 2030 года',
      titleEn: 'Program until 2030',
      periodStart: '2021-01-01',
      periodEnd: '2030-12-31',
      directions: [{ id: 1, titleRu: 'Стандартизация', titleEn: 'Standardization' }],
      activities: [
        {
          id: 7,
          title: 'Common catalogue',
          directionId: 1,
          leadState: 'RU',
          participatingStates: ['KZ'],
          start: '2027-01-01',
          end: '2027-06-30',
          status: 'in-progress',
          progress: 40,
        },
      ],
    },
  ],
  workingGroups: [
    {
      id: 3,
      name: 'Standards group',
      mandate: 'Standards',
      active: true,
      tasks: [{ id: 30, title: 'Draft the glossary', dueDate: '2027-10-01', status: 'open', doneAt: null }],
    },
  ],
};

const figures = assembleReport(records, '2028-01-20T09:00:00.000Z');
const sections = composeSections(figures).map((s) =>
  s.key === 'meetings'
    ? { ...s, text: sanitizeRichText('<p>Two <b>sittings</b> were held &amp; minuted.</p>') }
    : s,
);
const states = [
  { code: 'RU' as const, nameRu: 'Российская Федерация', nameEn: 'Russian Federation' },
  { code: 'KZ' as const, nameRu: 'Республика Казахстан', nameEn: 'Republic of Kazakhstan' },
];
const hash = 'ab'.repeat(32);
const input: ReportDocumentInput = {
  year: 2027,
  commission: {
    nameRu: 'Межгосударственная комиссия по военно-экономическому сотрудничеству ОДКБ',
    nameEn: 'Interstate Commission for Military-Economic Cooperation of the CSTO',
  },
  states,
  version: { number: 4, contentHash: hash, createdAt: '2028-01-25T08:00:00.000Z', sections },
  // 22:30 UTC on 9 February is already 10 February in Moscow.
  approval: { approverName: 'A. Petrov', capacity: 'chairman', approvedAt: '2028-02-09T22:30:00.000Z' },
};

/** Every piece of text in the blocks, in order. */
const textsOf = (blocks: DocumentBlock[]): string[] =>
  blocks.flatMap((b) =>
    b.kind === 'paragraph'
      ? [b.runs.map((r) => r.text).join('')]
      : b.kind === 'list'
        ? b.items.map((item) => item.map((r) => r.text).join(''))
        : [...b.header, ...b.rows.flat()],
  );

describe('a report version as an official document', () => {
  it('has a section for every section kind, titled in each language, with the text first and the figures after', () => {
    for (const language of LANGUAGES) {
      const doc = reportDocument(input, language);
      expect(doc.language).toBe(language);
      expect(doc.sections).toHaveLength(REPORT_SECTION_KEYS.length);
      for (const [i, section] of doc.sections.entries()) {
        expect(section.title, `${language} ${REPORT_SECTION_KEYS[i]}`).toMatch(
          new RegExp(`^${i + 1}\\. \\S`),
        );
        expect(section.blocks.length, `${language} ${REPORT_SECTION_KEYS[i]}`).toBeGreaterThan(0);
        // Every table's rows fit its header: the renderers refuse a wider row.
        for (const block of section.blocks)
          if (block.kind === 'table')
            for (const row of block.rows) expect(row).toHaveLength(block.header.length);
      }
    }
    const ru = reportDocument(input, 'ru').sections.map((s) => s.title);
    const en = reportDocument(input, 'en').sections.map((s) => s.title);
    expect(ru).toEqual([
      '1. Заседания комиссии',
      '2. Принятые рекомендации и решения',
      '3. Ход выполнения программ',
      '4. Рабочие группы и их результаты',
      '5. Просроченные мероприятия и задачи',
    ]);
    expect(en).toEqual([
      '1. Meetings of the commission',
      '2. Recommendations and decisions adopted',
      '3. Program progress',
      '4. Working groups and their results',
      '5. Overdue activities and tasks',
    ]);
  });

  it('prints the commission’s heading, the version, its hash, and who approved it in what capacity on which day', () => {
    const en = reportDocument(input, 'en');
    expect(en.heading).toEqual({
      organisation: 'Collective Security Treaty Organization',
      commission: 'Interstate Commission for Military-Economic Cooperation of the CSTO',
      title: 'Annual progress report for 2027',
      subtitle: 'Submitted to the Secretary General of the Collective Security Treaty Organization',
      place: 'Moscow',
      date: '10 February 2028',
    });
    expect(en.version).toEqual({
      number: 4,
      contentHash: hash,
      approvedBy: 'Chairman of the Commission A. Petrov',
      approvedAt: '10 February 2028',
    });
    const ru = reportDocument(input, 'ru');
    expect(ru.heading).toMatchObject({
      organisation: 'Организация Договора о коллективной безопасности',
      commission: 'Межгосударственная комиссия по военно-экономическому сотрудничеству ОДКБ',
      title: 'Ежегодный доклад о ходе работы за 2027 год',
      place: 'Москва',
      date: '10 февраля 2028 г.',
    });
    expect(ru.version?.approvedBy).toBe('Председатель комиссии A. Petrov');

    const deputy = { ...input, approval: { ...input.approval, capacity: 'deputy' } } as ReportDocumentInput;
    expect(reportDocument(deputy, 'en').version?.approvedBy).toBe(
      "Deputy Chairman of the Commission A. Petrov (on the Chairman's behalf)",
    );
    expect(reportDocument(deputy, 'ru').version?.approvedBy).toContain('по поручению Председателя');
  });

  it('marks a version nobody approved as a draft, dated when it was saved', () => {
    const draft = reportDocument({ ...input, approval: null }, 'en');
    expect(draft.version).toEqual({ number: 4, contentHash: hash });
    expect(draft.heading.date).toBe('25 January 2028');
  });

  it('writes the figures with their labels in both languages, states by name', () => {
    const en = reportDocument(input, 'en').sections.map((s) => textsOf(s.blocks));
    const ru = reportDocument(input, 'ru').sections.map((s) => textsOf(s.blocks));
    expect(en[0]).toContain("Meetings held: 2 of the minimum 2 — The statute's minimum is met.");
    expect(ru[0]).toContain(
      'Проведено заседаний: 2 при установленном минимуме 2 — Требование устава выполнено.',
    );
    expect(en[0]).toEqual(
      expect.arrayContaining(['15 March 2027', 'Session 1', 'Republic of Kazakhstan, Russian Federation']),
    );
    expect(ru[0]).toContain('15 марта 2027 г.');
    expect(en[1]).toEqual(
      expect.arrayContaining([
        'Recommendations adopted: 1',
        '1/2027',
        'On joint repair centres',
        'for 2, against 0, abstained 1, did not vote 3',
      ]),
    );
    expect(ru[1]).toContain('Принято рекомендаций: 1');
    // A state the input does not name is shown by its code.
    expect(en[1]?.find((t) => t.startsWith('AM: '))).toBe(
      'AM: no response; BY: no response; Republic of Kazakhstan: no response; KG: no response; Russian Federation: accepted; TJ: no response',
    );
    expect(en[2]).toEqual(expect.arrayContaining(['Program until 2030: progress 40%', 'Standardization']));
    expect(ru[2]).toContain('Программа до 2030 года: выполнение 40 %');
    expect(en[3]).toEqual(expect.arrayContaining(['Working groups: 1', 'Standards group']));
    expect(en[4]).toEqual(
      expect.arrayContaining(['As of 20 January 2028: 1 activities and 1 tasks overdue', 'Common catalogue']),
    );
    expect(ru[4]?.[0]).toBe('По состоянию на 20 января 2028 г.: просрочено мероприятий — 1, задач — 1');
  });

  it('says so for a section with nothing to report, and still counts no meeting against the minimum', () => {
    const empty = composeSections(
      assembleReport(
        { ...records, meetings: [], decisions: [], programs: [], workingGroups: [] },
        '2028-01-20T09:00:00.000Z',
      ),
    );
    const emptyInput = { ...input, version: { ...input.version, sections: empty } };
    const [meetings, ...rest] = reportDocument(emptyInput, 'ru').sections;
    expect(textsOf(meetings?.blocks ?? [])).toEqual([
      'Проведено заседаний: 0 при установленном минимуме 2 — Требование устава не выполнено.',
      'Отменено заседаний: 0',
      'Проведено заседаний рабочих групп и конференций: 0',
    ]);
    for (const section of rest) expect(textsOf(section.blocks)).toEqual(['За отчётный год записей нет.']);
    expect(textsOf(reportDocument(emptyInput, 'en').sections[1]?.blocks ?? [])).toEqual([
      'Nothing is recorded for the year.',
    ]);
  });

  it('puts the secretary’s text before the figures, its entities decoded', () => {
    const [meetings] = reportDocument(input, 'en').sections;
    expect(meetings?.blocks[0]).toEqual({
      kind: 'paragraph',
      runs: [{ text: 'Two ' }, { text: 'sittings', bold: true }, { text: ' were held & minuted.' }],
    });
  });
});

describe('the rich-text subset as document blocks', () => {
  const blocks = (html: string) => richTextBlocks(sanitizeRichText(html));

  it('turns bold, italic and links into runs, and merges runs of one look', () => {
    expect(
      blocks(
        '<p>A <b>bold <i>and italic</i></b> <em>word</em> and <a href="https://example.org/a?b=1&amp;c=2">a link</a>.</p>',
      ),
    ).toEqual([
      {
        kind: 'paragraph',
        runs: [
          { text: 'A ' },
          { text: 'bold ', bold: true },
          { text: 'and italic', bold: true, italic: true },
          { text: ' ' },
          { text: 'word', italic: true },
          { text: ' and ' },
          { text: 'a link', link: 'https://example.org/a?b=1&c=2' },
          { text: '.' },
        ],
      },
    ]);
  });

  it('makes numbered and bulleted lists, a nested list joining the one around it', () => {
    expect(
      blocks('<ol><li>One</li><li><b>Two</b></li></ol><ul><li>A<ul><li>A1</li></ul></li><li>B</li></ul>'),
    ).toEqual([
      { kind: 'list', ordered: true, items: [[{ text: 'One' }], [{ text: 'Two', bold: true }]] },
      { kind: 'list', ordered: false, items: [[{ text: 'A' }], [{ text: 'A1' }], [{ text: 'B' }]] },
    ]);
  });

  it('starts a new paragraph at a line break, keeps bare text, drops underline’s look and empty paragraphs', () => {
    expect(blocks('Loose text<br>next line<p>  </p><p><u>under</u>lined &lt;tag&gt;</p>')).toEqual([
      { kind: 'paragraph', runs: [{ text: 'Loose text' }] },
      { kind: 'paragraph', runs: [{ text: 'next line' }] },
      { kind: 'paragraph', runs: [{ text: 'underlined <tag>' }] },
    ]);
    expect(blocks('')).toEqual([]);
    expect(blocks('<li>stray item</li>')).toEqual([{ kind: 'paragraph', runs: [{ text: 'stray item' }] }]);
  });
});
