/**
 * Telling the operator a campaign needs them while they look elsewhere: a title badge
 * ("(1 paused) OTA Console", "(Finished) ...") and, only if they opted in with a click, a browser
 * notification when a campaign pauses or finishes. The words come in as AlertTexts, so this file
 * has no i18n of its own.
 */
import type { CampaignsStore } from './campaign-store.ts';
import type { Campaign } from './campaign-types.ts';

export const NOTIFY_STORAGE_KEY = 'ota-console.campaign-notifications';

export interface AlertEvent {
  campaign: Campaign;
  kind: 'paused' | 'finished';
}

/** Campaigns that moved into paused or finished between two store states. */
export function alertEvents(previous: readonly Campaign[], next: readonly Campaign[]): AlertEvent[] {
  const before = new Map(previous.map((c) => [c.id, c.state]));
  const events: AlertEvent[] = [];
  for (const campaign of next) {
    const was = before.get(campaign.id);
    if (was === undefined || was === campaign.state) continue;
    if (campaign.state === 'paused' || campaign.state === 'finished') events.push({ campaign, kind: campaign.state });
  }
  return events;
}

export type TitleBadge = { kind: 'paused'; count: number } | { kind: 'finished' } | null;

/** The title prefix: paused campaigns first (they wait for a decision), else an unseen finish. */
export function titleBadge(campaigns: readonly Campaign[], unseenFinish: boolean): TitleBadge {
  const paused = campaigns.filter((c) => c.state === 'paused').length;
  if (paused > 0) return { kind: 'paused', count: paused };
  return unseenFinish ? { kind: 'finished' } : null;
}

/** The words of the badge and notifications, in the language of the moment (campaign-alert-texts.ts). */
export interface AlertTexts {
  /** "(1 paused) ", "(Finished) ", '' for none: put in front of the page title. */
  badge(badge: TitleBadge): string;
  notification(event: AlertEvent): { title: string; body: string };
  /** Calls back when the words change (a language switch); returns the unsubscribe. */
  onChange(listener: () => void): () => void;
}

export type NotifyPermission = 'granted' | 'denied' | 'default' | 'unsupported';

export function notificationPermission(): NotifyPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

export function notificationsWanted(): boolean {
  try {
    return localStorage.getItem(NOTIFY_STORAGE_KEY) === 'on' && notificationPermission() === 'granted';
  } catch {
    return false;
  }
}

/** Asks the browser (only ever called from a click) and remembers the choice. */
export async function enableNotifications(): Promise<NotifyPermission> {
  if (typeof Notification === 'undefined') return 'unsupported';
  const permission = Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
  try {
    localStorage.setItem(NOTIFY_STORAGE_KEY, permission === 'granted' ? 'on' : 'off');
  } catch {
    // Storage refused: the choice lasts for this page only.
  }
  return permission;
}

export function disableNotifications(): void {
  try {
    localStorage.setItem(NOTIFY_STORAGE_KEY, 'off');
  } catch {
    // Nothing to remember.
  }
}

/** Keeps the document title badge and sends notifications; returns a stop function. */
export function watchCampaignAlerts(store: CampaignsStore, texts: AlertTexts, doc: Document = document): () => void {
  const base = doc.title;
  let unseenFinish = false;
  const render = (): void => {
    doc.title = texts.badge(titleBadge(store.getState().campaigns, unseenFinish)) + base;
  };
  const seen = (): void => {
    if (doc.visibilityState !== 'visible') return;
    unseenFinish = false;
    render();
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.campaigns === previous.campaigns) return;
    for (const event of alertEvents(previous.campaigns, state.campaigns)) {
      if (event.kind === 'finished' && !(doc.visibilityState === 'visible' && doc.hasFocus())) unseenFinish = true;
      if (notificationsWanted()) {
        const { title, body } = texts.notification(event);
        try {
          new Notification(title, { body, tag: `campaign-${event.campaign.id}` });
        } catch {
          // Some browsers only allow notifications from a service worker; the badge still shows.
        }
      }
    }
    render();
  });
  const stopTexts = texts.onChange(render);
  doc.addEventListener('visibilitychange', seen);
  doc.defaultView?.addEventListener('focus', seen);
  render();
  return () => {
    unsubscribe();
    stopTexts();
    doc.removeEventListener('visibilitychange', seen);
    doc.defaultView?.removeEventListener('focus', seen);
    doc.title = base;
  };
}
