import type { DiffPart } from '../drafts';
import type { ReportFigures, ReportSectionKey } from './assembly';
import { diffReportSections, type ReportSections } from './editing';

/** The figures the chairman's prompt leads with, read from a version's sections. */
export interface ReportKeyFigures {
  meetingsHeld: number;
  minimumMeetings: number;
  minimumMet: boolean;
  decisionsAdopted: number;
  /** Each program's weighted progress (per cent), null when no activity counted. */
  programs: Array<{ titleRu: string; titleEn: string; progress: number | null }>;
  overdue: number;
}

const figuresOf = <K extends ReportSectionKey>(
  sections: ReportSections,
  key: K,
): ReportFigures[K] | undefined =>
  sections.find((s) => s.key === key)?.figures as ReportFigures[K] | undefined;

export function reportKeyFigures(sections: ReportSections): ReportKeyFigures {
  const meetings = figuresOf(sections, 'meetings');
  const decisions = figuresOf(sections, 'decisions');
  const programs = figuresOf(sections, 'programs');
  const overdue = figuresOf(sections, 'overdue');
  return {
    meetingsHeld: meetings?.held.value ?? 0,
    minimumMeetings: meetings?.minimum ?? 0,
    minimumMet: meetings?.minimumMet ?? false,
    decisionsAdopted: (decisions?.recommendations.value ?? 0) + (decisions?.decisions.value ?? 0),
    programs: (programs?.programs ?? []).map((p) => ({
      titleRu: p.titleRu,
      titleEn: p.titleEn,
      progress: p.progress.progress,
    })),
    overdue: (overdue?.activities.value ?? 0) + (overdue?.tasks.value ?? 0),
  };
}

/** What changed in one section since the version the chairman returned. */
export interface SectionChange {
  key: ReportSectionKey;
  textChanged: boolean;
  formattingOnly: boolean;
  /** Lines of text added and removed (as a reader sees them). */
  added: number;
  removed: number;
  figures: Array<{ path: string; from: number | null; to: number | null }>;
}

const lineCount = (parts: readonly DiffPart[], kind: DiffPart['kind']) =>
  parts.filter((p) => p.kind === kind).reduce((n, p) => n + p.text.split('\n').filter(Boolean).length, 0);

/** The sections that differ between the returned version and the one sent again; unchanged ones are left out. */
export function reportChangesSince(returned: ReportSections, resent: ReportSections): SectionChange[] {
  return diffReportSections(returned, resent)
    .filter((d) => d.textChanged || d.figures.length > 0)
    .map((d) => ({
      key: d.key,
      textChanged: d.textChanged,
      formattingOnly: d.formattingOnly,
      added: lineCount(d.parts, 'added'),
      removed: lineCount(d.parts, 'removed'),
      figures: d.figures,
    }));
}
