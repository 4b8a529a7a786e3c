import { describe, expect, it } from 'vitest';
import { entityTree, fileSize, parseTelegramHtml, safeUrl } from './chat-format';

describe('entityTree', () => {
  it('nests an entity inside another and keeps the text around them', () => {
    const text = 'Vote on Draft 7 now';
    const tree = entityTree(text, [
      { type: 'italic', offset: 8, length: 7 },
      { type: 'bold', offset: 0, length: 15 },
    ]);
    expect(tree).toEqual([
      {
        kind: 'entity',
        entity: { type: 'bold', offset: 0, length: 15 },
        children: [
          { kind: 'text', text: 'Vote on ' },
          {
            kind: 'entity',
            entity: { type: 'italic', offset: 8, length: 7 },
            children: [{ kind: 'text', text: 'Draft 7' }],
          },
        ],
      },
      { kind: 'text', text: ' now' },
    ]);
  });

  it('counts offsets in UTF-16 units, as Telegram does, past an emoji', () => {
    const text = '🗳 Ballot';
    const [first, second] = entityTree(text, [{ type: 'bold', offset: 3, length: 6 }]);
    expect(first).toEqual({ kind: 'text', text: '🗳 ' });
    expect(second).toMatchObject({ kind: 'entity', children: [{ kind: 'text', text: 'Ballot' }] });
  });

  it('shows overlapping or out-of-range entities as plain text rather than failing', () => {
    const tree = entityTree('abcdef', [
      { type: 'bold', offset: 0, length: 4 },
      { type: 'italic', offset: 2, length: 4 },
      { type: 'code', offset: 5, length: 10 },
    ]);
    expect(tree.map((n) => (n.kind === 'text' ? n.text : n.entity.type))).toEqual(['bold', 'ef']);
  });
});

describe('parseTelegramHtml', () => {
  it('reads tags into entities and decodes character references', () => {
    const { text, entities } = parseTelegramHtml(
      '<b>Session &lt;b&gt;&amp;</b>\n<a href="https://example.org/?a=1&amp;b=2">agenda</a> <i>at <u>10:00</u></i>',
    );
    expect(text).toBe('Session <b>&\nagenda at 10:00');
    expect(entities).toEqual([
      { type: 'bold', offset: 0, length: 12 },
      { type: 'text_link', offset: 13, length: 6, url: 'https://example.org/?a=1&b=2' },
      { type: 'italic', offset: 20, length: 8 },
      { type: 'underline', offset: 23, length: 5 },
    ]);
  });

  it('keeps a pre block’s language and makes one entity of <pre><code>', () => {
    const { text, entities } = parseTelegramHtml('<pre><code class="language-ts">let a = 1;</code></pre>');
    expect(text).toBe('let a = 1;');
    expect(entities).toEqual([{ type: 'pre', offset: 0, length: 10, language: 'ts' }]);
  });

  it('drops unknown tags, keeping their text, so no markup reaches the page', () => {
    const { text, entities } = parseTelegramHtml('<script>alert(1)</script><img src=x onerror=1>ok');
    expect(text).toBe('alert(1)ok');
    expect(entities).toEqual([]);
  });
});

describe('safeUrl and fileSize', () => {
  it('opens web and Telegram links only', () => {
    expect(safeUrl('https://t.me/accord_bot?start=x')).toBe('https://t.me/accord_bot?start=x');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('data:text/html,<b>')).toBeUndefined();
    expect(safeUrl('not a url')).toBeUndefined();
  });

  it('reads sizes as people do', () => {
    expect(fileSize(512, 'en')).toBe('512 B');
    expect(fileSize(2048, 'en')).toBe('2.0 kB');
    expect(fileSize(3 * 1024 * 1024, 'ru')).toBe('3,0 MB');
  });
});
