import {
  findReportByYear,
  findReportVersion,
  insertReport,
  insertReportSubmission,
  listReportSubmissions,
  listReports,
  listReportVersions,
  listSignOffs,
  loadReportRecords,
  markReportSubmittedOnce,
  type Report,
  saveReportVersion,
  supersedeOpenSignOff,
} from '@accord/db';
import {
  assembleReport,
  composeSections,
  decideReportChange,
  decideReportSubmission,
  diffQuerySchema,
  diffReportSections,
  editSection,
  isReportReadOnly,
  type Language,
  localDate,
  type ReportExportFormat,
  type ReportSectionKey,
  type ReportSections,
  type ReportSubmissionError,
  reportCreateSchema,
  reportExportFileName,
  reportExportQuerySchema,
  reportSectionEditSchema,
  reportSectionParamSchema,
  reportSubmissionSchema,
  reportVersionParamSchema,
  reportYearParamSchema,
} from '@accord/domain';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { errorBody } from '../errors';
import { authorize, signedIn } from '../middleware/authorize';
import { auditByPerson, beforeAfter } from '../services/audit';
import {
  type ApprovedVersionError,
  loadApprovedVersion,
  renderApprovedReport,
} from '../services/report-export';
import { validate } from '../validate';

const noReport = (year: number) => errorBody('NotFound', `There is no report for ${year} yet`);
const readOnly = () => errorBody('ReportReadOnly', 'The report has been approved: it can no longer change');
const staleEdit = () =>
  errorBody('EditConflict', 'The report was saved meanwhile (or approved); reload it and try again');

const approvalErrors: Record<ApprovedVersionError, string> = {
  NotApproved: 'The report has not been approved: only the approved version is exported or submitted',
  ApprovalMismatch: 'The report’s content is not the version the chairman approved',
};
const submissionErrors: Record<ReportSubmissionError, [string, 400 | 409]> = {
  NotApproved: [approvalErrors.NotApproved, 409],
  AlreadySubmitted: ['The report’s submission has been recorded already', 409],
  SubmittedBeforeApproval: ['The report cannot have been submitted before it was approved', 400],
  SubmittedInFuture: ['The submission date is in the future', 400],
};

const FORMAT_TYPES: Record<ReportExportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The report with the content of its current version, the sign-offs asked on it and its submission. */
async function reportView(deps: AppEnv['Variables']['deps'], report: Report) {
  const [current, signOffs, submissions] = await Promise.all([
    findReportVersion(deps.db, report.id, report.currentVersion),
    listSignOffs(deps.db, 'report', report.id),
    listReportSubmissions(deps.db, report.id),
  ]);
  return {
    report: { ...report, readOnly: isReportReadOnly(report.status) },
    version: current ?? null,
    signOffs,
    submission: submissions.at(-1) ?? null,
  };
}

/** The approved version's file, or why there is none. */
async function exportFile(
  deps: AppEnv['Variables']['deps'],
  year: number,
  language: Language,
  format: ReportExportFormat,
) {
  const report = await findReportByYear(deps.db, year);
  if (!report) return { ok: false as const, status: 404 as const, body: noReport(year) };
  const approved = await loadApprovedVersion(deps.db, report);
  if (!approved.ok)
    return {
      ok: false as const,
      status: 409 as const,
      body: errorBody(approved.error, approvalErrors[approved.error]),
    };
  const bytes = await renderApprovedReport(deps.db, report, approved.value, language, format);
  return {
    ok: true as const,
    bytes: new Uint8Array(bytes),
    headers: {
      'content-type': FORMAT_TYPES[format],
      'content-disposition': `attachment; filename="${reportExportFileName(year, approved.value.version.version, language, format)}"`,
      'cache-control': 'private, no-store',
    },
  };
}

/**
 * The annual progress report: assembled from the year's records, edited section by section by the
 * secretary (every save a version, the figures kept linked), compared between any two versions.
 */
