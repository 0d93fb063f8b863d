import { describe, expect, it } from 'vitest';
import { CatalogFormatError, parseCatalog } from './parse-catalog';
import { resolveCatalogUrl } from './resolve-catalog-url';

const CATALOG_URL = 'https://updates.example.com/fw/v2/catalog.json';

function entry(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'dock2-10.1',
    model: '3-2-0',
    product_name: 'DJI Dock 2',
    product_version: '10.01.1612',
    file_name: 'dock2_10.01.1612.bin',
    file_url: 'https://cdn.example.com/dock2_10.01.1612.bin',
    file_size: 603696942,
    md5: 'd1c9dacec124abd350379eb44b9143e5',
    release_notes: 'Fixes',
    released_at: '2024-02-01T10:00:00Z',
    ...overrides,
  };
}

describe('resolveCatalogUrl', () => {
  it('resolves the default relative catalog URL against the page, dropping query and route', () => {
    expect(resolveCatalogUrl('firmware/catalog.json', 'http://10.0.0.5:8080/console/index.html?broker=/mqtt#/firmware')).toBe(
      'http://10.0.0.5:8080/console/firmware/catalog.json',
    );
    expect(resolveCatalogUrl('/catalog.json', 'http://10.0.0.5:8080/console/')).toBe('http://10.0.0.5:8080/catalog.json');
  });

  it('keeps an absolute URL and rejects non-http(s) schemes', () => {
    expect(resolveCatalogUrl('http://127.0.0.1:9/c.json#x', 'https://page.example/')).toBe('http://127.0.0.1:9/c.json');
    expect(resolveCatalogUrl('file:///etc/passwd', 'https://page.example/')).toBeNull();
    expect(resolveCatalogUrl('javascript:alert(1)', 'https://page.example/')).toBeNull();
  });
});

