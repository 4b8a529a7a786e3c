import { z } from 'zod';
import { err, ok, type Result } from '../result';
import type { ReportStatus } from './editing';

/** The languages and formats an approved report is exported in. */
export const REPORT_EXPORT_LANGUAGES = ['ru', 'en'] as const;
export const REPORT_EXPORT_FORMATS = ['pdf', 'docx'] as const;
export type ReportExportFormat = (typeof REPORT_EXPORT_FORMATS)[number];

export const reportExportQuerySchema = z.object({ language: z.enum(REPORT_EXPORT_LANGUAGES) });

/** The file an export is saved as: `accord-report-2027-v4-ru.pdf`. */
export const reportExportFileName = (
  year: number,
  version: number,
  language: (typeof REPORT_EXPORT_LANGUAGES)[number],
  format: ReportExportFormat,
): string => `accord-report-${year}-v${version}-${language}.${format}`;

/** Only the approved text leaves the commission: an approved report, or one already submitted. */
export const isReportExportable = (status: ReportStatus): boolean =>
  status === 'approved' || status === 'submitted';

const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
  .refine((value) => {
    // zod runs this even when the pattern failed: an unparseable value must not throw here.
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'is not a calendar date');

/** The submission to the Secretary General as the secretary records it: the day it went and the letter's number. */
export const reportSubmissionSchema = z.object({
  submittedOn: calendarDate,
  referenceNumber: z.string().trim().min(1, 'is required').max(100),
});
export type ReportSubmissionInput = z.output<typeof reportSubmissionSchema>;

export type ReportSubmissionError =
  | 'NotApproved'
  | 'AlreadySubmitted'
  | 'SubmittedBeforeApproval'
  | 'SubmittedInFuture';

/**
 * Whether the submission may be recorded: once, and only for an approved report, on a day between
 * the approval and today (both calendar dates in the secretary's zone).
 */
export function decideReportSubmission(
  status: ReportStatus,
  submittedOn: string,
  dates: { approvedOn: string; today: string },
): Result<{ status: 'submitted' }, ReportSubmissionError> {
  if (status === 'submitted') return err('AlreadySubmitted');
  if (status !== 'approved') return err('NotApproved');
  if (submittedOn > dates.today) return err('SubmittedInFuture');
  if (submittedOn < dates.approvedOn) return err('SubmittedBeforeApproval');
  return ok({ status: 'submitted' });
}
