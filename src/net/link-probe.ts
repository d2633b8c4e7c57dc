import type { LinkObservation } from '../core/audit/link-transition.js';
import { DownloadError } from './download-error.js';
import {
  type Answer,
  classify,
  type DownloadLimits,
  httpStatusError,
  type RedirectHop,
  type ResourceValidators,
  readValidators,
  requestFollowingRedirects,
  type SendRequest,
  USER_AGENT,
} from './hash-download.js';

/** What a link answers to a request that does not download it. */
export interface LinkProbe {
  /** Where the bytes are served, after every redirect. */
  finalUrl: string;
  /** Where permanent redirects (301, 308) at the start of the way sent the link: it moved there. */
  movedTo?: string;
  validators: ResourceValidators;
}

/** Answers to a one-byte GET after which HEAD is asked instead (an empty file cannot serve byte 0). */
const RANGE_REFUSED = new Set([405, 416, 501]);
const PERMANENT = new Set([301, 308]);

/**
 * Asks whether `url` is still there, and what it is, without downloading it: a GET of its first byte
 * (`Range: bytes=0-0`), whose answer names the size and the validators, or HEAD where that is refused.
 * Not HEAD first: undici closes the connection after every HEAD, so an audit of thousands of links on
 * one host would open (and make the host accept) a TLS connection for each. Follows redirects under
 * the same guard as a download; throws DownloadError (an HTTP 404 is `http-status` with `status` 404).
 */
export async function probeLink(url: string, send: SendRequest, limits: DownloadLimits): Promise<LinkProbe> {
  // Not AbortSignal.timeout: its timer, and what the request hung on the signal, would live on for
  // the whole timeout after the answer; an audit asks thousands of links a minute.
  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(new DOMException('the link did not answer in time', 'TimeoutError')),
    Math.min(limits.totalTimeoutMs, limits.idleTimeoutMs * 2),
  );
  const { signal } = deadline;
  const headers = { 'user-agent': USER_AGENT };
  try {
    let hops: RedirectHop[] = [];
    let response = await requestFollowingRedirects(
      'GET',
      url,
      { ...headers, range: 'bytes=0-0' },
      send,
      limits,
      signal,
      hops,
    );
    // A server that ignores the range sends the whole file: read a little of it, then hang up.
    await response.data.body.dump().catch(() => undefined);
    let validators = rangedValidators(response.data);
    if (RANGE_REFUSED.has(response.data.statusCode)) {
      hops = [];
      response = await requestFollowingRedirects('HEAD', url, headers, send, limits, signal, hops);
      await response.data.body.dump().catch(() => undefined);
      validators = readValidators(response.data.headers);
    }
    const status = response.data.statusCode;
    if (status !== 200 && status !== 206) throw httpStatusError(status, response.data.headers);
    const { acceptsRanges: _, ...plain } = validators as ResourceValidators & { acceptsRanges?: boolean };
    const movedTo = permanentTarget(hops);
    return { finalUrl: response.url, ...(movedTo === undefined ? {} : { movedTo }), validators: plain };
  } catch (caught) {
    throw classify(caught, signal);
  } finally {
    clearTimeout(timer);
  }
}

/** The validators of a one-byte answer: its length is the total that Content-Range names. */
function rangedValidators(data: Answer): ResourceValidators {
  const validators = readValidators(data.headers);
  if (data.statusCode !== 206) return validators;
  const total = /\/(\d+)$/.exec(String(data.headers['content-range'] ?? ''))?.[1];
  const { contentLength: _, ...rest } = validators;
  return total === undefined ? rest : { ...rest, contentLength: Number(total) };
}

/** The last address of the permanent redirects the way starts with; a temporary one ends the move. */
function permanentTarget(hops: readonly RedirectHop[]): string | undefined {
  let target: string | undefined;
  for (const hop of hops) {
    if (!PERMANENT.has(hop.status)) break;
    target = hop.location;
  }
  return target;
}

/** Answers that ask the client to slow down. */
const THROTTLED = new Set([429, 503]);
const DEFAULT_RETRY_AFTER_MS = 60_000;

/** Answers that say the file is gone for good, not that the server is busy: the link is dead. */
const GONE_STATUSES = new Set([401, 403, 404, 410, 451]);

/**
 * What a link answers, as the audit records it: alive with its validators, dead (the server says the
 * file is gone, the host name no longer exists, or the link now leads where the guard refuses to go),
 * or not answering (try again next time).
 */
export async function observeLink(
  url: string,
  send: SendRequest,
  limits: DownloadLimits,
): Promise<LinkObservation> {
  try {
    const probe = await probeLink(url, send, limits);
    return {
      ok: true,
      validators: probe.validators,
      ...(probe.movedTo === undefined ? {} : { movedTo: probe.movedTo }),
    };
  } catch (error) {
    if (!(error instanceof DownloadError)) throw error;
    // A name that does not resolve is gone, or this machine is offline: the audit tells them apart.
    if (error.code === 'dns') return { ok: false, final: false, unresolved: true, reason: error.message };
    // Too many requests, or busy: the host says when to come back (a minute when it does not say).
    if (error.code === 'http-status' && THROTTLED.has(error.status ?? 0))
      return {
        ok: false,
        final: false,
        reason: error.message,
        retryAfterMs: error.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS,
      };
    return { ok: false, final: isGone(error), reason: error.message };
  }
}

export function isGone(error: DownloadError): boolean {
  if (error.code === 'http-status') return GONE_STATUSES.has(error.status ?? 0);
  return [
    'dns',
    'refused-address',
    'not-https',
    'bad-redirect',
    'redirect-loop',
    'too-many-redirects',
  ].includes(error.code);
}
