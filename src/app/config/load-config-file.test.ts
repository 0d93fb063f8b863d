import { describe, expect, it } from 'vitest';
import { describeConfigFile, loadConfigFile, type FetchLike } from './load-config-file';

function answering(body: string, init: ResponseInit): FetchLike {
  return async () => new Response(body, init);
}

describe('loadConfigFile', () => {
  it('parses a JSON config and passes the requested URL through', async () => {
    const requested: string[] = [];
    const fetchImpl: FetchLike = async (url) => {
      requested.push(url);
      return new Response('{"brokerUrl":"/mqtt","readOnly":true}', { headers: { 'content-type': 'application/json' } });
    };
    const result = await loadConfigFile(fetchImpl, 'config.json');
    expect(requested).toEqual(['config.json']);
    expect(result).toEqual({ kind: 'loaded', layer: { brokerUrl: '/mqtt', readOnly: true }, issues: [], unknownKeys: [] });
  });

  it('treats 404 as missing', async () => {
    const result = await loadConfigFile(answering('not found', { status: 404 }), 'config.json');
    expect(result).toEqual({ kind: 'missing', status: 404 });
    expect(describeConfigFile(result)).toMatch(/No config\.json \(HTTP 404\)/);
  });

  it('treats an SPA fallback answering index.html as not JSON', async () => {
    const html = '<!doctype html><html><body><div id="root"></div></body></html>';
    const result = await loadConfigFile(answering(html, { headers: { 'content-type': 'text/html; charset=utf-8' } }), 'config.json');
    expect(result.kind).toBe('not-json');
  });

  it('treats HTML served with a wrong content type as not JSON', async () => {
    const result = await loadConfigFile(answering('\n  <html></html>', { headers: { 'content-type': 'text/plain' } }), 'config.json');
    expect(result.kind).toBe('not-json');
  });

  it('reports broken JSON served as JSON as malformed', async () => {
    const result = await loadConfigFile(
      answering('{"brokerUrl": "/mqtt",}', { headers: { 'content-type': 'application/json' } }),
      'config.json',
    );
    expect(result.kind).toBe('malformed');
    expect(describeConfigFile(result)).toMatch(/not valid JSON/);
  });

  it('turns a network error into unreachable instead of throwing', async () => {
    const fetchImpl: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    const result = await loadConfigFile(fetchImpl, 'config.json');
    expect(result).toEqual({ kind: 'unreachable', message: 'Failed to fetch' });
  });

  it('keeps the valid keys of a config with a wrong type', async () => {
    const result = await loadConfigFile(
      answering('{"brokerUrl":"wss://b/mqtt","kiosk":"true"}', { headers: { 'content-type': 'application/json' } }),
      'config.json',
    );
    expect(result.kind === 'loaded' && result.layer).toEqual({ brokerUrl: 'wss://b/mqtt' });
    expect(result.kind === 'loaded' && result.issues.map((i) => i.key)).toEqual(['kiosk']);
  });
});
