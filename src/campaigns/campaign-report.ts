/**
 * The campaign report: one row per device, as CSV (papaparse) or JSON. It carries what happened,
 * never how to reach anything: no file URLs (they may hold tokens), no broker settings.
 */
import Papa from 'papaparse';
import { statusLabel, stepLabel, subStatusLabel } from '../protocol/labels.ts';
import { resultCodeText } from '../protocol/result-codes.ts';
import { modelLabel } from '../protocol/models.ts';
import { taskFailure } from '../tasks/task-failure.ts';
import { taskState } from '../tasks/task-derived.ts';
import type { Campaign } from './campaign-types.ts';
import type { TaskTable } from '../tasks/task-table.ts';
import type { TaskTimings } from '../tasks/task-types.ts';
import { englishText } from '../ui/i18n/message.ts';
import { campaignTextsFor, type CampaignTexts } from './campaign-texts.ts';
import { GATEWAY_ROW_LABELS, gatewayRows } from './campaign-rows.ts';

/**
 * Column names (and the JSON keys) stay English whatever the console's language: the report is
 * machine-readable, read by scripts and spreadsheets that look columns up by name. The cells that
 * hold words (status, sub-status, result text, verified) are in the language the operator exported in.
 */
export const REPORT_COLUMNS = [
  'gateway',
  'device',
  'model',
  'model_key',
  'from_version',
  'target_version',
  'final_status',
  'sub_status',
  'result_code',
  'result_text',
  'next_step',
  'started',
  'finished',
  'duration_s',
  'attempts',
  'verified',
] as const;

export type ReportRow = Record<(typeof REPORT_COLUMNS)[number], string | number | null>;

/** The words a report cell holds. */
export type ReportTexts = Pick<CampaignTexts, 'rowState' | 'subStatus' | 'resultCode' | 'skipReason' | 'verified' | 'failure'>;

/** English from the protocol's own tables and the English strings, for the report a script reads. */
export const ENGLISH_REPORT_TEXTS: ReportTexts = {
  ...campaignTextsFor(englishText, { status: statusLabel, subStatus: subStatusLabel, step: stepLabel, resultCode: resultCodeText }),
  rowState: (state) => GATEWAY_ROW_LABELS[state],
};

const iso = (at: number | null | undefined): string | null => (at === null || at === undefined ? null : new Date(at).toISOString());

export function reportRows(
  campaign: Campaign,
  table: TaskTable,
  now: number,
  timings: TaskTimings,
  texts: ReportTexts = ENGLISH_REPORT_TEXTS,
): ReportRow[] {
  const rows: ReportRow[] = [];
  const byGateway = new Map(campaign.gateways.map((g) => [g.gateway, g]));
  for (const row of gatewayRows(campaign, table, now, timings)) {
    const gw = byGateway.get(row.gateway);
    if (gw === undefined) continue;
    const attempt = row.attempt;
    const started = attempt === null ? null : (attempt.publishedAt ?? attempt.createdAt);
    const finished = attempt?.finishedAt ?? null;
    const task = row.task;
    const code = task === null ? null : task.command === 'rejected' ? task.resultCode : (task.execution?.result ?? null);
    // The same reason and next step as the screens: the report explains every failure too.
    const failure = task === null ? null : taskFailure(task, taskState(task, now, timings));
    for (const device of gw.devices) {
      const info = gw.deviceInfo.find((d) => d.sn === device.sn);
      const taskDevice = task?.devices.find((d) => d.sn === device.sn);
      const verification = taskDevice?.verification ?? null;
      const modelKey = info?.modelKey ?? taskDevice?.modelKey ?? null;
      rows.push({
        gateway: gw.gateway,
        device: device.sn,
        model: modelKey === null ? null : modelLabel(modelKey),
        model_key: modelKey,
        from_version: info?.fromVersion ?? null,
        target_version: device.product_version,
        final_status: texts.rowState(row.state),
        sub_status: row.subStatus === null ? null : texts.subStatus(row.subStatus),
        result_code: code,
        result_text:
          gw.skippedReason !== null
            ? texts.skipReason(gw.skippedReason)
            : failure !== null
              ? failure.reason.kind === 'code'
                ? texts.resultCode(failure.reason.code) // result_code holds the code itself
                : texts.failure.reason(failure.reason)
              : code !== null && code !== 0
                ? texts.resultCode(code)
                : null,
        next_step: gw.skippedReason === null && failure !== null ? texts.failure.nextStep(failure.nextStep) : null,
        started: iso(started),
        finished: iso(finished),
        duration_s: started !== null && finished !== null ? Math.round((finished - started) / 1000) : null,
        attempts: gw.attempts.length,
        verified: verification === null ? null : texts.verified(verification),
      });
    }
  }
  return rows;
}

export function reportCsv(rows: readonly ReportRow[]): string {
  // escapeFormulae: a cell starting with = + - @ is not run as a formula when opened in a spreadsheet.
  return Papa.unparse(
    { fields: [...REPORT_COLUMNS], data: rows.map((r) => REPORT_COLUMNS.map((c) => r[c] ?? '')) },
    { escapeFormulae: true },
  );
}

export function reportJson(campaign: Campaign, rows: readonly ReportRow[], generatedAt: number): string {
  return JSON.stringify(
    {
      campaign: {
        id: campaign.id,
        name: campaign.name,
        state: campaign.state,
        createdAt: iso(campaign.createdAt),
        finishedAt: iso(campaign.finishedAt),
      },
      generatedAt: iso(generatedAt),
      devices: rows,
    },
    null,
    2,
  );
}

/** Saves text as a file through a temporary Blob link. */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start reading the Blob only after click() returned.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
