import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { freePort } from './support/free-port';
import { appUrl, expect, test } from './support/fixtures';

// Issue 4, items 2 and 3: the firmware catalog and the pre-flight check against a real HTTP file
// server, from the production build in Chromium. Nothing here needs a broker.

const FILE = randomBytes(3 * 1024 * 1024 + 123);
const MD5 = createHash('md5').update(FILE).digest('hex');
const WRONG_MD5 = (MD5[0] === 'f' ? '0' : 'f') + MD5.slice(1);

const entry = (id: string, version: string, fileName: string, fileUrl: string, md5: string) => ({
  id,
  model: '3-2-0',
  product_name: 'DJI Dock 2',
  product_version: version,
  file_name: fileName,
  file_url: fileUrl,
  file_size: FILE.length,
  md5,
  release_notes: `Entry ${id}`,
  released_at: '2024-03-01T00:00:00Z',
});

const CATALOG = {
  firmware: [
    entry('good', '10.1.1', 'good.bin', 'files/good.bin', MD5),
    entry('corrupt', '10.1.2', 'corrupt.bin', 'files/good.bin', WRONG_MD5),
    entry('private', '10.1.3', 'private.bin', 'nocors/good.bin', MD5),
    { id: 'broken', file_name: 'broken.bin' },
  ],
};

/** The catalog and file with CORS, as a firmware host should; /nocors/ answers without CORS headers. */
function handle(req: IncomingMessage, res: ServerResponse) {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const cors = !path.startsWith('/nocors/');
  if (cors) res.setHeader('Access-Control-Allow-Origin', '*');
  if (path === '/catalog.json') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(CATALOG));
  } else if (path === '/files/good.bin' || path === '/nocors/good.bin') {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': FILE.length });
    if (req.method === 'HEAD') res.end();
    else res.end(FILE);
  } else {
    res.writeHead(404).end();
  }
}

let server: Server;
let catalogUrl: string;
// A port nobody listens on: the page's broker session fails fast and stays out of the way.
let noBroker: string;

test.beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  catalogUrl = `http://127.0.0.1:${address.port}/catalog.json`;
  noBroker = `ws://127.0.0.1:${await freePort()}/mqtt`;
});

test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test('lists the catalog with relative URLs resolved, and skips a broken entry with its reasons', async ({ page }) => {
  await page.goto(appUrl({ broker: noBroker, catalog: catalogUrl }, '/firmware'));
  const good = page.getByRole('article', { name: 'DJI Dock 2 10.1.1' });
  await expect(good).toContainText(catalogUrl.replace('catalog.json', 'files/good.bin'));
  await expect(good).toContainText('3.0 MiB');
  await expect(page.getByRole('region', { name: 'Skipped catalog entries' })).toContainText('Entry 4 (broken)');
});

test('a wrong MD5 is reported as a mismatch, the right one as "MD5 matches"', async ({ page }) => {
  await page.goto(appUrl({ broker: noBroker, catalog: catalogUrl }, '/firmware'));
  const corrupt = page.getByRole('article', { name: 'DJI Dock 2 10.1.2' });
  await corrupt.getByRole('button', { name: 'Download and verify MD5 of corrupt.bin' }).click();
  await expect(corrupt).toContainText('MD5 mismatch');
  await expect(corrupt).toContainText(`the firmware entry says ${WRONG_MD5}`);

  const good = page.getByRole('article', { name: 'DJI Dock 2 10.1.1' });
  await good.getByRole('button', { name: 'Download and verify MD5 of good.bin' }).click();
  await expect(good).toContainText('MD5 matches');
  await expect(good).toContainText('size and MD5 match');
});

test('a file server without CORS gives "could not verify from this browser", not a mismatch', async ({ page }) => {
  await page.goto(appUrl({ broker: noBroker, catalog: catalogUrl }, '/firmware'));
  const privateFile = page.getByRole('article', { name: 'DJI Dock 2 10.1.3' });
  await privateFile.getByRole('button', { name: 'Check private.bin' }).click();
  await expect(privateFile).toContainText('Could not verify from this browser');
  await expect(privateFile).not.toContainText(/mismatch/i);
});

test('hashing a local file in the worker fills the manual form', async ({ page }) => {
  await page.goto(appUrl({ broker: noBroker, catalog: catalogUrl }, '/firmware'));
  await page.getByLabel('File to hash').setInputFiles({ name: 'local.bin', mimeType: 'application/octet-stream', buffer: FILE });
  const form = page.getByRole('form', { name: 'Add firmware manually' });
  await expect(form.getByLabel('MD5')).toHaveValue(MD5);
  await expect(form.getByLabel('File size (bytes)')).toHaveValue(String(FILE.length));
  await expect(form.getByLabel('File name')).toHaveValue('local.bin');
});
