import { DateTime } from 'luxon';
import { RESPONSE_STATUSES, type ResponseStatus } from '../decisions';
import type { DraftKind } from '../drafts';
import type { MeetingKind } from '../meetings';
import type { Language } from '../people';
import type { SignerCapacity } from '../sign-offs';
import type { MemberState, MemberStateCode } from '../states';
import type {
  DecisionsSection,
  MeetingsSection,
  OverdueSection,
  ProgramsSection,
  ProgressFigure,
  ReportSectionKey,
  WorkingGroupsSection,
} from './assembly';
import type { ReportSection, ReportSections } from './editing';
import { decodeEntities } from './rich-text';

/*
 * The shapes below mirror `OfficialDocument` of `@accord/documents` field for field. The domain
 * may not import another package, and both apps need this mapping (the API's exports, the bot's
 * approval prompt), so it lives here as data; TypeScript checks the two shapes agree wherever a
 * `ReportDocument` is handed to `renderPdf` or `renderDocx`.
 */

/** A stretch of text with one look. */
export interface DocumentRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  link?: string;
}

/** A paragraph, a list (each item a line of runs) or a table of plain text. */
export type DocumentBlock =
  | { kind: 'paragraph'; runs: DocumentRun[] }
  | { kind: 'list'; ordered: boolean; items: DocumentRun[][] }
  | { kind: 'table'; header: string[]; rows: string[][] };

/** A report version as an official document in one language: what the renderers lay out. */
export interface ReportDocument {
  language: Language;
  heading: {
    organisation: string;
    commission: string;
    title: string;
    subtitle?: string;
    place?: string;
    date: string;
  };
  version?: { number: number; contentHash: string; approvedBy?: string; approvedAt?: string };
  sections: Array<{ title: string; blocks: DocumentBlock[] }>;
}

/** The organization the commission belongs to and reports to, and the city of its seat. */
export const ORGANISATION = {
  nameRu: 'Организация Договора о коллективной безопасности',
  nameEn: 'Collective Security Treaty Organization',
  seatRu: 'Москва',
  seatEn: 'Moscow',
  /** The seat's zone: the documents' dates are its calendar's. */
  timeZone: 'Europe/Moscow',
} as const;

/** What a report document is made from: one stored version and, once approved, who approved it. */
export interface ReportDocumentInput {
  year: number;
  commission: { nameRu: string; nameEn: string };
  states: readonly Pick<MemberState, 'code' | 'nameRu' | 'nameEn'>[];
  version: { number: number; contentHash: string; createdAt: string; sections: ReportSections };
  /** Null for a version not (yet) approved: the document is then marked as a draft. */
  approval: { approverName: string; capacity: SignerCapacity; approvedAt: string } | null;
  /** The zone whose calendar the approval's date is printed in (the commission's seat by default). */
  timeZone?: string;
}

interface Words {
  locale: string;
  title: (year: number) => string;
  subtitle: string;
  sections: Record<ReportSectionKey, string>;
  approver: (name: string, capacity: SignerCapacity) => string;
  nothing: string;
  yes: string;
  no: string;
  percent: (value: number | null) => string;
  meetings: {
    held: (held: number, minimum: number) => string;
    met: (met: boolean) => string;
    cancelled: (n: number) => string;
    other: (n: number) => string;
    header: [string, string, string, string, string, string];
    kinds: Record<MeetingKind, string>;
  };
  decisions: {
    recommendations: (n: number) => string;
    decisions: (n: number) => string;
    awaiting: (n: number) => string;
    header: [string, string, string, string, string, string];
    kinds: Record<DraftKind, string>;
    votes: (f: number, a: number, ab: number, silent: number) => string;
    statuses: Record<ResponseStatus, string>;
    byStatusHeader: [string, string];
    noResponse: string;
  };
  programs: {
    progress: (title: string, progress: string) => string;
    directionsHeader: [string, string, string, string, string];
    statesHeader: [string, string, string, string, string];
  };
  groups: {
    count: (n: number) => string;
    header: [string, string, string, string, string, string];
    inactive: string;
  };
  overdue: {
    summary: (asOf: string, activities: number, tasks: number) => string;
    header: [string, string, string, string];
    activity: string;
    task: string;
  };
}

