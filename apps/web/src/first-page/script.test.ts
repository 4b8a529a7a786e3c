import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { FIRST_PAGES } from './pages';
import { FIRST_LOAD_GLOBAL, firstPageScript, pathPattern } from './script';

const hints = FIRST_PAGES.map((page) => ({
  pattern: pathPattern(page.path),
  data: page.data,
  modules: [`/assets/${page.page}.js`],
}));

/** Runs the script as a browser would at `pathname`: what it fetched, what it preloaded, what it left. */
function open(pathname: string, offline = false, body = (url: string) => JSON.stringify({ url })) {
  const fetched: string[] = [];
  const preloaded: Array<{ rel: string; href: string; crossOrigin: string }> = [];
  const window: Record<string, unknown> = {};
  const listeners: Array<() => void> = [];
  const document = {
    readyState: 'loading',
    addEventListener: (type: string, listener: () => void) => {
      if (type === 'readystatechange') listeners.push(listener);
    },
    createElement: () => ({ rel: '', href: '', crossOrigin: null }),
    head: { appendChild: (link: (typeof preloaded)[number]) => preloaded.push(link) },
  };
  runInNewContext(firstPageScript(hints), {
    window,
    location: { pathname },
    fetch: (url: string) => {
      fetched.push(url);
      return offline
        ? Promise.reject(new TypeError('Failed to fetch'))
        : Promise.resolve(new Response(body(url)));
    },
    document,
  });
  // The page's code is asked for once the document's own files are (parsing is done).
  const fetchedBeforeParsed = [...fetched];
  const preloadedBeforeParsed = preloaded.length;
  for (const readyState of ['interactive', 'complete']) {
    document.readyState = readyState;
    for (const listener of listeners) listener();
  }
  return {
    fetched,
    fetchedBeforeParsed,
    preloaded,
    preloadedBeforeParsed,
    left: window[FIRST_LOAD_GLOBAL] as Record<string, Promise<Response>>,
  };
}

describe('the first-page script', () => {
  it('starts a program page’s session and data at once, and its code after the document’s own', async () => {
    const { fetched, fetchedBeforeParsed, preloaded, preloadedBeforeParsed, left } = open('/programs/7');
    expect(fetchedBeforeParsed).toEqual(['/api/session', '/api/programs/7']);
    expect(fetched).toEqual(fetchedBeforeParsed);
    expect(preloadedBeforeParsed).toBe(0);
    expect(preloaded).toEqual([{ rel: 'modulepreload', href: '/assets/program.js', crossOrigin: '' }]);
    expect(await (await left['/api/programs/7'])?.json()).toEqual({ url: '/api/programs/7' });
  });

  it('reads the JSON as it arrives, once, and leaves the response’s own body unread', async () => {
    const { left } = open('/programs/7');
    const response = await left['/api/programs/7'];
    expect(response?.bodyUsed).toBe(false);
    const parsed = response?.json();
    // The app's call gets the parse the script started, not a second read.
    expect(response?.json()).toBe(parsed);
    expect(await parsed).toEqual({ url: '/api/programs/7' });
    expect(await response?.text()).toBe('{"url":"/api/programs/7"}');
  });

  it('gives the app a body that is not JSON as a failed json(), without an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const note = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', note);
    const { left } = open('/programs/7', false, () => '<html>Bad gateway</html>');
    const response = await left['/api/session'];
    await new Promise((resolve) => setTimeout(resolve, 10));
    process.off('unhandledRejection', note);
    expect(unhandled).toEqual([]);
    await expect(response?.json()).rejects.toThrow(SyntaxError);
    expect(await response?.text()).toBe('<html>Bad gateway</html>');
  });

  it('fills every parameter a page’s requests name', () => {
    expect(open('/reports/2026').fetched).toEqual([
      '/api/session',
      '/api/reports/2026',
      '/api/reports/2026/versions',
    ]);
  });

  it('reads a path with doubled slashes as the router does', () => {
    expect(open('//programs/7').fetched).toEqual(['/api/session', '/api/programs/7']);
  });

  it('starts only the session on any other page, or a look-alike path', () => {
    for (const path of ['/people', '/meetings/new', '/programs/7/print', '/programs/x', '/sign-in'])
      expect(open(path)).toMatchObject({ fetched: ['/api/session'], preloaded: [] });
  });
});

it('leaves a failed request (offline) to the app, without an unhandled rejection', async () => {
  const unhandled: unknown[] = [];
  const note = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', note);
  const { left } = open('/programs/7', true);
  await expect(left['/api/session']).rejects.toThrow('Failed to fetch');
  await new Promise((resolve) => setTimeout(resolve, 10));
  process.off('unhandledRejection', note);
  expect(unhandled).toEqual([]);
});

describe('pathPattern', () => {
  it('takes numbers for parameters and the whole path only', () => {
    const pattern = new RegExp(pathPattern('/meetings/:id'));
    expect(pattern.exec('/meetings/12')?.groups).toEqual({ id: '12' });
    expect(pattern.test('/meetings/12/edit')).toBe(false);
    expect(pattern.test('/meetings/new')).toBe(false);
  });
});
