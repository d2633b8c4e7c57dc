import { Agent } from 'undici';
import type { ApiConnections } from './api-connect-timeout.js';

/** One pool of connections for a platform's API, each opened within `connectTimeoutMs` or given up. */
export function apiConnections(connectTimeoutMs: number, setting: string): ApiConnections {
  const agent = new Agent({ connect: { timeout: connectTimeoutMs } });
  // Ended at once, not after the requests in flight: a process closes them only once its work was
  // stopped or set aside, and a request stuck on a silent API would hold the exit past its grace.
  return { dispatcher: agent, connectTimeoutMs, setting, close: () => agent.destroy() };
}
