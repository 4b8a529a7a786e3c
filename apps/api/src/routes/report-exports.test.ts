import { strFromU8, unzipSync } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let secretary: string;
beforeEach(async () => {
  t = await createTestApp(); // the clock stands at 2027-02-01 09:00 UTC
  secretary = await t.signIn('secretary');
});
afterEach(() => t.db.destroy());

const json = async <T>(res: Response) => (await res.json()) as T;
const errorCode = async (res: Response) => (await json<{ error: { code: string } }>(res)).error.code;

/** The text of every page, as pdf.js extracts it, with runs of white space as one space. */
async function pdfText(bytes: ArrayBuffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 })
    .promise;
  let text = '';
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent();
    for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
  }
  await pdf.destroy();
  return text.replace(/\s+/g, ' ');
}

const xmlEntities: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
  '&amp;': '&',
};

/** word/document.xml's paragraphs as text, table cells included, in document order. */
function docxParagraphs(bytes: ArrayBuffer): string[] {
  const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml'] ?? new Uint8Array());
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => (m[1] ?? '').replace(/&(lt|gt|quot|apos|amp);/g, (e) => xmlEntities[e] ?? e))
      .join(''),
  );
}

/** A recommendation put to the vote by letter and closed: adopted, so the decisions section has a figure. */
async function adoptRecommendation(title: string) {
  const draft = await json<{ draft: { id: number } }>(
    await t.call(secretary, 'POST', '/api/drafts', { kind: 'recommendation', title, text: 'Article 1.\n' }),
  );
  const ballot = await json<{ id: number }>(
    await t.call(secretary, 'POST', `/api/drafts/${draft.draft.id}/ballots`, {
      rule: { kind: 'consensus' },
      closesLocal: '2027-03-01T18:00',
      timeZone: 'Europe/Moscow',
    }),
  );
  for (const stateCode of ['AM', 'BY', 'KZ', 'KG', 'RU', 'TJ'])
    await t.call(secretary, 'POST', `/api/ballots/${ballot.id}/votes`, {
      stateCode,
      choice: 'for',
      channel: 'letter',
      reference: `No. ${stateCode}-1`,
    });
  await t.call(secretary, 'POST', `/api/ballots/${ballot.id}/close`);
}

interface ReportBody {
  report: { id: number; status: string; currentVersion: number };
  version: { version: number; contentHash: string };
  submission: { submittedOn: string; referenceNumber: string; reportVersion: number } | null;
}

/** The 2027 report with the meetings section written, at version 2. */
async function writtenReport(): Promise<ReportBody> {
  await adoptRecommendation('On joint repair centres');
  await t.call(secretary, 'POST', '/api/reports', { year: 2027 });
  return json<ReportBody>(
    await t.call(secretary, 'PUT', '/api/reports/2027/sections/meetings', {
      text: '<p>The commission met in <b>Minsk</b> &amp; <i>Astana</i>.</p><ul><li>Сессия в Минске</li></ul>',
      baseVersion: 1,
    }),
  );
}

/** The chairman's approval as the approval flow records it: the sign-off bound to the version's hash. */
async function approve(body: ReportBody, version = body.version) {
  await t.db
    .insertInto('sign_offs')
    .values({
      item_kind: 'report',
      item_id: body.report.id,
      item_version: version.version,
      content_hash: version.contentHash,
      requested_at: '2027-02-01T07:00:00.000Z',
      state: 'approved',
      decided_by: await t.personId('RU-head'),
      decided_at: '2027-02-01T08:00:00.000Z',
    })
    .execute();
  await t.db.updateTable('reports').set({ status: 'approved' }).where('id', '=', body.report.id).execute();
}

const download = (cookie: string | null, format: 'pdf' | 'docx', language: string) =>
  t.call(cookie, 'GET', `/api/reports/2027/export.${format}?language=${language}`);

