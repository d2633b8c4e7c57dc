import { createHash, type Hash } from 'node:crypto';
import { DownloadError } from './download-error.js';
import { OffThreadHash, type StreamHash } from './off-thread-hash.js';
import { parseRetryAfter, retryDelayMs } from './retry-policy.js';

export interface DownloadLimits {
  /** Largest asset accepted (the hub loader refuses assets over 5 GB). */
  maxBytes: number;
  /** No byte for this long (headers or body) ends the attempt. */
  idleTimeoutMs: number;
  /** The whole download, retries included, ends after this long. */
  totalTimeoutMs: number;
  /**
   * Slowest transfer accepted, measured over each `idleTimeoutMs` of the body: a server that trickles
   * (a byte a second defeats the idle timeout) is given up long before the total timeout.
   */
  minBytesPerSecond: number;
  maxRedirects: number;
  /** Further attempts after a transient failure (5xx, 429, dropped connection). */
  retries: number;
  /** Longest wait between attempts; a longer Retry-After ends the download instead. */
  maxRetryDelayMs: number;
}

/** What a server answered, whichever client asked: its status, headers and body. */
export interface Answer {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  body: AnswerBody;
}

/** What `AnswerBody.dump` reads at most: a server that sends a whole file is hung up on. */
export const DUMP_BYTES = 64 * 1024;

export interface AnswerBody extends AsyncIterable<Uint8Array> {
  /** Closes the body unread (the connection goes with it). */
  destroy(): void;
  /** Reads what is left, at most DUMP_BYTES, and closes the body. */
  dump(): Promise<void>;
}

/**
 * One request under the download guard, no redirect followed; `idleMs` ends an answer that stops
 * (its headers or its body) for that long. Each client (undici for the audit's probes, Node's https
 * for downloads) provides one.
 */
export type SendRequest = (
  method: 'GET' | 'HEAD',
  url: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  idleMs: number,
) => Promise<Answer>;

export interface DownloadProgress {
  url: string;
  bytes: number;
  total?: number;
}

export interface DownloadHooks {
  onProgress?: (progress: DownloadProgress) => void;
  /** Waits between attempts; tests record the delays instead of waiting. */
  sleep?: (ms: number) => Promise<void>;
}

/** Server validators of a response, used for resuming and for the hash cache. */
export interface ResourceValidators {
  etag?: string;
  lastModified?: string;
  contentLength?: number;
}

