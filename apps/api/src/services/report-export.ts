import {
  type Database,
  findPersonById,
  findReportVersion,
  getCommissionOrThrow,
  type Kysely,
  listMemberStates,
  listSignOffs,
  type Report,
  type ReportVersion,
  reportContentHash,
  type SignOffRecord,
} from '@accord/db';
import { renderDocx, renderPdf } from '@accord/documents';
import {
  err,
  isReportExportable,
  type Language,
  ok,
  type ReportExportFormat,
  type Result,
  reportDocument,
} from '@accord/domain';

export type ApprovedVersionError = 'NotApproved' | 'ApprovalMismatch';

/**
 * The version the chairman approved, exactly: the latest approval's version, whose stored hash and
 * recomputed content hash both equal the hash the approval bound, and which is still the report's
 * current version. A report that changed since its approval (impossible while it is read-only, but
 * checked) has no approved version to export or submit.
 */
export async function loadApprovedVersion(
  db: Kysely<Database>,
  report: Report,
): Promise<Result<{ version: ReportVersion; signOff: SignOffRecord }, ApprovedVersionError>> {
  if (!isReportExportable(report.status)) return err('NotApproved');
  const approval = (await listSignOffs(db, 'report', report.id)).filter((s) => s.state === 'approved').at(-1);
  if (!approval) return err('NotApproved');
  const version = await findReportVersion(db, report.id, approval.version);
  if (
    !version ||
    approval.version !== report.currentVersion ||
    version.contentHash !== approval.contentHash ||
    reportContentHash(version.sections) !== approval.contentHash
  )
    return err('ApprovalMismatch');
  return ok({ version, signOff: approval });
}

/** The approved version as a PDF or DOCX in one language, with the commission's heading and the approval. */
export async function renderApprovedReport(
  db: Kysely<Database>,
  report: Report,
  approved: { version: ReportVersion; signOff: SignOffRecord },
  language: Language,
  format: ReportExportFormat,
): Promise<Buffer> {
  const [commission, states, approver] = await Promise.all([
    getCommissionOrThrow(db),
    listMemberStates(db),
    approved.signOff.decidedBy === null ? undefined : findPersonById(db, approved.signOff.decidedBy),
  ]);
  const { version, signOff } = approved;
  const doc = reportDocument(
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
      approval: {
        approverName: approver?.name ?? '—',
        capacity: signOff.onBehalfOfDeputy ? 'deputy' : 'chairman',
        approvedAt: signOff.decidedAt ?? version.createdAt,
      },
    },
    language,
  );
  return format === 'pdf' ? renderPdf(doc) : renderDocx(doc);
}
