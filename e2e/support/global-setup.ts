import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveStatic } from './static-server';

/**
 * Serves the production build (`vite build` output) on a free loopback port for all workers.
 * E2E_DIST_DIR points elsewhere, e.g. a build in /tmp. The URL reaches the workers through the
 * environment, which they inherit from this runner process.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dist = resolve(process.env.E2E_DIST_DIR ?? 'dist');
  if (!existsSync(resolve(dist, 'index.html'))) {
    throw new Error(`${dist}/index.html not found: build first (\`npm run test:e2e\` does: vite build && playwright test)`);
  }
  const server = await serveStatic(dist);
  process.env.E2E_BASE_URL = server.url;
  return () => server.close();
}
