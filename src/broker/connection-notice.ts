/**
 * Everything a "not connected" banner says, derived once per connection store: since when the page
 * is not connected (kept across retries), whether it ever was, and why, as data and as a message
 * the screens word in their language. The kiosk and the operator screens show the same notice.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { shownBrokerError, type BrokerErrorMessage } from './broker-error.ts';
import { connectionLossOf, type ConnectionLoss } from './connection-loss.ts';
import type { ConnectionPhase, ConnectionState } from './connection-store.ts';
import { connectionTrouble, type ConnectionTrouble } from './connection-trouble.ts';

export interface ConnectionNotice {
  /** ms epoch since which the page has not been connected; null while connected. */
  lostSince: number | null;
  everConnected: boolean;
  phase: ConnectionPhase;
  trouble: ConnectionTrouble | null;
  /** The last error, to be worded by the screen; null when there is none. */
  error: BrokerErrorMessage | null;
}

const notices = new WeakMap<StoreApi<ConnectionState>, StoreApi<ConnectionNotice>>();

/** One notice per connection store, following it for the life of the page. */
export function connectionNoticeOf(source: StoreApi<ConnectionState>, now: () => number = Date.now): StoreApi<ConnectionNotice> {
  const existing = notices.get(source);
  if (existing !== undefined) return existing;
  const loss = connectionLossOf(source, now);
  const noticeOf = (state: ConnectionState, lossState: ConnectionLoss): ConnectionNotice => ({
    lostSince: lossState.lostSince,
    everConnected: lossState.everConnected,
    phase: state.phase,
    trouble: connectionTrouble(state.lastErrorInfo),
    error: shownBrokerError(state),
  });
  let seen = { state: source.getState(), lossState: loss.getState() };
  const notice = createStore<ConnectionNotice>(() => noticeOf(seen.state, seen.lossState));
  const update = () => {
    const state = source.getState();
    const lossState = loss.getState();
    // Only what the notice says: a new message or a new phase time alone changes nothing.
    const same =
      seen.lossState === lossState &&
      seen.state.phase === state.phase &&
      seen.state.lastError === state.lastError &&
      seen.state.lastErrorInfo === state.lastErrorInfo;
    seen = { state, lossState };
    if (!same) notice.setState(noticeOf(state, lossState), true);
  };
  // The loss tracker subscribed to the source first, so it is up to date when this runs.
  source.subscribe(update);
  loss.subscribe(update);
  notices.set(source, notice);
  return notice;
}
