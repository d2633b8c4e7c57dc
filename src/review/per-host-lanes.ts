import { hostOf } from './audit-link.js';

/** Links held for one host at most: reading further waits until that host takes one of them. */
const BACKLOG = 256;

interface Lane {
  queue: string[];
  running: number;
  /** Wakes the reader, which waits while this lane's backlog is full. */
  room: (() => void) | undefined;
}

/**
 * Works through `links` as they are read, `atOnce` at a time for each host and every host at once,
 * holding at most `backlog` links per host: a hub's 30,000 links are read as their hosts take them,
 * never held whole. Takes no further link once `stopped()`; the first failure ends the work and is
 * thrown once what runs has settled.
 */
export async function perHost(
  links: Iterable<string>,
  atOnce: number,
  work: (link: string) => Promise<void>,
  stopped: () => boolean,
  backlog = BACKLOG,
): Promise<void> {
  const lanes = new Map<string, Lane>();
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  const ended = () => stopped() || failure !== undefined;
  const wake = (lane: Lane) => {
    const room = lane.room;
    lane.room = undefined;
    room?.();
  };

  const drain = async (host: string, lane: Lane) => {
    try {
      while (lane.queue.length > 0 && !ended()) {
        const link = lane.queue.shift() as string;
        wake(lane);
        await work(link);
      }
    } catch (error) {
      failure ??= { error };
    } finally {
      lane.running--;
      if (lane.running === 0 && lane.queue.length === 0 && lanes.get(host) === lane) lanes.delete(host);
      wake(lane);
    }
  };

  for (const link of links) {
    if (ended()) break;
    const host = hostOf(link);
    let lane = lanes.get(host);
    if (!lane) {
      lane = { queue: [], running: 0, room: undefined };
      lanes.set(host, lane);
    }
    const waiting = lane;
    while (waiting.queue.length >= backlog && waiting.running > 0 && !ended())
      await new Promise<void>((resolve) => {
        waiting.room = resolve;
      });
    if (ended()) break;
    lane.queue.push(link);
    if (lane.running < Math.max(1, atOnce)) {
      lane.running++;
      const loop = drain(host, lane);
      running.add(loop);
      void loop.then(() => running.delete(loop));
    }
  }
  while (running.size > 0) await Promise.all([...running]);
  if (failure) throw failure.error;
}
