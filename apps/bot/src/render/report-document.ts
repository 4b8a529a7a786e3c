import type { Block, OfficialDocument } from '@accord/documents';
import {
  type Language,
  localDate,
  REPORT_SECTION_KEYS,
  type ReportFigures,
  type ReportSectionKey,
  type ReportSections,
  richTextBlocks,
} from '@accord/domain';
import { formatDate } from '../format';
import type { Translate } from '../i18n';

export interface ReportDocumentInput {
  year: number;
  version: number;
  contentHash: string;
  sections: ReportSections;
  commissionName: string;
  /** The instant the document is made, shown as its date in the commission's zone. */
  at: string;
  timeZone: string;
}

const figuresOf = <K extends ReportSectionKey>(sections: ReportSections, key: K) =>
  sections.find((s) => s.key === key)?.figures as ReportFigures[K] | undefined;

/** A section's figures as the document prints them: a sentence and a table, in the reader's language. */
function figureBlocks(
  t: Translate,
  lang: Language,
  key: ReportSectionKey,
  sections: ReportSections,
): Block[] {
  const col = (id: string) => t(lang, `report-doc-col-${id}`);
  const text = (value: string): Block => ({ kind: 'paragraph', runs: [{ text: value }] });
  const table = (header: string[], rows: string[][]): Block[] =>
    rows.length === 0 ? [] : [{ kind: 'table', header, rows }];
  switch (key) {
    case 'meetings': {
      const f = figuresOf(sections, 'meetings');
      if (!f) return [];
      return [
        text(t(lang, 'report-doc-sittings', { held: f.held.value, minimum: f.minimum })),
        ...table(
          [col('meeting'), col('date'), col('present'), col('states')],
          f.meetings.map((m) => [
            m.title,
            formatDate(m.date, lang),
            String(m.present.value),
            m.statesPresent.join(', '),
          ]),
        ),
      ];
    }
    case 'decisions': {
      const f = figuresOf(sections, 'decisions');
      if (!f) return [];
      return [
        text(
          t(lang, 'report-doc-adopted', {
            recommendations: f.recommendations.value,
            decisions: f.decisions.value,
          }),
        ),
        ...table(
          [col('number'), col('title'), col('adopted'), col('votes')],
          f.items.map((d) => [
            d.registerNumber,
            d.title,
            formatDate(d.adoptedOn, lang),
            `${d.votes.for.value} / ${d.votes.against.value} / ${d.votes.abstain.value}`,
          ]),
        ),
      ];
    }
    case 'programs': {
      const f = figuresOf(sections, 'programs');
      if (!f) return [];
      return f.programs.flatMap((p) => [
        text(`${lang === 'ru' ? p.titleRu : p.titleEn}: ${percent(p.progress.progress)}`),
        ...table(
          [col('direction'), col('progress'), col('activities'), col('done'), col('overdue')],
          p.directions.map((d) => [
            lang === 'ru' ? d.titleRu : d.titleEn,
            percent(d.progress.progress),
            String(d.activities.value),
            String(d.done.value),
            String(d.overdue.value),
          ]),
        ),
      ]);
    }
    case 'working-groups': {
      const f = figuresOf(sections, 'working-groups');
      if (!f) return [];
      return table(
        [col('group'), col('tasks'), col('done'), col('open'), col('overdue')],
        f.items.map((g) => [
          g.name,
          String(g.tasks.value),
          String(g.doneInYear.value),
          String(g.open.value),
          String(g.overdue.value),
        ]),
      );
    }
    case 'overdue': {
      const f = figuresOf(sections, 'overdue');
      if (!f) return [];
      return [
        text(
          t(lang, 'report-doc-overdue', {
            activities: f.activities.value,
            tasks: f.tasks.value,
            date: formatDate(f.asOf, lang),
          }),
        ),
        ...table(
          [col('title'), col('due'), col('days')],
          f.items.map((i) => [i.title, formatDate(i.due, lang), String(i.daysOverdue)]),
        ),
      ];
    }
  }
}

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value)} %`);

/**
 * A version of the annual report as an official document in the reader's language: the
 * commission's heading, the version and its hash (marked as a draft: it is not approved yet),
 * then each section's figures and the secretary's text.
 */
export function reportDocument(t: Translate, lang: Language, input: ReportDocumentInput): OfficialDocument {
  return {
    language: lang,
    heading: {
      organisation: t(lang, 'report-doc-organisation'),
      commission: input.commissionName,
      title: t(lang, 'sign-off-report-title', { year: String(input.year) }),
      subtitle: t(lang, 'report-doc-subtitle'),
      date: formatDate(localDate(input.at, input.timeZone), lang),
    },
    version: { number: input.version, contentHash: input.contentHash },
    sections: REPORT_SECTION_KEYS.map((key, i) => {
      const section = input.sections.find((s) => s.key === key);
      const blocks = [...figureBlocks(t, lang, key, input.sections), ...richTextBlocks(section?.text ?? '')];
      return {
        title: `${i + 1}. ${t(lang, `section-${key}`)}`,
        blocks:
          blocks.length > 0
            ? blocks
            : [{ kind: 'paragraph', runs: [{ text: t(lang, 'report-doc-nothing') }] }],
      };
    }),
  };
}