export interface HashedResource extends ResourceValidators {
  sha256: string;
  bytes: number;
  finalUrl: string;
  /** Resumed this many times after a dropped connection. */
  resumes: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
export const USER_AGENT = 'mshub-review (MindSpore Hub submission review)';

/**
 * Downloads `url` through `send`, streaming the body through SHA-256 (nothing is buffered or
 * written to disk). Follows redirects to https only, retries transient failures with backoff and
 * Retry-After, and resumes a dropped body with a Range request when the server allows it.
 */
export async function hashDownload(
  url: string,
  send: SendRequest,
  limits: DownloadLimits,
  hooks: DownloadHooks = {},
): Promise<HashedResource> {
  const sleep = hooks.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deadline = AbortSignal.timeout(limits.totalTimeoutMs);
  const startedAt = Date.now();
  const state = new HashState();
  let finalUrl = url;
  let validators: ResourceValidators & { acceptsRanges?: boolean } = {};
  let resumes = 0;

  for (let attempt = 0; ; attempt++) {
    const resumeFrom =
      state.bytes > 0 && validators.acceptsRanges && (validators.etag || validators.lastModified)
        ? state.bytes
        : 0;
    try {
      const headers: Record<string, string> = { 'user-agent': USER_AGENT, 'accept-encoding': 'identity' };
      if (resumeFrom > 0) {
        headers.range = `bytes=${resumeFrom}-`;
        headers['if-range'] = validators.etag ?? validators.lastModified ?? '';
      }
      const response = await requestFollowingRedirects('GET', url, headers, send, limits, deadline);
      finalUrl = response.url;
      const { statusCode, body } = response.data;
      const responseHeaders = response.data.headers;

      if (resumeFrom > 0 && statusCode === 206) {
        const start = Number(/^bytes (\d+)-/.exec(String(responseHeaders['content-range'] ?? ''))?.[1]);
        if (start !== resumeFrom) {
          await body.dump();
          throw new DownloadError('network', `the server resumed at byte ${start}, not ${resumeFrom}`);
        }
        resumes++;
      } else if (statusCode === 200) {
        validators = readValidators(responseHeaders);
        state.begin(validators.contentLength);
      } else {
        await body.dump().catch(() => undefined);
        throw httpStatusError(statusCode, responseHeaders);
      }

      const remaining = Number(responseHeaders['content-length']);
      if (Number.isFinite(remaining) && state.bytes + remaining > limits.maxBytes) {
        body.destroy();
        throw tooLarge(state.bytes + remaining, limits.maxBytes);
      }
      const rate = new RateFloor(limits.minBytesPerSecond, limits.idleTimeoutMs);
      for await (const chunk of body as AsyncIterable<Buffer>) {
        if (rate.tooSlow(chunk.length)) {
          body.destroy();
          throw rate.error();
        }
        const backpressure = state.update(chunk);
        if (backpressure) await backpressure;
        if (state.bytes > limits.maxBytes) {
          body.destroy();
          throw tooLarge(state.bytes, limits.maxBytes, true);
        }
        hooks.onProgress?.({
          url,
          bytes: state.bytes,
          ...(validators.contentLength ? { total: validators.contentLength } : {}),
        });
      }
      if (validators.contentLength !== undefined && state.bytes !== validators.contentLength) {
        throw new DownloadError(
          'network',
          `the connection ended after ${state.bytes} of ${validators.contentLength} bytes`,
        );
      }
      const sha256 = await state.digest();
      state.close();
      return { sha256, bytes: state.bytes, finalUrl, resumes, ...withoutRanges(validators) };
    } catch (caught) {
      const error = classify(caught, deadline);
      const delay = retryDelayMs({
        attempt,
        retries: limits.retries,
        retryAfterMs: error.retryAfterMs,
        maxDelayMs: limits.maxRetryDelayMs,
      });
      const timeLeft = limits.totalTimeoutMs - (Date.now() - startedAt);
      if (!error.transient || delay === undefined || delay >= timeLeft) {
        state.close();
        throw error;
      }
      await sleep(delay);
    }
  }
}

/** Counts the bytes of each window of the body; a window below the floor ends the download. */
class RateFloor {
  private windowStart = performance.now();
  private windowBytes = 0;
  private measured = { bytes: 0, ms: 0 };

  constructor(
    private readonly minBytesPerSecond: number,
    private readonly windowMs: number,
  ) {}

  tooSlow(bytes: number): boolean {
    this.windowBytes += bytes;
    const elapsed = performance.now() - this.windowStart;
    if (elapsed < this.windowMs) return false;
    if (this.windowBytes < (this.minBytesPerSecond * elapsed) / 1000) {
      this.measured = { bytes: this.windowBytes, ms: elapsed };
      return true;
    }
    this.windowStart = performance.now();
    this.windowBytes = 0;
    return false;
  }

