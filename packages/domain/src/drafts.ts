import { diffLines } from 'diff';
import { z } from 'zod';
import { err, ok, type Result } from './result';

export const DRAFT_KINDS = ['recommendation', 'decision'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

export const DRAFT_STATUSES = ['draft', 'voting', 'adopted', 'rejected', 'withdrawn'] as const;
/** draft → voting → adopted | rejected; a draft may be withdrawn before it is decided. */
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

export interface DraftVersion {
  version: number;
  title: string;
  text: string;
}

export type DraftError = 'DraftLocked' | 'NothingChanged' | 'DraftClosed';

/** A new version is saved only while the draft is a draft (a ballot binds the version it was opened on). */
export const decideDraftEdit = (
  status: DraftStatus,
  current: DraftVersion,
  next: Pick<DraftVersion, 'title' | 'text'>,
): Result<{ version: number }, DraftError> => {
  if (status !== 'draft') return err('DraftLocked');
  if (current.title === next.title && current.text === next.text) return err('NothingChanged');
  return ok({ version: current.version + 1 });
};

export const decideWithdraw = (status: DraftStatus): Result<true, DraftError> =>
  status === 'draft' || status === 'voting' ? ok(true) : err('DraftClosed');

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** What changed between two versions' texts, line by line (by the `diff` library's line diff). */
export const diffVersions = (from: string, to: string): DiffPart[] =>
  diffLines(from, to).map((part) => ({
    kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value,
  }));

export const draftInputSchema = z.object({
  kind: z.enum(DRAFT_KINDS),
  title: z.string().trim().min(1).max(300),
  text: z.string().min(1).max(100_000),
  directionIds: z.array(z.number().int().positive()).max(20).default([]),
  agendaItemId: z.number().int().positive().nullable().default(null),
});
export type DraftInput = z.output<typeof draftInputSchema>;

export const draftEditSchema = z.object({
  title: z.string().trim().min(1).max(300),
  text: z.string().min(1).max(100_000),
});

export const diffQuerySchema = z.object({
  from: z
    .string()
    .regex(/^[1-9]\d{0,5}$/)
    .transform(Number),
  to: z
    .string()
    .regex(/^[1-9]\d{0,5}$/)
    .transform(Number),
});
