import { parseCampaignTopic } from '../protocol/campaign-topics.ts';
import { parseTopic } from '../protocol/topics.ts';
import { InvalidTopicError, ReadOnlyError, SessionClosedError } from './errors.ts';

/**
 * What every session refuses before a publish leaves, in this order (the page's and the worker's
 * sessions both call it, so both refuse alike): read-only, closed, a topic that is neither the
 * protocol's nor a campaign record's under the session's namespace.
 */
export function assertPublishable(
  topic: string,
  state: { readOnly: boolean; closed: boolean; campaignNamespace?: string | undefined },
): void {
  if (state.readOnly) throw new ReadOnlyError(topic);
  if (state.closed) throw new SessionClosedError();
  if (parseTopic(topic) !== null) return;
  if (state.campaignNamespace !== undefined && parseCampaignTopic(state.campaignNamespace, topic).ok) return;
  throw new InvalidTopicError(topic);
}
