import {
  type Database,
  findDraft,
  findMeetingById,
  findReportById,
  findReportVersion,
  findSignOff,
  getCommissionOrThrow,
  type Kysely,
  listDraftVersions,
  listMemberStates,
  listSignOffs,
  type SignOffRecord,
} from '@accord/db';
import { renderPdf } from '@accord/documents';
import {
  ballotTextInline,
  encodeSignOffButton,
  escapeHtml,
  type Language,
  type MessageIntent,
  type Person,
  type ReportSections,
  reportChangesSince,
  reportDocument,
  reportKeyFigures,
} from '@accord/domain';
import type { InlineKeyboardButton } from 'grammy/types';
import { formatDate, formatSpan } from '../format';
import type { Translate } from '../i18n';
import type { OutboundMessage, RenderOutcome } from './outbox-renderer';

type SignOffIntent = Extract<MessageIntent, { signOffId: number }>;

interface Recipient {
  chatId: number;
  person: Person | null;
  language: Language;
  timeZone: string;
}

/** Figures changed per section shown in the prompt before "… and N more". */
const FIGURES_SHOWN = 5;
/** Telegram's limit for a document's caption, in characters of its text after the HTML is parsed. */
const CAPTION_MAX = 1_024;
/** The chairman's earlier comment is quoted this far in the caption (the secretary has it whole). */
const COMMENT_SHOWN = 300;

