import { addProblem } from './add-outcome-text.ts';
import type { AddOutcome } from './fleet-roster.ts';
import { describeProblem, type ParsedImport } from './gateway-import.ts';

export interface ImportReportLine {
  kind: 'error' | 'duplicate';
  position: number;
  text: string;
}

export interface ImportReport {
  source: string;
  /** What a position counts: lines of a CSV, items of a JSON array. */
  unit: 'line' | 'item';
  fatal: string | null;
  added: string[];
  lines: ImportReportLine[];
}

/** Parser problems and store outcomes as one list in file order: what was added, what was not and why. */
export function buildImportReport(source: string, parsed: ParsedImport, outcomes: readonly AddOutcome[]): ImportReport {
  const lines: ImportReportLine[] = parsed.problems.map((p) => ({
    kind: p.kind === 'duplicate' ? 'duplicate' : 'error',
    position: p.position,
    text: describeProblem(p),
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
    const unit = entry.unit === 'line' ? 'Line' : 'Item';
    lines.push({ kind: outcome.status === 'already-known' ? 'duplicate' : 'error', position: entry.position, text: `${unit} ${entry.position}: ${problem}` });
  });
  lines.sort((a, b) => a.position - b.position);
  return { source, unit: parsed.format === 'json' ? 'item' : 'line', fatal: parsed.fatal, added, lines };
}
