import type { ChatMessageView, ChatView } from '@accord/telegram-sandbox';

/** A tiny cookie-keeping client for the API, as a browser would use it (same origin, JSON). */
export function apiClient(baseUrl: string) {
  let cookie = '';
  async function call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const res = await fetch(new URL(path, baseUrl), {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0] ?? '';
    return { status: res.status, body: (await res.json()) as T };
  }
  return { call };
}

/** A chat as the sandbox's HTTP driver sends it: as the driver's view, a document's content in base64. */
export type ChatJson = Omit<ChatView, 'messages'> & {
  messages: Array<
    Omit<ChatMessageView, 'document'> & {
      document?: Omit<NonNullable<ChatMessageView['document']>, 'content'> & { content: string };
    }
  >;
};

/** The sandbox's driver over HTTP, for a sandbox running in another process. */
export function sandboxClient(sandboxUrl: string) {
  const get = async <T>(path: string): Promise<T> =>
    (await (await fetch(`${sandboxUrl}${path}`)).json()) as T;
  const post = async <T>(path: string, body: unknown): Promise<T> =>
    (await (
      await fetch(`${sandboxUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    ).json()) as T;
  // A missing id (a person the test did not find) gets the sandbox's error, and the test fails on it.
  const chat = (chatId: number | undefined) => get<ChatJson>(`/sandbox/chats/${chatId}`);
  return { get, post, chat };
}
