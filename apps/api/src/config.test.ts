import { describe, expect, it } from 'vitest';
import { loadApiConfig } from './config';

describe('configuration', () => {
  it('defaults to the embedded setup: SQLite under ./data, sandbox mode without a token', () => {
    const config = loadApiConfig({});
    expect(config).toMatchObject({ PORT: 3000, DATABASE_FILE: 'data/accord.db', sandboxMode: true });
  });

  it('names every wrong value with the reason', () => {
    expect(() => loadApiConfig({ PORT: 'eighty', TELEGRAM_BOT_TOKEN: 'nope', SEED_DEMO: 'maybe' })).toThrow(
      /PORT: must be a port number[\s\S]*TELEGRAM_BOT_TOKEN: does not look like a bot token[\s\S]*SEED_DEMO: must be true or false/,
    );
  });

  it('requires the webhook secret when a public URL turns the webhook on', () => {
    expect(() =>
      loadApiConfig({ TELEGRAM_BOT_TOKEN: '123:abc', PUBLIC_URL: 'https://accord.example' }),
    ).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
    expect(loadApiConfig({ TELEGRAM_BOT_TOKEN: '123:abc' }).sandboxMode).toBe(false);
  });
});
