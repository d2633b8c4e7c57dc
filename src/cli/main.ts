import { Command, CommanderError, Option } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { readEnvironment } from '../config/environment.js';
import { isMshubError, MshubError } from '../core/errors.js';
import type { Language } from '../core/messages/message-spec.js';
import { EXIT } from './exit-codes.js';
import type { FixOptions } from './fix-command.js';
import type { NewOptions } from './new-command.js';
import { runValidate, type ValidateOptions } from './validate-command.js';

export interface ProgramIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env?: NodeJS.ProcessEnv;
  /** Where `new` reads answers, at a terminal only. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  /** The clock `new` dates a submission by. */
  now?: () => Date;
}

/** `--lang zh|en`: the language of what a command prints; the locale's (LANG) without it. */
const LANG_OPTION = () =>
  new Option('--lang <language>', 'language of the messages (default: from the locale)').choices([
    'zh',
    'en',
  ]);

/** The language a failed command explains itself in: `--lang` as given, else the locale's. */
function languageOf(argv: readonly string[], env: NodeJS.ProcessEnv | undefined): Language {
  const at = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const given = at === -1 ? undefined : argv[at]?.includes('=') ? argv[at]?.split('=')[1] : argv[at + 1];
  if (given === 'zh' || given === 'zh+en') return 'zh';
  if (given === 'en') return 'en';
  try {
    return readEnvironment(env).language;
  } catch {
    // The error being reported may be that very setting.
    return 'en';
  }
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
    .addOption(
      new Option(
        '--lang <language>',
        'language of the report (default: from the locale; markdown: the hub setting)',
      ).choices(['zh', 'en', 'zh+en']),
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
    .addOption(LANG_OPTION())
    .action(async (paths: string[], options: FixOptions) => {
      const environment = readEnvironment(io.env);
      const { runFix } = await import('./fix-command.js');
      exitCode = await runFix(paths, options, { stdout: io.stdout, stderr: io.stderr, environment });
    });

  program
    .command('new')
    .description(
      'Write a new submission that passes every check: the asset file under mshub_res/assets/<publisher>/<version>/, with its digests computed, and optionally the Chinese page.',
    )
    .option('--asset <file-or-url>', 'the model file, or its https link (repeat for more)', collect, [])
    .option(
      '--asset-link <url>',
      'where each local --asset file is published, in the same order',
      collect,
      [],
    )
    .option('--model-name <name>', 'the model, e.g. resnet50')
    .option('--backbone-name <name>', 'the backbone (default: the model name)')
    .option('--module-type <type>', '<family>-<task>, e.g. cv-classification')
    .option('--dataset <name>', 'the training dataset, spelt as in the hub list, e.g. ImageNet2012')
    .option('--evaluation <text>', 'results, e.g. "top1acc76.5 | top5acc93.1"')
    .option('--model-version <version>', 'the version of the model', '1.0')
    .option('--mindspore-version <version>', 'the MindSpore version folder, e.g. 2.5')
    .option('--user-id <id>', 'your user id on the hub, e.g. MindSpore')
    .option('--publisher <folder>', 'the folder under mshub_res/assets (default: from the user id)')
    .option('--author <name>', 'the author (default: the user id)')
    .option('--repo-link <url>', 'the source code folder that holds mindspore_hub_conf.py')
    .addOption(
      new Option('--used-for <use>', 'what the model is for')
        .choices(['inference', 'extract-feature', 'transfer-learning'])
        .default('inference'),
    )
    .addOption(
      new Option('--backend <device>', 'where it trains and runs')
        .choices(['ascend', 'gpu', 'cpu'])
        .default('ascend'),
    )
    .option('--license <license>', 'the license', 'Apache2.0')
    .option('--summary <text>', 'one line about the model (no `:`)')
    .option('--summary-zh <text>', 'the same in Chinese, for the Chinese page')
    .option('--no-fine-tunable', 'the parameters cannot be trained further')
    .option('--cn', 'also write the Chinese page (<name>_cn.md)')
    .option('--hub <dir>', 'the hub checkout (default: the one this folder is in)')
    .option('-n, --dry-run', 'print the files instead of writing them')
    .addOption(LANG_OPTION())
    .action(async (options: NewOptions) => {
      const environment = readEnvironment(io.env);
      const { runNew, terminalAsk } = await import('./new-command.js');
      const ask = io.stdin && io.stdout.isTTY ? terminalAsk(io.stdin, process.stdout) : undefined;
      exitCode = await runNew(options, {
        stdout: io.stdout,
        stderr: io.stderr,
        environment,
        today: (io.now ?? (() => new Date()))().toISOString().slice(0, 10),
        ...(ask ? { ask } : {}),
      });
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
      io.stderr.write(`mshub-review: ${error.inLanguage(languageOf(argv, io.env))}\n`);
      return EXIT.USAGE;
    }
    io.stderr.write(`mshub-review: unexpected failure: ${(error as Error)?.stack ?? String(error)}\n`);
    return EXIT.INTERNAL;
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
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
