import { afterEach, beforeEach } from 'vitest';
import { type Sandbox, startSandbox } from './sandbox';
import type { Message } from './telegram-types';
import type { SandboxOptions } from './types';

export interface ApiAnswer<T> {
  ok: boolean;
  result: T;
  error_code?: number;
  description?: string;
  parameters?: { retry_after: number };
}

/** A fresh sandbox on a free port for each test of the enclosing describe, closed after it. */
export function sandboxPerTest(options: SandboxOptions = {}): () => Sandbox {
  let current: Sandbox | undefined;
  beforeEach(async () => {
    current = await startSandbox(options);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return () => {
    if (current === undefined) throw new Error('the sandbox starts in beforeEach');
    return current;
  };
}

/** Calls a Bot API method over real HTTP with a JSON body. */
export async function callApi<T = Message>(
  sandbox: Sandbox,
  method: string,
  params: Record<string, unknown> = {},
): Promise<ApiAnswer<T>> {
  const response = await fetch(`${sandbox.url}/bot${sandbox.token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  return (await response.json()) as ApiAnswer<T>;
}
