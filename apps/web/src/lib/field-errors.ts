import type { FieldIssue } from '../api';

/** The API's problems by field path ("title", "agenda.2"); the first message for a path wins. */
export const fieldErrors = (details: readonly FieldIssue[]): Record<string, string> => {
  const byPath: Record<string, string> = {};
  for (const issue of details) {
    const path = issue.path === '' ? 'form' : issue.path;
    byPath[path] ??= issue.message;
  }
  return byPath;
};
