import { spawn, type ChildProcess } from 'node:child_process';

/**
 * The headless runner as an operator runs it: `npx tsx cli/campaign.ts ...` from the repository,
 * or `node_modules/.bin/tsx cli/campaign.ts ...` (as the systemd unit does) when the test signals
 * it: npx does not pass a signal on to its child.
 */
export interface RunnerProcess {
  child: ChildProcess;
  /** stdout and stderr so far, interleaved. */
  output(): string;
  stdout(): string;
  exited: Promise<number | null>;
  /** The exit code, or 'timeout' (the process is then killed). */
  exitWithin(ms: number): Promise<number | null | 'timeout'>;
}

export function spawnRunner(args: readonly string[], via: 'npx' | 'tsx' = 'npx'): RunnerProcess {
  const [command, prefix] = via === 'npx' ? ['npx', ['tsx']] : ['node_modules/.bin/tsx', []];
  const child = spawn(command, [...prefix, 'cli/campaign.ts', ...args], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  let output = '';
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    stdout: () => stdout,
    exited,
    async exitWithin(ms) {
      const result = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms))]);
      if (result === 'timeout') child.kill('SIGKILL');
      return result;
    },
  };
}