const visibleLength = (html: string) =>
  html.replace(/<[^>]*>/g, '').replace(/&(lt|gt|amp|quot|#\d+);/g, '_').length;

/**
 * The prompt's caption: the summary, then as many lines of what changed as fit in Telegram's
 * 1,024 characters, the rest counted on a last line (the PDF has everything).
 */
function fitCaption(
  summary: readonly string[],
  changes: readonly string[],
  more: (count: number) => string,
): string {
  const join = (lines: readonly string[]) =>
    [...summary, ...(lines.length > 0 ? ['', ...lines] : [])].join('\n');
  for (let shown = changes.length; shown >= 0; shown--) {
    const lines = [
      ...changes.slice(0, shown),
      ...(shown < changes.length ? [more(changes.length - shown)] : []),
    ];
    const text = join(lines);
    if (visibleLength(text) <= CAPTION_MAX) return text;
  }
  return join([]);
}

/** The prompt's buttons: approve (then confirm) or request changes, bound to the request and its version. */
export const signOffPromptKeyboard = (
  t: Translate,
  lang: Language,
  signOff: Pick<SignOffRecord, 'id' | 'version'>,
): InlineKeyboardButton[][] => [
  [
    {
      text: t(lang, 'sign-off-button-approve'),
      callback_data: encodeSignOffButton({
        kind: 'approve',
        signOffId: signOff.id,
        version: signOff.version,
      }),
    },
    {
      text: t(lang, 'sign-off-button-changes'),
      callback_data: encodeSignOffButton({
        kind: 'changes',
        signOffId: signOff.id,
        version: signOff.version,
      }),
    },
  ],
];

/** The buttons that replace the prompt's while the chairman confirms an approval. */
export const signOffConfirmKeyboard = (
  t: Translate,
  lang: Language,
  signOff: Pick<SignOffRecord, 'id' | 'version'>,
): InlineKeyboardButton[][] => [
  [
    {
      text: t(lang, 'sign-off-button-confirm', { version: signOff.version }),
      callback_data: encodeSignOffButton({
        kind: 'confirm',
        signOffId: signOff.id,
        version: signOff.version,
      }),
    },
  ],
  [
    {
      text: t(lang, 'sign-off-button-cancel'),
      callback_data: encodeSignOffButton({ kind: 'cancel', signOffId: signOff.id, version: signOff.version }),
    },
  ],
];

/** What changed since the version the chairman last returned, as lines of the prompt; none on a first request. */
function changesSinceReturn(
  t: Translate,
  lang: Language,
  returned: { signOff: SignOffRecord; sections: ReportSections } | null,
  sections: ReportSections,
): string[] {
  if (!returned) return [];
  const version = returned.signOff.version;
  const said = returned.signOff.comment ?? '';
  const comment = said
    ? [
        t(lang, 'sign-off-prompt-your-comment', {
          comment: escapeHtml(said.length > COMMENT_SHOWN ? `${said.slice(0, COMMENT_SHOWN - 1)}…` : said),
        }),
      ]
    : [];
  const changes = reportChangesSince(returned.sections, sections);
  if (changes.length === 0) return [t(lang, 'sign-off-prompt-no-changes', { version }), ...comment];
  const lines = changes.flatMap((c) => {
    const section = t(lang, `section-${c.key}`);
    const out: string[] = [];
    if (c.textChanged)
      out.push(
        c.formattingOnly
          ? t(lang, 'sign-off-change-formatting', { section })
          : t(lang, 'sign-off-change-text', { section, added: c.added, removed: c.removed }),
      );
    if (c.figures.length > 0) {
      const shown = c.figures
        .slice(0, FIGURES_SHOWN)
        .map((f) => `${escapeHtml(f.path)} ${f.from ?? '—'} → ${f.to ?? '—'}`)
        .join('; ');
      const more = c.figures.length - FIGURES_SHOWN;
      out.push(
        t(lang, 'sign-off-change-figures', { section, figures: shown }) +
          (more > 0 ? ` ${t(lang, 'sign-off-change-more', { count: more })}` : ''),
      );
    }
    return out.map((l) => `• ${l}`);
  });
  return [t(lang, 'sign-off-prompt-changes-title', { version }), ...lines, ...comment];
}

/**
 * Renders a sign-off's outbox rows at send time: the chairman's prompt — the report as a PDF in
 * the reader's language, captioned with the summary and what changed since the last return, with
 * the buttons; skipped once the request is answered or superseded — and the answer as the
 * secretaries hear it.
 */
export async function renderSignOffIntent(
  deps: { db: Kysely<Database>; t: Translate; clock: () => Date },
  intent: SignOffIntent,
  to: Recipient,
): Promise<RenderOutcome> {
  const { db, t } = deps;
  const lang = to.language;
  const signOff = await findSignOff(db, intent.signOffId);
  if (!signOff) return { ok: false, reason: `sign-off ${intent.signOffId} no longer exists` };
  if (signOff.kind !== 'report') return renderItemSignOff(deps, intent, to, signOff);
  const report = await findReportById(db, signOff.itemId);
  const version = report && (await findReportVersion(db, report.id, signOff.version));
  if (!report || !version) return { ok: false, reason: `report ${signOff.itemId} or its version is gone` };
  const message = (text: string, extra: Partial<OutboundMessage> = {}): RenderOutcome => ({
    ok: true,
    message: { chatId: to.chatId, text, keyboard: [], personId: to.person?.id ?? null, ...extra },
  });
  const unanswered = signOff.state === 'requested';

  switch (intent.kind) {
    case 'sign-off-requested': {
      if (!unanswered) return { ok: false, skip: true, reason: 'the request was answered or superseded' };
      const key = reportKeyFigures(version.sections);
      const lastReturned = (await listSignOffs(db, 'report', report.id))
        .filter((s) => s.id < signOff.id && s.state === 'changes-requested')
        .at(-1);
      const returnedVersion = lastReturned && (await findReportVersion(db, report.id, lastReturned.version));
      const summary = [
        t(lang, 'sign-off-prompt-title', { year: String(report.year) }),
        t(lang, 'sign-off-prompt-version', {
          version: signOff.version,
          hash: signOff.contentHash.slice(0, 12),
        }),
        '',
        t(lang, 'sign-off-prompt-meetings', {
          held: key.meetingsHeld,
          minimum: key.minimumMeetings,
          met: key.minimumMet ? 'yes' : 'no',
        }),
        t(lang, 'sign-off-prompt-decisions', { count: key.decisionsAdopted }),
        ...key.programs.map((p) =>
          t(lang, 'sign-off-prompt-program', {
            title: escapeHtml(lang === 'ru' ? p.titleRu : p.titleEn),
            progress:
              p.progress === null ? t(lang, 'sign-off-prompt-no-progress') : `${Math.round(p.progress)} %`,
          }),
        ),
        t(lang, 'sign-off-prompt-overdue', { count: key.overdue }),
      ];
      const changes = changesSinceReturn(
        t,
        lang,
        lastReturned && returnedVersion
          ? { signOff: lastReturned, sections: returnedVersion.sections }
          : null,
        version.sections,
      );
      const [commission, states] = await Promise.all([getCommissionOrThrow(db), listMemberStates(db)]);
      // The same document the approved version exports as, marked as a draft until approved.
      const pdf = await renderPdf(
        reportDocument(
          {
            year: report.year,
            commission: { nameRu: commission.name_ru, nameEn: commission.name_en },
            states,
            version: {
              number: version.version,
              contentHash: version.contentHash,
              createdAt: version.createdAt,
              sections: version.sections,
            },
            approval: null,
            timeZone: to.timeZone,
          },
          lang,
        ),
      );
      return message(
        fitCaption(summary, changes, (count) => t(lang, 'sign-off-change-more-lines', { count })),
        {
          keyboard: signOffPromptKeyboard(t, lang, signOff),
          document: { fileName: `report-${report.year}-v${signOff.version}-${lang}.pdf`, content: pdf },
        },
      );
    }
    case 'sign-off-decided': {
      if (signOff.state !== 'approved' && signOff.state !== 'changes-requested')
        return { ok: false, skip: true, reason: 'the request has no answer' };
      const args = {
        name: escapeHtml(signOff.decidedByName ?? ''),
        version: signOff.version,
        year: String(report.year),
        capacity: signOff.onBehalfOfDeputy ? 'deputy' : 'chairman',
      };
      return message(
        signOff.state === 'approved'
          ? t(lang, 'sign-off-decided-approved', args)
          : t(lang, 'sign-off-decided-changes', { ...args, comment: escapeHtml(signOff.comment ?? '') }),
      );
    }
  }
}

/**
 * What a sign-off is about, in the reader's words (genitive in Russian, so it follows "version N
 * of"); null when the item is gone.
 */
export async function signOffItemLabel(
  db: Kysely<Database>,
  t: Translate,
  lang: Language,
  signOff: Pick<SignOffRecord, 'kind' | 'itemId'>,
): Promise<string | null> {
  switch (signOff.kind) {
    case 'report': {
      const report = await findReportById(db, signOff.itemId);
      return report ? t(lang, 'sign-off-report-title', { year: String(report.year) }) : null;
    }
    case 'agenda': {
      const meeting = await findMeetingById(db, signOff.itemId);
      return meeting ? t(lang, 'sign-off-item-agenda', { title: escapeHtml(meeting.title) }) : null;
    }
    case 'draft': {
      const draft = await findDraft(db, signOff.itemId);
      return draft ? t(lang, 'sign-off-item-draft', { title: escapeHtml(draft.title) }) : null;
    }
  }
}

/**
 * The prompt and the answer for an agenda or a draft, the same buttons as the report's: the agenda
 * with its meeting's time, place and items; the draft with the version's text inline when it is
 * short, else as a Markdown document (as a ballot sends it) under the summary.
 */
async function renderItemSignOff(
  deps: { db: Kysely<Database>; t: Translate },
  intent: SignOffIntent,
  to: Recipient,
  signOff: SignOffRecord,
): Promise<RenderOutcome> {
  const { db, t } = deps;
  const lang = to.language;
  const item = await signOffItemLabel(db, t, lang, signOff);
  if (item === null) return { ok: false, reason: `${signOff.kind} ${signOff.itemId} is gone` };
  const message = (text: string, extra: Partial<OutboundMessage> = {}): RenderOutcome => ({
    ok: true,
    message: { chatId: to.chatId, text, keyboard: [], personId: to.person?.id ?? null, ...extra },
  });
  if (intent.kind === 'sign-off-decided') {
    if (signOff.state !== 'approved' && signOff.state !== 'changes-requested')
      return { ok: false, skip: true, reason: 'the request has no answer' };
    const args = {
      name: escapeHtml(signOff.decidedByName ?? ''),
      version: signOff.version,
      item,
      capacity: signOff.onBehalfOfDeputy ? 'deputy' : 'chairman',
    };
    return message(
      signOff.state === 'approved'
        ? t(lang, 'sign-off-decided-approved-item', args)
        : t(lang, 'sign-off-decided-changes-item', { ...args, comment: escapeHtml(signOff.comment ?? '') }),
    );
  }
  if (signOff.state !== 'requested')
    return { ok: false, skip: true, reason: 'the request was answered or superseded' };
  const keyboard = signOffPromptKeyboard(t, lang, signOff);
  const version = t(lang, 'sign-off-prompt-version', {
    version: signOff.version,
    hash: signOff.contentHash.slice(0, 12),
  });
  if (signOff.kind === 'agenda') {
    const meeting = await findMeetingById(db, signOff.itemId);
    if (!meeting) return { ok: false, reason: `meeting ${signOff.itemId} is gone` };
    const lines = [
      t(lang, 'sign-off-prompt-agenda-title', { title: escapeHtml(meeting.title) }),
      version,
      '',
      t(lang, `meeting-kind-${meeting.kind}`),
      t(lang, 'sign-off-prompt-agenda-when', {
        when: formatSpan(meeting.startsAt, meeting.endsAt, meeting.timeZone, lang),
      }),
      ...(meeting.place
        ? [t(lang, 'sign-off-prompt-agenda-place', { place: escapeHtml(meeting.place) })]
        : []),
      '',
      t(lang, 'sign-off-prompt-agenda-items'),
      ...meeting.agenda.map((a, i) => `${i + 1}. ${escapeHtml(a.title)}`),
      '',
      t(lang, 'sign-off-prompt-agenda-after'),
    ];
    return message(lines.join('\n'), { keyboard });
  }
  const draft = (await listDraftVersions(db, signOff.itemId)).find((v) => v.version === signOff.version);
  if (!draft) return { ok: false, reason: `draft ${signOff.itemId} v${signOff.version} is gone` };
  const head = [
    t(lang, 'sign-off-prompt-draft-title', { title: escapeHtml(draft.title) }),
    version,
    '',
    t(lang, 'sign-off-prompt-draft-after'),
  ];
  if (ballotTextInline(draft.text))
    return message([...head, '', escapeHtml(draft.text)].join('\n'), { keyboard });
  return message([...head, '', t(lang, 'sign-off-prompt-draft-as-document')].join('\n'), {
    keyboard,
    document: { fileName: `draft-${signOff.itemId}-v${signOff.version}.md`, content: draft.text },
  });
}

/** A reminder line for an unanswered request; null once it is answered or superseded. */
export async function signOffReminderLine(
  db: Kysely<Database>,
  t: Translate,
  lang: Language,
  reminder: { subject_id: number; rule: string },
): Promise<string | null> {
  const signOff = await findSignOff(db, reminder.subject_id);
  if (signOff?.state !== 'requested') return null;
  if (signOff.kind !== 'report') {
    const item = await signOffItemLabel(db, t, lang, signOff);
    if (item === null) return null;
    return t(
      lang,
      reminder.rule === 'sign-off-escalation'
        ? 'reminder-sign-off-escalation-item'
        : 'reminder-sign-off-item',
      { item, version: signOff.version, date: formatDate(signOff.requestedAt.slice(0, 10), lang) },
    );
  }
  const report = await findReportById(db, signOff.itemId);
  if (!report) return null;
  return t(
    lang,
    reminder.rule === 'sign-off-escalation' ? 'reminder-sign-off-escalation' : 'reminder-sign-off',
    {
      year: String(report.year),
      version: signOff.version,
      date: formatDate(signOff.requestedAt.slice(0, 10), lang),
    },
  );
}
