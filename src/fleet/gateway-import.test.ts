import { describe, expect, it } from 'vitest';
import { describeProblem, MAX_IMPORT_ENTRIES, parseGatewayImport } from './gateway-import.ts';

const sns = (text: string) => parseGatewayImport(text).entries.map((e) => e.sn);
const problems = (text: string) => parseGatewayImport(text).problems.map(describeProblem);

describe('parseGatewayImport: CSV and plain lists', () => {
  it('reads one SN per line, trimming spaces and skipping blank lines, with Windows or old Mac line ends', () => {
    expect(sns('DOCK1\n  DOCK2  \n\nDOCK3\n')).toEqual(['DOCK1', 'DOCK2', 'DOCK3']);
    expect(sns('DOCK1\r\nDOCK2\rDOCK3')).toEqual(['DOCK1', 'DOCK2', 'DOCK3']);
    expect(sns('\uFEFFDOCK1\n')).toEqual(['DOCK1']);
    expect(parseGatewayImport('DOCK1').format).toBe('csv');
  });

  it('uses the column named like an SN when there is a header row', () => {
    expect(sns('name,gateway_sn,site\nNorth,DOCK1,A\nSouth,DOCK2,B\n')).toEqual(['DOCK1', 'DOCK2']);
    expect(sns('SN;note\nDOCK1;north\nDOCK2;south\n')).toEqual(['DOCK1', 'DOCK2']);
    expect(sns('note\tsn\nx\tDOCK1\n')).toEqual(['DOCK1']);
    // No header: the first column.
    expect(sns('DOCK1,North\nDOCK2,South\n')).toEqual(['DOCK1', 'DOCK2']);
  });

  it('reports each unusable line with its line number and reason, and keeps the valid ones', () => {
    const text = ['sn', 'DOCK1', 'BAD/SN', 'A+B', 'C#D', 'NUL\u0000X', 'DOCK2', 'has space', 'DOCK1', `${'X'.repeat(65)}`].join('\n');
    const parsed = parseGatewayImport(text);
    expect(parsed.entries.map((e) => [e.sn, e.position])).toEqual([
      ['DOCK1', 2],
      ['DOCK2', 7],
    ]);
    expect(parsed.problems.map((p) => [p.position, p.kind])).toEqual([
      [3, 'invalid'],
      [4, 'invalid'],
      [5, 'invalid'],
      [6, 'invalid'],
      [8, 'invalid'],
      [9, 'duplicate'],
      [10, 'invalid'],
    ]);
    const text3 = describeProblem(parsed.problems[0]!);
    expect(text3).toMatch(/^Line 3: SN contains '\/' \(it has a special meaning in MQTT topics\)/);
    expect(describeProblem(parsed.problems[1]!)).toContain("'+'");
    expect(describeProblem(parsed.problems[2]!)).toContain("'#'");
    expect(describeProblem(parsed.problems[3]!)).toContain('NUL (U+0000)');
    expect(describeProblem(parsed.problems[5]!)).toBe('Line 9: duplicate of line 2');
    expect(describeProblem(parsed.problems[6]!)).toContain('65 characters');
  });

  it('counts lines inside quoted fields so later line numbers stay right', () => {
    const parsed = parseGatewayImport('sn,note\nDOCK1,"two\nlines"\nBAD/1,x\n');
    expect(parsed.entries.map((e) => e.sn)).toEqual(['DOCK1']);
    expect(problems('sn,note\nDOCK1,"two\nlines"\nBAD/1,x\n')).toEqual([expect.stringMatching(/^Line 4: SN contains '\/'/)]);
  });

  it('reports a row with an empty SN cell and an unterminated quote', () => {
    expect(problems('sn,site\n,North\n')).toEqual(['Line 2: no SN in column 1']);
    expect(problems('DOCK1\n"DOCK2\n')).toEqual([expect.stringMatching(/^Line 2: unterminated quote/)]);
  });

  it('refuses a list longer than the import limit instead of freezing the page', () => {
    const text = Array.from({ length: MAX_IMPORT_ENTRIES + 1 }, (_, i) => `D${i}`).join('\n');
    const parsed = parseGatewayImport(text);
    expect(parsed.fatal).toMatch(/more than/);
    expect(parsed.entries).toEqual([]);
  });
});

describe('parseGatewayImport: JSON', () => {
  it('accepts an array of SNs, an array of {sn}, and {gateways: [...]}', () => {
    expect(sns('["DOCK1", "DOCK2"]')).toEqual(['DOCK1', 'DOCK2']);
    expect(sns('[{"sn":"DOCK1"},{"gateway_sn":"DOCK2","site":"x"}]')).toEqual(['DOCK1', 'DOCK2']);
    expect(sns('{"gateways":["DOCK1",{"sn":"DOCK2"}]}')).toEqual(['DOCK1', 'DOCK2']);
    expect(parseGatewayImport('  [ ]').format).toBe('json');
  });

  it('reports every unusable item by position, including SNs with / + # and NUL, and duplicates', () => {
    const parsed = parseGatewayImport(JSON.stringify(['DOCK1', 'a/b', 'a+b', 'a#b', 'a\u0000b', 7, null, { name: 'x' }, 'DOCK1', 'DOCK2']));
    expect(parsed.entries.map((e) => e.sn)).toEqual(['DOCK1', 'DOCK2']);
    expect(parsed.problems.map(describeProblem)).toEqual([
      expect.stringMatching(/^Item 2: SN contains '\/'/),
      expect.stringMatching(/^Item 3: SN contains '\+'/),
      expect.stringMatching(/^Item 4: SN contains '#'/),
      expect.stringMatching(/^Item 5: SN contains NUL \(U\+0000\)/),
      'Item 6: expected an SN, got a number',
      'Item 7: expected an SN, got null',
      'Item 8: expected an SN, got an object without "sn"',
      'Item 9: duplicate of item 1',
    ]);
  });

  it('says why a JSON document as a whole is unusable', () => {
    expect(parseGatewayImport('[1,').fatal).toMatch(/^not valid JSON/);
    expect(parseGatewayImport('{"docks":[]}').fatal).toMatch(/must be an array/);
    expect(parseGatewayImport('{"gateways":"DOCK1"}').fatal).toMatch(/must be an array/);
  });

  it('does not treat __proto__ keys as data', () => {
    expect(sns('[{"__proto__":{"sn":"EVIL"}}]')).toEqual([]);
  });
});
