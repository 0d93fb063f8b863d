import type { AddOutcome } from './fleet-roster.ts';

/** Why an SN was not added, in words for the operator; null when it was added. */
export function addProblem(outcome: AddOutcome): string | null {
  switch (outcome.status) {
    case 'added':
      return null;
    case 'already-known':
      return `Gateway ${outcome.sn} is already in the fleet`;
    case 'is-device':
      return `${outcome.sn} is a device of gateway ${outcome.gatewaySn}, not a gateway`;
    case 'invalid':
      return outcome.reason;
  }
}
