import { badRequest } from './errors';
import { multipartBoundary, parseMultipart } from './multipart';
import { UploadedFile } from './uploaded-file';

export type Params = Record<string, unknown>;

const ATTACH_PREFIX = 'attach://';

/**
 * A Bot API call's parameters from the query string and a JSON, urlencoded or multipart body.
 * Files become `UploadedFile`s under the field that names them (`document: 'attach://x'` or the
 * part's own name).
 */
export function readRequestParams(url: string, contentType: string, body: Buffer): Params {
  const params: Params = Object.fromEntries(new URL(url).searchParams);
  if (body.length === 0) return params;
  const type = contentType.toLowerCase();
  if (type.startsWith('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw badRequest("can't parse JSON encoded request body");
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw badRequest('request body must be a JSON object');
    }
    return { ...params, ...(parsed as Params) };
  }
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return { ...params, ...Object.fromEntries(new URLSearchParams(body.toString('utf8'))) };
  }
  const boundary = multipartBoundary(contentType);
  if (type.startsWith('multipart/form-data') && boundary !== undefined) {
    return { ...params, ...fromMultipart(body, boundary) };
  }
  return params;
}

function fromMultipart(body: Buffer, boundary: string): Params {
  const fields: Params = {};
  const files = new Map<string, UploadedFile>();
  for (const part of parseMultipart(body, boundary)) {
    if (part.filename === undefined) {
      fields[part.name] = part.data.toString('utf8');
    } else {
      files.set(part.name, new UploadedFile(part.filename, part.contentType, Buffer.from(part.data)));
    }
  }
  const attached = new Set<string>();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string' && value.startsWith(ATTACH_PREFIX)) {
      const partName = value.slice(ATTACH_PREFIX.length);
      const file = files.get(partName);
      if (file !== undefined) {
        fields[name] = file;
        attached.add(partName);
      }
    }
  }
  for (const [name, file] of files) {
    if (!attached.has(name) && !(name in fields)) fields[name] = file;
  }
  return fields;
}
