import { describe, expect, it } from 'vitest';
import { fieldPath, formatProblems, lineColumn, readPlan, type PlanProblem } from './plan-file.ts';

const BASE = 'file:///etc/ota/plan.json';
const dock2 = {
  id: 'dock2-10.02',
  model: '3-2-0',
  product_version: '10.02.0308',
  file_name: 'dock2_10.02.0308.bin',
  file_url: 'https://firmware.example.com/dock2_10.02.0308.bin',
  file_size: 1048576,
  md5: '0123456789abcdef0123456789ABCDEF',
};
const valid = {
  name: 'Dock 2 spring update',
  firmware: [dock2],
  gateways: ['DOCK-0001', 'DOCK-0002'],
  maxParallel: 2,
  pauseAfterFailures: { percent: 10 },
  canarySize: 1,
};

function problems(doc: unknown): PlanProblem[] {
  const read = readPlan(typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2), BASE);
  if (read.ok) throw new Error('expected the plan to be refused');
  return read.problems;
}

describe('readPlan', () => {
  it('reads a valid plan into catalog firmware and the campaign options', () => {
    const read = readPlan(JSON.stringify(valid), BASE);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.plan).toMatchObject({
      name: 'Dock 2 spring update',
      gateways: ['DOCK-0001', 'DOCK-0002'],
      maxParallel: 2,
      pauseAfterFailures: { percent: 10 },
      canarySize: 1,
    });
    expect(read.plan.firmware).toEqual([
      expect.objectContaining({
        key: 'catalog:dock2-10.02',
        model: '3-2-0',
        productName: 'DJI Dock 2',
        productVersion: '10.02.0308',
        md5: '0123456789abcdef0123456789abcdef',
      }),
    ]);
  });

  it('defaults the options to no limit, never pause, no canary', () => {
    const read = readPlan(JSON.stringify({ firmware: [dock2], gateways: ['DOCK-0001'] }), BASE);
    expect(read.ok && read.plan).toMatchObject({ name: null, maxParallel: null, pauseAfterFailures: null, canarySize: null });
  });

  it('names the line and column of a JSON syntax error, with the lines around it', () => {
    const [p] = problems('{\n  "firmware": [],\n  gateways: ["A"]\n}');
    expect(p?.where).toBe('line 3, column 3');
    expect(p?.message).toMatch(/^not valid JSON: /);
    expect(p?.message).toContain('> 3 |   gateways: ["A"]');
  });

  it('says an empty file is empty', () => {
    expect(problems('')).toEqual([{ where: 'line 1, column 1', message: 'not valid JSON: the file is empty' }]);
  });

  it.each([
    [
      'a file_url that is not http(s)',
      { ...valid, firmware: [{ ...dock2, file_url: 'ftp://firmware.example.com/x.bin' }] },
      'firmware[0].file_url',
      /http or https/,
    ],
    ['a relative file_url', { ...valid, firmware: [{ ...dock2, file_url: 'x.bin' }] }, 'firmware[0].file_url', /http or https/],
    [
      'a model that is not a model key',
      { ...valid, firmware: [{ ...dock2, model: 'dock2' }] },
      'firmware[0].model',
      /model key like 3-2-0/,
    ],
    ['an md5 that is not one', { ...valid, firmware: [{ ...dock2, md5: 'xyz' }] }, 'firmware[0].md5', /./],
    ['a missing file_size', { ...valid, firmware: [{ ...dock2, file_size: undefined }] }, 'firmware[0].file_size', /is missing/],
    [
      'two firmware for one model',
      { ...valid, firmware: [dock2, { ...dock2, id: 'other' }] },
      'firmware[1].model',
      /already targeted by firmware\[0\]/,
    ],
    ['no firmware', { ...valid, firmware: [] }, 'firmware', /at least one firmware/],
    ['an SN that is not valid', { ...valid, gateways: ['DOCK-0001', 'DOCK/0002'] }, 'gateways[1]', /not a valid SN/],
    ['a gateway listed twice', { ...valid, gateways: ['DOCK-0001', 'DOCK-0001'] }, 'gateways[1]', /listed twice \(also gateways\[0\]\)/],
    ['a maxParallel that is not a positive integer', { ...valid, maxParallel: 1.5 }, 'maxParallel', /whole number of at least 1/],
    ['a maxParallel of 0', { ...valid, maxParallel: 0 }, 'maxParallel', /whole number of at least 1/],
    ['a pause rule of neither kind', { ...valid, pauseAfterFailures: { failures: 3 } }, 'pauseAfterFailures', /\{"count": N\}/],
    ['a pause percent above 100', { ...valid, pauseAfterFailures: { percent: 150 } }, 'pauseAfterFailures.percent', /at most 100/],
    ['a canary as large as the plan', { ...valid, canarySize: 2 }, 'canarySize', /fewer than the 2 gateways/],
    ['an unknown field', { ...valid, maxparallel: 2 }, '', /unknown field "maxparallel"/],
    ['a document that is not an object', [valid], '', /must be a JSON object/],
  ])('refuses %s, naming the field', (_, doc, where, message) => {
    const found = problems(doc);
    expect(found).toContainEqual({ where, message: expect.stringMatching(message) });
  });

  it('lists every problem of a plan at once', () => {
    const found = problems({ ...valid, firmware: [{ ...dock2, file_url: 'ftp://x/y' }], gateways: ['A B'], maxParallel: -1 });
    expect(found.map((p) => p.where)).toEqual(['firmware[0].file_url', 'gateways[0]', 'maxParallel']);
  });
});

describe('helpers', () => {
  it('writes zod paths as JSON paths', () => {
    expect(fieldPath(['firmware', 1, 'file_url'])).toBe('firmware[1].file_url');
    expect(fieldPath(['gateways', 0])).toBe('gateways[0]');
    expect(fieldPath([])).toBe('');
  });

  it('counts lines and columns from 1', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });

  it('formats problems with the file name', () => {
    expect(
      formatProblems('plan.json', [
        { where: 'gateways[0]', message: 'is bad' },
        { where: '', message: 'must be a JSON object' },
      ]),
    ).toBe('plan.json: gateways[0]: is bad\nplan.json: must be a JSON object');
  });
});

describe('the documented example', () => {
  it('docs/examples/plan.json is a valid plan', async () => {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(new URL('../docs/examples/plan.json', import.meta.url), 'utf8');
    const read = readPlan(text, BASE);
    expect(read.ok ? read.plan.gateways : read.problems).toHaveLength(4);
    expect(read.ok && read.plan.firmware.map((f) => f.model)).toEqual(['3-2-0', '0-91-0']);
  });
});
