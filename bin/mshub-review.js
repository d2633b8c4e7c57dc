#!/usr/bin/env node
// `serve` and `worker` run from the compiled chunks in dist/bundle, which load the server's packages
// on demand. Every other command runs from the one CommonJS bundle with its V8 code cache (see
// cached-cli.js); without it (not built), from the chunks too. The command is the first argument
// that is not an option, as commander reads it: the program itself takes no option with a value.
import { loadCachedCli } from './cached-cli.js';

const args = process.argv.slice(2);
const command = args.find((arg) => !arg.startsWith('-'));
const cli = command === 'serve' || command === 'worker' ? undefined : loadCachedCli();
if (cli) {
  process.exitCode = await cli.runCli(args, {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
  });
} else {
  await import('../dist/bundle/bin.js');
}
