import { Command, CommanderError, Help, Option } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { localeLanguage, readEnvironment } from '../config/environment.js';
import { isMshubError, MshubError } from '../core/errors.js';
import type { MessageId } from '../core/messages/catalog.js';
import { formatMessage, msg } from '../core/messages/format-message.js';
import type { Language } from '../core/messages/message-spec.js';
import type { AuditOptions } from './audit-command.js';
import { EXIT } from './exit-codes.js';
import type { FixOptions } from './fix-command.js';
import {
  localizedArgumentDescription,
  localizedCommanderError,
  localizedOptionDescription,
} from './localized-commander.js';
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
  /** The script this program runs as (`process.argv[1]` by default), for a command to type again. */
  script?: string;
}

/** `--lang zh|en`: the language of what a command prints; the locale's (LANG) without it. */
const LANG_OPTION = (description: string) =>
  new Option('--lang <language>', description).choices(['zh', 'en']);

type HelpId = Extract<MessageId, `help.${string}`>;

/** The headings commander writes in a help text. */
const HELP_TITLES_ZH: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

/** The language a failed command explains itself in: `--lang` as given, else the locale's. */
function languageOf(argv: readonly string[], env: NodeJS.ProcessEnv | undefined): Language {
  const at = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const given = at === -1 ? undefined : argv[at]?.includes('=') ? argv[at]?.split('=')[1] : argv[at + 1];
  if (given === 'zh' || given === 'zh+en') return 'zh';
  if (given === 'en') return 'en';
  return localeLanguage(env);
}

