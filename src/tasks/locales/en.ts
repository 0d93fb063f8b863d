import { NEXT_STEP_TEXTS } from '../../protocol/next-steps.ts';

/** The 'tasks' namespace in English: a task's status words, shared by the Monitor, the kiosk and campaigns. */
export const en = {
  /** Shown task states that are not a device status (those come from the 'protocol' namespace). */
  state: {
    queued: 'Queued',
    published: 'Published',
    accepted: 'Accepted',
    'no-reply': 'No reply',
    stalled: 'Stalled',
    verified: 'Verified',
    'version-mismatch': 'Version mismatch',
  },
  /** The command's own states (task-status-text.ts COMMAND_STATE_LABELS). */
  command: {
    queued: 'Queued',
    published: 'Sent',
    accepted: 'Accepted',
    rejected: 'Rejected',
    'no-reply': 'No reply',
  },
  superseded: 'Superseded',
  resultCodeLine: '{{code}}: {{text}}',
  /** Why a task did not end well (task-failure.ts); a result code or sub-status uses the protocol's words. */
  failure: {
    line: '{{reason}}. {{nextStep}}',
    stepResult: 'Step failed (step_result {{code}})',
    failed: 'The device reported a failure without a reason',
    rejected: 'The dock refused the upgrade',
    canceled: 'Canceled or terminated on the device',
    timeout: 'The device gave up (timeout)',
    noReply: 'The dock did not answer the command',
    superseded: 'A newer upgrade started on this gateway',
    mismatch: 'Reports {{reported}} instead of {{target}}',
    anotherVersion: 'no version',
    theTarget: 'the target',
  },
  /** What to do next about a failure: the protocol's code table as advice (src/protocol/next-steps.ts). */
  nextStep: NEXT_STEP_TEXTS,
  /** Beside a progress bar: the percent restarts per step on some devices, so the step is named with its place. */
  step: {
    numbered: 'Step {{n}} of {{total}} · {{step}}',
    stoppedIn: 'Stopped in step {{n}} of {{total}} · {{step}}',
  },
} as const;
