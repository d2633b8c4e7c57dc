import { Command, CommanderError, Option } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { readEnvironment } from '../config/environment.js';
import { isMshubError, MshubError } from '../core/errors.js';
import { EXIT } from './exit-codes.js';
import type { FixOptions } from './fix-command.js';
import { runValidate, type ValidateOptions } from './validate-command.js';

export interface ProgramIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env?: NodeJS.ProcessEnv;
}

/** Runs the command line and returns the exit code; never calls process.exit, so tests can drive it. */
export async function runCli(argv: readonly string[], io: ProgramIo): Promise<number> {
  let exitCode: number = EXIT.OK;
  const program = new Command()
    .name('mshub-review')
    .description('Reviews MindSpore Hub model submissions: the checks the hub bot runs on pull requests.')
    .version(packageJson.version, '-V, --version', 'print the version of mshub-review')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showHelpAfterError();

  program
    .command('validate')
    .description(
      'Check asset markdown files (default: mshub_res/assets) and report what is wrong and how to fix it.',
    )
    .argument('[paths...]', 'asset files, or folders searched for *.md')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['text', 'json', 'markdown'])
        .default('text'),
    )
    .option('-q, --quiet', 'show errors only (text output)')
    .option('-c, --config <file>', 'repository settings (default: <hub>/.github/mshub-review.yml)')
    .option('--verify-assets', 'download every asset-link and compare its SHA-256 with asset-sha256')
    .option(
      '--check-repo',
      'check that repo-link has mindspore_hub_conf.py with create_network (GitHub and Gitee APIs)',
    )
    .action(async (paths: string[], options: ValidateOptions) => {
      const environment = readEnvironment(io.env);
      exitCode = await runValidate(paths, options, { stdout: io.stdout, stderr: io.stderr, environment });
    });

  program
    .command('fix')
    .description(
      'Fix in place what needs no decision (key spellings, typing slips, quoting, date and digest formats), show the changes as a diff, then check again.',
    )
    .argument('[paths...]', 'asset files, or folders searched for *.md')
    .option('-n, --dry-run', 'show the changes without writing them')
    .option('-q, --quiet', 'show errors only in what is left')
    .option('-c, --config <file>', 'repository settings (default: <hub>/.github/mshub-review.yml)')
    .option(
      '--verify-assets',
      'download every asset-link and write its SHA-256 where asset-sha256 is missing or cut short (never over a different one)',
    )
    .action(async (paths: string[], options: FixOptions) => {
      const environment = readEnvironment(io.env);
      const { runFix } = await import('./fix-command.js');
      exitCode = await runFix(paths, options, { stdout: io.stdout, stderr: io.stderr, environment });
    });

  program
    .command('sha256')
    .description(
      'Print the SHA-256 of a file or an https URL as lowercase hex, the value for `asset-sha256`.',
    )
    .argument('<file-or-url>', 'the model file, or its https download link (streamed, never saved)')
    .action(async (target: string) => {
      const environment = readEnvironment(io.env);
      // Each command loads its own modules, so that `validate` starts without them.
      const { runSha256 } = await import('./sha256-command.js');
      exitCode = await runSha256(target, { stdout: io.stdout, stderr: io.stderr, environment });
    });

  program
    .command('site-sync')
    .description(
      'Build the hub catalog (catalog.json) and the static hub page (index.html) from a hub checkout.',
    )
    .requiredOption('--hub <dir>', 'the hub checkout (the folder that holds mshub_res)')
    .requiredOption('--out <dir>', 'where to write catalog.json and index.html')
    .option('--commit <sha>', 'the commit the catalog describes')
    .action(async (options: { hub: string; out: string; commit?: string }) => {
      const { runSiteSync } = await import('./site-sync-command.js');
      exitCode = await runSiteSync(options, { stdout: io.stdout });
    });

  program
    .command('serve')
    .description('Run the GitHub App webhook server and the review queue (see README: Deployment).')
    .action(async () => {
      // Loaded on demand: Probot and its dependencies would slow down every `validate`.
      const { runServe } = await loadServerCommand('serve', () => import('./serve-command.js'));
      await untilSignalled(await runServe(readEnvironment(io.env)));
    });

  program
    .command('worker')
    .description('Run the reviews queued in Redis (REDIS_URL); start as many workers as needed.')
    .action(async () => {
      const { runWorker } = await loadServerCommand('worker', () => import('./worker-command.js'));
      await untilSignalled(await runWorker(readEnvironment(io.env)));
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version'
        ? EXIT.OK
        : EXIT.USAGE;
    }
    if (isMshubError(error)) {
      io.stderr.write(`mshub-review: ${error.message}\n`);
      return EXIT.USAGE;
    }
    io.stderr.write(`mshub-review: unexpected failure: ${(error as Error)?.stack ?? String(error)}\n`);
    return EXIT.INTERNAL;
  }
}

/**
 * The single-file build leaves out `serve` and `worker` (and a CLI-only install lacks Probot, BullMQ,
 * ioredis and pino): say what to do instead of printing a module resolution stack.
 */
async function loadServerCommand<T>(name: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new MshubError(
      'SERVER_UNAVAILABLE',
      `\`${name}\` runs the bot and needs the server dependencies, which this copy of mshub-review does not have ` +
        `(${(error as Error).message.split('\n')[0]}). Run it from a checkout of mshub-review after \`npm ci\` ` +
        '(README: Deployment); the single-file build runs the contributor commands only.',
    );
  }
}

/**
 * Runs until SIGTERM or SIGINT, then stops cleanly: jobs in hand finish, and Redis keeps the rest.
 * Once stopped, a timer still pending (an API call waiting to retry) does not keep the process up.
 */
function untilSignalled(service: { stop(): Promise<void> }): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () =>
      void service.stop().then(() => {
        setTimeout(() => process.exit(), 2000).unref();
        resolve();
      });
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}
