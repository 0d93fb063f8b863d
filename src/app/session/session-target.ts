import type { RuntimeConfig } from '../config/config-schema';
import type { SessionTarget } from './session-controller';

/**
 * The session the configuration asks for. Kiosk is always read-only; empty credentials mean
 * "none" (a saved empty username overrides one from config.json). Kiosk and read-only never
 * answer devices.
 */
export function sessionTargetFor(config: RuntimeConfig): SessionTarget {
  return {
    url: config.brokerUrl,
    username: config.username || undefined,
    password: config.password || undefined,
    protocolVersion: config.protocolVersion,
    readOnly: config.readOnly || config.kiosk,
    // A read-only session could not publish the replies anyway; say so in the target too.
    respondToDevices: config.respondToDevices && !config.readOnly && !config.kiosk,
    role: config.kiosk ? 'kiosk' : 'operator',
    campaignNamespace: config.campaignTopic,
    consoleLabel: config.consoleLabel,
    campaignRetentionDays: config.campaignRetentionDays,
  };
}
