/**
 * Reads a list of gateway SNs an operator pastes or uploads: CSV (one SN per line, or a column
 * named like "sn") or JSON (an array of SNs or of {sn}, or {gateways: [...]}). Every line that
 * cannot be used is reported with its position and the reason; the rest is still usable.
 */
import Papa from 'papaparse';
import { englishText } from '../ui/i18n/message.ts';
import { message, type FleetMessage, type FleetText } from './fleet-message.ts';
import { snIssue } from './sn-issue.ts';

export const MAX_IMPORT_CHARS = 5_000_000;
export const MAX_IMPORT_ENTRIES = 100_000;

export interface ImportProblem {
  /** "line" for CSV/text, "item" (1-based array position) for JSON. */
  unit: 'line' | 'item';
  position: number;
  kind: 'invalid' | 'duplicate';
  /** The value as read (may be shown, never used in a topic). */
  value: string;
  /** Why, for the screen (translated at render). */
  issue: FleetMessage;
  /** Why, in English. */
  reason: string;
}

export interface ImportEntry {
  sn: string;
  unit: 'line' | 'item';
  position: number;
}

export interface ParsedImport {
  format: 'csv' | 'json';
  /** Valid SNs, each once, in file order. */
  entries: ImportEntry[];
  problems: ImportProblem[];
  /** The whole input was unusable (bad JSON, too large), in English; entries is then empty. */
  fatal: string | null;
  /** The same, for the screen (translated at render). */
  fatalIssue: FleetMessage | null;
}

const HEADER = /^(sn|serial|serial[ _-]?(number|no)|gateway|gateway[ _-]?sn|dock|dock[ _-]?sn)$/i;

class Collector {
  readonly entries: ImportEntry[] = [];
  readonly problems: ImportProblem[] = [];
  readonly #firstSeen = new Map<string, number>();

  add(unit: 'line' | 'item', position: number, value: string): void {
    const issue = snIssue(value);
    if (issue !== null) {
      this.invalid(unit, position, value, issue);
      return;
    }
    const first = this.#firstSeen.get(value);
    if (first !== undefined) {
      const duplicate = message(unit === 'line' ? 'problem.duplicateOfLine' : 'problem.duplicateOfItem', { first });
      this.problems.push({ unit, position, kind: 'duplicate', value, issue: duplicate, reason: englishText(duplicate) });
      return;
    }
    this.#firstSeen.set(value, position);
    this.entries.push({ sn: value, unit, position });
  }

  invalid(unit: 'line' | 'item', position: number, value: string, issue: FleetMessage): void {
    this.problems.push({ unit, position, kind: 'invalid', value, issue, reason: englishText(issue) });
  }
}

function describeJson(value: unknown): FleetText {
  if (value === null) return message('problem.jsonNull');
  if (Array.isArray(value)) return message('problem.jsonArray');
  if (typeof value === 'object') return message('problem.jsonObject');
  if (typeof value === 'number') return message('problem.jsonNumber');
  if (typeof value === 'boolean') return message('problem.jsonBoolean');
  return message('problem.jsonOther', { type: typeof value });
}

function fatal(format: ParsedImport['format'], issue: FleetMessage): ParsedImport {
  return { format, entries: [], problems: [], fatal: englishText(issue), fatalIssue: issue };
}

function snFromItem(item: unknown): string | null {
  if (typeof item === 'string') return item.trim();
  if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
    for (const key of ['sn', 'gateway_sn', 'gatewaySn', 'gateway']) {
      const value: unknown = Object.hasOwn(item, key) ? (item as Record<string, unknown>)[key] : undefined;
      if (typeof value === 'string') return value.trim();
    }
  }
  return null;
}

