import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { COMPILE_HINT, compileHintsPlugin } from './plugin';

/** A Vite app in a temp folder: a page whose entry loads `page.js` as a chunk of its own, plus `files`. */
function viteApp(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'accord-hints-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><script type="module" src="./entry.js"></script>');
  writeFileSync(join(root, 'entry.js'), "import('./page.js').then((m) => m.page());");
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  return root;
}

describe('compile hints', () => {
  it('puts the hint on the first line of every built chunk, and on nothing else', async () => {
    // A page chunk with its own stylesheet: Vite then puts its preload map at the top of the entry.
    const root = viteApp({
      'page.js': "import './page.css';\nexport function page() { return 'page'; }",
      'page.css': 'p { color: red }',
    });
    const outDir = join(root, 'dist', 'assets');
    await build({ root, logLevel: 'silent', configFile: false, plugins: [compileHintsPlugin()] });
    const files = readdirSync(outDir);
    const scripts = files.filter((f) => /\.m?js$/.test(f));
    expect(scripts.length).toBe(2);
    for (const file of scripts)
      expect(readFileSync(join(outDir, file), 'utf8').split('\n')[0]).toBe(COMPILE_HINT);
    for (const file of files.filter((f) => !/\.m?js$/.test(f)))
      expect(readFileSync(join(outDir, file), 'utf8')).not.toContain(COMPILE_HINT);
    rmSync(root, { recursive: true, force: true });
  });

  it('keeps a source map true: the built code maps to its source line, the hint counted', async () => {
    const root = viteApp({ 'page.js': "\n\nexport function page() {\n  return 'the page';\n}\n" });
    await build({
      root,
      logLevel: 'silent',
      configFile: false,
      build: { sourcemap: true },
      plugins: [compileHintsPlugin()],
    });
    const outDir = join(root, 'dist', 'assets');
    const page = readdirSync(outDir).find((f) => f.startsWith('page') && f.endsWith('.js'));
    const lines = readFileSync(join(outDir, page ?? ''), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('the page'));
    const map = new TraceMap(readFileSync(join(outDir, `${page}.map`), 'utf8'));
    const original = originalPositionFor(map, {
      line: line + 1,
      column: lines[line]?.indexOf('the page') ?? 0,
    });
    expect(original).toMatchObject({ source: expect.stringMatching(/page\.js$/), line: 4 });
    rmSync(root, { recursive: true, force: true });
  });
});