describe('parseCatalog', () => {
  it('turns a valid entry into a Firmware with camelCase fields', () => {
    const parsed = parseCatalog({ firmware: [entry()] }, CATALOG_URL);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.firmware).toEqual([
      {
        key: 'catalog:dock2-10.1',
        id: 'dock2-10.1',
        source: 'catalog',
        model: '3-2-0',
        productName: 'DJI Dock 2',
        productVersion: '10.01.1612',
        fileName: 'dock2_10.01.1612.bin',
        fileUrl: 'https://cdn.example.com/dock2_10.01.1612.bin',
        fileSize: 603696942,
        md5: 'd1c9dacec124abd350379eb44b9143e5',
        releaseNotes: 'Fixes',
        releasedAt: '2024-02-01T10:00:00Z',
      },
    ]);
  });

  it.each([
    ['files/a.bin', 'https://updates.example.com/fw/v2/files/a.bin'],
    ['../a.bin', 'https://updates.example.com/fw/a.bin'],
    ['/abs/a.bin', 'https://updates.example.com/abs/a.bin'],
    ['//mirror.example.net/a.bin', 'https://mirror.example.net/a.bin'],
    ['a%20b.bin', 'https://updates.example.com/fw/v2/a%20b.bin'],
    ['http://192.168.1.1:9000/public/a.bin', 'http://192.168.1.1:9000/public/a.bin'],
  ])('resolves file_url %s against the catalog URL', (fileUrl, expected) => {
    const parsed = parseCatalog({ firmware: [entry({ file_url: fileUrl })] }, CATALOG_URL);
    expect(parsed.firmware[0]?.fileUrl).toBe(expected);
  });

  it('resolves a relative file_url of a relative catalog URL through the page', () => {
    const catalogUrl = resolveCatalogUrl('firmware/catalog.json', 'http://127.0.0.1:4173/app/#/firmware')!;
    const parsed = parseCatalog({ firmware: [entry({ file_url: 'dock.bin' })] }, catalogUrl);
    expect(parsed.firmware[0]?.fileUrl).toBe('http://127.0.0.1:4173/app/firmware/dock.bin');
  });

  it.each(['ftp://files.example.com/a.bin', 'javascript:alert(1)', 'data:application/octet-stream,abc', 'file:///tmp/a.bin'])(
    'rejects file_url %s because it is not http(s)',
    (fileUrl) => {
      const parsed = parseCatalog({ firmware: [entry({ file_url: fileUrl })] }, CATALOG_URL);
      expect(parsed.firmware).toEqual([]);
      expect(parsed.rejected[0]?.reasons.join()).toMatch(/file_url URL must use http or https/);
    },
  );

  it('normalises the md5 to lower case and trims it', () => {
    const parsed = parseCatalog({ firmware: [entry({ md5: ' D1C9DACEC124ABD350379EB44B9143E5 ' })] }, CATALOG_URL);
    expect(parsed.firmware[0]?.md5).toBe('d1c9dacec124abd350379eb44b9143e5');
  });

  it('treats a missing, null or empty model as the gateway itself and names it from the model table otherwise', () => {
    const { model: _drop, product_name: _name, ...noModel } = entry();
    const parsed = parseCatalog(
      {
        firmware: [
          { ...noModel, id: 'a' },
          entry({ id: 'b', model: null }),
          entry({ id: 'c', model: '' }),
          entry({ id: 'd', model: '0-91-0', product_name: undefined }),
        ],
      },
      CATALOG_URL,
    );
    expect(parsed.firmware.map((f) => [f.id, f.model, f.productName])).toEqual([
      ['a', null, 'Gateway'],
      ['b', null, 'DJI Dock 2'],
      ['c', null, 'DJI Dock 2'],
      ['d', '0-91-0', 'Mavic 3D'],
    ]);
  });

  it('lists bad entries with every reason and keeps the good ones usable', () => {
    const parsed = parseCatalog(
      {
        firmware: [
          entry({ id: 'good-1' }),
          entry({ id: 'bad-1', md5: 'xyz', file_size: 0 }),
          'not an entry',
          { file_name: 'orphan.bin' },
          entry({ id: 'bad-2', model: 'Dock 2', file_name: 'a/b.bin', product_version: '' }),
          entry({ id: 'good-2', file_size: 1 }),
          entry({ id: 'good-1', file_name: 'other.bin' }),
        ],
      },
      CATALOG_URL,
    );
    expect(parsed.firmware.map((f) => f.id)).toEqual(['good-1', 'good-2']);
    const byIndex = new Map(parsed.rejected.map((r) => [r.index, r]));
    expect([...byIndex.keys()]).toEqual([1, 2, 3, 4, 6]);
    expect(byIndex.get(1)).toMatchObject({ label: 'bad-1' });
    expect(byIndex.get(1)!.reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^file_size file size must be greater than 0/),
        expect.stringMatching(/^md5 MD5 must be 32 hexadecimal/),
      ]),
    );
    expect(byIndex.get(2)).toEqual({ index: 2, label: null, reasons: ['the entry is not an object'] });
    expect(byIndex.get(3)!.label).toBe('orphan.bin');
    expect(byIndex.get(3)!.reasons).toEqual(
      expect.arrayContaining(['id is missing', 'file_url is missing', 'md5 is missing', 'file_size is missing']),
    );
    expect(byIndex.get(4)!.reasons).toEqual(
      expect.arrayContaining([
        'model must be a model key like 3-2-0',
        "file_name file name must not contain '/' or '\\'",
        'product_version version is empty',
      ]),
    );
    expect(byIndex.get(6)!.reasons).toEqual(['id good-1 is used by an earlier entry']);
  });

  it('rejects a file size given as text or a fraction', () => {
    const parsed = parseCatalog({ firmware: [entry({ id: 'a', file_size: '100' }), entry({ id: 'b', file_size: 1.5 })] }, CATALOG_URL);
    expect(parsed.firmware).toEqual([]);
    expect(parsed.rejected.map((r) => r.reasons)).toEqual([
      ['file_size must be a number of bytes'],
      ['file_size file size must be a whole number of bytes'],
    ]);
  });

  it('accepts a numeric id and an empty list', () => {
    expect(parseCatalog({ firmware: [entry({ id: 7 })] }, CATALOG_URL).firmware[0]?.key).toBe('catalog:7');
    expect(parseCatalog({ firmware: [] }, CATALOG_URL)).toEqual({ catalogUrl: CATALOG_URL, firmware: [], rejected: [] });
  });

  it.each([[null], [[]], ['text'], [{}], [{ firmware: {} }]])('refuses a document that is not a catalog: %j', (document) => {
    expect(() => parseCatalog(document, CATALOG_URL)).toThrow(CatalogFormatError);
  });
});
