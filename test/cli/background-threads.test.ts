import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { getPriority } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { describeUnless } from '../helpers/suite.js';

const run = promisify(execFile);

/** Each thread's nice value in a fresh Node process, after it lowered its background threads. */
const REPORT_PRIORITIES = `
const { readdirSync, readFileSync } = require('node:fs');
const { yieldBackgroundThreads } = require(${JSON.stringify(join(REPO_ROOT, 'bin/background-threads.js'))});
const lowered = yieldBackgroundThreads();
const nice = (id) => Number(readFileSync('/proc/self/task/' + id + '/stat', 'utf8').split(') ')[1].split(' ')[16]);
const threads = readdirSync('/proc/self/task').map((id) => ({ main: Number(id) === process.pid, nice: nice(id) }));
console.log(JSON.stringify({ lowered, threads }));
`;

describeUnless(process.platform === 'linux' ? false : 'Linux only', 'bin/background-threads.js', () => {
  it("lowers every thread but the main one to the lowest priority, and leaves the main thread's", async () => {
    const { stdout } = await run(process.execPath, ['-e', REPORT_PRIORITIES]);
    const { lowered, threads } = JSON.parse(stdout) as {
      lowered: number;
      threads: Array<{ main: boolean; nice: number }>;
    };
    const background = threads.filter((thread) => !thread.main);
    assert.ok(background.length > 0, 'Node runs V8 background threads');
    assert.equal(lowered, background.length);
    assert.deepEqual(
      background.map((thread) => thread.nice),
      background.map(() => 19),
    );
    assert.deepEqual(
      threads.filter((thread) => thread.main).map((thread) => thread.nice),
      [getPriority()],
      'the priority it started with, as this process',
    );
  });
});
