/** The 'campaigns' namespace in English: the campaign list and view, its controls, reasons, alerts and report texts. */
export const en = {
  screen: {
    title: 'Campaigns',
    back: '← Campaigns',
    detailTitle: 'Campaign {{name}}',
  },
  // A campaign's name as shown: its firmware versions and gateway count (the stored name is this in English).
  name: {
    versions: '{{versions}} on {{gateways}}',
    noVersion: 'Upgrade',
  },
  state: {
    running: 'Running',
    paused: 'Paused',
    finished: 'Finished',
    aborted: 'Aborted',
  },
  list: {
    label: 'Campaigns',
    // <upgrade> wraps the word that opens the Upgrade screen.
    empty: 'No campaigns yet. Start one from the <upgrade>Upgrade</upgrade> screen.',
    meta: '{{state}} · started {{started}}',
  },
  broker: {
    newerLabel: 'Campaigns written by a newer version',
    newer:
      '{{name}}: written by a newer version of the console (record format {{v}}); this console shows it read-only and cannot drive it.',
    cannotHold:
      'This broker cannot hold campaigns: a retained message read back through a wildcard subscription never came (some brokers, e.g. RabbitMQ 3.10, do not deliver them). Campaigns of other consoles are not shown and this console cannot share its own.',
  },
  detail: {
    notFound: 'No campaign with this id is known here (the oldest finished campaigns are forgotten).',
    stateLabel: 'Campaign state',
    drivenBy: 'Driven by {{label}}',
    noDriver: 'No console drives this campaign right now; an operator console takes it over within a minute.',
    publishRefused: 'The broker refused a campaign record or command: {{reason}}',
    progressLabel: 'Campaign progress',
    progressValue: '{{percent}} · {{state}}',
    summaryLabel: 'Campaign summary',
    openMonitor: 'Open the monitor for this campaign',
  },
  tiles: {
    gateways: 'Gateways',
    elapsed: 'Elapsed',
    eta: 'ETA',
    none: '—',
  },
  // The figures the campaign page and the Monitor share (campaign-figures.ts).
  figures: {
    succeeded: 'Succeeded',
    failed: 'Failed',
    active: 'Active',
    notSent: 'Not sent yet',
    skipped: 'Skipped',
    overall: 'Overall',
    overallHint: 'Failed and skipped count as not done',
    stateCount: '{{state}} {{n}}',
    separator: ' · ',
  },
  limits: {
    limit: 'Limit: {{value}}',
    allAtOnce: 'all at once',
    atATime: '{{count}} at a time',
    pause: 'Pause after failures: {{value}}',
    off: 'off',
    canary: 'Canary: first {{count}}',
    canaryDone: 'Canary: first {{count}} (done)',
    separator: ' · ',
  },
  controls: {
    /** Why Pause, Resume, Abort and Retry are disabled (campaign-permission.ts). */
    blocked: {
      readOnly: 'Read-only console: campaigns cannot be changed here.',
      notAuthorized:
        'The broker does not let this console write campaign records ({{reason}}): ask for write access to the campaign topics to change campaigns.',
      newerFormat: 'Written by a newer version of the console: this campaign can be viewed here, not changed.',
      otherTab:
        'Campaigns are run by another tab of this console (only one tab sends, so nothing goes out twice). Use that tab, or close it and this one takes over.',
    },
    pause: 'Pause',
    resume: 'Resume',
    retryFailed: 'Retry failed',
    abort: 'Abort',
    confirmLabel: 'Confirm abort',
    confirmText: 'No new upgrades will be sent; upgrades already running go on.',
    confirmAbort: 'Abort campaign',
    keep: 'Keep it',
  },
  table: {
    label: 'Gateways in this campaign',
    gateway: 'Gateway',
    devices: 'Devices',
    state: 'State',
    attempts: 'Attempts',
    result: 'Result',
    actions: 'Actions',
    retry: 'Retry',
    retryLabel: 'Retry {{gateway}}',
    task: 'Task',
    taskLabel: 'Task of {{gateway}}',
    resultLine: '{{code}}: {{text}}',
  },
  // Gateway states that are not device statuses (those come from the protocol labels).
  rowState: {
    queued: 'Queued',
    published: 'Published',
    accepted: 'Accepted',
    noReply: 'No reply',
    stalled: 'Stalled',
    verified: 'Verified',
    versionMismatch: 'Version mismatch',
    notSent: 'Not sent yet',
    skipped: 'Skipped',
    retryQueued: 'Retry queued',
  },
  verified: {
    pending: 'pending',
    yes: 'yes',
    mismatch: 'no (version mismatch)',
  },
  unit: {
    failure_one: '{{count}} failure',
    failure_other: '{{count}} failures',
    gateway_one: '{{count}} gateway',
    gateway_other: '{{count}} gateways',
  },
  pausedReason: {
    operator: 'Paused by the operator',
    failures: 'Paused: {{failures}} reached the limit of {{limit}}',
    failuresPercent: 'Paused: {{failures}} reached the limit of {{percent}} ({{limitFailures}} of {{gateways}})',
    canary: 'Paused: the canary failed on {{failed}} of {{gateways}}',
  },
  skipReason: {
    busy: 'Skipped: another upgrade is active on this gateway (task {{bid}}, {{owner}})',
    owner: {
      elsewhere: 'started elsewhere',
      otherCampaign: 'of another campaign',
      thisConsole: 'started from this console',
    },
  },
  // When a campaign may send: the maintenance window, "start not before" and the idle gate (campaign-timing.ts).
  timing: {
    waitWindow: 'Waiting for the maintenance window (opens {{opens}})',
    waitWindowNever: 'Waiting for the maintenance window (it opens at no time the console can compute)',
    waitNotBefore: 'Waiting to start (not before {{opens}})',
    waitDocks_one: 'The gateway left is waiting for its dock to be idle',
    waitDocks_other: 'All {{count}} gateways left are waiting for their docks to be idle',
    opens: '{{time}} {{zone}}',
    gateway: {
      working: 'Dock working: waiting until idle',
      debugging: 'Dock in debugging mode: waiting until idle',
      upgrading: 'Dock reports an upgrade in progress: waiting until idle',
      unknownCode: 'Dock reports mode {{code}}: waiting until idle',
      flying: 'Aircraft {{sn}} flying: waiting until it has landed',
      aircraftUpgrading: 'Aircraft {{sn}} upgrading: waiting until idle',
      aircraftUnknownCode: 'Aircraft {{sn}} reports mode {{code}}: waiting until idle',
      unknown: 'Dock state unknown (no recent osd): waiting',
    },
    summary: {
      window: 'Window: {{days}} from {{start}} for {{duration}} ({{zone}})',
      notBefore: 'Not before {{time}}',
      gateOn: 'Idle gate: on',
      gateOnUnknown: 'Idle gate: on, docks of unknown state allowed',
      gateOff: 'Idle gate: off',
      separator: ' · ',
    },
  },
  report: {
    exportCsv: 'Export CSV',
    exportJson: 'Export JSON',
  },
  notify: {
    unsupported: 'This browser has no notifications; the page title shows when a campaign pauses or finishes.',
    stop: 'Stop notifications',
    start: 'Notify me when a campaign pauses or finishes',
    blocked: 'Notifications are blocked for this site in the browser settings.',
  },
  alerts: {
    badgePaused: '({{count}} paused) ',
    badgeFinished: '(Finished) ',
    pausedTitle: 'Campaign paused: {{name}}',
    pausedBody: 'Paused',
    finishedTitle: 'Campaign finished: {{name}}',
    finishedBody: 'All gateways have a result.',
  },
} as const;
