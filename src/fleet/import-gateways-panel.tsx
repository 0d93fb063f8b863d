import { useId, useState, type ChangeEvent } from 'react';
import { Button } from '../ui/button';
import type { AddOutcome } from './fleet-roster.ts';
import { parseGatewayImport } from './gateway-import.ts';
import { buildImportReport, type ImportReport } from './import-report.ts';

export interface ImportGatewaysPanelProps {
  onImport: (sns: readonly string[]) => AddOutcome[];
}

/** FileReader rather than Blob.text(): the older API is there in every browser the console supports (and in jsdom). */
function readFileText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsText(file);
  });
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function ImportReportView({ report }: { report: ImportReport }) {
  const errors = report.lines.filter((l) => l.kind === 'error').length;
  const duplicates = report.lines.length - errors;
  return (
    <section aria-label="Import report" className="flex flex-col gap-1 rounded border border-slate-200 bg-white p-3 text-sm">
      {report.fatal !== null ? (
        <p className="font-medium text-red-800">
          Nothing imported from {report.source}: {report.fatal}
        </p>
      ) : (
        <p className="font-medium">
          Added {plural(report.added.length, 'gateway', 'gateways')} from {report.source}
          {duplicates > 0 ? `; ${plural(duplicates, 'duplicate', 'duplicates')} skipped` : ''}
          {errors > 0 ? `; ${plural(errors, report.unit, `${report.unit}s`)} with errors` : ''}.
        </p>
      )}
      {report.lines.length > 0 ? (
        <ul aria-label="Lines not imported" className="max-h-48 overflow-auto">
          {report.lines.map((line, i) => (
            <li key={i} className={line.kind === 'error' ? 'text-red-800' : 'text-slate-700'}>
              <span className="font-semibold">{line.kind === 'error' ? 'Error' : 'Duplicate'}:</span> {line.text}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** Paste or upload a list of gateway SNs (CSV or JSON); valid lines are added, the rest reported line by line. */
export function ImportGatewaysPanel({ onImport }: ImportGatewaysPanelProps) {
  const [text, setText] = useState('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const textId = useId();
  const fileId = useId();

  function run(input: string, source: string) {
    const parsed = parseGatewayImport(input);
    const outcomes = parsed.fatal === null ? onImport(parsed.entries.map((e) => e.sn)) : [];
    setReport(buildImportReport(source, parsed, outcomes));
  }

  async function readFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (file === undefined) return;
    try {
      run(await readFileText(file), file.name);
    } catch (error) {
      setReport({ source: file.name, unit: 'line', fatal: `could not read the file: ${error instanceof Error ? error.message : String(error)}`, added: [], lines: [] });
    } finally {
      // The same file can be chosen again after it was edited.
      input.value = '';
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={textId} className="text-sm font-medium text-slate-800">
        Gateway list (CSV or JSON)
      </label>
      <textarea
        id={textId}
        rows={4}
        value={text}
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
        placeholder={'sn\nDOCK-0001\nDOCK-0002\n\nor ["DOCK-0001", "DOCK-0002"]'}
        className="rounded border border-slate-300 px-2 py-1.5 font-mono text-sm"
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="primary" disabled={text.trim() === ''} onClick={() => run(text, 'the pasted list')}>
          Import list
        </Button>
        <label htmlFor={fileId} className="text-sm text-slate-800">
          Import a file
        </label>
        <input id={fileId} type="file" accept=".csv,.json,.txt,text/csv,application/json,text/plain" onChange={readFile} className="text-sm" />
      </div>
      {report !== null ? <ImportReportView report={report} /> : null}
    </div>
  );
}