/** Runs the command line and returns the exit code; never calls process.exit, so tests can drive it. */
export async function runCli(argv: readonly string[], io: ProgramIo): Promise<number> {
  let exitCode: number = EXIT.OK;
  const language = languageOf(argv, io.env);
  const h = (id: HelpId) => formatMessage(msg(id), language);
  const program = new Command()
    .name('mshub-review')
    .description(h('help.program'))
    .version(packageJson.version, '-V, --version', h('help.version'))
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(localizedCommanderError(text, language)),
    })
    .helpOption('-h, --help', h('help.help'))
    .helpCommand('help [command]', h('help.help'))
    .configureHelp({
      styleTitle: (title) => (language === 'zh' ? (HELP_TITLES_ZH[title] ?? title) : title),
      // Commander puts a space after the title; none follows a full-width colon in Chinese.
      formatHelp: (command, helper) => {
        const text = Help.prototype.formatHelp.call(helper, command, helper);
        return language === 'zh' ? text.replace(/^(\u7528\u6cd5\uff1a) /, '$1') : text;
      },
      optionDescription: (option) => localizedOptionDescription(option, language),
      argumentDescription: (argument) => localizedArgumentDescription(argument, language),
    })
    // One line of error and how to get help, not the whole help under it.
    .showHelpAfterError(h('help.after-error'));

  program
    .command('validate')
    .description(h('help.validate'))
    .argument('[paths...]', h('help.paths'))
    .addOption(
      new Option('-f, --format <format>', h('help.format'))
        .choices(['text', 'json', 'markdown'])
        .default('text'),
    )
    .option('-q, --quiet', h('help.quiet'))
    .option('-c, --config <file>', h('help.config'))
    .option('--verify-assets', h('help.verify-assets'))
    .option('--check-repo', h('help.check-repo'))
    .addOption(new Option('--lang <language>', h('help.validate-lang')).choices(['zh', 'en', 'zh+en']))
    .action(async (paths: string[], options: ValidateOptions) => {
      const environment = readEnvironment(io.env);
      exitCode = await runValidate(paths, options, { stdout: io.stdout, stderr: io.stderr, environment });
    });

  program
    .command('fix')
    .description(h('help.fix'))
    .argument('[paths...]', h('help.paths'))
    .option('-n, --dry-run', h('help.fix-dry-run'))
    .option('-q, --quiet', h('help.fix-quiet'))
    .option('-c, --config <file>', h('help.config'))
    .option('--verify-assets', h('help.fix-verify-assets'))
    .option('--from-audit [state]', h('help.fix-from-audit'))
    .addOption(LANG_OPTION(h('help.lang')))
    .action(async (paths: string[], options: FixOptions) => {
      const environment = readEnvironment(io.env);
      const { runFix } = await import('./fix-command.js');
      exitCode = await runFix(paths, options, { stdout: io.stdout, stderr: io.stderr, environment });
    });

  program
    .command('new')
    .description(h('help.new'))
    .option('--asset <file-or-url>', h('help.asset'), collect, [])
    .option('--asset-link <url>', h('help.asset-link'), collect, [])
    .option('--model-name <name>', h('help.model-name'))
    .option('--backbone-name <name>', h('help.backbone-name'))
    .option('--module-type <type>', h('help.module-type'))
    .option('--dataset <name>', h('help.dataset'))
    .option('--evaluation <text>', h('help.evaluation'))
    .option('--model-version <version>', h('help.model-version'), '1.0')
    .option('--mindspore-version <version>', h('help.mindspore-version'))
    .option('--user-id <id>', h('help.user-id'))
    .option('--publisher <folder>', h('help.publisher'))
    .option('--author <name>', h('help.author'))
    .option('--repo-link <url>', h('help.repo-link'))
    .addOption(
      new Option('--used-for <use>', h('help.used-for'))
        .choices(['inference', 'extract-feature', 'transfer-learning'])
        .default('inference'),
    )
    .addOption(
      new Option('--backend <device>', h('help.backend')).choices(['ascend', 'gpu', 'cpu']).default('ascend'),
    )
    .option('--license <license>', h('help.license'), 'Apache2.0')
    .option('--summary <text>', h('help.summary'))
    .option('--summary-zh <text>', h('help.summary-zh'))
    .option('--no-fine-tunable', h('help.no-fine-tunable'))
    .option('--cn', h('help.cn'))
    .option('--hub <dir>', h('help.hub'))
    .option('-n, --dry-run', h('help.new-dry-run'))
    .addOption(LANG_OPTION(h('help.lang')))
    .action(async (options: NewOptions) => {
      const environment = readEnvironment(io.env);
      const { runNew } = await import('./new-command.js');
      const { terminalAsk } = await import('./new-prompts.js');
      const { commandName } = await import('./new-resume-command.js');
      const ask = io.stdin && io.stdout.isTTY ? terminalAsk(io.stdin, process.stdout) : undefined;
      exitCode = await runNew(options, {
        stdout: io.stdout,
        stderr: io.stderr,
        environment,
        today: (io.now ?? (() => new Date()))().toISOString().slice(0, 10),
        invokedAs: commandName(io.script ?? process.argv[1], process.cwd()),
        ...(ask ? { ask } : {}),
      });
    });

  program
    .command('audit')
    .description(h('help.audit'))
    .argument('[hub]', h('help.audit-hub'))
    .addOption(
      new Option('-f, --format <format>', h('help.format'))
        .choices(['text', 'json', 'markdown'])
        .default('text'),
    )
    .option('--state <file>', h('help.audit-state'))
    .option('--no-hash', h('help.audit-no-hash'))
    .option('--no-repos', h('help.audit-no-repos'))
    .option('--report-to <hub>', h('help.audit-report-to'))
    .addOption(LANG_OPTION(h('help.lang')))
    .action(async (hub: string | undefined, options: AuditOptions) => {
      const environment = readEnvironment(io.env);
      const { runAudit } = await loadServerCommand('audit', () => import('./audit-command.js'));
      // Ctrl+C, or SIGTERM (a scheduled job cancelled, its time up), stops between links; what is
      // done is kept, and the next run goes on from there.
      const stop = new AbortController();
      const interrupt = () => stop.abort();
      process.once('SIGINT', interrupt);
      process.once('SIGTERM', interrupt);
      try {
        exitCode = await runAudit(hub, options, {
          stdout: io.stdout,
          stderr: io.stderr,
          environment,
          signal: stop.signal,
          ...(io.now ? { now: io.now } : {}),
        });
      } finally {
        process.off('SIGINT', interrupt);
        process.off('SIGTERM', interrupt);
      }
    });

  program
    .command('sha256')
    .description(h('help.sha256'))
    .argument('<file-or-url>', h('help.sha256-target'))
    .action(async (target: string) => {
      const environment = readEnvironment(io.env);
      // Each command loads its own modules, so that `validate` starts without them.
      const { runSha256 } = await import('./sha256-command.js');
      exitCode = await runSha256(target, { stdout: io.stdout, stderr: io.stderr, environment });
    });

  program
    .command('version')
    .description(h('help.version-command'))
    .option('--server <url>', h('help.version-server'))
    .addOption(LANG_OPTION(h('help.lang')))
    .action(async (options: { server?: string }) => {
      const { runVersion } = await import('./version-command.js');
      exitCode = await runVersion(packageJson.version, options.server, {
        stdout: io.stdout,
        stderr: io.stderr,
        language,
      });
    });

  program
    .command('site-sync')
    .description(h('help.site-sync'))
    .requiredOption('--hub <dir>', h('help.site-sync-hub'))
    .requiredOption('--out <dir>', h('help.site-sync-out'))
    .option('--commit <sha>', h('help.site-sync-commit'))
    .action(async (options: { hub: string; out: string; commit?: string }) => {
      const { runSiteSync } = await import('./site-sync-command.js');
      exitCode = await runSiteSync(options, { stdout: io.stdout });
    });

  program
    .command('serve')
    .summary(h('help.serve-summary'))
    .description(h('help.serve'))
    .action(async () => {
      // Loaded on demand: Probot and its dependencies would slow down every `validate`.
      const { runServe } = await loadServerCommand('serve', () => import('./serve-command.js'));
      const environment = readEnvironment(io.env);
      await untilSignalled(await runServe(environment), environment.server.shutdownGraceMs);
    });

  program
    .command('worker')
    .description(h('help.worker'))
    .action(async () => {
      const { runWorker } = await loadServerCommand('worker', () => import('./worker-command.js'));
      const environment = readEnvironment(io.env);
      await untilSignalled(await runWorker(environment), environment.server.shutdownGraceMs);
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
      `\`${name}\` ${name === 'audit' ? 'audits a whole hub for its maintainers and is part of the full package' : 'runs the bot and needs the server dependencies'}, which this copy of mshub-review does not have ` +
        `(${(error as Error).message.split('\n')[0]}). Run it from a checkout of mshub-review after \`npm ci\` ` +
        '(README: Deployment); the single-file build runs the contributor commands only.',
    );
  }
}

/**
 * Runs until SIGTERM or SIGINT, then stops taking work at once, lets what runs finish within the
 * grace period (SHUTDOWN_GRACE_SECONDS), sets aside what has not (Redis keeps it, or the embedded
 * queue's journal on disk) and exits 0. Nothing can hold the exit past the grace period and a
 * second; a second signal exits at once.
 */
function untilSignalled(service: { stop(): Promise<void> }, graceMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) process.exit(0);
      stopping = true;
      setTimeout(() => process.exit(0), graceMs + 1000).unref();
      void service.stop().finally(() => {
        resolve();
        // What was written reaches the system first; then nothing pending (a retry timer) keeps the process up.
        process.stdout.write('', () => process.exit(0));
      });
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}
