/**
 * Whether this console may change a campaign (Pause, Resume, Abort, Retry), and why not. A console
 * that may not keeps the controls on screen, disabled, with the reason beside them: the campaign
 * page and the Monitor's campaign bar both ask here. Pure; the words are in the 'campaigns'
 * namespace under `controls.blocked` (campaignControlReasonKey).
 */

/** Why the controls are disabled. */
export type CampaignControlBlock =
  /** A read-only viewer or the kiosk: this console never publishes. */
  | 'read-only'
  /** The broker refused this console's writes under the campaign namespace (its ACL). */
  | 'not-authorized'
  /** Written by a newer record format: shown, never changed, here. */
  | 'newer-format'
  /** Campaigns are kept in this browser only and another tab of it runs them. */
  | 'other-tab';

export interface CampaignControlInput {
  /** The console is read-only (a viewer or the kiosk). */
  readOnly: boolean;
  /** Campaigns are on the broker (a broker link exists). */
  onBroker: boolean;
  /** This console drives the campaign: commands are applied here, no publish needed. */
  drivesIt: boolean;
  /** Another tab of this browser runs the campaigns (without a broker link). */
  controlledElsewhere: boolean;
  /** The broker's refusal of this console's last write under the namespace (not authorized), null when none. */
  writeDenied: string | null;
  /** The campaign's records are in a newer format. */
  newerFormat: boolean;
}

export type CampaignControlPermission =
  | { allowed: true; block: null; detail: null }
  | { allowed: false; block: CampaignControlBlock; /** The broker's words, for 'not-authorized'. */ detail: string | null };

const ALLOWED: CampaignControlPermission = { allowed: true, block: null, detail: null };

export function campaignControlPermission(input: CampaignControlInput): CampaignControlPermission {
  if (input.readOnly) return { allowed: false, block: 'read-only', detail: null };
  if (input.newerFormat) return { allowed: false, block: 'newer-format', detail: null };
  if (!input.onBroker) return input.controlledElsewhere ? { allowed: false, block: 'other-tab', detail: null } : ALLOWED;
  if (input.writeDenied !== null && !input.drivesIt) return { allowed: false, block: 'not-authorized', detail: input.writeDenied };
  return ALLOWED;
}

const REASON_KEY = {
  'read-only': 'controls.blocked.readOnly',
  'not-authorized': 'controls.blocked.notAuthorized',
  'newer-format': 'controls.blocked.newerFormat',
  'other-tab': 'controls.blocked.otherTab',
} as const satisfies Record<CampaignControlBlock, string>;

/** The message key (namespace 'campaigns') that says why; its `reason` value is the permission's `detail`. */
export function campaignControlReasonKey(block: CampaignControlBlock): (typeof REASON_KEY)[CampaignControlBlock] {
  return REASON_KEY[block];
}
