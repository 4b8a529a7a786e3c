/// <reference types="vitest/config" />
import { defineConfig, type ProxyOptions } from 'vite';
import solid from 'vite-plugin-solid';
import { compileHintsPlugin } from './src/compile-hints/plugin';
import { FIRST_PAGES } from './src/first-page/pages';
import { firstPagePlugin } from './src/first-page/plugin';

/** Where `npm run dev` finds the API; `ACCORD_API_URL` points it elsewhere (another port, another machine). */
const API = process.env.ACCORD_API_URL ?? 'http://127.0.0.1:3000';

/**
 * The API refuses writes whose Origin is not its own (CSRF). In development the browser's Origin is
 * the Vite server's, so the proxy presents the API's origin instead; only this dev proxy does so.
 */
const toApi: ProxyOptions = {
  target: API,
  changeOrigin: true,
  configure: (proxy) => {
    proxy.on('proxyReq', (request) => {
      if (request.getHeader('origin')) request.setHeader('origin', new URL(API).origin);
    });
  },
};

export default defineConfig({
  plugins: [solid(), firstPagePlugin(FIRST_PAGES), compileHintsPlugin()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The shell (the entry and all it imports, and the page title every page sets) is one
          // file: split by the bundler's defaults it was three, each a round trip before anything shows.
          groups: [{ name: 'shell', test: /src\/(index\.tsx|components\/page-title\.ts)$/ }],
        },
      },
    },
  },
  server: { port: 5173, proxy: { '/api': toApi, '/health': toApi } },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
});
