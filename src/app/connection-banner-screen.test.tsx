import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { errorState } from '../broker/broker-error';
import { connectionNoticeOf } from '../broker/connection-notice';
import { initialConnectionState, type BrokerErrorInfo, type ConnectionState, type ConnectionStore } from '../broker/connection-store';
import { ConnectionBanner } from '../ui/connection-banner';
import { formatHourMinute } from '../ui/i18n/format';
import { setLanguage } from '../ui/i18n/i18n';

/** The banner as its page shows it: the notice derived from the page's connection store. */
function Banner({ connection, look, id }: { connection: ConnectionStore; look: 'wallboard' | 'screen'; id?: string }) {
  return <ConnectionBanner notice={useStore(connectionNoticeOf(connection))} look={look} id={id} />;
}

function lostConnection() {
  const connection = createStore<ConnectionState>(() => ({ ...initialConnectionState, phase: 'connected', since: 1_000 }));
  render(<Banner connection={connection} look="screen" />);
  act(() => connection.setState({ phase: 'reconnecting', since: 2_000, ...errorState({ kind: 'lost' }) }));
  return connection;
}

/** A screen that never connected: the session failed its first connect with this error. */
function failedFirstConnect(info: BrokerErrorInfo) {
  const connection = createStore<ConnectionState>(() => ({ ...initialConnectionState, phase: 'connecting', since: 1_000 }));
  render(<Banner connection={connection} look="screen" />);
  act(() => connection.setState({ phase: 'reconnecting', since: 2_000, ...errorState(info) }));
  return connection;
}

describe('ConnectionBanner on the operator screens', () => {
  it('says nothing while connected', () => {
    const connection = createStore<ConnectionState>(() => ({ ...initialConnectionState, phase: 'connected', since: 1_000 }));
    const { container } = render(<Banner connection={connection} look="screen" />);
    expect(container).toBeEmptyDOMElement();
  });

  it('is a quiet line before the first connect, not an alarm', () => {
    const connection = createStore<ConnectionState>(() => ({ ...initialConnectionState, phase: 'connecting', since: 1_000 }));
    render(<Banner connection={connection} look="screen" id="note" />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByText('Not connected yet. Connecting to the broker…')).toHaveAttribute('id', 'note');
  });

  it('says since when the connection is lost, keeps that time across retries, and goes when connected again', () => {
    const connection = lostConnection();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(`Connection lost since ${formatHourMinute(2_000)}`);
    expect(alert).toHaveTextContent('Reconnecting automatically (Connection lost)');
    act(() => connection.setState({ phase: 'connecting', since: 120_000, ...errorState({ kind: 'refused' }) }));
    expect(screen.getByRole('alert')).toHaveTextContent(`Connection lost since ${formatHourMinute(2_000)}`);
    expect(screen.getByRole('alert')).toHaveTextContent('Broker refused the connection (Connection refused)');
    act(() => connection.setState({ phase: 'connected', since: 130_000, ...errorState(null) }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('sends wrong credentials to Settings, under MQTT 3.1.1 and 5', () => {
    const connection = failedFirstConnect({ kind: 'connack', code: 5 });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Not connected yet');
    expect(alert).toHaveTextContent('Not authorized: check the username and password in Settings (Not authorized)');
    act(() => connection.setState(errorState({ kind: 'connack', code: 0x86 })));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Not authorized: check the username and password in Settings (Bad username or password)',
    );
  });

  it('says the broker refused, with its reason', () => {
    failedFirstConnect({ kind: 'connack', code: 3 });
    expect(screen.getByRole('alert')).toHaveTextContent('Broker refused the connection (Server unavailable)');
  });

  it('speaks Chinese', async () => {
    failedFirstConnect({ kind: 'connack', code: 5 });
    await act(() => setLanguage('zh-CN', { persist: false }));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('尚未连接');
    expect(alert).toHaveTextContent('未获授权：请在“设置”中检查用户名和密码（未授权）');
    await act(() => setLanguage('en', { persist: false }));
  });
});
