import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { ZodType } from 'zod';
import { errorBody } from './errors';

/** Validates one part of the request with a domain schema; a failure is a 400 that lists each problem. */
export const validate = <Target extends keyof ValidationTargets, Schema extends ZodType>(
  target: Target,
  schema: Schema,
) =>
  zValidator(target, schema, (result, c) => {
    if (!result.success) {
      const details = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      const message =
        target === 'json'
          ? 'The request body is not valid (it must be JSON, sent as application/json)'
          : `The request ${target} is not valid`;
      return c.json(errorBody('validation_failed', message, details), 400);
    }
  });