export const reportsRoutes = new Hono<AppEnv>()
  .get('/', authorize('reports.read'), async (c) =>
    c.json({ reports: await listReports(c.get('deps').db) }, 200),
  )
  .post('/', authorize('reports.write'), validate('json', reportCreateSchema), async (c) => {
    const deps = c.get('deps');
    const now = deps.clock().toISOString();
    const actor = signedIn(c);
    const { year } = c.req.valid('json');
    // Loaded and decided before the transaction: inside it only the transaction is used.
    const sections = composeSections(
      assembleReport(await loadReportRecords(deps.db, year, actor.timeZone), now),
    );
    const id = await deps.db.transaction().execute(async (trx) => {
      const created = await insertReport(trx, year, sections, actor.id, now);
      if (created === null) return null;
      await auditByPerson(trx, actor, now, {
        action: 'report.create',
        recordType: 'report',
        recordId: created,
        ...beforeAfter(null, { year, version: 1 }),
      });
      return created;
    });
    if (id === null) return c.json(errorBody('ReportExists', `The report for ${year} exists already`), 409);
    const report = await findReportByYear(deps.db, year);
    if (!report) return c.json(noReport(year), 404);
    return c.json(await reportView(deps, report), 201);
  })
  .get('/:year', authorize('reports.read'), validate('param', reportYearParamSchema), async (c) => {
    const deps = c.get('deps');
    const { year } = c.req.valid('param');
    const report = await findReportByYear(deps.db, year);
    if (!report) return c.json(noReport(year), 404);
    return c.json(await reportView(deps, report), 200);
  })
  .put(
    '/:year/sections/:key',
    authorize('reports.write'),
    validate('param', reportSectionParamSchema),
    validate('json', reportSectionEditSchema),
    async (c) => {
      const deps = c.get('deps');
      const now = deps.clock().toISOString();
      const actor = signedIn(c);
      const { year, key } = c.req.valid('param');
      const { text, baseVersion } = c.req.valid('json');
      const report = await findReportByYear(deps.db, year);
      if (!report) return c.json(noReport(year), 404);
      const change = decideReportChange(report.status);
      if (!change.ok) return c.json(readOnly(), 409);
      if (baseVersion !== report.currentVersion) return c.json(staleEdit(), 409);
      const current = await findReportVersion(deps.db, report.id, report.currentVersion);
      if (!current) return c.json(noReport(year), 404);
      const edited = editSection(current.sections, key, text);
      if (!edited.ok)
        return c.json(
          errorBody(edited.error, 'The section’s text is the same as in the current version'),
          409,
        );
      const saved = await saveVersion(deps, actor, report, {
        sections: edited.value,
        change: 'edit',
        sectionKey: key,
        status: change.value.status,
        supersedes: change.value.supersedes,
        now,
      });
      if (saved === null) return c.json(staleEdit(), 409);
      const after = await findReportByYear(deps.db, year);
      return c.json(await reportView(deps, after ?? report), 200);
    },
  )
  .post('/:year/refresh', authorize('reports.write'), validate('param', reportYearParamSchema), async (c) => {
    const deps = c.get('deps');
    const now = deps.clock().toISOString();
    const actor = signedIn(c);
    const { year } = c.req.valid('param');
    const report = await findReportByYear(deps.db, year);
    if (!report) return c.json(noReport(year), 404);
    const change = decideReportChange(report.status);
    if (!change.ok) return c.json(readOnly(), 409);
    const current = await findReportVersion(deps.db, report.id, report.currentVersion);
    if (!current) return c.json(noReport(year), 404);
    // New figures, the same texts: the secretary's writing stays linked to the figures it describes.
    const sections = composeSections(
      assembleReport(await loadReportRecords(deps.db, year, actor.timeZone), now),
      current.sections,
    );
    const saved = await saveVersion(deps, actor, report, {
      sections,
      change: 'refresh',
      sectionKey: null,
      status: change.value.status,
      supersedes: change.value.supersedes,
      now,
    });
    if (saved === null) return c.json(staleEdit(), 409);
    const after = await findReportByYear(deps.db, year);
    return c.json(await reportView(deps, after ?? report), 200);
  })
  .get('/:year/versions', authorize('reports.read'), validate('param', reportYearParamSchema), async (c) => {
    const { db } = c.get('deps');
    const { year } = c.req.valid('param');
    const report = await findReportByYear(db, year);
    if (!report) return c.json(noReport(year), 404);
    return c.json({ versions: await listReportVersions(db, report.id) }, 200);
  })
  .get(
    '/:year/versions/:version',
    authorize('reports.read'),
    validate('param', reportVersionParamSchema),
    async (c) => {
      const { db } = c.get('deps');
      const { year, version } = c.req.valid('param');
      const report = await findReportByYear(db, year);
      const found = report && (await findReportVersion(db, report.id, version));
      if (!found) return c.json(errorBody('NotFound', 'No such report or version'), 404);
      return c.json({ version: found }, 200);
    },
  )
  .post(
    '/:year/submission',
    authorize('reports.submit'),
    validate('param', reportYearParamSchema),
    validate('json', reportSubmissionSchema),
    async (c) => {
      const deps = c.get('deps');
      const now = deps.clock().toISOString();
      const actor = signedIn(c);
      const { year } = c.req.valid('param');
      const { submittedOn, referenceNumber } = c.req.valid('json');
      const report = await findReportByYear(deps.db, year);
      if (!report) return c.json(noReport(year), 404);
      const approved = await loadApprovedVersion(deps.db, report);
      if (!approved.ok) return c.json(errorBody(approved.error, approvalErrors[approved.error]), 409);
      const { version, signOff } = approved.value;
      const decided = decideReportSubmission(report.status, submittedOn, {
        approvedOn: localDate(signOff.decidedAt ?? version.createdAt, actor.timeZone),
        today: localDate(now, actor.timeZone),
      });
      if (!decided.ok) {
        const [message, status] = submissionErrors[decided.error];
        return c.json(errorBody(decided.error, message), status);
      }
      const recorded = await deps.db.transaction().execute(async (trx) => {
        if (!(await markReportSubmittedOnce(trx, { id: report.id, version: version.version }, now)))
          return null;
        const id = await insertReportSubmission(
          trx,
          { reportId: report.id, reportVersion: version.version, submittedOn, referenceNumber },
          actor.id,
          now,
        );
        await auditByPerson(trx, actor, now, {
          action: 'report.submit',
          recordType: 'report',
          recordId: report.id,
          ...beforeAfter(
            { status: report.status, version: version.version },
            { status: decided.value.status, version: version.version, submittedOn, referenceNumber },
          ),
        });
        return id;
      });
      if (recorded === null) {
        const [message] = submissionErrors.AlreadySubmitted;
        return c.json(errorBody('AlreadySubmitted', message), 409);
      }
      const after = await findReportByYear(deps.db, year);
      return c.json(await reportView(deps, after ?? report), 201);
    },
  )
  .get(
    '/:year/export.pdf',
    authorize('reports.read'),
    validate('param', reportYearParamSchema),
    validate('query', reportExportQuerySchema),
    async (c) => {
      const file = await exportFile(
        c.get('deps'),
        c.req.valid('param').year,
        c.req.valid('query').language,
        'pdf',
      );
      if (!file.ok) return c.json(file.body, file.status);
      return c.body(file.bytes, 200, file.headers);
    },
  )
  .get(
    '/:year/export.docx',
    authorize('reports.read'),
    validate('param', reportYearParamSchema),
    validate('query', reportExportQuerySchema),
    async (c) => {
      const file = await exportFile(
        c.get('deps'),
        c.req.valid('param').year,
        c.req.valid('query').language,
        'docx',
      );
      if (!file.ok) return c.json(file.body, file.status);
      return c.body(file.bytes, 200, file.headers);
    },
  )
  .get(
    '/:year/diff',
    authorize('reports.read'),
    validate('param', reportYearParamSchema),
    validate('query', diffQuerySchema),
    async (c) => {
      const { db } = c.get('deps');
      const { year } = c.req.valid('param');
      const { from, to } = c.req.valid('query');
      const report = await findReportByYear(db, year);
      const [a, b] = report
        ? await Promise.all([findReportVersion(db, report.id, from), findReportVersion(db, report.id, to)])
        : [undefined, undefined];
      if (!a || !b) return c.json(errorBody('NotFound', 'No such report or version'), 404);
      return c.json({ from, to, sections: diffReportSections(a.sections, b.sections) }, 200);
    },
  );

