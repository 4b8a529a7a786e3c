import { describe, expect, it } from 'vitest';
import { ApiError, toApiError } from '../api';
import { fieldErrors } from './field-errors';

// Words a problem as the page would (here: its message, marked), to see which problem is kept where.
const text = (issue: { message: string }) => `«${issue.message}»`;

describe('the API’s validation errors, by field', () => {
  it('puts each problem under its field path, in the words it is given', () => {
    expect(
      fieldErrors(
        [
          { path: 'title', message: 'Too small' },
          { path: 'agenda.2', message: 'Too big' },
        ],
        text,
      ),
    ).toEqual({ title: '«Too small»', 'agenda.2': '«Too big»' });
  });

  it('keeps the first problem when a field has several', () => {
    expect(
      fieldErrors(
        [
          { path: 'link', message: 'Invalid URL' },
          { path: 'link', message: 'Too long' },
        ],
        text,
      ),
    ).toEqual({ link: '«Invalid URL»' });
  });

  it('files a problem without a path under the whole form', () => {
    expect(fieldErrors([{ path: '', message: 'Invalid input' }], text)).toEqual({ form: '«Invalid input»' });
  });
});

describe('reading an error response', () => {
  it('keeps the API’s code, message and field details', () => {
    const error = toApiError(400, {
      error: {
        code: 'validation_failed',
        message: 'The request body is not valid',
        details: [
          { path: 'title', message: 'Too big', code: 'too_big', origin: 'string', limit: 300 },
          { path: 'end', message: 'EndBeforeStart', code: 'custom', limit: 'x' },
        ],
      },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'validation_failed',
      message: 'The request body is not valid',
    });
    expect(error.details).toEqual([
      { path: 'title', message: 'Too big', code: 'too_big', origin: 'string', limit: 300 },
      { path: 'end', message: 'EndBeforeStart', code: 'custom' },
    ]);
  });

  it('drops details that are not field problems', () => {
    expect(
      toApiError(400, { error: { code: 'x', message: 'y', details: ['odd', { path: 1 }] } }).details,
    ).toEqual([]);
  });

  it('makes a plain error from the status when the body is not the API’s', () => {
    expect(toApiError(502, '<html>Bad gateway</html>')).toMatchObject({ status: 502, code: 'internal' });
    expect(toApiError(418, undefined)).toMatchObject({ status: 418, code: 'http_error' });
  });
});
