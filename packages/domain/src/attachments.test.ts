import { describe, expect, it } from 'vitest';
import { checkAttachment, cleanFileName, decideAttachmentChange, MAX_ATTACHMENT_BYTES } from './attachments';

const text = (s: string) => new TextEncoder().encode(s);

/** A ZIP of stored (uncompressed) entries, as Office and LibreOffice files are containers of. */
function zip(entries: Record<string, string>): Uint8Array {
  const parts: number[] = [];
  const u16 = (n: number) => parts.push(n & 0xff, (n >>> 8) & 0xff);
  const u32 = (n: number) => parts.push(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff);
  for (const [name, content] of Object.entries(entries)) {
    const data = text(content);
    u32(0x04034b50);
    u16(20);
    u16(0);
    u16(0); // stored
    u16(0);
    u16(0);
    u32(crc32(data));
    u32(data.length);
    u32(data.length);
    u16(text(name).length);
    u16(0);
    parts.push(...text(name), ...data);
  }
  return Uint8Array.from(parts);
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const contentTypes = (main: string) =>
  `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/x" ContentType="${main}"/></Types>`;

const samples = {
  pdf: text('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
  png: Uint8Array.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0,
    1, 8, 2, 0, 0, 0,
  ]),
  jpeg: Uint8Array.from([
    0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9,
  ]),
  docx: zip({
    '[Content_Types].xml': contentTypes(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
    ),
    'word/document.xml': '<w:document/>',
  }),
  xlsx: zip({
    '[Content_Types].xml': contentTypes(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    ),
    'xl/workbook.xml': '<workbook/>',
  }),
  odt: zip({
    mimetype: 'application/vnd.oasis.opendocument.text',
    'content.xml': '<office:document-content/>',
  }),
  plainZip: zip({ 'notes.txt': 'hello' }),
  text: text('Протокол заседания\r\nItem 1.\tAgreed.\n'),
  exe: Uint8Array.from([
    0x4d,
    0x5a,
    0x90,
    0,
    3,
    0,
    0,
    0,
    4,
    0,
    0,
    0,
    0xff,
    0xff,
    0,
    0,
    ...new Array(64).fill(0),
  ]),
};

describe('attachments', () => {
  it.each([
    ['report.pdf', samples.pdf, 'application/pdf'],
    ['scan.PNG', samples.png, 'image/png'],
    ['photo.jpeg', samples.jpeg, 'image/jpeg'],
    ['photo.jpg', samples.jpeg, 'image/jpeg'],
    ['draft.docx', samples.docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['budget.xlsx', samples.xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['draft.odt', samples.odt, 'application/vnd.oasis.opendocument.text'],
    ['notes.txt', samples.text, 'text/plain'],
  ])('take %s as what its content is', async (name, bytes, contentType) => {
    expect(await checkAttachment({ name, bytes })).toEqual({
      ok: true,
      value: { contentType, fileName: name },
    });
  });

  it('refuse a program disguised with a .pdf name, a plain ZIP, and binary that is not text', async () => {
    expect(await checkAttachment({ name: 'report.pdf', bytes: samples.exe })).toEqual({
      ok: false,
      error: 'TypeNotAllowed',
    });
    expect((await checkAttachment({ name: 'draft.docx', bytes: samples.plainZip })).ok).toBe(false);
    expect((await checkAttachment({ name: 'a.txt', bytes: Uint8Array.from([0x41, 0, 0x42]) })).ok).toBe(
      false,
    );
    expect((await checkAttachment({ name: 'a.txt', bytes: Uint8Array.from([0xc3, 0x28]) })).ok).toBe(false);
  });

  it('refuse a name that promises another type than the content', async () => {
    expect(await checkAttachment({ name: 'scan.pdf', bytes: samples.png })).toEqual({
      ok: false,
      error: 'TypeMismatch',
    });
    expect((await checkAttachment({ name: 'notes', bytes: samples.text })).ok).toBe(false);
  });

  it('refuse an empty file and one over the limit, before reading its content', async () => {
    expect(await checkAttachment({ name: 'a.txt', bytes: new Uint8Array(0) })).toEqual({
      ok: false,
      error: 'EmptyFile',
    });
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(samples.pdf);
    expect(await checkAttachment({ name: 'big.pdf', bytes: big })).toEqual({
      ok: false,
      error: 'AttachmentTooLarge',
    });
  });

  it('keep only the last segment of a client name, without control characters or quotes', () => {
    expect(cleanFileName('../../etc/passwd.txt')).toBe('passwd.txt');
    expect(cleanFileName('C:\\Users\\x\\Отчёт "final".pdf')).toBe('Отчёт final.pdf');
    expect(cleanFileName('a\u0000b\n.pdf')).toBe('ab.pdf');
    expect(cleanFileName('..')).toBe('file');
    expect(cleanFileName(`${'x'.repeat(300)}.docx`)).toBe(`${'x'.repeat(195)}.docx`);
  });

  it('change only while the draft is a draft', () => {
    expect(decideAttachmentChange('draft').ok).toBe(true);
    for (const status of ['voting', 'adopted', 'rejected', 'withdrawn'] as const)
      expect(decideAttachmentChange(status)).toEqual({ ok: false, error: 'DraftLocked' });
  });
});
