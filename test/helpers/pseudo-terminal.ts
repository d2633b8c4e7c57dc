import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';

/**
 * Why a command cannot be run at a pseudo-terminal here, or false. util-linux's `script` gives the
 * command a real terminal (raw mode, Ctrl+C and Ctrl+D as a person types them) with no native addon.
 */
export function pseudoTerminalMissing(): string | false {
  const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? false : "util-linux's `script` is not installed (Debian: bsdutils)";
}

const ESCAPES = /\u001b\[[0-9;?]*[A-Za-z]|\u001b[()][A-Za-z0-9]|\r/g;

function shellQuoted(word: string): string {
  return `'${word.replaceAll("'", `'"'"'`)}'`;
}

/** A command at a terminal: read what it shows, type as a person would, and wait for it to end. */
export class PseudoTerminal {
  private readonly child: ChildProcessWithoutNullStreams;
  private shown = '';
  /** Where the next wait starts reading: each wait consumes what it matched. */
  private cursor = 0;
  private waiting: (() => void) | undefined;
  readonly exited: Promise<number | null>;

  constructor(command: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
    // -e: script exits with the command's status; -f: output is flushed as it comes.
    this.child = spawn('script', ['-qfec', command.map(shellQuoted).join(' '), '/dev/null'], {
      cwd: options.cwd,
      env: { TERM: 'xterm', ...options.env },
    });
    const take = (chunk: Buffer) => {
      this.shown += chunk.toString('utf8').replace(ESCAPES, '');
      this.waiting?.();
    };
    this.child.stdout.on('data', take);
    this.child.stderr.on('data', take);
    this.exited = new Promise((resolve) =>
      this.child.on('close', (code) => {
        resolve(code);
        this.waiting?.();
      }),
    );
  }

  /** Everything the terminal showed so far, without colours and cursor moves. */
  get screen(): string {
    return this.shown;
  }

  /** Resolves with what was shown up to and including `expected`; fails with the screen if it never is. */
  async waitFor(expected: string | RegExp, timeoutMs = 20_000): Promise<string> {
    const deadline = setTimeout(() => this.waiting?.(), timeoutMs);
    const started = Date.now();
    try {
      for (;;) {
        const rest = this.shown.slice(this.cursor);
        const at =
          typeof expected === 'string'
            ? { index: rest.indexOf(expected), length: expected.length }
            : (() => {
                const match = expected.exec(rest);
                return { index: match?.index ?? -1, length: match?.[0].length ?? 0 };
              })();
        if (at.index !== -1) {
          const upTo = rest.slice(0, at.index + at.length);
          this.cursor += at.index + at.length;
          return upTo;
        }
        if (Date.now() - started >= timeoutMs)
          throw new Error(`the terminal never showed ${String(expected)}; it shows:\n${rest}`);
        await new Promise<void>((resolve) => {
          this.waiting = resolve;
        });
      }
    } finally {
      clearTimeout(deadline);
      this.waiting = undefined;
    }
  }

  /** Types text; end a line with '\r', as the Enter key sends it. */
  type(text: string): void {
    this.child.stdin.write(text);
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}