  error(): DownloadError {
    const seconds = Math.round(this.measured.ms / 1000);
    return new DownloadError(
      'too-slow',
      `the server sent ${this.measured.bytes} bytes in ${seconds} s, slower than the minimum of ${this.minBytesPerSecond} bytes a second`,
    );
  }
}

/** Assets at least this large may be hashed on a worker thread, beside the thread that receives them. */
const OFF_THREAD_MIN_BYTES = 32 * 1024 * 1024;
/**
 * Where SHA-256 runs faster than this (CPUs with SHA extensions), hashing costs the receiving thread
 * less than handing the bytes to another thread does, so it stays where the bytes arrive.
 */
const FAST_HASH_MIB_PER_S = 1000;

/** A large asset is hashed on a worker thread only where hashing is slow enough to be worth it. */
export function hashOffThread(expectedBytes: number | undefined, hashMiBps: number): boolean {
  return (expectedBytes ?? 0) >= OFF_THREAD_MIN_BYTES && hashMiBps < FAST_HASH_MIB_PER_S;
}

let measuredHashMiBps: number | undefined;

/** SHA-256 throughput of this CPU, measured once on 8 MiB (a few milliseconds). */
function hashMiBps(): number {
  if (measuredHashMiBps === undefined) {
    const sample = Buffer.alloc(8 * 1024 * 1024, 7);
    const started = performance.now();
    createHash('sha256').update(sample).digest();
    measuredHashMiBps = 8 / Math.max((performance.now() - started) / 1000, 1e-6);
  }
  return measuredHashMiBps;
}

class InThreadHash implements StreamHash {
  private readonly hash: Hash = createHash('sha256');

  update(chunk: Uint8Array): undefined {
    this.hash.update(chunk);
    return undefined;
  }

  async digest(): Promise<string> {
    return this.hash.digest('hex');
  }

  close(): void {}
}

/** The running digest of the bytes received so far, across resumed attempts. */
class HashState {
  private hash: StreamHash | undefined;
  bytes = 0;

  /** Starts over; `expectedBytes` picks where to hash. */
  begin(expectedBytes: number | undefined): void {
    this.hash?.close();
    this.hash =
      (expectedBytes ?? 0) >= OFF_THREAD_MIN_BYTES && hashOffThread(expectedBytes, hashMiBps())
        ? new OffThreadHash()
        : new InThreadHash();
    this.bytes = 0;
  }

  update(chunk: Uint8Array): Promise<void> | undefined {
    this.bytes += chunk.length;
    return (this.hash ?? this.start()).update(chunk);
  }

  digest(): Promise<string> {
    return (this.hash ?? this.start()).digest();
  }

  close(): void {
    this.hash?.close();
  }

  private start(): StreamHash {
    this.begin(undefined);
    return this.hash as StreamHash;
  }
}

/** One redirect on the way to a resource: its status, and where it sent the request. */
export interface RedirectHop {
  status: number;
  location: string;
}

/**
 * A request that follows redirects to https only, each hop under the same guard; `hops` receives the
 * status of each redirect on the way, for a caller that tells a permanent move from a temporary one.
 */
export async function requestFollowingRedirects(
  method: 'GET' | 'HEAD',
  url: string,
  headers: Record<string, string>,
  send: SendRequest,
  limits: DownloadLimits,
  signal: AbortSignal,
  hops?: RedirectHop[],
): Promise<{ url: string; data: Answer }> {
  const visited = new Set<string>();
  let current = url;
  for (;;) {
    visited.add(current);
    const data = await send(method, current, headers, signal, limits.idleTimeoutMs);
    const location = data.headers.location;
    if (!REDIRECTS.has(data.statusCode) || typeof location !== 'string') return { url: current, data };
    await data.body.dump().catch(() => undefined);
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      throw new DownloadError(
        'bad-redirect',
        `the server redirected to an invalid address ${location.slice(0, 200)}`,
      );
    }
    if (next.protocol !== 'https:')
      throw new DownloadError(
        'not-https',
        // Not `origin`: a file: or data: URL has none ("null").
        `the server redirected to ${`${next.protocol}//${next.host}${next.pathname}`.slice(0, 200)}, which is not https`,
      );
    if (visited.has(next.href))
      throw new DownloadError('redirect-loop', `the redirects loop back to ${next.href}`);
    if (visited.size > limits.maxRedirects) {
      throw new DownloadError('too-many-redirects', `more than ${limits.maxRedirects} redirects`);
    }
    hops?.push({ status: data.statusCode, location: next.href });
    current = next.href;
  }
}

