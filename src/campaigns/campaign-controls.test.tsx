import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { setLanguage } from '../ui/i18n/i18n';
import { newCampaign, pausedByOperator } from './campaign-actions';
import type { CampaignBrokerLink, CampaignLinkState } from './campaign-broker-link';
import { CampaignLinkProvider } from './campaign-context';
import { CampaignControls } from './campaign-controls';
import { CampaignDetail } from './campaign-detail';
import { campaignControlPermission, type CampaignControlInput, type CampaignControlPermission } from './campaign-permission';
import type { CampaignLinkStore } from './campaign-runtime';
import { createCampaignsStore } from './campaign-store';
import { renderWithStores } from './campaign-stores-test-kit';
import { makePlan } from './campaign-test-kit';

// A console that may not change a campaign shows Pause/Resume, Abort and Retry disabled, each
// described by the reason on screen; the same permission decides for the Monitor's campaign bar.

const running = newCampaign(makePlan(3, { maxParallel: 1 }), 'camp-1', 1_000);
function baseInput(): CampaignControlInput {
  return { readOnly: false, onBroker: true, drivesIt: false, controlledElsewhere: false, writeDenied: null, newerFormat: false };
}

afterEach(async () => {
  await act(() => setLanguage('en', { persist: false }));
});

function renderControls(permission: CampaignControlPermission, campaign = running) {
  const handlers = { onPause: vi.fn(), onResume: vi.fn(), onAbort: vi.fn(), onRetryFailed: vi.fn() };
  render(<CampaignControls campaign={campaign} hasFailed permission={permission} {...handlers} />);
  return handlers;
}

function described(button: HTMLElement): string {
  const ids = button.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('campaignControlPermission', () => {
  const base = baseInput();

  it('allows an operator console, and says why not for each kind of console that may not', () => {
    expect(campaignControlPermission(base)).toEqual({ allowed: true, block: null, detail: null });
    expect(campaignControlPermission({ ...base, readOnly: true })).toMatchObject({ allowed: false, block: 'read-only' });
    expect(campaignControlPermission({ ...base, writeDenied: 'Publish error: Not authorized' })).toEqual({
      allowed: false,
      block: 'not-authorized',
      detail: 'Publish error: Not authorized',
    });
    expect(campaignControlPermission({ ...base, newerFormat: true })).toMatchObject({ allowed: false, block: 'newer-format' });
    expect(campaignControlPermission({ ...base, onBroker: false, controlledElsewhere: true })).toMatchObject({ block: 'other-tab' });
  });

  it('lets the driver change its campaign even after a refused write: its commands need no publish', () => {
    expect(campaignControlPermission({ ...base, drivesIt: true, writeDenied: 'Not authorized' }).allowed).toBe(true);
    // Read-only always wins.
    expect(campaignControlPermission({ ...base, drivesIt: true, readOnly: true }).allowed).toBe(false);
  });
});

describe('CampaignControls', () => {
  it('read-only: every control is shown disabled, described by the reason on screen, and does nothing', async () => {
    const handlers = renderControls(campaignControlPermission({ ...baseInput(), readOnly: true }));
    const reason = 'Read-only console: campaigns cannot be changed here.';
    expect(screen.getByText(reason)).toBeVisible();
    for (const name of ['Pause', 'Retry failed', 'Abort']) {
      const button = screen.getByRole('button', { name });
      expect(button).toBeDisabled();
      expect(described(button)).toBe(reason);
    }
    await userEvent.click(screen.getByRole('button', { name: 'Abort' }));
    await userEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(screen.queryByRole('group', { name: 'Confirm abort' })).toBeNull();
    expect(handlers.onPause).not.toHaveBeenCalled();
  });

  it('a paused campaign: Resume is disabled the same way; the broker refusal is named', () => {
    renderControls(
      campaignControlPermission({ ...baseInput(), writeDenied: 'Publish error: Not authorized' }),
      pausedByOperator(running, 2_000),
    );
    const resume = screen.getByRole('button', { name: 'Resume' });
    expect(resume).toBeDisabled();
    expect(described(resume)).toContain('The broker does not let this console write campaign records (Publish error: Not authorized)');
  });

  it('an operator console: the controls work and no reason is shown', async () => {
    const handlers = renderControls(campaignControlPermission(baseInput()));
    const pause = screen.getByRole('button', { name: 'Pause' });
    expect(pause).toBeEnabled();
    expect(pause).not.toHaveAttribute('aria-describedby');
    await userEvent.click(pause);
    expect(handlers.onPause).toHaveBeenCalledOnce();
  });

  it('says why in Chinese too', async () => {
    await act(() => setLanguage('zh-CN', { persist: false }));
    renderControls(campaignControlPermission({ ...baseInput(), readOnly: true }));
    expect(described(screen.getByRole('button', { name: '暂停' }))).toBe('只读控制台：此处无法更改批量升级。');
  });
});

/** A link whose state the test sets: what the campaign page reads of it. */
function linkWithState(state: Partial<CampaignLinkState>): CampaignLinkStore {
  const linkState = createStore<CampaignLinkState>(() => ({
    connected: true,
    clientId: 'console-1',
    drivers: {},
    newer: {},
    publishRefused: null,
    writeDenied: null,
    probe: 'ok',
    ...state,
  }));
  const link: CampaignBrokerLink = {
    state: linkState,
    batchReceived: vi.fn(),
    connected: vi.fn(),
    disconnected: vi.fn(),
    command: vi.fn(() => Promise.resolve()),
    drivenBy: vi.fn(() => null),
    stop: vi.fn(() => Promise.resolve()),
  };
  return createStore(() => ({ link }));
}

describe('the campaign page', () => {
  function renderDetail(link: CampaignLinkStore | null, readOnly = false) {
    const campaigns = createCampaignsStore();
    campaigns.getState().campaignsFromBroker([running], new Set());
    return renderWithStores(
      <MemoryRouter>
        <CampaignLinkProvider value={link}>
          <CampaignDetail id={running.id} readOnly={readOnly} />
        </CampaignLinkProvider>
      </MemoryRouter>,
      { campaigns },
    );
  }

  it('a console whose writes the broker refused shows the controls disabled with why', () => {
    renderDetail(linkWithState({ writeDenied: 'Publish error: Not authorized' }));
    const pause = screen.getByRole('button', { name: 'Pause' });
    expect(pause).toBeDisabled();
    expect(described(pause)).toMatch(/^The broker does not let this console write campaign records/);
  });

  it('the console that drives the campaign keeps its controls', () => {
    renderDetail(linkWithState({ writeDenied: 'Not authorized', drivers: { [running.id]: { clientId: 'console-1', label: 'A' } } }));
    expect(screen.getByRole('button', { name: 'Pause' })).toBeEnabled();
  });

  it('read-only: disabled with the reason', () => {
    renderDetail(linkWithState({}), true);
    expect(screen.getByRole('button', { name: 'Abort' })).toBeDisabled();
    expect(screen.getByText('Read-only console: campaigns cannot be changed here.')).toBeVisible();
  });
});
