import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { errorState } from '../broker/broker-error';
import { connectionNoticeOf } from '../broker/connection-notice';
import { initialConnectionState, type ConnectionState, type ConnectionStore } from '../broker/connection-store';
import { ConnectionBanner } from '../ui/connection-banner';
import { setLanguage } from '../ui/i18n/i18n';

/** The banner as its page shows it: the notice derived from the page's connection store. */
function Banner({ connection }: { connection: ConnectionStore }) {
  return <ConnectionBanner notice={useStore(connectionNoticeOf(connection))} look="wallboard" />;
}

function lostConnection() {
  const connection = createStore<ConnectionState>(() => ({ ...initialConnectionState, phase: 'connected', since: 1_000 }));
  render(<Banner connection={connection} />);
  act(() => connection.setState({ phase: 'reconnecting', since: 2_000, ...errorState({ kind: 'lost' }) }));
  return connection;
}

describe('ConnectionBanner: why the board is reconnecting', () => {
  it('gives the reason in English as the session wrote it', () => {
    lostConnection();
    expect(screen.getByRole('alert')).toHaveTextContent('Reconnecting automatically (Connection lost)');
  });

  it('gives the reason in Chinese', async () => {
    const connection = lostConnection();
    await act(() => setLanguage('zh-CN', { persist: false }));
    expect(screen.getByRole('alert')).toHaveTextContent('正在自动重连（连接已断开）');
    act(() => connection.setState(errorState({ kind: 'connack', code: 0x88 })));
    expect(screen.getByRole('alert')).toHaveTextContent('正在自动重连（服务器不可用）');
    await act(() => setLanguage('en', { persist: false }));
  });
});