function parseJson(text: string): ParsedImport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return fatal('json', message('fatal.notJson', { message: error instanceof Error ? error.message : String(error) }));
  }
  const list = Array.isArray(parsed)
    ? parsed
    : typeof parsed === 'object' &&
        parsed !== null &&
        Object.hasOwn(parsed, 'gateways') &&
        Array.isArray((parsed as { gateways: unknown }).gateways)
      ? (parsed as { gateways: unknown[] }).gateways
      : null;
  if (list === null) return fatal('json', message('fatal.notList'));
  if (list.length > MAX_IMPORT_ENTRIES) return fatal('json', message('fatal.tooManyItems', { n: list.length, max: MAX_IMPORT_ENTRIES }));
  const out = new Collector();
  list.forEach((item, i) => {
    const sn = snFromItem(item);
    if (sn === null)
      out.invalid(
        'item',
        i + 1,
        typeof item === 'object' ? JSON.stringify(item).slice(0, 80) : String(item),
        message('problem.expectedSn', { what: describeJson(item) }),
      );
    else out.add('item', i + 1, sn);
  });
  return { format: 'json', entries: out.entries, problems: out.problems, fatal: null, fatalIssue: null };
}

/**
 * Picked from the first non-blank line rather than Papa's guess, which needs several rows of equal
 * width and falls back to "," for short lists.
 */
function delimiterOf(text: string): string {
  const first = text.split('\n', 50).find((l) => l.trim() !== '') ?? '';
  return [',', ';', '\t'].find((d) => first.includes(d)) ?? ',';
}

function parseCsv(text: string): ParsedImport {
  const out = new Collector();
  let column = 0;
  let headerDecided = false;
  let line = 1;
  let previousCursor = 0;
  let rows = 0;
  let tooMany = false;
  Papa.parse<string[]>(text, {
    newline: '\n',
    delimiter: delimiterOf(text),
    step: (result, parser) => {
      const rowLine = line;
      const cursor = result.meta.cursor;
      for (let i = previousCursor; i < cursor; i++) if (text.charCodeAt(i) === 10) line++;
      previousCursor = cursor;
      if (++rows > MAX_IMPORT_ENTRIES) {
        tooMany = true;
        parser.abort();
        return;
      }
      const cells = result.data.map((c) => c.trim());
      if (cells.every((c) => c === '')) return;
      const quoteError = result.errors.find((e) => e.type === 'Quotes');
      if (quoteError) {
        out.invalid('line', rowLine, cells.join(',').slice(0, 80), message('problem.unterminatedQuote', { message: quoteError.message }));
        return;
      }
      if (!headerDecided) {
        headerDecided = true;
        const headerColumn = cells.findIndex((c) => HEADER.test(c));
        if (headerColumn >= 0) {
          column = headerColumn;
          return;
        }
      }
      const value = cells[column] ?? '';
      if (value === '') out.invalid('line', rowLine, cells.join(','), message('problem.noSn', { column: column + 1 }));
      else out.add('line', rowLine, value);
    },
  });
  if (tooMany) return fatal('csv', message('fatal.tooManyLines', { max: MAX_IMPORT_ENTRIES }));
  return { format: 'csv', entries: out.entries, problems: out.problems, fatal: null, fatalIssue: null };
}

/** Parses pasted or uploaded text; never throws. */
export function parseGatewayImport(input: string): ParsedImport {
  if (input.length > MAX_IMPORT_CHARS) {
    return fatal('csv', message('fatal.tooLong', { length: input.length, max: MAX_IMPORT_CHARS }));
  }
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const start = text.trimStart()[0];
  // An SN never starts with "[" or "{", so this cannot mistake a CSV for JSON.
  return start === '[' || start === '{' ? parseJson(text) : parseCsv(text);
}

/** "Line 3: <why>", for the screen. */
export function problemMessage(problem: Pick<ImportProblem, 'unit' | 'position' | 'issue'>): FleetMessage {
  return message(problem.unit === 'line' ? 'problem.line' : 'problem.item', { position: problem.position, reason: problem.issue });
}

/** "Line 3: <why>" in English. */
export function describeProblem(problem: ImportProblem): string {
  return englishText(problemMessage(problem));
}
