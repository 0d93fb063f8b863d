import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { REPORT_COLUMNS, reportCsv, reportJson, reportRows } from './campaign-report.ts';
import { campaignProgress, gatewayRows } from './campaign-rows.ts';
import { createWorld, gatewaySn, makePlan, type World } from './campaign-test-kit.ts';
import { campaignTestI18n } from './campaign-i18n-test-kit.ts';
import { progress } from '../tasks/task-test-kit.ts';
import { campaignTextsFor } from './campaign-texts.ts';
import { renderMessage } from '../ui/i18n/message.ts';
import { protocolLabelsFor } from '../ui/i18n/protocol-labels.ts';

let w: World;
afterEach(() => w.stop());

async function finishedCampaign(): Promise<string> {
  w = createWorld();
  const id = w.campaigns.getState().campaignStarted(makePlan(4, { maxParallel: 3 }), w.clock.now);
  await w.settle();
  w.clock.now += 60_000;
  w.report(gatewaySn(1), 'ok');
  w.reject(gatewaySn(2), 312015);
  w.report(gatewaySn(3), 'failed');
  await w.settle();
  return id;
}

function campaign(id: string) {
  const c = w.campaigns.getState().campaigns.find((x) => x.id === id);
  if (c === undefined) throw new Error('missing');
  return c;
}

describe('campaign report', () => {
  it('has one CSV line per device with what happened, and no file URLs', async () => {
    const id = await finishedCampaign();
    const { table, timings } = w.tasks.getState();
    const csv = reportCsv(reportRows(campaign(id), table, w.clock.now, timings));
    expect(csv).not.toContain('http');
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true });
    expect(parsed.meta.fields).toEqual([...REPORT_COLUMNS]);
    const byGateway = new Map(parsed.data.map((r) => [r.gateway, r]));
    expect(byGateway.get(gatewaySn(1))).toMatchObject({
      device: gatewaySn(1),
      model: 'DJI Dock',
      model_key: '3-1-0',
      from_version: '10.0.0',
      target_version: '10.1.0',
      final_status: 'Successful Execution',
      result_code: '0',
      attempts: '1',
      verified: 'pending',
      duration_s: '60',
    });
    expect(byGateway.get(gatewaySn(2))).toMatchObject({
      final_status: 'Rejected',
      result_code: '312015',
      result_text: 'The dock is busy (for example a flight is in progress)',
      next_step: 'Wait until the dock is idle (no flight, no other task), then retry.',
    });
    // A code the table does not know still says where it came from, and what to do.
    expect(byGateway.get(gatewaySn(3))).toMatchObject({
      final_status: 'Failed',
      result_code: '316001',
      result_text: 'Unknown error (code 316001: device, module 16, error 1)',
      next_step: expect.stringContaining('error list'),
    });
    expect(byGateway.get(gatewaySn(1))).toMatchObject({ result_text: '', next_step: '' });
    // Sent after a slot freed, still waiting for its reply.
    expect(byGateway.get(gatewaySn(4))).toMatchObject({ final_status: 'Published', finished: '', attempts: '1' });
    expect(new Date(byGateway.get(gatewaySn(1))?.started ?? '').getTime()).toBe(campaign(id).gateways[0]?.attempts[0]?.publishedAt);
  });

  it('keeps a cell that looks like a formula from running in a spreadsheet', () => {
    const row = Object.fromEntries(REPORT_COLUMNS.map((c) => [c, null])) as Parameters<typeof reportCsv>[0][number];
    const csv = reportCsv([{ ...row, sub_status: '=HYPERLINK("x")' }]);
    expect(csv.split('\r\n')[1]).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('keeps the column names English and writes the words in the language it is given', async () => {
    const id = await finishedCampaign();
    const { table, timings } = w.tasks.getState();
    const zh = campaignTestI18n('zh-CN');
    const texts = campaignTextsFor(
      (text) => (typeof text === 'string' ? text : renderMessage(text, 'zh-CN', zh)),
      protocolLabelsFor(zh, 'zh-CN'),
    );
    const parsed = Papa.parse<Record<string, string>>(reportCsv(reportRows(campaign(id), table, w.clock.now, timings, texts)), {
      header: true,
    });
    expect(parsed.meta.fields).toEqual([...REPORT_COLUMNS]);
    const byGateway = new Map(parsed.data.map((r) => [r.gateway, r]));
    expect(byGateway.get(gatewaySn(1))).toMatchObject({ final_status: '执行成功', result_code: '0', verified: '待验证' });
    expect(byGateway.get(gatewaySn(2))).toMatchObject({
      final_status: '拒绝',
      result_code: '312015',
      result_text: '机场忙碌中（例如正在执行飞行任务）',
      next_step: '请等待机场空闲（无飞行、无其他任务）后重试。',
      model: 'DJI Dock',
    });
    expect(byGateway.get(gatewaySn(4))).toMatchObject({ final_status: '已发布' });
  });

  it('writes the same rows as JSON with the campaign it belongs to', async () => {
    const id = await finishedCampaign();
    const { table, timings } = w.tasks.getState();
    const rows = reportRows(campaign(id), table, w.clock.now, timings);
    const json = JSON.parse(reportJson(campaign(id), rows, w.clock.now)) as { campaign: { id: string }; devices: unknown[] };
    expect(json.campaign.id).toBe(id);
    expect(json.devices).toEqual(rows);
  });
});

describe('campaign progress', () => {
  it('counts gateways per state, the overall percent and an ETA from finished durations', async () => {
    const id = await finishedCampaign();
    const { table, timings } = w.tasks.getState();
    const rows = gatewayRows(campaign(id), table, w.clock.now, timings);
    const progress = campaignProgress(campaign(id), rows, w.clock.now);
    expect(Object.fromEntries(progress.counts.map((c) => [c.label, c.count]))).toEqual({
      'Successful Execution': 1,
      Rejected: 1,
      Failed: 1,
      Published: 1,
    });
    // One success of four: the two failures count as not done.
    expect(progress.percent).toBe(25);
    expect(progress.failed).toBe(2);
    expect(progress.elapsedMs).toBeGreaterThanOrEqual(60_000);
    // One gateway left at 0%, one lane, the one success took 60 s.
    expect(progress.etaMs).toBeCloseTo(60_000, -3);
    expect(rows.filter((r) => r.canRetry).map((r) => r.gateway)).toEqual([gatewaySn(2), gatewaySn(3)]);
  });
});

describe('campaign report reasons', () => {
  it('explains a failure the device sent without a code by its sub-status', async () => {
    w = createWorld();
    const id = w.campaigns.getState().campaignStarted(makePlan(1), w.clock.now);
    await w.settle();
    w.accept(gatewaySn(1));
    const bid = campaign(id).gateways[0]!.attempts[0]!.bid;
    w.tasks
      .getState()
      .batchReceived(
        [progress({ gateway: gatewaySn(1), bid, status: 'failed', sub: 'DOWNLOAD_FAILED', percent: 30, ts: w.clock.now + 5 })],
        w.clock.now + 5,
      );
    await w.settle();
    const { table, timings } = w.tasks.getState();
    const [row] = reportRows(campaign(id), table, w.clock.now, timings);
    expect(row).toMatchObject({
      final_status: 'Failed',
      result_code: 0,
      result_text: 'Download failed',
      next_step: 'Check that the dock can reach the file URL (network, server, token), then retry.',
    });
  });
});