const WORDS: Record<Language, Words> = {
  ru: {
    locale: 'ru',
    title: (year) => `Ежегодный доклад о ходе работы за ${year} год`,
    subtitle: 'Представляется Генеральному секретарю Организации Договора о коллективной безопасности',
    sections: {
      meetings: '1. Заседания комиссии',
      decisions: '2. Принятые рекомендации и решения',
      programs: '3. Ход выполнения программ',
      'working-groups': '4. Рабочие группы и их результаты',
      overdue: '5. Просроченные мероприятия и задачи',
    },
    approver: (name, capacity) =>
      capacity === 'chairman'
        ? `Председатель комиссии ${name}`
        : `заместитель Председателя комиссии ${name} (по поручению Председателя)`,
    nothing: 'За отчётный год записей нет.',
    yes: 'да',
    no: 'нет',
    percent: (value) => (value === null ? '—' : `${value} %`),
    meetings: {
      held: (held, minimum) => `Проведено заседаний: ${held} при установленном минимуме ${minimum}`,
      met: (met) => (met ? 'Требование устава выполнено.' : 'Требование устава не выполнено.'),
      cancelled: (n) => `Отменено заседаний: ${n}`,
      other: (n) => `Проведено заседаний рабочих групп и конференций: ${n}`,
      header: ['Дата', 'Заседание', 'Вид', 'Присутствовали', 'Отсутствовали', 'Представленные государства'],
      kinds: {
        regular: 'очередное',
        extraordinary: 'внеочередное',
        working_group: 'рабочей группы',
        conference: 'конференция',
      },
    },
    decisions: {
      recommendations: (n) => `Принято рекомендаций: ${n}`,
      decisions: (n) => `Принято решений: ${n}`,
      awaiting: (n) => `Ответы правительств ожидаются: ${n}`,
      header: ['Номер', 'Наименование', 'Вид', 'Принято', 'Голосование', 'Ответы правительств'],
      kinds: { recommendation: 'рекомендация', decision: 'решение' },
      votes: (f, a, ab, silent) => `за ${f}, против ${a}, воздержались ${ab}, не голосовали ${silent}`,
      statuses: {
        sent: 'направлено',
        'under-consideration': 'на рассмотрении',
        accepted: 'принято',
        implemented: 'выполнено',
      },
      byStatusHeader: ['Состояние ответа', 'Число ответов'],
      noResponse: 'нет ответа',
    },
    programs: {
      progress: (title, progress) => `${title}: выполнение ${progress}`,
      directionsHeader: ['Направление', 'Мероприятий', 'Выполнено', 'Просрочено', 'Выполнение'],
      statesHeader: ['Государство', 'Ведущее', 'Участвует', 'Выполнение ведущих', 'Просрочено'],
    },
    groups: {
      count: (n) => `Рабочих групп: ${n}`,
      header: ['Рабочая группа', 'Задач', 'Выполнено за год', 'Открыто', 'Просрочено', 'Отменено'],
      inactive: 'распущена',
    },
    overdue: {
      summary: (asOf, activities, tasks) =>
        `По состоянию на ${asOf}: просрочено мероприятий — ${activities}, задач — ${tasks}`,
      header: ['Вид', 'Наименование', 'Срок', 'Дней просрочки'],
      activity: 'мероприятие',
      task: 'задача',
    },
  },
  en: {
    locale: 'en-GB',
    title: (year) => `Annual progress report for ${year}`,
    subtitle: 'Submitted to the Secretary General of the Collective Security Treaty Organization',
    sections: {
      meetings: '1. Meetings of the commission',
      decisions: '2. Recommendations and decisions adopted',
      programs: '3. Program progress',
      'working-groups': '4. Working groups and their results',
      overdue: '5. Overdue activities and tasks',
    },
    approver: (name, capacity) =>
      capacity === 'chairman'
        ? `Chairman of the Commission ${name}`
        : `Deputy Chairman of the Commission ${name} (on the Chairman's behalf)`,
    nothing: 'Nothing is recorded for the year.',
    yes: 'yes',
    no: 'no',
    percent: (value) => (value === null ? '—' : `${value}%`),
    meetings: {
      held: (held, minimum) => `Meetings held: ${held} of the minimum ${minimum}`,
      met: (met) => (met ? "The statute's minimum is met." : "The statute's minimum is not met."),
      cancelled: (n) => `Meetings cancelled: ${n}`,
      other: (n) => `Working-group meetings and conferences held: ${n}`,
      header: ['Date', 'Meeting', 'Kind', 'Present', 'Absent', 'States present'],
      kinds: {
        regular: 'regular',
        extraordinary: 'extraordinary',
        working_group: 'working group',
        conference: 'conference',
      },
    },
    decisions: {
      recommendations: (n) => `Recommendations adopted: ${n}`,
      decisions: (n) => `Decisions adopted: ${n}`,
      awaiting: (n) => `Governments' responses awaited: ${n}`,
      header: ['No.', 'Title', 'Kind', 'Adopted', 'Vote', "Governments' responses"],
      kinds: { recommendation: 'recommendation', decision: 'decision' },
      votes: (f, a, ab, silent) => `for ${f}, against ${a}, abstained ${ab}, did not vote ${silent}`,
      statuses: {
        sent: 'sent',
        'under-consideration': 'under consideration',
        accepted: 'accepted',
        implemented: 'implemented',
      },
      byStatusHeader: ['Response', 'Number of responses'],
      noResponse: 'no response',
    },
    programs: {
      progress: (title, progress) => `${title}: progress ${progress}`,
      directionsHeader: ['Direction', 'Activities', 'Done', 'Overdue', 'Progress'],
      statesHeader: ['State', 'Leads', 'Takes part', 'Progress of those it leads', 'Overdue'],
    },
    groups: {
      count: (n) => `Working groups: ${n}`,
      header: ['Working group', 'Tasks', 'Done in the year', 'Open', 'Overdue', 'Cancelled'],
      inactive: 'dissolved',
    },
    overdue: {
      summary: (asOf, activities, tasks) =>
        `As of ${asOf}: ${activities} activities and ${tasks} tasks overdue`,
      header: ['Kind', 'Title', 'Due', 'Days overdue'],
      activity: 'activity',
      task: 'task',
    },
  },
};

