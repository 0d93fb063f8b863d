import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { newCampaign } from '../src/campaigns/campaign-actions.ts';
import { makePlan } from '../src/campaigns/campaign-test-kit.ts';
import { DEFAULT_TASK_TIMINGS } from '../src/tasks/task-types.ts';
import { EMPTY_TASK_TABLE } from '../src/tasks/task-table.ts';
import { campaignLine, createProgressView, plainLine } from './progress-view.ts';

const NOW = 1_700_000_000_000;

function capture(isTTY: boolean): { stream: PassThrough & { isTTY?: boolean }; text: () => string } {
  const stream: PassThrough & { isTTY?: boolean } = new PassThrough();
  stream.isTTY = isTTY;
  let out = '';
  stream.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return { stream, text: () => out };
}

describe('progress view', () => {
  const campaign = newCampaign(makePlan(3, { maxParallel: 2 }), 'c-1', NOW);
  const line = campaignLine(campaign, EMPTY_TASK_TABLE, NOW, DEFAULT_TASK_TIMINGS);

  it("summarises a campaign in the campaign view's words", () => {
    expect(line).toMatchObject({ id: 'c-1', state: 'running', gateways: 3, percent: 0, counts: '3 Not sent yet', succeeded: 0, failed: 0 });
    expect(plainLine(line)).toBe(`campaign c-1 "${campaign.name}": running, 0% of 3 gateways (3 Not sent yet)`);
  });

  it('writes plain timestamped lines when not a terminal, a campaign line only when it changed', () => {
    const out = capture(false);
    const view = createProgressView({ stream: out.stream, now: () => new Date(NOW) });
    view.log('sending ota_create to GW-1');
    view.show(line);
    view.show(line);
    view.show({ ...line, percent: 50, counts: '1 Succeeded · 2 Upgrading' });
    view.stop();
    const lines = out.text().trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d sending ota_create to GW-1$/);
    expect(lines[2]).toContain('50% of 3 gateways (1 Succeeded · 2 Upgrading)');
    expect(out.text()).not.toContain('\u001b[');
  });

  it('draws live bars on a terminal, with log lines above them', () => {
    const out = capture(true);
    const view = createProgressView({ stream: out.stream, live: true });
    view.show(line);
    view.log('sending ota_create to GW-2');
    view.stop();
    expect(out.text()).toContain('sending ota_create to GW-2');
    expect(out.text()).toContain('3 Not sent yet');
  });
});
