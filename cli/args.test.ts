import { describe, expect, it } from 'vitest';
import { DEFAULT_NAMESPACE, HELP, parseCommand, UsageError } from './args.ts';

const broker = ['--broker', 'mqtt://broker.local:1883'];

describe('parseCommand', () => {
  it('shows the help for no command, --help, -h and help, and for --help after a command', () => {
    for (const argv of [[], ['--help'], ['-h'], ['help'], ['drive', '--help']])
      expect(parseCommand(argv)).toEqual({ kind: 'help', text: HELP });
    expect(HELP).toMatch(/drive/);
    expect(HELP).toMatch(/--password-file/);
  });

  it('reads drive with a campaign, credentials, namespace and label', () => {
    expect(
      parseCommand([
        'drive',
        ...broker,
        '--username',
        'runner',
        '--password',
        's3cret',
        '--campaign',
        'c-1',
        '--namespace',
        'acme/ota',
        '--label',
        'ops runner',
        '--wait',
        '5',
      ]),
    ).toEqual({
      kind: 'drive',
      broker: {
        url: 'mqtt://broker.local:1883',
        username: 'runner',
        password: 's3cret',
        passwordFile: null,
        namespace: 'acme/ota',
        label: 'ops runner',
        clientId: null,
        protocolVersion: 'auto',
      },
      campaign: 'c-1',
      all: false,
      waitSeconds: 5,
    });
  });

  it('defaults the namespace and takes --all and a password file', () => {
    const command = parseCommand(['drive', ...broker, '--all', '--password-file', '/run/secrets/mqtt']);
    expect(command).toMatchObject({
      kind: 'drive',
      all: true,
      campaign: null,
      broker: { namespace: DEFAULT_NAMESPACE, passwordFile: '/run/secrets/mqtt', password: null },
    });
  });

  it('reads start and list', () => {
    expect(parseCommand(['start', ...broker, '--plan', 'plan.json', '--discover', '3', '--skip-ineligible', '--detach'])).toMatchObject({
      kind: 'start',
      planPath: 'plan.json',
      discoverSeconds: 3,
      skipIneligible: true,
      detach: true,
    });
    expect(parseCommand(['list', ...broker, '--json'])).toMatchObject({ kind: 'list', json: true, waitSeconds: 2 });
  });

  it.each(['auto', '5', '3.1.1'] as const)('takes --protocol-version %s', (version) => {
    expect(parseCommand(['list', ...broker, '--protocol-version', version])).toMatchObject({ broker: { protocolVersion: version } });
  });

  it.each([
    [['deploy', ...broker], /unknown command "deploy"/],
    [['drive', '--campaign', 'c'], /--broker is required/],
    [['drive', '--broker', 'http://x', '--campaign', 'c'], /--broker must be an mqtt/],
    [['drive', ...broker], /exactly one of --campaign ID or --all/],
    [['drive', ...broker, '--campaign', 'c', '--all'], /exactly one of --campaign ID or --all/],
    [['drive', ...broker, '--campaign', 'c', '--password', 'p', '--password-file', 'f'], /--password or --password-file, not both/],
    [['drive', ...broker, '--campaign', 'c', '--wait', 'soon'], /--wait must be a positive number/],
    [['drive', ...broker, '--campaign', 'c', '--namespace', 'a/#'], /--namespace/],
    [['drive', ...broker, '--campaign', 'c', '--colour'], /Unknown option '--colour'/],
    [['list', ...broker, '--protocol-version', '3'], /--protocol-version must be auto, 5 or 3\.1\.1 \(got "3"\)/],
    [['start', ...broker], /start needs --plan FILE/],
    [['list', ...broker, 'extra'], /positional/],
  ])('refuses %j with a message saying what to change', (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(message);
  });
});
