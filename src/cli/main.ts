import { Command, CommanderError, Option } from 'commander';
import { readEnvironment } from '../config/environment.js';
import { isMshubError } from '../core/errors.js';
import { sha256File } from '../platforms/local/sha256-file.js';
import { EXIT } from './exit-codes.js';
import { type OutputFormat, runValidate } from './validate-command.js';

export interface ProgramIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  env?: NodeJS.ProcessEnv;
}

/** Runs the command line and returns the exit code; never calls process.exit, so tests can drive it. */
export async function runCli(argv: readonly string[], io: ProgramIo): Promise<number> {
  const environment = readEnvironment(io.env);
  let exitCode: number = EXIT.OK;
  const program = new Command()
    .name('mshub-review')
    .description('Reviews MindSpore Hub model submissions: the checks the hub bot runs on pull requests.')
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
    .option('-c, --config <file>', 'repository settings (default: <hub>/.github/mshub-review.yml)')
    .action(async (paths: string[], options: { format: OutputFormat; config?: string }) => {
      exitCode = await runValidate(paths, options, { stdout: io.stdout, environment });
    });

  program
    .command('sha256')
    .description('Print the SHA-256 of a file as lowercase hex, the value for `asset-sha256`.')
    .argument('<file>', 'the model file')
    .action(async (file: string) => {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) {
        io.stderr.write(
          'mshub-review: hashing a URL needs the asset downloader; download the file and pass its path.\n',
        );
        exitCode = EXIT.USAGE;
        return;
      }
      io.stdout.write(`${await sha256File(file)}\n`);
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