/** Saves the next version with its audit event (and supersedes an open sign-off), in one transaction. */
function saveVersion(
  deps: AppEnv['Variables']['deps'],
  actor: ReturnType<typeof signedIn>,
  report: Report,
  next: {
    sections: ReportSections;
    change: 'edit' | 'refresh';
    sectionKey: ReportSectionKey | null;
    status: Report['status'];
    supersedes: boolean;
    now: string;
  },
) {
  return deps.db.transaction().execute(async (trx) => {
    const version = await saveReportVersion(
      trx,
      { id: report.id, expectedVersion: report.currentVersion },
      next,
      actor.id,
      next.now,
    );
    if (version === null) return null;
    const superseded = next.supersedes ? await supersedeOpenSignOff(trx, 'report', report.id, next.now) : 0;
    await auditByPerson(trx, actor, next.now, {
      action: next.change === 'edit' ? 'report.edit' : 'report.refresh',
      recordType: 'report',
      recordId: report.id,
      ...beforeAfter(
        { version: report.currentVersion, status: report.status },
        {
          version,
          status: next.status,
          ...(next.sectionKey ? { section: next.sectionKey } : {}),
          ...(superseded > 0 ? { signOffsSuperseded: superseded } : {}),
        },
      ),
    });
    return version;
  });
}
