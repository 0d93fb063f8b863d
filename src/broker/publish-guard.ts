import { parseTopic } from '../protocol/topics.ts';
import { InvalidTopicError, ReadOnlyError, SessionClosedError } from './errors.ts';

/**
 * What every session refuses before a publish leaves, in this order (the page's and the worker's
 * sessions both call it, so both refuse alike): read-only, closed, a topic that is not the protocol's.
 */
export function assertPublishable(topic: string, state: { readOnly: boolean; closed: boolean }): void {
  if (state.readOnly) throw new ReadOnlyError(topic);
  if (state.closed) throw new SessionClosedError();
  if (parseTopic(topic) === null) throw new InvalidTopicError(topic);
}