/** The server's current validators for `url` (a HEAD request), to revalidate a cached digest. */
export async function fetchValidators(
  url: string,
  send: SendRequest,
  limits: DownloadLimits,
): Promise<ResourceValidators> {
  const signal = AbortSignal.timeout(Math.min(limits.totalTimeoutMs, limits.idleTimeoutMs * 2));
  try {
    const response = await requestFollowingRedirects(
      'HEAD',
      url,
      { 'user-agent': USER_AGENT },
      send,
      limits,
      signal,
    );
    await response.data.body.dump().catch(() => undefined);
    if (response.data.statusCode !== 200)
      throw httpStatusError(response.data.statusCode, response.data.headers);
    return withoutRanges(readValidators(response.data.headers));
  } catch (caught) {
    throw classify(caught, signal);
  }
}

/** True when the server still describes the resource the cached digest was computed from. */
export function sameResource(cached: ResourceValidators, current: ResourceValidators): boolean {
  const comparable = (['etag', 'lastModified', 'contentLength'] as const).filter(
    (key) => cached[key] !== undefined,
  );
  return comparable.length > 0 && comparable.every((key) => cached[key] === current[key]);
}

export function readValidators(headers: Answer['headers']): ResourceValidators & { acceptsRanges?: boolean } {
  const validators: ResourceValidators & { acceptsRanges?: boolean } = {};
  const etag = headers.etag;
  const lastModified = headers['last-modified'];
  const length = Number(headers['content-length']);
  if (typeof etag === 'string' && !etag.startsWith('W/')) validators.etag = etag;
  if (typeof lastModified === 'string') validators.lastModified = lastModified;
  if (Number.isSafeInteger(length) && length >= 0) validators.contentLength = length;
  if (headers['accept-ranges'] === 'bytes') validators.acceptsRanges = true;
  return validators;
}

function withoutRanges({
  acceptsRanges: _,
  ...validators
}: ResourceValidators & { acceptsRanges?: boolean }): ResourceValidators {
  return validators;
}

export function httpStatusError(status: number, headers: Answer['headers']): DownloadError {
  const retryAfterMs = parseRetryAfter(headers['retry-after']);
  return new DownloadError('http-status', `the server answered HTTP ${status}`, {
    status,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

function tooLarge(bytes: number, limit: number, atLeast = false): DownloadError {
  return new DownloadError(
    'too-large',
    `the asset is ${atLeast ? 'more than ' : ''}${bytes} bytes; the limit is ${limit}`,
  );
}

const TLS_CODES = /^(CERT_|ERR_TLS_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_|ERR_SSL_)/;

/** Turns whatever the network threw into a DownloadError. */
export function classify(caught: unknown, deadline: AbortSignal): DownloadError {
  if (caught instanceof DownloadError) return caught;
  if (deadline.aborted)
    return new DownloadError('timeout-total', 'the download took longer than the time limit', {
      cause: caught,
    });
  const error = caught as { code?: string; message?: string; cause?: { code?: string } };
  const code = error.code ?? error.cause?.code ?? '';
  const detail = error.message ?? String(caught);
  if (code === 'UND_ERR_CONNECT_TIMEOUT')
    return new DownloadError('timeout-connect', 'the connection could not be opened in time', {
      cause: caught,
    });
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new DownloadError('timeout-idle', 'the server stopped sending data', { cause: caught });
  }
  if (TLS_CODES.test(code))
    return new DownloadError('tls', `the TLS connection failed (${code})`, { cause: caught });
  if (
    code === 'UND_ERR_HEADERS_OVERFLOW' ||
    code === 'UND_ERR_RESPONSE_STATUS_CODE' ||
    code.startsWith('HPE_')
  )
    return new DownloadError('bad-response', `the server's answer is not valid HTTP (${code})`, {
      cause: caught,
    });
  if (code === 'ECONNREFUSED')
    return new DownloadError('connect', 'the server refused the connection', { cause: caught });
  return new DownloadError('network', `the connection failed (${code || detail})`, { cause: caught });
}
