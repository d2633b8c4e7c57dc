#!/usr/bin/env node
// `serve` and `worker` run from the compiled chunks in dist/bundle, which load the server's packages
// on demand. Every other command runs from the one CommonJS bundle with its V8 code cache (see
// cached-cli.js); without it (not built), from the chunks too. The command is the first argument
// that is not an option, as commander reads it: the program itself takes no option with a value.
// This folder is CommonJS (bin/package.json): Node starts its ES module loader only for serve and
// worker then, which a contributor command does not wait for.
const { yieldBackgroundThreads } = require('./background-threads.js');
const { loadCachedCli } = require('./cached-cli.js');

const args = process.argv.slice(2);
const command = args.find((arg) => !arg.startsWith('-'));
// `audit` too: a maintainer's command, left out of the contributor's bundle (scripts/server-commands-left-out.mjs).
const server = command === 'serve' || command === 'worker' || command === 'audit';
if (!server) yieldBackgroundThreads();
const cli = server ? undefined : loadCachedCli();
if (cli) {
  const io = {
    stdout: process.stdout,
    stderr: process.stderr,
    // Only `new` reads answers from it; opening a piped stdin loads the network stack (2 ms).
    get stdin() {
      return process.stdin;
    },
  };
  cli.runCli(args, io).then((code) => {
    process.exitCode = code;
    // The command is done once what it wrote has reached the system (the callbacks of an empty write
    // come after everything written before). Exiting then spares the wait Node would make for V8's
    // background compiler to finish code that will not run any more: 5 to 10 ms of a hub-wide validate.
    process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
  });
} else {
  import('../dist/bundle/bin.js');
}
