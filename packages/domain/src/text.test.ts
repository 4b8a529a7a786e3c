import { describe, expect, it } from 'vitest';
import { escapeHtml, fitMessage, MESSAGE_MAX_LENGTH, visibleLength } from './text';

describe('message text', () => {
  it('escapes what a person wrote so Telegram shows it as text', () => {
    expect(escapeHtml('<script>alert("x")</script> & co')).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co',
    );
  });

  it('counts what Telegram counts: text without tags, an entity as one character', () => {
    expect(visibleLength('<b>a&amp;b</b>')).toBe(3);
  });

  it('drops list items until the message fits, and says how many are hidden', () => {
    const items = Array.from({ length: 50 }, (_, i) => `${i + 1}. ${'x'.repeat(497)}`);
    const text = fitMessage('<b>Head</b>', items, 'Tail', (n) => `… ${n} more`);
    expect(visibleLength(text)).toBeLessThanOrEqual(MESSAGE_MAX_LENGTH);
    expect(text).toMatch(/… \d+ more\nTail$/);
    expect(fitMessage('Head', ['a', 'b'], 'Tail', (n) => `${n}`)).toBe('Head\na\nb\nTail');
  });
});
