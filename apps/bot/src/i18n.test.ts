import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createI18n, translator } from './i18n';

const ids = (language: string) =>
  readFileSync(new URL(`../locales/${language}.ftl`, import.meta.url), 'utf8')
    .split('\n')
    .map((line) => /^([a-zA-Z][\w-]*)\s*=/.exec(line)?.[1])
    .filter((id): id is string => id !== undefined)
    .sort();

describe('the bot’s texts', () => {
  it('have every message id in Russian and in English', () => {
    expect(ids('ru')).toEqual(ids('en'));
    expect(ids('en').length).toBeGreaterThan(30);
  });

  it('use Russian plural forms', () => {
    const t = translator(createI18n());
    expect(t('ru', 'notice-agenda-more', { count: 1 })).toBe('… и ещё 1 вопрос');
    expect(t('ru', 'notice-agenda-more', { count: 2 })).toBe('… и ещё 2 вопроса');
    expect(t('ru', 'notice-agenda-more', { count: 5 })).toBe('… и ещё 5 вопросов');
    expect(t('ru', 'notice-agenda-more', { count: 21 })).toBe('… и ещё 21 вопрос');
    expect(t('en', 'notice-agenda-more', { count: 1 })).toBe('… and one more item');
    expect(t('en', 'notice-agenda-more', { count: 3 })).toBe('… and 3 more items');
  });

  it('insert no invisible isolation marks', () => {
    const t = translator(createI18n());
    expect(t('en', 'notice-title', { title: 'X' })).toBe('<b>X</b>');
  });
});
