import { createHmac, timingSafeEqual } from 'node:crypto';
import type { GiteeAuthMode, GiteeAuthSettings } from '../../config/settings.js';

export type { GiteeAuthMode, GiteeAuthSettings };

export type GiteeAuthResult = { ok: true; replayKey: string } | { ok: false; reason: string };

/** Gitee's signature: Base64(HMAC-SHA256(key = secret, message = timestamp + "\n" + secret)). */
export function giteeSignature(timestamp: string, secret: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Checks `X-Gitee-Token` and `X-Gitee-Timestamp` before the body is read. Gitee signs only the
 * timestamp, so the caller must also refuse a (timestamp, token) pair it has seen: `replayKey`.
 */
export function verifyGiteeRequest(
  headers: { token: string | undefined; timestamp: string | undefined },
  settings: GiteeAuthSettings,
  now = Date.now(),
): GiteeAuthResult {
  const { token, timestamp } = headers;
  if (!settings.secret) return { ok: false, reason: 'no Gitee webhook secret is configured' };
  if (!token || !timestamp || !/^\d{10,16}$/.test(timestamp))
    return { ok: false, reason: 'missing token or timestamp' };
  if (Math.abs(now - Number(timestamp)) > settings.windowMs) return { ok: false, reason: 'stale timestamp' };
  if (settings.mode === 'password') {
    return safeEqual(token, settings.secret)
      ? { ok: true, replayKey: timestamp }
      : { ok: false, reason: 'wrong token' };
  }
  const expected = giteeSignature(timestamp, settings.secret);
  let decoded = token;
  try {
    decoded = decodeURIComponent(token);
  } catch {}
  // The key is the signature itself, not the token as sent: a replay with the token re-encoded
  // (Gitee sends it raw or URL-encoded) is the same request.
  return safeEqual(token, expected) || safeEqual(decoded, expected)
    ? { ok: true, replayKey: `${timestamp}:${expected}` }
    : { ok: false, reason: 'wrong token' };
}
