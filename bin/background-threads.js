// Lets the main thread, which does all of a contributor command's work, keep its core. Node starts
// V8's background threads (the optimizing compiler, GC helpers) with the process, and on a two-core
// machine they took the main thread's core from it for about 50 ms of a 270 ms hub-wide validate.
// At the lowest priority they still run, on the other core and whenever the main thread waits.
// Linux only: there each thread has a priority of its own, set through its id; elsewhere this does
// nothing. Not for `serve` and `worker`, whose threads keep the priority the operator gave them.
const { readdirSync } = require('node:fs');
const { setPriority } = require('node:os');

const LOWEST_PRIORITY = 19;

/** Lowers every thread of this process but the main one; returns how many it lowered. */
function yieldBackgroundThreads() {
  if (process.platform !== 'linux') return 0;
  let threads;
  try {
    threads = readdirSync('/proc/self/task');
  } catch {
    return 0;
  }
  let lowered = 0;
  for (const thread of threads) {
    const id = Number(thread);
    if (!Number.isInteger(id) || id === process.pid) continue;
    try {
      setPriority(id, LOWEST_PRIORITY);
      lowered++;
    } catch {
      // A thread that ended meanwhile, or a system that refuses: the command runs as it would have.
    }
  }
  return lowered;
}

module.exports = { yieldBackgroundThreads };
