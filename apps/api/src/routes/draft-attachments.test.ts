import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createBackup,
  draftAttachmentPath,
  listDraftAttachments,
  openDatabase,
  restoreBackup,
} from '@accord/db';
import { MAX_ATTACHMENT_BYTES } from '@accord/domain';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../test-app';
import { contentDisposition, MAX_UPLOAD_BODY_BYTES } from './draft-attachments';

let t: Awaited<ReturnType<typeof createTestApp>>;
let root: string;
let attachmentsDir: string;
let secretary: string;
let draftId: number;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'accord-attachments-test-'));
  attachmentsDir = join(root, 'attachments');
  t = await createTestApp({ attachmentsDir });
  secretary = await t.signIn('secretary');
  const res = await t.call(secretary, 'POST', '/api/drafts', {
    kind: 'decision',
    title: 'On joint ventures',
    text: 'Article 1.\n',
  });
  draftId = ((await res.json()) as { draft: { id: number } }).draft.id;
});
afterEach(async () => {
  await t.db.destroy();
  await rm(root, { recursive: true, force: true });
});

const pdf = (padding = 0) =>
  Buffer.concat([
    Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
    Buffer.alloc(padding, 0x20),
  ]);
/** A Windows program: "MZ" and a DOS header. */
const program = Buffer.concat([
  Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]),
  Buffer.alloc(64),
]);

const upload = (
  cookie: string | null,
  bytes: Uint8Array,
  name: string,
  type = 'application/pdf',
  id = draftId,
) => {
  const form = new FormData();
  form.set('file', new File([bytes], name, { type }));
  return t.app.request(`/api/drafts/${id}/attachments`, {
    method: 'POST',
    headers: cookie ? { cookie } : {},
    body: form,
  });
};

interface AttachmentView {
  id: number;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}
const list = async (cookie: string) =>
  (
    (await (await t.call(cookie, 'GET', `/api/drafts/${draftId}/attachments`)).json()) as {
      attachments: AttachmentView[];
    }
  ).attachments;
const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
const storedFiles = async () =>
  existsSync(join(attachmentsDir, 'drafts'))
    ? await readdir(join(attachmentsDir, 'drafts', String(draftId)))
    : [];

