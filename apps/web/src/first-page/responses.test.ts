import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIRST_LOAD_GLOBAL } from './script';

const globals = globalThis as unknown as Record<string, unknown>;

/** The module as it loads after the HTML's script left `started`, with the network replaced. */
async function loadWith(started: Record<string, Promise<Response>>) {
  vi.resetModules();
  globals[FIRST_LOAD_GLOBAL] = started;
  const network = vi.fn(async (input: RequestInfo | URL) => new Response(`network ${String(input)}`));
  vi.stubGlobal('fetch', network);
  return { ...(await import('./responses')), network };
}

afterEach(() => {
  vi.unstubAllGlobals();
  delete globals[FIRST_LOAD_GLOBAL];
});

describe('fetchTakingFirstLoad', () => {
  it('answers a started GET with its response once, then from the network', async () => {
    const early = Promise.resolve(new Response('early'));
    const { fetchTakingFirstLoad, network } = await loadWith({ '/api/programs/7': early });
    expect(await (await fetchTakingFirstLoad('/api/programs/7', { method: 'GET' })).text()).toBe('early');
    expect(network).not.toHaveBeenCalled();
    expect(await (await fetchTakingFirstLoad('/api/programs/7')).text()).toBe('network /api/programs/7');
  });

  it('matches the path of a full address, and never answers a write', async () => {
    const { fetchTakingFirstLoad, network } = await loadWith({
      '/api/session': Promise.resolve(new Response('early session')),
    });
    await fetchTakingFirstLoad('/api/session', { method: 'POST' });
    expect(network).toHaveBeenCalledTimes(1);
    const response = await fetchTakingFirstLoad('http://localhost/api/session');
    expect(await response.text()).toBe('early session');
  });

  it('forgets what the first page did not take', async () => {
    const { fetchTakingFirstLoad, forgetFirstLoad, network } = await loadWith({
      '/api/meetings': Promise.resolve(new Response('stale')),
    });
    forgetFirstLoad();
    expect(await (await fetchTakingFirstLoad('/api/meetings')).text()).toBe('network /api/meetings');
    expect(network).toHaveBeenCalledTimes(1);
  });

  it('goes to the network when the HTML started nothing (the dev server)', async () => {
    vi.resetModules();
    const network = vi.fn(async () => new Response('network'));
    vi.stubGlobal('fetch', network);
    const { fetchTakingFirstLoad } = await import('./responses');
    await fetchTakingFirstLoad('/api/session');
    expect(network).toHaveBeenCalledTimes(1);
  });
});
