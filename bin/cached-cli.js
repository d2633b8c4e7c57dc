// Loads the contributor commands from one CommonJS bundle (dist/cached-cli/cli.cjs) with the V8 code
// cache `npm run build` made beside it. Node 20 keeps no compile cache for ES modules (Node 22's
// module.enableCompileCache does), and compiling the CLI's functions again on every run is about a
// tenth of validating a whole hub. V8 refuses a cache made by another Node version or for other
// source, and the bundle is then compiled as usual: the cache can make a run faster, never different.
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
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
  const script = new Script(source, { filename: file, cachedData });
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

module.exports = { CACHED_CLI_FOLDER, loadCachedCli };
