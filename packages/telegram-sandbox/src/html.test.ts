import { describe, expect, it } from 'vitest';
import { parseHtml } from './html';

describe('parseHtml', () => {
  it('turns tags into entities with UTF-16 offsets and decodes the supported HTML entities', () => {
    expect(parseHtml('<b>Bold</b> &lt;tag&gt; &amp; &quot;q&quot; &#65;&#x42; 😀 <i>it</i>')).toEqual({
      text: 'Bold <tag> & "q" AB 😀 it',
      entities: [
        { type: 'bold', offset: 0, length: 4 },
        { type: 'italic', offset: 23, length: 2 },
      ],
    });
  });

  it('maps every supported tag to its entity type, outer entities first', () => {
    const { entities } = parseHtml(
      '<strong><em>a</em></strong><u>b</u><ins>c</ins><s>d</s><strike>e</strike><del>f</del>' +
        '<tg-spoiler>g</tg-spoiler><span class="tg-spoiler">h</span><code>i</code>' +
        '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>',
    );
    expect(entities.map(({ type, offset }) => [type, offset])).toEqual([
      ['bold', 0],
      ['italic', 0],
      ['underline', 1],
      ['underline', 2],
      ['strikethrough', 3],
      ['strikethrough', 4],
      ['strikethrough', 5],
      ['spoiler', 6],
      ['spoiler', 7],
      ['code', 8],
      ['custom_emoji', 9],
    ]);
  });

  it('gives pre blocks their language and links their normalised URL', () => {
    expect(parseHtml('<pre><code class="language-ts">let x;</code></pre>').entities).toEqual([
      { type: 'pre', offset: 0, length: 6, language: 'ts' },
    ]);
    expect(parseHtml('<code class="language-ts">x</code>').entities).toEqual([
      { type: 'code', offset: 0, length: 1 },
    ]);
    expect(parseHtml('<a href="https://example.com?a=1&b=2">x</a>').entities).toEqual([
      { type: 'text_link', offset: 0, length: 1, url: 'https://example.com/?a=1&b=2' },
    ]);
    expect(parseHtml('<a href="javascript:alert(1)">x</a>').entities).toEqual([]);
  });

  it('marks plain and expandable blockquotes', () => {
    expect(parseHtml('<blockquote>a</blockquote><blockquote expandable>b</blockquote>').entities).toEqual([
      { type: 'blockquote', offset: 0, length: 1 },
      { type: 'expandable_blockquote', offset: 1, length: 1 },
    ]);
  });

  it.each([
    ['Hello<script>alert(1)</script>', 'Unsupported start tag "script" at byte offset 5'],
    ['a < b', 'Unsupported start tag "" at byte offset 2'],
    ['ends with <', 'Unclosed start tag at byte offset 10'],
    ['<b>bold', 'Can\'t find end tag corresponding to start tag "b"'],
    ['<b>x</i>', 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'],
    ['x</b>', 'Unexpected end tag at byte offset 1'],
    ['Tom & Jerry', 'Character "&" at byte offset 4 must be escaped as "&amp;"'],
    ['&nbsp;', 'Character "&" at byte offset 0 must be escaped as "&amp;"'],
    ['<span>x</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'],
    ['<a href>x</a>', 'Expected equal sign in declaration of an attribute of the tag "a" at byte offset 0'],
  ])('rejects %j like Telegram: %s', (html, message) => {
    expect(() => parseHtml(html)).toThrow(message);
  });

  it('counts byte offsets in UTF-8, as Telegram reports them', () => {
    expect(() => parseHtml('Привет <br>')).toThrow('Unsupported start tag "br" at byte offset 13');
  });
});
