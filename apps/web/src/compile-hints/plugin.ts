import type { Plugin } from 'vite';

/** Chrome's (V8's) explicit compile hint: compile every function of this file as the file loads. */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * Marks every JavaScript chunk of the build for eager compilation. V8 otherwise compiles a function
 * on its first call, on the page's one thread; with the hint it compiles the whole file on a
 * background thread while the file streams in. Each chunk here is fetched only when its code is
 * about to run (the shell on load, a page's chunk when the page opens), so most of its functions are
 * called at once anyway. Added after minification (which would drop the comment), as the first line,
 * where V8 looks for it. Browsers without the hint read a comment.
 */
export function compileHintsPlugin(): Plugin {
  return {
    name: 'accord-compile-hints',
    apply: 'build',
    enforce: 'post',
    // Last: Vite's own generateBundle still puts its preload map at the top of some chunks.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const output of Object.values(bundle))
          if (output.type === 'chunk') {
            output.code = `${COMPILE_HINT}\n${output.code}`;
            // With source maps on, the map (written beside it) moves down a line too.
            const map = bundle[`${output.fileName}.map`];
            if (map?.type === 'asset' && typeof map.source === 'string') {
              const parsed = JSON.parse(map.source) as { mappings: string };
              map.source = JSON.stringify({ ...parsed, mappings: `;${parsed.mappings}` });
            }
          }
      },
    },
  };
}
