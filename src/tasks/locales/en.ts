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
} as const;
