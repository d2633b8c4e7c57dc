/**
 * The connections a platform's API requests go through: Node's fetch takes them as its `dispatcher`.
 * Opening one (TCP and TLS) ends after `connectTimeoutMs`, so an API host that takes a connection and
 * never finishes the handshake fails fast and says so, long before the request's own deadline.
 */
export interface ApiConnections {
  readonly dispatcher: object;
  readonly connectTimeoutMs: number;
  /** The setting that gave the time, named in the error an operator reads. */
  readonly setting: string;
  /** Ends every connection at once, requests in flight included. */
  close(): Promise<void>;
}

/** The request's options with the connections as its dispatcher (the DOM's RequestInit does not name it). */
export function throughConnections(init: RequestInit, connections: ApiConnections | undefined): RequestInit {
  return connections ? ({ ...init, dispatcher: connections.dispatcher } as RequestInit) : init;
}

/** True when fetch failed because no connection could be opened in time. */
export function connectTimedOut(error: unknown): boolean {
  return (error as { cause?: { code?: unknown } } | undefined)?.cause?.code === 'UND_ERR_CONNECT_TIMEOUT';
}

/** A platform API that could not be connected to in time: transient, so the review is tried again later. */
export class ApiConnectTimeoutError extends Error {
  readonly code = 'UND_ERR_CONNECT_TIMEOUT';

  constructor(host: string, connectTimeoutMs: number, setting: string, options?: { cause?: unknown }) {
    super(`could not connect to ${host} within ${connectTimeoutMs} ms (${setting})`, options);
    this.name = 'ApiConnectTimeoutError';
  }
}
