/**
 * The headless campaign runner: `npm run campaign -- --help`. Drives, starts and lists the campaigns
 * held on the broker with the console's own code (docs/operations.md, "Headless campaign runner").
 */
import { EXIT, parseCommand, UsageError, type Command } from './args.ts';
import { runCommand } from './commands.ts';
import { useEnglish } from './english.ts';
import { brokerLinkEnv } from './link-env.ts';
import { createProgressView } from './progress-view.ts';

function stopOnSignals(): Promise<number> {
  return new Promise((resolve) => {
    let asked = false;
    const on = (code: number) => () => {
      // A second signal while the lease is being released ends at once.
      if (asked) process.exit(code);
      asked = true;
      resolve(code);
    };
    process.on('SIGINT', on(EXIT.sigint));
    process.on('SIGTERM', on(EXIT.sigterm));
  });
}

async function main(): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`campaign: ${error.message}\n`);
    return EXIT.usage;
  }
  useEnglish();
  // Progress goes to stderr when stdout is the command's output (list, the id printed by start).
  const view = createProgressView({ stream: command.kind === 'drive' ? process.stdout : process.stderr });
  const outcome = await runCommand(command, {
    view,
    print: (text) => process.stdout.write(`${text}\n`),
    stopSignal: stopOnSignals(),
    ...brokerLinkEnv(),
  });
  view.stop();
  if (outcome.message !== null)
    (outcome.code === EXIT.ok ? process.stdout : process.stderr).write(
      `${outcome.code === EXIT.ok ? '' : 'campaign: '}${outcome.message}\n`,
    );
  return outcome.code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`campaign: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(EXIT.failed);
  },
);