/** A calendar date ("2027-03-10") as the document's language writes it: "10 марта 2027 г.", "10 March 2027". */
export const documentDate = (date: string, language: Language): string =>
  DateTime.fromISO(date.slice(0, 10), { zone: 'utc' })
    .setLocale(WORDS[language].locale)
    .toLocaleString(DateTime.DATE_FULL)
    // ICU versions differ on the no-break space before "г.": one plain space reads and searches alike.
    .replace(/[\u00a0\u202f]/g, ' ');

/** An instant as the date it fell on in `timeZone`, in the document's language. */
const instantDate = (instant: string, timeZone: string, language: Language): string =>
  documentDate(DateTime.fromISO(instant, { zone: 'utc' }).setZone(timeZone).toISODate() ?? instant, language);

const paragraph = (text: string, bold = false): DocumentBlock => ({
  kind: 'paragraph',
  runs: [bold ? { text, bold } : { text }],
});

type Style = { bold: boolean; italic: boolean; link: string | null };

/**
 * The sanitized rich-text subset as paragraphs and lists: bold, italic and links become runs;
 * underline is dropped (the documents have no underline); a line break starts a new paragraph
 * (in a list item, a space); a nested list's items join the list around it.
 */
export function richTextBlocks(html: string): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  const lists: Array<{ ordered: boolean; items: DocumentRun[][] }> = [];
  let runs: DocumentRun[] = [];
  let inItem = false;
  const styles: Style[] = [{ bold: false, italic: false, link: null }];
  const style = () => styles.at(-1) as Style;

  const push = (text: string) => {
    const s = style();
    const last = runs.at(-1);
    const same =
      last !== undefined &&
      (last.bold ?? false) === s.bold &&
      (last.italic ?? false) === s.italic &&
      (last.link ?? null) === s.link;
    if (same) last.text += text;
    else
      runs.push({
        text,
        ...(s.bold ? { bold: true } : {}),
        ...(s.italic ? { italic: true } : {}),
        ...(s.link ? { link: s.link } : {}),
      });
  };
  /** The runs gathered so far, whitespace collapsed and the ends trimmed; empty runs dropped. */
  const take = (): DocumentRun[] => {
    const taken = runs.map((r) => ({ ...r, text: r.text.replace(/\s+/g, ' ') }));
    runs = [];
    const first = taken[0];
    if (first) first.text = first.text.trimStart();
    const last = taken.at(-1);
    if (last) last.text = last.text.trimEnd();
    return taken.filter((r) => r.text !== '');
  };
  const endParagraph = () => {
    const taken = take();
    if (taken.length > 0) blocks.push({ kind: 'paragraph', runs: taken });
  };
  const endItem = () => {
    const taken = take();
    const list = lists.at(-1);
    if (list && taken.length > 0) list.items.push(taken);
  };

  for (const m of html.matchAll(/<(\/?)([a-z]+)(?:\s+href="([^"]*)"[^>]*)?[^>]*>|([^<]+)/g)) {
    const [, closing, tag, href, text] = m;
    if (text !== undefined) {
      if (inItem || text.trim() !== '' || runs.length > 0) push(decodeEntities(text));
      continue;
    }
    const opening = closing !== '/';
    switch (tag) {
      case 'p':
        if (!inItem) endParagraph();
        else push(' ');
        break;
      case 'br':
        if (inItem) push(' ');
        else endParagraph();
        break;
      case 'b':
      case 'i':
      case 'a': {
        if (!opening) {
          if (styles.length > 1) styles.pop();
          break;
        }
        const s = style();
        styles.push({
          bold: s.bold || tag === 'b',
          italic: s.italic || tag === 'i',
          link: tag === 'a' ? decodeEntities(href ?? '') || null : s.link,
        });
        break;
      }
      case 'ul':
      case 'ol':
        if (opening) {
          if (inItem) endItem();
          else endParagraph();
          lists.push({ ordered: tag === 'ol', items: [] });
          inItem = false;
        } else {
          if (inItem) endItem();
          const list = lists.pop();
          if (list && list.items.length > 0) {
            const outer = lists.at(-1);
            if (outer) outer.items.push(...list.items);
            else blocks.push({ kind: 'list', ordered: list.ordered, items: list.items });
          }
          // Back in the outer list, its item goes on after the nested list.
          inItem = lists.length > 0;
        }
        break;
      case 'li':
        if (lists.length === 0) {
          // An item outside any list reads as its own paragraph.
          endParagraph();
          break;
        }
        if (inItem) endItem();
        inItem = opening;
        break;
      default:
        // `u` and anything else: the text stays, the look does not.
        break;
    }
  }
  if (inItem) endItem();
  while (lists.length > 0) {
    const list = lists.pop();
    if (list && list.items.length > 0)
      blocks.push({ kind: 'list', ordered: list.ordered, items: list.items });
  }
  endParagraph();
  return blocks;
}

