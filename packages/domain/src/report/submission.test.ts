import { describe, expect, it } from 'vitest';
import { decideReportSubmission, reportExportFileName, reportSubmissionSchema } from './submission';

const dates = { approvedOn: '2028-02-10', today: '2028-02-15' };

describe('recording the report’s submission to the Secretary General', () => {
  it('is allowed once, for an approved report, on a day between the approval and today', () => {
    expect(decideReportSubmission('approved', '2028-02-10', dates)).toEqual({
      ok: true,
      value: { status: 'submitted' },
    });
    expect(decideReportSubmission('approved', '2028-02-15', dates).ok).toBe(true);
    expect(decideReportSubmission('submitted', '2028-02-12', dates)).toEqual({
      ok: false,
      error: 'AlreadySubmitted',
    });
    for (const status of ['draft', 'awaiting-approval', 'changes-requested'] as const)
      expect(decideReportSubmission(status, '2028-02-12', dates)).toEqual({
        ok: false,
        error: 'NotApproved',
      });
    expect(decideReportSubmission('approved', '2028-02-09', dates)).toEqual({
      ok: false,
      error: 'SubmittedBeforeApproval',
    });
    expect(decideReportSubmission('approved', '2028-02-16', dates)).toEqual({
      ok: false,
      error: 'SubmittedInFuture',
    });
  });

  it('takes a real calendar date and a reference number', () => {
    expect(
      reportSubmissionSchema.parse({ submittedOn: '2028-02-12', referenceNumber: ' No. 12/345 ' }),
    ).toEqual({
      submittedOn: '2028-02-12',
      referenceNumber: 'No. 12/345',
    });
    for (const bad of [
      { submittedOn: '2028-02-30', referenceNumber: 'x' },
      { submittedOn: '12.02.2028', referenceNumber: 'x' },
      { submittedOn: '2028-02-12', referenceNumber: '  ' },
      { submittedOn: '2028-02-12', referenceNumber: 'x'.repeat(101) },
      { submittedOn: '2028-02-12' },
    ])
      expect(reportSubmissionSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('names the exported file after the year, the version and the language', () => {
    expect(reportExportFileName(2027, 4, 'ru', 'pdf')).toBe('accord-report-2027-v4-ru.pdf');
    expect(reportExportFileName(2027, 4, 'en', 'docx')).toBe('accord-report-2027-v4-en.docx');
  });
});
