import { act, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { errorState } from '../broker/broker-error';
import { setLanguage } from '../ui/i18n/i18n';
import { createTestStores, renderWithStores } from './app-test-kit';
import type { AppStores } from './app-context';
import { ConnectionStatus } from './connection-status';

let stores: AppStores;

beforeEach(() => {
  stores = createTestStores();
});

describe('ConnectionStatus: the reason beside "Broker connection"', () => {
  it('reads the reason in English as the session wrote it', () => {
    stores.broker.connection.setState({ phase: 'disconnected', ...errorState({ kind: 'connack', code: 4 }) });
    renderWithStores(<ConnectionStatus readOnly={false} />, stores);
    expect(screen.getByText('(Bad username or password)')).toHaveAttribute('title', 'Bad username or password');
  });

  it('says the reason in Chinese, and follows a language switch', async () => {
    stores.broker.connection.setState({ phase: 'reconnecting', ...errorState({ kind: 'transport', code: 'ECONNREFUSED' }) });
    renderWithStores(<ConnectionStatus readOnly={false} />, stores);
    await act(() => setLanguage('zh-CN', { persist: false }));
    expect(screen.getByRole('status', { name: 'MQTT 服务器连接' })).toHaveTextContent(/^重新连接中$/);
    expect(screen.getByText('（连接被拒绝）')).toHaveAttribute('title', '连接被拒绝');
    act(() => stores.broker.connection.setState(errorState({ kind: 'disconnected', code: 0x87 })));
    expect(screen.getByText('（被 MQTT 服务器断开：未授权）')).toBeInTheDocument();
    await act(() => setLanguage('en', { persist: false }));
    expect(screen.getByText('(Disconnected by the broker: Not authorized)')).toBeInTheDocument();
  });

  it('keeps an error it has no words for as written, in Chinese too', async () => {
    stores.broker.connection.setState({ phase: 'connecting', ...errorState({ kind: 'text', text: 'socket hang up' }) });
    renderWithStores(<ConnectionStatus readOnly={false} />, stores);
    await act(() => setLanguage('zh-CN', { persist: false }));
    expect(screen.getByText('（socket hang up）')).toBeInTheDocument();
  });

  it('shows no reason while connected', async () => {
    stores.broker.connection.setState({
      phase: 'connected',
      ...errorState({ kind: 'subscriptionsRefused', filters: ['a/+'], all: false }),
    });
    renderWithStores(<ConnectionStatus readOnly={false} />, stores);
    await act(() => setLanguage('zh-CN', { persist: false }));
    expect(screen.getByRole('status')).toHaveTextContent('已连接');
    expect(screen.queryByText(/a\/\+/)).not.toBeInTheDocument();
  });
});