interface Context {
  language: Language;
  words: Words;
  stateName: (code: MemberStateCode) => string;
}

function meetingsBlocks(f: MeetingsSection, c: Context): DocumentBlock[] {
  const w = c.words.meetings;
  return [
    {
      kind: 'list',
      ordered: false,
      items: [
        [{ text: w.held(f.held.value, f.minimum) }, { text: ` — ${w.met(f.minimumMet)}` }],
        [{ text: w.cancelled(f.cancelled.value) }],
        [{ text: w.other(f.otherHeld.value) }],
      ],
    },
    ...(f.meetings.length === 0
      ? []
      : [
          {
            kind: 'table' as const,
            header: [...w.header],
            rows: f.meetings.map((m) => [
              documentDate(m.date, c.language),
              m.title,
              w.kinds[m.kind],
              String(m.present.value),
              String(m.absent.value),
              m.statesPresent.map(c.stateName).join(', '),
            ]),
          },
        ]),
  ];
}

function decisionsBlocks(f: DecisionsSection, c: Context): DocumentBlock[] {
  const w = c.words.decisions;
  return [
    {
      kind: 'list',
      ordered: false,
      items: [
        [{ text: w.recommendations(f.recommendations.value) }],
        [{ text: w.decisions(f.decisions.value) }],
        [{ text: w.awaiting(f.awaitingResponse.value) }],
      ],
    },
    ...(f.items.length === 0
      ? []
      : [
          {
            kind: 'table' as const,
            header: [...w.header],
            rows: f.items.map((item) => [
              item.registerNumber,
              item.title,
              w.kinds[item.kind],
              documentDate(item.adoptedOn, c.language),
              w.votes(item.tally.for, item.tally.against, item.tally.abstain, item.tally.silent),
              item.responses
                .map((r) => `${c.stateName(r.stateCode)}: ${r.status ? w.statuses[r.status] : w.noResponse}`)
                .join('; '),
            ]),
          },
          {
            kind: 'table' as const,
            header: [...w.byStatusHeader],
            rows: [
              ...RESPONSE_STATUSES.map((status) => [
                w.statuses[status],
                String(f.responsesByStatus[status].value),
              ]),
              [w.noResponse, String(f.awaitingResponse.value)],
            ],
          },
        ]),
  ];
}

