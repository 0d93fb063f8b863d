/**
 * What the runner shows while it drives: one live bar per campaign (cli-progress) on a terminal,
 * plain lines when stdout is a file, a pipe or journald. Log lines (each ota_create sent, state
 * changes) go above the bars. The numbers come from the campaign view's own derivation
 * (src/campaigns/campaign-rows.ts), so the terminal and the Campaigns screen agree.
 */
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import { campaignProgress, gatewayRows } from '../src/campaigns/campaign-rows.ts';
import type { Campaign } from '../src/campaigns/campaign-types.ts';
import type { TaskTable } from '../src/tasks/task-table.ts';
import type { TaskTimings } from '../src/tasks/task-types.ts';

export interface CampaignLine {
  id: string;
  name: string;
  state: Campaign['state'];
  gateways: number;
  percent: number;
  /** "2 Upgrading · 1 Succeeded": the campaign view's counts, in its words. */
  counts: string;
  succeeded: number;
  failed: number;
}

export function campaignLine(campaign: Campaign, table: TaskTable, now: number, timings: TaskTimings): CampaignLine {
  const progress = campaignProgress(campaign, gatewayRows(campaign, table, now, timings), now);
  return {
    id: campaign.id,
    name: campaign.name,
    state: campaign.state,
    gateways: campaign.gateways.length,
    percent: Math.round(progress.percent),
    counts: progress.counts.map((c) => `${c.count} ${c.label}`).join(' · '),
    succeeded: progress.succeeded,
    failed: progress.failed,
  };
}

/** The plain line for a log or a pipe: everything the bar shows, in words. */
export function plainLine(line: CampaignLine): string {
  return `campaign ${line.id} "${line.name}": ${line.state}, ${line.percent}% of ${line.gateways} gateway${line.gateways === 1 ? '' : 's'} (${line.counts})`;
}

export interface ProgressView {
  /** A line above the bars (or on its own when not a terminal), with the time. */
  log(text: string): void;
  /** The campaign's current numbers; a plain view prints a line only when they changed. */
  show(line: CampaignLine): void;
  stop(): void;
}

export interface ViewOptions {
  stream: NodeJS.WritableStream & { isTTY?: boolean };
  /** Defaults to whether the stream is a terminal. */
  live?: boolean;
  now?: () => Date;
}

export function createProgressView(options: ViewOptions): ProgressView {
  const { stream } = options;
  const now = options.now ?? (() => new Date());
  const stamp = () => now().toISOString().slice(11, 19);
  const live = options.live ?? stream.isTTY === true;
  const lastPlain = new Map<string, string>();

  if (!live) {
    return {
      log: (text) => stream.write(`${stamp()} ${text}\n`),
      show(line) {
        const text = plainLine(line);
        if (lastPlain.get(line.id) === text) return;
        lastPlain.set(line.id, text);
        stream.write(`${stamp()} ${text}\n`);
      },
      stop: () => undefined,
    };
  }

  const multibar = new MultiBar(
    {
      stream,
      format: '{name} |{bar}| {percentage}% · {state} · {counts}',
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
      autopadding: true,
    },
    Presets.shades_classic,
  );
  const bars = new Map<string, SingleBar>();
  return {
    log(text) {
      // Before the first bar the multibar draws nothing, and would keep the line until it does.
      if (bars.size === 0) stream.write(`${stamp()} ${text}\n`);
      else multibar.log(`${stamp()} ${text}\n`);
    },
    show(line) {
      const payload = { name: line.name.length > 40 ? `${line.name.slice(0, 39)}…` : line.name, state: line.state, counts: line.counts };
      const bar = bars.get(line.id);
      if (bar === undefined) bars.set(line.id, multibar.create(100, line.percent, payload));
      else bar.update(line.percent, payload);
    },
    stop() {
      // Draw once more so log lines still buffered are written before the bars are left behind.
      if (multibar.isActive) multibar.update();
      multibar.stop();
    },
  };
}
