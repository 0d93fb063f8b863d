import { message, type AppMessage } from '../app-message.ts';
import type { ConfigIssue } from './config-schema.ts';

/** Where a configuration problem came from: "saved settings", "URL parameter". */
export function configIssueSourceMessage(source: ConfigIssue['source']): AppMessage {
  return message(`configIssue.from.${source}`);
}

/** A problem as one line: "broker (URL): …". The problem itself comes from the validators and stays as written. */
export function configIssueNoteMessage(issue: ConfigIssue): AppMessage {
  return message('configIssue.note', { key: issue.key, from: message(`effective.from.${issue.source}`), message: issue.message });
}