describe('draft attachments', () => {
  it('stores an upload under a random name, lists it to everyone, and gives back the same bytes', async () => {
    const bytes = pdf(5000);
    const res = await upload(secretary, bytes, '../Приложение 1 "final".pdf', 'application/octet-stream');
    expect(res.status).toBe(201);
    const { attachment } = (await res.json()) as { attachment: AttachmentView };
    expect(attachment).toMatchObject({
      fileName: 'Приложение 1 final.pdf',
      contentType: 'application/pdf',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(attachment).not.toHaveProperty('storedName');

    const observer = await t.signIn('observer');
    expect(await list(observer)).toEqual([expect.objectContaining({ id: attachment.id })]);
    const download = await t.call(observer, 'GET', `/api/drafts/${draftId}/attachments/${attachment.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-disposition')).toBe(contentDisposition('Приложение 1 final.pdf'));
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);

    // On disk: one file, named by the server, and nothing left in the incoming folder.
    const [stored] = await storedFiles();
    expect(stored).toMatch(/^[0-9a-f-]{36}$/);
    expect(await readdir(join(attachmentsDir, '.incoming'))).toEqual([]);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'after'])
      .where('record_type', '=', 'draft')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['draft.create', 'draft.attachment.add']);
    expect(JSON.parse(audit[1]?.after ?? '{}')).toMatchObject({
      attachmentId: attachment.id,
      size: bytes.length,
    });
  });

  it('takes a body over the JSON limit on the upload route only', async () => {
    expect((await upload(secretary, pdf(1024 * 1024), 'annex.pdf')).status).toBe(201);
    const bigJson = await t.call(secretary, 'POST', '/api/drafts', {
      kind: 'decision',
      title: 'Big',
      text: 'x'.repeat(100 * 1024),
    });
    expect(bigJson.status).toBe(413);
  });

  it('refuses a program disguised with a .pdf name and type, and a name that lies about the content', async () => {
    const disguised = await upload(secretary, program, 'report.pdf', 'application/pdf');
    expect(disguised.status).toBe(415);
    expect(await errorCode(disguised)).toBe('TypeNotAllowed');
    const renamed = await upload(secretary, Buffer.from('plain words\n'), 'scan.pdf');
    expect(renamed.status).toBe(415);
    expect(await errorCode(renamed)).toBe('TypeMismatch');
    expect(await list(secretary)).toEqual([]);
    expect(await storedFiles()).toEqual([]);
  });

  it('refuses a file over 20 MB with 413, whether the form fits the route’s limit or not', async () => {
    const justOver = await upload(secretary, pdf(MAX_ATTACHMENT_BYTES + 1 - pdf().length), 'big.pdf');
    expect(justOver.status).toBe(413);
    expect(await errorCode(justOver)).toBe('AttachmentTooLarge');
    const farOver = await upload(secretary, pdf(MAX_UPLOAD_BODY_BYTES), 'huge.pdf');
    expect(farOver.status).toBe(413);
    expect(await errorCode(farOver)).toBe('AttachmentTooLarge');
    expect(await storedFiles()).toEqual([]);
  });

  it('answers bad requests with clear 4xx errors', async () => {
    const json = await t.call(secretary, 'POST', `/api/drafts/${draftId}/attachments`, { file: 'x' });
    expect(json.status).toBe(400);
    expect(await errorCode(json)).toBe('FileMissing');
    const broken = await t.app.request(`/api/drafts/${draftId}/attachments`, {
      method: 'POST',
      headers: { cookie: secretary, 'content-type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\nno end',
    });
    expect(broken.status).toBe(400);
    expect((await upload(secretary, new Uint8Array(0), 'empty.pdf')).status).toBe(400);
    expect((await upload(secretary, pdf(), 'a.pdf', 'application/pdf', 999999)).status).toBe(404);
    expect((await t.call(secretary, 'GET', `/api/drafts/${draftId}/attachments/abc`)).status).toBe(400);
    expect((await t.call(secretary, 'GET', `/api/drafts/${draftId}/attachments/42`)).status).toBe(404);
    expect((await t.call(secretary, 'GET', '/api/drafts/999999/attachments')).status).toBe(404);
  });

  it('lets everyone signed in read, only the secretary change, and nobody signed out', async () => {
    const { attachment } = (await (await upload(secretary, pdf(), 'annex.pdf')).json()) as {
      attachment: AttachmentView;
    };
    const path = `/api/drafts/${draftId}/attachments/${attachment.id}`;
    for (const who of ['observer', 'RU-head', 'AM-alternate']) {
      const cookie = await t.signIn(who);
      expect((await t.call(cookie, 'GET', `/api/drafts/${draftId}/attachments`)).status, who).toBe(200);
      expect((await t.call(cookie, 'GET', path)).status, who).toBe(200);
      expect((await upload(cookie, pdf(), 'mine.pdf')).status, who).toBe(403);
      expect((await t.call(cookie, 'DELETE', path)).status, who).toBe(403);
    }
    expect((await t.call(null, 'GET', path)).status).toBe(401);
    expect((await upload(null, pdf(), 'anon.pdf')).status).toBe(401);
    expect(await list(secretary)).toHaveLength(1);
  });

  it('removes softly: gone from the list and the download, kept in the database and on disk, audited', async () => {
    const { attachment } = (await (await upload(secretary, pdf(), 'annex.pdf')).json()) as {
      attachment: AttachmentView;
    };
    const path = `/api/drafts/${draftId}/attachments/${attachment.id}`;
    expect((await t.call(secretary, 'DELETE', path)).status).toBe(200);
    expect((await t.call(secretary, 'DELETE', path)).status).toBe(404);
    expect(await list(secretary)).toEqual([]);
    expect((await t.call(secretary, 'GET', path)).status).toBe(404);
    const row = await t.db.selectFrom('draft_attachments').selectAll().executeTakeFirstOrThrow();
    expect(row.removed_at).toBe(t.now);
    expect(await storedFiles()).toHaveLength(1);
    const actions = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('record_type', '=', 'draft')
      .execute();
    expect(actions.map((a) => a.action)).toContain('draft.attachment.remove');
  });

  it('refuses new or removed attachments with 409 once the draft is in a ballot', async () => {
    const { attachment } = (await (await upload(secretary, pdf(), 'annex.pdf')).json()) as {
      attachment: AttachmentView;
    };
    const opened = await t.call(secretary, 'POST', `/api/drafts/${draftId}/ballots`, {
      rule: { kind: 'consensus' },
      closesLocal: '2027-03-01T18:00',
      timeZone: 'Europe/Moscow',
    });
    expect(opened.status).toBe(201);
    const late = await upload(secretary, pdf(), 'late.pdf');
    expect(late.status).toBe(409);
    expect(await errorCode(late)).toBe('DraftLocked');
    const path = `/api/drafts/${draftId}/attachments/${attachment.id}`;
    expect((await t.call(secretary, 'DELETE', path)).status).toBe(409);
    expect(await list(secretary)).toHaveLength(1);
    expect(await storedFiles()).toHaveLength(1);
    expect((await t.call(secretary, 'GET', path)).status).toBe(200);
  });

  it('survives a backup and a restore: the row and the same bytes', async () => {
    const bytes = pdf(2000);
    const { attachment } = (await (await upload(secretary, bytes, 'annex.pdf')).json()) as {
      attachment: AttachmentView;
    };
    // The test app's database lives in memory: put it in a file as Accord keeps it, beside its attachments.
    const databaseFile = join(root, 'accord.db');
    await sql`vacuum into ${sql.lit(databaseFile)}`.execute(t.db);
    const { dir } = await createBackup({ databaseFile, targetDir: join(root, 'backups') });

    const restoredFile = join(root, 'restored', 'accord.db');
    await restoreBackup({ backupDir: dir, databaseFile: restoredFile });
    const restored = openDatabase({ file: restoredFile });
    try {
      const [row] = await listDraftAttachments(restored, draftId);
      expect(row).toMatchObject({ id: attachment.id, sha256: attachment.sha256 });
      const file = draftAttachmentPath(join(root, 'restored', 'attachments'), draftId, row?.storedName ?? '');
      expect((await readFile(file)).equals(bytes)).toBe(true);
    } finally {
      await restored.destroy();
    }
  });
});
