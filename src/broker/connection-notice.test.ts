import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { errorState } from './broker-error';
import { connectionNoticeOf } from './connection-notice';
import { initialConnectionState, type ConnectionState } from './connection-store';

function connection() {
  return createStore<ConnectionState>(() => ({ ...initialConnectionState, phase: 'connecting', since: 1_000 }));
}

describe('connectionNoticeOf', () => {
  it('says nothing is wrong while connected, and since when and why once lost', () => {
    const source = connection();
    const notice = connectionNoticeOf(source);
    expect(notice.getState()).toEqual({ lostSince: 1_000, everConnected: false, phase: 'connecting', trouble: null, error: null });
    source.setState({ phase: 'connected', since: 2_000 });
    expect(notice.getState()).toMatchObject({ lostSince: null, everConnected: true, phase: 'connected' });
    source.setState({ phase: 'reconnecting', since: 3_000, ...errorState({ kind: 'lost' }) });
    expect(notice.getState()).toEqual({
      lostSince: 3_000,
      everConnected: true,
      phase: 'reconnecting',
      trouble: 'lost',
      error: { ns: 'common', key: 'brokerError.lost' },
    });
    source.setState({ phase: 'connecting', since: 4_000, ...errorState({ kind: 'connack', code: 5 }) });
    expect(notice.getState()).toMatchObject({
      lostSince: 3_000,
      trouble: 'notAuthorized',
      error: { key: 'brokerError.connack.notAuthorized' },
    });
  });

  it('keeps the same notice when nothing it says changed, and one notice per store', () => {
    const source = connection();
    const notice = connectionNoticeOf(source);
    const before = notice.getState();
    source.setState({ lastMessageAt: 5_000 });
    expect(notice.getState()).toBe(before);
    expect(connectionNoticeOf(source)).toBe(notice);
  });
});
