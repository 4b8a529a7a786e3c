import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { repoRoot } from '../support/processes';
import { finish, round2, say } from './support/report';

// npm run bench:bundle: the JavaScript the dashboard's landing route loads (gzip) against the
// solid-js runtime bundled alone by the same Vite, same target and minification.

const TARGET_RATIO = 10;
const webRoot = join(repoRoot, 'apps/web');

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

// The web app's own Vite (it is that package's dependency), so both builds use the same one.
const vitePath = createRequire(join(webRoot, 'package.json')).resolve('vite');
const { build } = (await import(pathToFileURL(vitePath).href)) as typeof import('vite');

const gzipSize = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** The entry chunk and every chunk it imports statically, transitively: what the first screen must load. */
function landingChunks(manifest: Record<string, ManifestChunk>): string[] {
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry);
  if (!entry) throw new Error('the manifest names no entry');
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  visit(entry[0]);
  return [...seen].flatMap((key) => (manifest[key] ? [manifest[key].file] : []));
}

/** Bundles `source` (a module of re-exports, kept whole) with the web app's Vite, target and minifier; its JS in bytes gzip. */
async function bundleAlone(source: string, outDir: string): Promise<number> {
  const id = 'virtual:solid-runtime';
  await build({
    root: webRoot,
    configFile: false,
    logLevel: 'warn',
    plugins: [
      {
        name: 'solid-runtime-entry',
        resolveId: (requested) => (requested === id ? `\0${id}` : undefined),
        load: (requested) => (requested === `\0${id}` ? source : undefined),
      },
    ],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      manifest: 'manifest.json',
      rollupOptions: { input: id, preserveEntrySignatures: 'strict' },
    },
  });
  const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  return landingChunks(manifest).reduce((sum, file) => sum + gzipSize(join(outDir, file)), 0);
}

const appOut = mkdtempSync(join(tmpdir(), 'accord-bundle-app-'));
const solidOut = mkdtempSync(join(tmpdir(), 'accord-bundle-solid-'));
try {
  await build({
    root: webRoot,
    configFile: join(webRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: appOut, emptyOutDir: true, manifest: 'manifest.json' },
  });
  const manifest = JSON.parse(readFileSync(join(appOut, 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const landing = landingChunks(manifest).filter((file) => file.endsWith('.js'));
  const landingBytes = landing.map((file) => ({ file, gzip: gzipSize(join(appOut, file)) }));
  for (const { file, gzip } of landingBytes) say(`landing chunk ${file}: ${gzip} B gzip`);

  const runtimeBytes = await bundleAlone(
    // What a Solid app's compiled components call: reactivity, control flow, and the DOM renderer's helpers.
    "export { createSignal, createMemo, createEffect, createRoot, createContext, useContext, For, Show, Suspense, ErrorBoundary, lazy } from 'solid-js'; export { render, template, insert, createComponent, delegateEvents, effect, className, setAttribute, addEventListener, style, spread, mergeProps } from 'solid-js/web';",
    solidOut,
  );
  const wholeApiBytes = await bundleAlone(
    "export * from 'solid-js'; export * from 'solid-js/web';",
    solidOut,
  );

  const landingTotal = landingBytes.reduce((sum, chunk) => sum + chunk.gzip, 0);
  const ratio = landingTotal / runtimeBytes;
  say(`landing route (/): ${landing.length} chunks, ${landingTotal} B gzip`);
  say(`solid-js runtime alone (what compiled components call): ${runtimeBytes} B gzip`);
  say(`solid-js and solid-js/web, every export kept (printed only): ${wholeApiBytes} B gzip`);
  say(`ratio ${round2(ratio)} (target ≤ ${TARGET_RATIO})`);
  finish(
    'bundle',
    {
      landingGzipBytes: landingTotal,
      landingChunks: landing.length,
      solidRuntimeGzipBytes: runtimeBytes,
      solidWholeApiGzipBytes: wholeApiBytes,
      ratio: round2(ratio),
    },
    { ratio: TARGET_RATIO },
    ratio <= TARGET_RATIO,
  );
} finally {
  rmSync(appOut, { recursive: true, force: true });
  rmSync(solidOut, { recursive: true, force: true });
}
