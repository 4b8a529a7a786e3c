import type { FieldIssue } from '../api';

/**
 * The API's problems by field path ("title", "agenda.2"), each as `text` words it (the reader's
 * language: `issueText` of the i18n context); the first problem for a path wins.
 */
export const fieldErrors = (
  details: readonly FieldIssue[],
  text: (issue: FieldIssue) => string,
): Record<string, string> => {
  const byPath: Record<string, string> = {};
  for (const issue of details) {
    const path = issue.path === '' ? 'form' : issue.path;
    byPath[path] ??= text(issue);
  }
  return byPath;
};
