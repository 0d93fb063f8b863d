import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../ui/i18n/i18n';
import { newCampaign } from './campaign-actions';
import { makePlan } from './campaign-test-kit';
import { CampaignTimingLine } from './campaign-timing-line';
import type { Campaign } from './campaign-types';

// Monday 2026-12-07 12:00 UTC: an opening within the week is written without its date.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.UTC(2026, 11, 7, 12, 0));
});
afterEach(async () => {
  vi.useRealTimers();
  await act(() => setLanguage('en', { persist: false }));
});

function campaign(over: Partial<Campaign>): Campaign {
  const c = newCampaign(
    {
      ...makePlan(3),
      timing: {
        window: { days: [2, 4], start: '01:00', durationMinutes: 120, timeZone: 'Europe/Berlin' },
        notBefore: null,
        idleGate: { enabled: true, allowUnknown: false },
      },
    },
    'camp-t',
    Date.UTC(2026, 11, 7, 12, 0),
  );
  return { ...c, ...over };
}

describe('campaign timing line', () => {
  it('says when the window opens, in its zone, and the schedule', () => {
    render(<CampaignTimingLine campaign={campaign({ waiting: { kind: 'window', opensAt: Date.UTC(2026, 11, 8, 0, 0) } })} />);
    expect(screen.getByRole('status')).toHaveTextContent('Waiting for the maintenance window (opens Tue 01:00 Europe/Berlin)');
    expect(screen.getByText('Window: Tue, Thu from 01:00 for 2 h 00 min (Europe/Berlin) · Idle gate: on')).toBeInTheDocument();
  });

  it('says when every gateway left waits on its dock', () => {
    render(<CampaignTimingLine campaign={campaign({ waiting: { kind: 'docks', waiting: 3 } })} />);
    expect(screen.getByRole('status')).toHaveTextContent('All 3 gateways left are waiting for their docks to be idle');
  });

  it('in Chinese too', async () => {
    await act(() => setLanguage('zh-CN', { persist: false }));
    render(<CampaignTimingLine campaign={campaign({ waiting: { kind: 'window', opensAt: Date.UTC(2026, 11, 8, 0, 0) } })} />);
    expect(screen.getByRole('status')).toHaveTextContent('等待维护时段（周二01:00 Europe/Berlin 开始）');
  });

  it('shows nothing for a campaign without timing (older builds)', () => {
    const { container } = render(<CampaignTimingLine campaign={newCampaign(makePlan(1), 'old', 1)} />);
    expect(container).toBeEmptyDOMElement();
  });
});
