import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/button';
import { useFormat } from '../ui/i18n/use-format';
import { message } from './fleet-message.ts';
import type { AddOutcome } from './fleet-roster.ts';
import { parseGatewayImport } from './gateway-import.ts';
import { buildImportReport, type ImportReport, type ImportSource } from './import-report.ts';
import { useMessageText } from '../ui/i18n/message.ts';

export interface ImportGatewaysPanelProps {
  onImport: (sns: readonly string[]) => AddOutcome[];
}

/** FileReader rather than Blob.text(): the older API is there in every browser the console supports (and in jsdom). */
function readFileText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation('fleet');
  const text = useMessageText();
  const f = useFormat();
  const errors = report.lines.filter((l) => l.kind === 'error').length;
  const duplicates = report.lines.length - errors;
  const source = report.source.kind === 'pasted' ? t('import.pastedList') : report.source.name;
  return (
    <section aria-label={t('report.label')} className="flex flex-col gap-1 rounded border border-slate-200 bg-white p-3 text-sm">
      {report.fatal !== null ? (
        <p className="font-medium text-red-800">{t('report.nothing', { source, problem: text(report.fatal) })}</p>
      ) : (
        <p className="font-medium">
          {t('report.added', { source, gateways: t('screen.gateways', { count: report.added.length, n: f.number(report.added.length) }) })}
          {duplicates > 0 ? t('report.skipped', { count: duplicates, n: f.number(duplicates) }) : ''}
          {errors > 0 ? t(report.unit === 'line' ? 'report.lineErrors' : 'report.itemErrors', { count: errors, n: f.number(errors) }) : ''}
          {t('report.end')}
        </p>
      )}
      {report.lines.length > 0 ? (
        <ul aria-label={t('report.notImported')} className="max-h-48 overflow-auto">
          {report.lines.map((line, i) => (
            <li key={i} className={line.kind === 'error' ? 'text-red-800' : 'text-slate-700'}>
              <span className="font-semibold">{line.kind === 'error' ? t('report.error') : t('report.duplicate')}</span>
              {text(line.text)}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** Paste or upload a list of gateway SNs (CSV or JSON); valid lines are added, the rest reported line by line. */
export function ImportGatewaysPanel({ onImport }: ImportGatewaysPanelProps) {
  const { t } = useTranslation('fleet');
  const [text, setText] = useState('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const textId = useId();
  const fileId = useId();

  function run(input: string, source: ImportSource) {
    const parsed = parseGatewayImport(input);
    const outcomes = parsed.fatal === null ? onImport(parsed.entries.map((e) => e.sn)) : [];
    setReport(buildImportReport(source, parsed, outcomes));
  }

  async function readFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (file === undefined) return;
    try {
      run(await readFileText(file), { kind: 'file', name: file.name });
    } catch (error) {
      const why = error instanceof Error ? error.message : message('import.unreadable');
      setReport({
        source: { kind: 'file', name: file.name },
        unit: 'line',
        fatal: message('import.readFailed', { message: why }),
        added: [],
        lines: [],
      });
    } finally {
      // The same file can be chosen again after it was edited.
      input.value = '';
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={textId} className="text-sm font-medium text-slate-800">
        {t('import.listLabel')}
      </label>
      <textarea
        id={textId}
        rows={4}
        value={text}
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('import.placeholder')}
        className="rounded border border-slate-300 px-2 py-1.5 font-mono text-sm"
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="primary" disabled={text.trim() === ''} onClick={() => run(text, { kind: 'pasted' })}>
          {t('import.importList')}
        </Button>
        <label htmlFor={fileId} className="text-sm text-slate-800">
          {t('import.importFile')}
        </label>
        <input
          id={fileId}
          type="file"
          accept=".csv,.json,.txt,text/csv,application/json,text/plain"
          onChange={readFile}
          className="text-sm"
        />
      </div>
      {report !== null ? <ImportReportView report={report} /> : null}
    </div>
  );
}
