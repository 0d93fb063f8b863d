import { defineConfig, type Plugin } from 'vite';
import { configDefaults } from 'vitest/config';
import { availableParallelism } from 'node:os';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

/**
 * The built app's Content-Security-Policy (docs/operations.md, "Security model"). No inline script
 * anywhere; 'wasm-unsafe-eval' lets hash-wasm compile its MD5 module (it allows no JS eval);
 * workers come from 'self' only: MQTT.js runs in the broker worker, where it uses plain timers (on
 * the page it started blob: workers for its keepalive timers, which needed worker-src blob:);
 * connect-src stays open because the broker and catalog URLs are runtime configuration: a
 * deployment that knows them tightens it in its web server's header. frame-ancestors only works as
 * a header, so it is not here.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self' ws: wss: http: https:",
  "img-src 'self' data:",
  "style-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

// Build only: the dev server's React Refresh preamble is an inline script the policy would block.
function contentSecurityPolicy(): Plugin {
  return {
    name: 'ota-console:csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
        const out = html.replace(/<meta charset="UTF-8" \/>/i, (charset) => `${charset}\n    ${meta}`);
        if (out === html) throw new Error('index.html has no <meta charset="UTF-8" /> to put the CSP meta after');
        return out;
      },
    },
  };
}

// Relative base so `dist/` works from any sub-path of any static web server.
export default defineConfig({
  base: './',
  plugins: [react(), tailwindcss(), contentSecurityPolicy()],
  build: {
    target: 'es2022',
    sourcemap: true,
    // Fonts always as files: a small slice of the Chinese font inlined as a data: URL would be
    // refused by font-src 'self'.
    assetsInlineLimit: (file) => (file.endsWith('.woff2') ? false : undefined),
  },
  worker: {
    format: 'es',
  },
  test: {
    // Vitest's default on 2 cores is one worker; many files here mostly wait (a real mosquitto,
    // lease timers), so one worker more than cores keeps both cores busy: 291 s -> 114 s on 2 cores.
    maxWorkers: availableParallelism() + 1,
    // A guard against a hung test, not a speed check: a jsdom file rendering 10,000 rows takes 4 s
    // alone and more while sharing the cores (benchmarks are npm run bench).
    testTimeout: 20_000,
    // Test files share their worker's module graph (no per-file isolation): loading jsdom, React
    // and the app's modules afresh for each of ~190 files was most of the run (173 s -> 62 s on
    // 2 cores). What a file changes globally it undoes after each test (vi.unstubAllGlobals, the
    // setup files' cleanup). A file that replaces a module with vi.mock needs a module graph of
    // its own: it is named *.isolated.test.ts(x) and runs in the isolated project.
    isolate: false,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/**/*.test.ts', 'sim/**/*.test.ts', 'cli/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: [...configDefaults.exclude, '**/*.isolated.test.ts'],
          setupFiles: ['src/app/node-test-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'node-isolated',
          environment: 'node',
          include: ['src/**/*.isolated.test.ts'],
          isolate: true,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx'],
          exclude: [...configDefaults.exclude, '**/*.isolated.test.tsx'],
          setupFiles: ['src/app/dom-test-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom-isolated',
          environment: 'jsdom',
          include: ['src/**/*.isolated.test.tsx'],
          isolate: true,
          setupFiles: ['src/app/dom-test-setup.ts'],
        },
      },
    ],
  },
});
