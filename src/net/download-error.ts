export type DownloadErrorCode =
  | 'refused-address'
  | 'dns'
  | 'tls'
  | 'connect'
  | 'http-status'
  | 'timeout-connect'
  | 'timeout-idle'
  | 'timeout-total'
  /** The body arrived slower than the minimum rate (a trickle the idle timeout cannot catch). */
  | 'too-slow'
  | 'too-large'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'not-https'
  /** A redirect whose Location is not a URL: the server's answer is wrong, and asking again will not mend it. */
  | 'bad-redirect'
  /** An answer that is not valid HTTP (headers too large, a broken status line): final, like a 4xx. */
  | 'bad-response'
  | 'network';

/** Errors worth another try: the server or the network may do better in a moment. */
const TRANSIENT: ReadonlySet<DownloadErrorCode> = new Set([
  'connect',
  'network',
  'timeout-connect',
  'timeout-idle',
]);

/** Why an asset could not be downloaded and hashed; `code` decides the finding and whether to retry. */
export class DownloadError extends Error {
  readonly code: DownloadErrorCode;
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(
    code: DownloadErrorCode,
    message: string,
    options: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'DownloadError';
    this.code = code;
    if (options.status !== undefined) this.status = options.status;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }

  get transient(): boolean {
    if (this.code === 'http-status')
      return this.status === 429 || this.status === 408 || (this.status ?? 0) >= 500;
    return TRANSIENT.has(this.code);
  }
}
