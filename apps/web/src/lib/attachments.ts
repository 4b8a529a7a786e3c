import { ApiError, toApiError } from '../api';

/** 1536 → "1.5 kB" (ru: "1,5 кБ"), in the reader's locale; decimal units, as file managers show them. */
export function formatFileSize(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** The same refusal the API would give, before a too-large file is sent at all. */
export const checkFileSize = (size: number, maxBytes: number): ApiError | undefined =>
  size > maxBytes ? new ApiError(413, 'AttachmentTooLarge', 'The file is too large') : undefined;

/** What an upload's response means: the body on success, else the API's error (or a plain one). */
export function uploadResult(
  status: number,
  responseText: string,
): { ok: true; body: unknown } | { ok: false; error: ApiError } {
  let body: unknown;
  try {
    body = JSON.parse(responseText);
  } catch {
    body = undefined;
  }
  if (status === 0) return { ok: false, error: new ApiError(0, 'network', 'The server cannot be reached') };
  return status >= 200 && status < 300 ? { ok: true, body } : { ok: false, error: toApiError(status, body) };
}

/**
 * Sends a file as `multipart/form-data` to `path`, reporting progress from 0 to 1. XMLHttpRequest,
 * not fetch: only it reports upload progress in browsers. The typed client gives the path.
 */
export function uploadFile(
  path: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    const settle = () => {
      const result = uploadResult(request.status, request.responseText);
      if (result.ok) resolve(result.body);
      else reject(result.error);
    };
    request.addEventListener('load', settle);
    request.addEventListener('error', settle);
    const form = new FormData();
    form.set('file', file);
    request.send(form);
  });
}
