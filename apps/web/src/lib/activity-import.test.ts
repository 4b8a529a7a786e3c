import { describe, expect, it } from 'vitest';
import { importOutcome } from './activity-import';

describe('an activities import’s answer', () => {
  it('gives the counts of a done import', () => {
    expect(importOutcome(200, { created: 2, updated: 1 })).toEqual({ ok: true, created: 2, updated: 1 });
  });

  it('gives the refused rows with their columns and messages', () => {
    const body = {
      error: {
        code: 'import_refused',
        message: 'Nothing was imported: fix the rows listed and send the file again',
        details: [
          { line: 3, errors: [{ column: 'end', code: 'EndBeforeStart', message: 'EndBeforeStart' }] },
          { line: 'x', errors: [] },
          { line: 4, errors: [{ column: 'status' }, { column: 'progress', message: 'too big' }] },
        ],
      },
    };
    expect(importOutcome(400, body)).toEqual({
      ok: false,
      message: 'Nothing was imported: fix the rows listed and send the file again',
      rows: [
        { line: 3, errors: [{ column: 'end', code: 'EndBeforeStart', message: 'EndBeforeStart' }] },
        // An answer without a code keeps its message, which the page then shows as it is.
        { line: 4, errors: [{ column: 'progress', code: '', message: 'too big' }] },
      ],
    });
  });

  it('gives any other refusal without rows', () => {
    expect(importOutcome(403, { error: { code: 'forbidden', message: 'Not allowed' } })).toEqual({
      ok: false,
      message: 'Not allowed',
      rows: [],
    });
    expect(importOutcome(502, 'Bad gateway')).toEqual({
      ok: false,
      message: 'The server answered 502',
      rows: [],
    });
  });
});