function programsBlocks(f: ProgramsSection, c: Context): DocumentBlock[] {
  const w = c.words.programs;
  const pct = (p: ProgressFigure) => c.words.percent(p.progress);
  const title = (x: { titleRu: string; titleEn: string }) => (c.language === 'ru' ? x.titleRu : x.titleEn);
  return f.programs.flatMap((p): DocumentBlock[] => [
    paragraph(w.progress(title(p), pct(p.progress)), true),
    {
      kind: 'table',
      header: [...w.directionsHeader],
      rows: p.directions.map((d) => [
        title(d),
        String(d.activities.value),
        String(d.done.value),
        String(d.overdue.value),
        pct(d.progress),
      ]),
    },
    {
      kind: 'table',
      header: [...w.statesHeader],
      rows: p.states.map((s) => [
        c.stateName(s.stateCode),
        String(s.leads.value),
        String(s.takesPart.value),
        pct(s.leadProgress),
        String(s.overdue.value),
      ]),
    },
  ]);
}

function groupsBlocks(f: WorkingGroupsSection, c: Context): DocumentBlock[] {
  const w = c.words.groups;
  return [
    paragraph(w.count(f.groups.value)),
    ...(f.items.length === 0
      ? []
      : [
          {
            kind: 'table' as const,
            header: [...w.header],
            rows: f.items.map((g) => [
              g.active ? g.name : `${g.name} (${w.inactive})`,
              String(g.tasks.value),
              String(g.doneInYear.value),
              String(g.open.value),
              String(g.overdue.value),
              String(g.cancelled.value),
            ]),
          },
        ]),
  ];
}

function overdueBlocks(f: OverdueSection, c: Context): DocumentBlock[] {
  const w = c.words.overdue;
  return [
    paragraph(w.summary(documentDate(f.asOf, c.language), f.activities.value, f.tasks.value)),
    ...(f.items.length === 0
      ? []
      : [
          {
            kind: 'table' as const,
            header: [...w.header],
            rows: f.items.map((item) => [
              item.source === 'task' ? w.task : w.activity,
              item.title,
              documentDate(item.due, c.language),
              String(item.daysOverdue),
            ]),
          },
        ]),
  ];
}

/** A section's figures as blocks; the switch is exhaustive over the section kinds. */
function figureBlocks(section: ReportSection, c: Context): DocumentBlock[] {
  const figures = section.figures;
  switch (figures.key) {
    case 'meetings':
      // No meeting is itself the figure to report: none held against the statute's minimum.
      return meetingsBlocks(figures, c);
    case 'decisions':
      return figures.empty ? [paragraph(c.words.nothing)] : decisionsBlocks(figures, c);
    case 'programs':
      return figures.empty ? [paragraph(c.words.nothing)] : programsBlocks(figures, c);
    case 'working-groups':
      return figures.empty ? [paragraph(c.words.nothing)] : groupsBlocks(figures, c);
    case 'overdue':
      return figures.empty ? [paragraph(c.words.nothing)] : overdueBlocks(figures, c);
    default: {
      const unknown: never = figures;
      throw new Error(`No document layout for section ${(unknown as { key: string }).key}`);
    }
  }
}

/**
 * A report version as an official document in Russian or English: the commission's heading, the
 * version with its content hash and (once approved) who approved it in what capacity and when,
 * then each section — the secretary's text first, then the assembled figures, as tables where
 * they are rows of like things.
 */
export function reportDocument(input: ReportDocumentInput, language: Language): ReportDocument {
  const words = WORDS[language];
  const timeZone = input.timeZone ?? ORGANISATION.timeZone;
  const names = new Map(input.states.map((s) => [s.code, language === 'ru' ? s.nameRu : s.nameEn]));
  const c: Context = { language, words, stateName: (code) => names.get(code) ?? code };
  const dated = input.approval?.approvedAt ?? input.version.createdAt;
  return {
    language,
    heading: {
      organisation: language === 'ru' ? ORGANISATION.nameRu : ORGANISATION.nameEn,
      commission: language === 'ru' ? input.commission.nameRu : input.commission.nameEn,
      title: words.title(input.year),
      subtitle: words.subtitle,
      place: language === 'ru' ? ORGANISATION.seatRu : ORGANISATION.seatEn,
      date: instantDate(dated, timeZone, language),
    },
    version: {
      number: input.version.number,
      contentHash: input.version.contentHash,
      ...(input.approval
        ? {
            approvedBy: words.approver(input.approval.approverName, input.approval.capacity),
            approvedAt: instantDate(input.approval.approvedAt, timeZone, language),
          }
        : {}),
    },
    sections: input.version.sections.map((section) => ({
      title: words.sections[section.key],
      blocks: [...richTextBlocks(section.text), ...figureBlocks(section, c)],
    })),
  };
}
