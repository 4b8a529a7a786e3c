import { badRequest } from './errors';
import type { Params } from './request-params';

// Readers for Bot API parameters: JSON bodies carry numbers and objects, form bodies carry strings.

export function optionalString(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw badRequest(`field "${name}" must be of type String`);
}

export function optionalInteger(params: Params, name: string): number | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === '') return undefined;
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number)) throw badRequest(`field "${name}" must be of type Integer`);
  return number;
}

export function optionalBoolean(params: Params, name: string): boolean {
  const value = params[name];
  return value === true || value === 'true' || value === '1' || value === 1;
}

/** An object or array parameter: JSON bodies send it as is, form bodies as a JSON string. */
export function optionalJson(params: Params, name: string): unknown {
  const value = params[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    throw badRequest(`can't parse ${name} JSON object`);
  }
}

/** A numeric chat_id; a `@username` names no chat the sandbox knows. */
export function requireChatId(params: Params): number {
  const value = params.chat_id;
  if (value === undefined || value === null || value === '') throw badRequest('chat_id is empty');
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(number)) throw badRequest('chat not found');
  return number;
}
