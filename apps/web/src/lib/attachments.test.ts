import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { checkFileSize, formatFileSize, uploadResult } from './attachments';

describe('attachments on the dashboard', () => {
  it('show sizes in the reader’s language', () => {
    expect(formatFileSize(512, 'en-GB')).toBe('512 bytes');
    expect(formatFileSize(1536, 'en-GB')).toBe('1.5 kB');
    expect(formatFileSize(20 * 1024 * 1024, 'en-GB')).toBe('21 MB');
    expect(formatFileSize(1536, 'ru-RU')).toBe('1,5 кБ');
  });

  it('refuse a file over the limit before sending it, as the API would', () => {
    expect(checkFileSize(10, 10)).toBeUndefined();
    expect(checkFileSize(11, 10)).toMatchObject({ status: 413, code: 'AttachmentTooLarge' });
  });

  it('read an upload’s answer: the body, the API’s error, or no connection', () => {
    expect(uploadResult(201, '{"attachment":{"id":1}}')).toEqual({
      ok: true,
      body: { attachment: { id: 1 } },
    });
    expect(uploadResult(415, '{"error":{"code":"TypeNotAllowed","message":"Only PDF…"}}')).toEqual({
      ok: false,
      error: new ApiError(415, 'TypeNotAllowed', 'Only PDF…'),
    });
    expect(uploadResult(502, '<html>Bad gateway</html>')).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(uploadResult(0, '')).toMatchObject({ ok: false, error: { code: 'network' } });
  });
});
