import { addProblem } from './add-outcome-text.ts';
import { message, type FleetText } from './fleet-message.ts';
import type { AddOutcome } from './fleet-roster.ts';
import { problemMessage, type ParsedImport } from './gateway-import.ts';

export interface ImportReportLine {
  kind: 'error' | 'duplicate';
  position: number;
  text: FleetText;
}

/** Where the list came from: named when the report is shown, so it follows the language. */
export type ImportSource = { kind: 'pasted' } | { kind: 'file'; name: string };

export interface ImportReport {
  source: ImportSource;
  /** What a position counts: lines of a CSV, items of a JSON array. */
  unit: 'line' | 'item';
  fatal: FleetText | null;
  added: string[];
  lines: ImportReportLine[];
}

/** Parser problems and store outcomes as one list in file order: what was added, what was not and why. */
export function buildImportReport(source: ImportSource, parsed: ParsedImport, outcomes: readonly AddOutcome[]): ImportReport {
  const lines: ImportReportLine[] = parsed.problems.map((p) => ({
    kind: p.kind === 'duplicate' ? 'duplicate' : 'error',
    position: p.position,
    text: problemMessage(p),
  }));
  const added: string[] = [];
  parsed.entries.forEach((entry, i) => {
    const outcome = outcomes[i];
    if (outcome === undefined) return;
    const problem = addProblem(outcome);
    if (problem === null) {
      added.push(entry.sn);
      return;
    }
    const text = message(entry.unit === 'line' ? 'problem.line' : 'problem.item', { position: entry.position, reason: problem });
    lines.push({ kind: outcome.status === 'already-known' ? 'duplicate' : 'error', position: entry.position, text });
  });
  lines.sort((a, b) => a.position - b.position);
  return { source, unit: parsed.format === 'json' ? 'item' : 'line', fatal: parsed.fatalIssue, added, lines };
}
