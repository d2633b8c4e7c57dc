import { runCli } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output and no colour. */
export async function runCliCaptured(
  args: string[],
  options: { tty?: boolean; env?: NodeJS.ProcessEnv; now?: () => Date } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (text: string) => (stdout += text), isTTY: options.tty ?? false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    env: options.env ?? {},
    ...(options.now ? { now: options.now } : {}),
  });
  return { code, stdout, stderr };
}
