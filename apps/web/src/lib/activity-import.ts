/** One refused row of an activities CSV, as the API reports it (the header is line 1). */
export interface ImportRowError {
  line: number;
  /** `code` says why, for the dictionary; `message` is the API's English, for a code it lacks. */
  errors: Array<{ column: string; code: string; message: string }>;
}

/** What an import did, or why nothing was imported. */
export type ImportOutcome =
  | { ok: true; created: number; updated: number }
  | { ok: false; message: string; rows: ImportRowError[] };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const toRowError = (value: unknown): ImportRowError[] => {
  if (!isRecord(value) || typeof value.line !== 'number' || !Array.isArray(value.errors)) return [];
  const errors = value.errors.flatMap((e) =>
    isRecord(e) && typeof e.column === 'string' && typeof e.message === 'string'
      ? [{ column: e.column, code: typeof e.code === 'string' ? e.code : '', message: e.message }]
      : [],
  );
  return [{ line: value.line, errors }];
};

/**
 * Reads the answer of `POST /api/programs/:id/activities/import`: the counts, or the API's message
 * with the refused rows (`import_refused`); any other failure comes back without rows.
 */
export function importOutcome(status: number, body: unknown): ImportOutcome {
  if (
    status === 200 &&
    isRecord(body) &&
    typeof body.created === 'number' &&
    typeof body.updated === 'number'
  )
    return { ok: true, created: body.created, updated: body.updated };
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  return {
    ok: false,
    message: typeof error?.message === 'string' ? error.message : `The server answered ${status}`,
    rows:
      error?.code === 'import_refused' && Array.isArray(error.details)
        ? error.details.flatMap(toRowError)
        : [],
  };
}
