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

/**
 * Node's fetch through `connections` (when given): a connection not opened in time is an
 * `ApiConnectTimeoutError` that names the host and the setting.
 */
export async function fetchThrough(
  input: string | URL | Request,
  init: RequestInit,
  connections: ApiConnections | undefined,
): Promise<Response> {
  if (!connections) return globalThis.fetch(input, init);
  try {
    // The DOM's RequestInit does not name `dispatcher`; Node's fetch takes it.
    return await globalThis.fetch(input, { ...init, dispatcher: connections.dispatcher } as RequestInit);
  } catch (error) {
    if ((error as { cause?: { code?: unknown } } | undefined)?.cause?.code !== 'UND_ERR_CONNECT_TIMEOUT')
      throw error;
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    throw new ApiConnectTimeoutError(new URL(url).host, connections.connectTimeoutMs, connections.setting, {
      cause: error,
    });
  }
}

/** A platform API that could not be connected to in time: transient, so the review is tried again later. */
export class ApiConnectTimeoutError extends Error {
  readonly code = 'UND_ERR_CONNECT_TIMEOUT';

  constructor(
    host: string,
    readonly connectTimeoutMs: number,
    setting: string,
    options?: { cause?: unknown },
  ) {
    super(`could not connect to ${host} within ${connectTimeoutMs} ms (${setting})`, options);
    this.name = 'ApiConnectTimeoutError';
  }
}
