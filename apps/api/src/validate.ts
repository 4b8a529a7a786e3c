import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { ZodType, z } from 'zod';
import { errorBody } from './errors';

/**
 * One problem with one field: the schema's English `message`, and the issue's `code` (zod's, e.g.
 * `too_big`) with its `limit` and `origin` for a length or a range, so that the dashboard can say it
 * in the reader's language. A domain rule's check keeps its own code as the message.
 */
const fieldIssue = (issue: z.core.$ZodIssue) => ({
  path: issue.path.join('.'),
  message: issue.message,
  code: issue.code,
  ...(issue.code === 'too_small'
    ? { origin: issue.origin, limit: Number(issue.minimum) }
    : issue.code === 'too_big'
      ? { origin: issue.origin, limit: Number(issue.maximum) }
      : {}),
});

/** Validates one part of the request with a domain schema; a failure is a 400 that lists each problem. */
export const validate = <Target extends keyof ValidationTargets, Schema extends ZodType>(
  target: Target,
  schema: Schema,
) =>
  zValidator(target, schema, (result, c) => {
    if (!result.success) {
      const details = result.error.issues.map(fieldIssue);
      const message =
        target === 'json'
          ? 'The request body is not valid (it must be JSON, sent as application/json)'
          : `The request ${target} is not valid`;
      return c.json(errorBody('validation_failed', message, details), 400);
    }
  });
