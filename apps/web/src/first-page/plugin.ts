import type { Plugin, Rolldown } from 'vite';
import type { FirstPage } from './pages';
import { type FirstPageHint, firstPageScript, pathPattern } from './script';

/** Where index.html takes the script: after the charset (which must come in the first 1,024 bytes). */
const PLACEHOLDER = /<!-- first-page script [^>]*-->/;

/**
 * Puts the first-page script (script.ts) into the built index.html, with each first
 * page's module files as the build named them: the page's chunk and the chunks it imports that the
 * HTML does not already load. Build only: the dev server's modules have no such files.
 */
export function firstPagePlugin(pages: readonly FirstPage[]): Plugin {
  return {
    name: 'accord-first-page',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
        const entry = chunks.find((c) => c.isEntry);
        if (!entry) throw new Error('first pages: the build has no entry chunk');
        const loaded = new Set([entry.fileName, ...entry.imports]);
        const modulesOf = (chunk: Rolldown.OutputChunk): string[] => {
          const files: string[] = [];
          const visit = (file: string) => {
            const output = bundle[file];
            if (loaded.has(file) || files.includes(file) || output?.type !== 'chunk') return;
            files.push(file);
            for (const imported of output.imports) visit(imported);
          };
          visit(chunk.fileName);
          return files.map((file) => `/${file}`);
        };
        const hints: FirstPageHint[] = pages.map((page) => {
          const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(`/src/pages/${page.page}.tsx`));
          if (!chunk) throw new Error(`first pages: no chunk for src/pages/${page.page}.tsx`);
          return { pattern: pathPattern(page.path), data: page.data, modules: modulesOf(chunk) };
        });
        if (!PLACEHOLDER.test(html)) throw new Error('first pages: index.html has no first-page placeholder');
        return html.replace(PLACEHOLDER, `<script>${firstPageScript(hints)}</script>`);
      },
    },
  };
}
