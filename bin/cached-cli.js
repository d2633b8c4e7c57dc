// Loads the contributor commands from one CommonJS bundle (dist/cached-cli/cli.cjs) with the V8 code
// cache `npm run build` made beside it. Node 20 keeps no compile cache for ES modules (Node 22's
// module.enableCompileCache does), and compiling the CLI's functions again on every run is about a
// tenth of validating a whole hub. V8 refuses a cache made by another Node version or for other
// source, and the bundle is then compiled as usual: the cache can make a run faster, never different.
const { isAscii } = require('node:buffer');
const { existsSync, readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const CACHED_CLI_FOLDER = join(__dirname, '../dist/cached-cli');

/** The bundle and its cache in `folder`; undefined when the bundle was not built. */
function loadCachedCli(folder = CACHED_CLI_FOLDER) {
  const file = join(folder, 'cli.cjs');
  if (!existsSync(file)) return undefined;
  const cacheFile = join(folder, 'cli.cjs.v8-cache');
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(wrappedSource(readFileSync(file)), { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return {
    /** The CLI's entry point (src/cli/main.ts). */
    runCli: module.exports.runCli,
    /** Whether V8 used the cache: false without one, or for one it refused. */
    cacheAccepted: cachedData !== undefined && !script.cachedDataRejected,
    /** The code V8 has compiled so far, for the build to write as the cache. */
    createCache: () => script.createCachedData(),
    cacheFile,
  };
}

const WRAPPER_START = Buffer.from('(function (exports, require, module, __filename, __dirname) {');
const WRAPPER_END = Buffer.from('\n})');

/**
 * The bundle as the body of a CommonJS module function, in one string. The bundle is ASCII (a test
 * holds it so), and V8 then keeps it one byte a character; one non-ASCII character would double the
 * 700 kB it keeps for the whole run. Joined as bytes, so there is no second copy of the text.
 */
function wrappedSource(bundle) {
  const bytes = Buffer.concat([WRAPPER_START, bundle, WRAPPER_END]);
  return bytes.toString(isAscii(bundle) ? 'latin1' : 'utf8');
}

module.exports = { CACHED_CLI_FOLDER, loadCachedCli };
