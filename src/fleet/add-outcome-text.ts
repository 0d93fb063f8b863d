import { message, type FleetText } from './fleet-message.ts';
import type { AddOutcome } from './fleet-roster.ts';
import { snIssue } from './sn-issue.ts';

/** Why an SN was not added, as a message for the operator; null when it was added. */
export function addProblem(outcome: AddOutcome): FleetText | null {
  switch (outcome.status) {
    case 'added':
      return null;
    case 'already-known':
      return message('add.alreadyKnown', { sn: outcome.sn });
    case 'is-device':
      return message('add.isDevice', { sn: outcome.sn, gateway: outcome.gatewaySn });
    case 'invalid':
      return snIssue(outcome.sn) ?? outcome.reason;
  }
}