describe('the approved report’s exports', () => {
  it('downloads the approved version as a PDF in Russian and in English, with the heading, the text, a figure and the hash', async () => {
    const body = await writtenReport();
    await approve(body);
    const hash = body.version.contentHash;

    const ru = await download(secretary, 'pdf', 'ru');
    expect(ru.status).toBe(200);
    expect(ru.headers.get('content-type')).toBe('application/pdf');
    expect(ru.headers.get('content-disposition')).toBe('attachment; filename="accord-report-2027-v2-ru.pdf"');
    const ruText = await pdfText(await ru.arrayBuffer());
    expect(ruText).toContain('Организация Договора о коллективной безопасности');
    expect(ruText).toContain('Межгосударственная комиссия по военно-экономическому сотрудничеству ОДКБ');
    expect(ruText).toContain('Ежегодный доклад о ходе работы за 2027 год');
    expect(ruText).toContain(
      'Версия 2 · Утверждено: Председатель комиссии Андрей Воронцов, 1 февраля 2027 г.',
    );
    expect(ruText).toContain(`Контрольная сумма: ${hash}`);
    expect(ruText).toContain('1. Заседания комиссии');
    expect(ruText).toContain('The commission met in Minsk & Astana.');
    expect(ruText).toContain('Сессия в Минске');
    expect(ruText).toContain('Проведено заседаний: 0 при установленном минимуме 2');
    expect(ruText).toContain('Принято рекомендаций: 1');
    expect(ruText).toContain('On joint repair centres');

    const en = await download(secretary, 'pdf', 'en');
    expect(en.headers.get('content-disposition')).toBe('attachment; filename="accord-report-2027-v2-en.pdf"');
    const enText = await pdfText(await en.arrayBuffer());
    expect(enText).toContain('Collective Security Treaty Organization');
    expect(enText).toContain('Interstate Commission for Military-Economic Cooperation of the CSTO');
    expect(enText).toContain('Annual progress report for 2027');
    expect(enText).toContain(
      'Version 2 · Approved by Chairman of the Commission Андрей Воронцов on 1 February 2027',
    );
    expect(enText).toContain(`Content hash: ${hash}`);
    expect(enText).toContain('2. Recommendations and decisions adopted');
    expect(enText).toContain('The commission met in Minsk & Astana.');
    expect(enText).toContain('Meetings held: 0 of the minimum 2');
    expect(enText).toContain('Recommendations adopted: 1');
    expect(enText).toContain(`Version 2 (${hash.slice(0, 12)})`);
  });

  it('downloads the approved version as a DOCX in both languages, whose XML holds the same', async () => {
    const body = await writtenReport();
    await approve(body);
    const hash = body.version.contentHash;

    const ru = await download(secretary, 'docx', 'ru');
    expect(ru.status).toBe(200);
    expect(ru.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(ru.headers.get('content-disposition')).toBe(
      'attachment; filename="accord-report-2027-v2-ru.docx"',
    );
    const ruXml = docxParagraphs(await ru.arrayBuffer());
    expect(ruXml.slice(0, 3)).toEqual([
      'Организация Договора о коллективной безопасности',
      'Межгосударственная комиссия по военно-экономическому сотрудничеству ОДКБ',
      'Ежегодный доклад о ходе работы за 2027 год',
    ]);
    expect(ruXml).toContain(
      'Версия 2 · Утверждено: Председатель комиссии Андрей Воронцов, 1 февраля 2027 г.',
    );
    expect(ruXml).toContain(`Контрольная сумма: ${hash}`);
    expect(ruXml).toContain('The commission met in Minsk & Astana.');
    expect(ruXml).toContain('Принято рекомендаций: 1');
    expect(ruXml).toContain('1/2027');

    const en = docxParagraphs(await (await download(secretary, 'docx', 'en')).arrayBuffer());
    expect(en.slice(0, 3)).toEqual([
      'Collective Security Treaty Organization',
      'Interstate Commission for Military-Economic Cooperation of the CSTO',
      'Annual progress report for 2027',
    ]);
    expect(en).toContain(`Content hash: ${hash}`);
    expect(en).toContain('1. Meetings of the commission');
    expect(en).toContain('Сессия в Минске');
    expect(en).toContain("Meetings held: 0 of the minimum 2 — The statute's minimum is not met.");
    expect(en).toContain('for 6, against 0, abstained 0, did not vote 0');
  });

  it('lets everyone who reads reports download it, and nobody signed out', async () => {
    const body = await writtenReport();
    await approve(body);
    for (const seed of ['RU-head', 'KZ-head', 'observer']) {
      const cookie = await t.signIn(seed);
      expect((await download(cookie, 'pdf', 'en')).status, seed).toBe(200);
    }
    const stranger = await download(null, 'docx', 'ru');
    expect(stranger.status).toBe(401);
    expect(await errorCode(stranger)).toBe('unauthenticated');
  });

  it('refuses before approval, and when the approval does not bind the version the report holds', async () => {
    const body = await writtenReport();
    for (const format of ['pdf', 'docx'] as const) {
      const res = await download(secretary, format, 'ru');
      expect(res.status).toBe(409);
      expect(await errorCode(res)).toBe('NotApproved');
    }
    await t.db.updateTable('reports').set({ status: 'awaiting-approval' }).execute();
    expect((await download(secretary, 'pdf', 'en')).status).toBe(409);
    // Approved is what the status says, but no sign-off binds anything: still nothing to export.
    await t.db.updateTable('reports').set({ status: 'approved' }).execute();
    expect(await errorCode(await download(secretary, 'pdf', 'en'))).toBe('NotApproved');
    // The chairman approved version 1; the report holds version 2.
    const v1 = await json<{ version: { version: number; contentHash: string } }>(
      await t.call(secretary, 'GET', '/api/reports/2027/versions/1'),
    );
    await approve(body, v1.version);
    for (const format of ['pdf', 'docx'] as const) {
      const res = await download(secretary, format, 'ru');
      expect(res.status).toBe(409);
      expect(await errorCode(res)).toBe('ApprovalMismatch');
    }
  });

  it('answers bad input with a 400 in the error shape, and an unknown year with a 404', async () => {
    await approve(await writtenReport());
    for (const path of [
      '/api/reports/2027/export.pdf',
      '/api/reports/2027/export.pdf?language=de',
      '/api/reports/2027/export.docx?language=',
      '/api/reports/27/export.pdf?language=ru',
      '/api/reports/abcd/export.docx?language=en',
    ]) {
      const res = await t.call(secretary, 'GET', path);
      expect(res.status, path).toBe(400);
      expect(await errorCode(res), path).toBe('validation_failed');
    }
    expect((await t.call(secretary, 'GET', '/api/reports/2030/export.pdf?language=ru')).status).toBe(404);
  });
});

describe('recording the submission to the Secretary General', () => {
  const submit = (body: unknown, cookie = secretary) =>
    t.call(cookie, 'POST', '/api/reports/2027/submission', body);
  const valid = { submittedOn: '2027-02-01', referenceNumber: 'No. 12/345-MK' };

  it('records it once after approval: the report becomes submitted, the submission shown, an audit event written', async () => {
    const body = await writtenReport();
    await approve(body);
    const res = await submit({ ...valid, referenceNumber: '  No. 12/345-MK ' });
    expect(res.status).toBe(201);
    const after = await json<ReportBody>(res);
    expect(after.report.status).toBe('submitted');
    expect(after.submission).toMatchObject({
      submittedOn: '2027-02-01',
      referenceNumber: 'No. 12/345-MK',
      reportVersion: 2,
    });
    const read = await json<ReportBody>(await t.call(secretary, 'GET', '/api/reports/2027'));
    expect(read.submission?.referenceNumber).toBe('No. 12/345-MK');

    const again = await submit({ ...valid, referenceNumber: 'No. 2' });
    expect(again.status).toBe(409);
    expect(await errorCode(again)).toBe('AlreadySubmitted');
    expect(await t.db.selectFrom('report_submissions').selectAll().execute()).toHaveLength(1);

    const audit = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'report.submit')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      record_type: 'report',
      record_id: String(body.report.id),
      actor_person_id: await t.personId('secretary'),
    });
    expect(JSON.parse(audit[0]?.after ?? '{}')).toEqual({
      status: 'submitted',
      version: 2,
      submittedOn: '2027-02-01',
      referenceNumber: 'No. 12/345-MK',
    });

    // A submitted report still exports its approved version.
    expect((await download(secretary, 'pdf', 'ru')).status).toBe(200);
  });

  it('refuses before approval', async () => {
    await writtenReport();
    const res = await submit(valid);
    expect(res.status).toBe(409);
    expect(await errorCode(res)).toBe('NotApproved');
    expect(await t.db.selectFrom('report_submissions').selectAll().execute()).toHaveLength(0);
  });

  it('refuses a bad date: not a date, in the future, or before the approval', async () => {
    await approve(await writtenReport());
    for (const bad of [
      { ...valid, submittedOn: '2027-02-30' },
      { ...valid, submittedOn: '01.02.2027' },
      { ...valid, submittedOn: 20270201 },
      { ...valid, referenceNumber: '   ' },
      { submittedOn: '2027-02-01' },
    ]) {
      const res = await submit(bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(await errorCode(res)).toBe('validation_failed');
    }
    const future = await submit({ ...valid, submittedOn: '2027-02-02' });
    expect(future.status).toBe(400);
    expect(await errorCode(future)).toBe('SubmittedInFuture');
    const early = await submit({ ...valid, submittedOn: '2027-01-31' });
    expect(early.status).toBe(400);
    expect(await errorCode(early)).toBe('SubmittedBeforeApproval');
    expect((await json<ReportBody>(await t.call(secretary, 'GET', '/api/reports/2027'))).report.status).toBe(
      'approved',
    );
  });

  it('lets only the secretary record it', async () => {
    await approve(await writtenReport());
    for (const seed of ['RU-head', 'KZ-head', 'observer']) {
      const res = await submit(valid, await t.signIn(seed));
      expect(res.status, seed).toBe(403);
      expect(await errorCode(res)).toBe('forbidden');
    }
    expect((await submit(valid, '')).status).toBe(401);
    expect(await t.db.selectFrom('report_submissions').selectAll().execute()).toHaveLength(0);
  });
});
