import { describe, expect, it } from 'vitest';
import { inlineScriptHashes } from './inline-scripts';

describe('inlineScriptHashes', () => {
  it('hashes each inline script as CSP does (the spec’s own example)', () => {
    expect(inlineScriptHashes("<head><script>alert('Hello, world.');</script></head>")).toEqual([
      "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='",
    ]);
  });

  it('leaves out scripts loaded from a file, which script-src self already allows', () => {
    const html =
      '<script type="module" crossorigin src="/assets/index.js"></script><script>var a = 1;\n</script>';
    expect(inlineScriptHashes(html)).toHaveLength(1);
    expect(inlineScriptHashes('<title>Accord</title>')).toEqual([]);
  });
});
