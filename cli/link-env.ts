/**
 * The runner's campaigns on the broker: the link of src/campaigns (records, lease, commands, the
 * driver) and the session options it needs, the namespace subscription and the presence will.
 */
import { startCampaignBrokerLink } from '../src/campaigns/campaign-broker-link.ts';
import { driverPresenceTopic } from '../src/protocol/campaign-topics.ts';
import { defaultIds } from '../src/protocol/ids.ts';
import type { CommandEnv } from './commands.ts';

export function brokerLinkEnv(): Pick<CommandEnv, 'startLink' | 'sessionExtra'> {
  return {
    startLink(deps) {
      const link = startCampaignBrokerLink({ ...deps, ids: defaultIds, now: Date.now });
      // A refused record (no write access to the namespace, ...) stops nothing by itself: say it.
      const offRefused = link.state.subscribe((state, prev) => {
        if (state.publishRefused !== null && state.publishRefused !== prev.publishRefused) {
          deps.log(`the broker refused a campaign record: ${state.publishRefused} (the runner needs write access to ${deps.namespace}/#)`);
        }
      });
      return {
        batchReceived: (batch) => link.batchReceived(batch),
        connected: () => link.connected(),
        disconnected: () => link.disconnected(),
        drivenBy: (id) => link.drivenBy(id),
        onBroker: (id) => Object.hasOwn(link.state.getState().drivers, id),
        stop: () => {
          offRefused();
          return link.stop();
        },
      };
    },
    sessionExtra: (broker, clientId, driving) => ({
      campaignNamespace: broker.namespace,
      // A driver's presence is cleared by the broker when its connection drops, so another driver
      // takes its campaigns over without waiting for the lease to expire.
      ...(driving ? { will: { topic: driverPresenceTopic(broker.namespace, clientId), payload: '', qos: 1 as const, retain: true } } : {}),
    }),
  };
}
