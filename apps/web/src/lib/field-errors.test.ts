import { describe, expect, it } from 'vitest';
import { ApiError, toApiError } from '../api';
import { fieldErrors } from './field-errors';

describe('the API’s validation errors, by field', () => {
  it('puts each message under its field path', () => {
    expect(
      fieldErrors([
        { path: 'title', message: 'Too small' },
        { path: 'agenda.2', message: 'Too big' },
      ]),
    ).toEqual({ title: 'Too small', 'agenda.2': 'Too big' });
  });

  it('keeps the first message when a field has several', () => {
    expect(
      fieldErrors([
        { path: 'link', message: 'Invalid URL' },
        { path: 'link', message: 'Too long' },
      ]),
    ).toEqual({ link: 'Invalid URL' });
  });

  it('files a problem without a path under the whole form', () => {
    expect(fieldErrors([{ path: '', message: 'Invalid input' }])).toEqual({ form: 'Invalid input' });
  });
});

describe('reading an error response', () => {
  it('keeps the API’s code, message and field details', () => {
    const error = toApiError(400, {
      error: {
        code: 'validation_failed',
        message: 'The request body is not valid',
        details: [{ path: 'title', message: 'Required' }],
      },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'validation_failed',
      message: 'The request body is not valid',
    });
    expect(error.details).toEqual([{ path: 'title', message: 'Required' }]);
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
