export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

/** The boundary of a `multipart/form-data` content type, if it has one. */
export function multipartBoundary(contentType: string): string | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/**
 * Parses a multipart/form-data body. Lenient on purpose: grammY writes compact headers
 * (`content-disposition:form-data;name="x";filename=a b.pdf`, no spaces, an unquoted filename)
 * that the WHATWG `Request.formData()` in Node 20 (and so Hono's `parseBody`) rejects, while
 * Telegram accepts them.
 */
export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let position = body.indexOf(delimiter);
  while (position !== -1) {
    position += delimiter.length;
    if (body.subarray(position, position + 2).toString() === '--') break;
    if (body.subarray(position, position + 2).equals(CRLF)) position += 2;
    const headerEnd = body.indexOf(HEADER_END, position);
    if (headerEnd === -1) break;
    const headers = parseHeaders(body.subarray(position, headerEnd).toString('utf8'));
    const dataStart = headerEnd + HEADER_END.length;
    const next = body.indexOf(Buffer.concat([CRLF, delimiter]), dataStart);
    if (next === -1) break;
    const disposition = parseDisposition(headers.get('content-disposition') ?? '');
    const name = disposition.get('name');
    if (name !== undefined) {
      const filename = disposition.get('filename');
      const contentType = headers.get('content-type');
      parts.push({
        name,
        data: body.subarray(dataStart, next),
        ...(filename === undefined ? {} : { filename }),
        ...(contentType === undefined ? {} : { contentType }),
      });
    }
    position = next + CRLF.length;
  }
  return parts;
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** `form-data; name="x"; filename=...` → its parameters; an unquoted value runs to the next `;`. */
function parseDisposition(value: string): Map<string, string> {
  const parameters = new Map<string, string>();
  for (const match of value.matchAll(/;\s*([A-Za-z*]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g)) {
    const key = match[1]?.toLowerCase();
    const raw = match[2] === undefined ? (match[3] ?? '').trim() : match[2].replace(/\\(.)/g, '$1');
    if (key !== undefined) parameters.set(key, raw);
  }
  return parameters;
}
