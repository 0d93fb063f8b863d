/** The 'common' namespace in English: words of the shared components in src/ui. */
export const en = {
  confirm: 'Confirm',
  cancel: 'Cancel',
  copy: 'Copy',
  copied: 'Copied',
  copyUnavailable: 'Copy is not available here: select the text and copy it by hand.',
  /** Ages and durations (src/ui/i18n/format.ts), in the console's short units. */
  time: {
    justNow: 'just now',
    ago: '{{duration}} ago',
  },
  /** Durations to the second; `ss`/`mm` are the two-digit forms. */
  duration: {
    seconds: '{{s}} s',
    minutes: '{{min}} min {{ss}} s',
    hours: '{{h}} h {{mm}} min',
  },
  size: {
    bytes_one: '{{bytes}} byte',
    bytes_other: '{{bytes}} bytes',
  },
  /** Why the broker connection failed (src/broker/broker-error.ts); the same text as lastError. */
  brokerError: {
    connack: {
      unacceptableProtocolVersion: 'Unacceptable protocol version',
      clientIdRejected: 'Client identifier rejected',
      serverUnavailable: 'Server unavailable',
      badCredentials: 'Bad username or password',
      notAuthorized: 'Not authorized',
      unspecifiedError: 'Unspecified error',
      malformedPacket: 'Malformed packet',
      protocolError: 'Protocol error',
      implementationSpecificError: 'Implementation specific error',
      unsupportedProtocolVersion: 'Unsupported protocol version',
      clientIdNotValid: 'Client identifier not valid',
      serverBusy: 'Server busy',
      banned: 'Banned',
      badAuthenticationMethod: 'Bad authentication method',
      sessionTakenOver: 'Session taken over',
      packetTooLarge: 'Packet too large',
      quotaExceeded: 'Quota exceeded',
      useAnotherServer: 'Use another server',
      serverMoved: 'Server moved',
      connectionRateExceeded: 'Connection rate exceeded',
      unknown: 'Refused (code {{code}})',
    },
    transport: {
      connectionRefused: 'Connection refused',
      connectionReset: 'Connection reset',
      hostNotFound: 'Broker host not found',
      timedOut: 'Connection timed out',
      hostUnreachable: 'Broker host unreachable',
      unknown: 'Connection failed ({{code}})',
    },
    closedBeforeConnack: 'Connection closed before CONNACK',
    socketClosed: {
      withReason: 'The broker closed the WebSocket (code {{code}}: {{reason}})',
      codeOnly: 'The broker closed the WebSocket (code {{code}})',
    },
    lost: 'Connection lost',
    subscriptionsRefused: {
      all: 'Subscriptions refused by the broker (check the ACL): {{filters}}',
      some: 'Subscription refused by the broker (check the ACL): {{filters}}',
    },
    disconnected: 'Disconnected by the broker: {{reason}}',
    /** The reason beside the connection status. */
    aside: '({{reason}})',
  },
  /** The banner over stale data while the broker connection is down (src/ui/connection-banner.tsx). */
  connectionBanner: {
    connecting: 'Connecting to the broker…',
    lost: 'Connection lost since {{time}}',
    neverConnected: 'No broker connection since {{time}}',
    notYet: 'Not connected yet',
    notYetConnecting: 'Not connected yet. Connecting to the broker…',
    reconnecting: 'Reconnecting automatically',
    reconnectingWhy: 'Reconnecting automatically ({{error}})',
    notAuthorized: 'Not authorized: check the username and password in Settings ({{error}})',
    refused: 'Broker refused the connection ({{error}})',
  },
} as const;
