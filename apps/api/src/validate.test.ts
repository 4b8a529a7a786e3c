import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validate } from './validate';

const app = new Hono().post(
  '/things',
  validate(
    'json',
    z.object({
      title: z.string().trim().min(1).max(10),
      progress: z.number().int().min(0).max(100),
      states: z.array(z.string()).max(2),
      start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD'),
    }),
  ),
  (c) => c.json({ ok: true }),
);

describe('a request the schema refuses', () => {
  it('lists each field’s problem with zod’s code, and the limit and kind of value of a length or a range', async () => {
    const res = await app.request('/things', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: ' ', progress: 140, states: ['RU', 'BY', 'KZ'], start: 'soon' }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; details: unknown[] } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details).toEqual([
      { path: 'title', code: 'too_small', origin: 'string', limit: 1, message: expect.any(String) },
      { path: 'progress', code: 'too_big', origin: 'number', limit: 100, message: expect.any(String) },
      { path: 'states', code: 'too_big', origin: 'array', limit: 2, message: expect.any(String) },
      { path: 'start', code: 'invalid_format', message: 'must be a date, YYYY-MM-DD' },
    ]);
  });
});
