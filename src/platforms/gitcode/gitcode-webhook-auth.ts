import { createHmac, timingSafeEqual } from 'node:crypto';
import { hmacOfChunks } from '../webhook-http.js';

const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

/**
 * `X-GitCode-Signature-256: sha256=<hex HMAC-SHA256(secret, body)>` (go-gitcode `webhook/auth.go`,
 * `signSuccess`), checked over the exact bytes received and compared in constant time.
 */
export function verifyGitCodeSignature(
  header: string | undefined,
  secret: string,
  /** The body, whole or in the chunks it arrived in. */
  body: Uint8Array | readonly Uint8Array[],
): boolean {
  const match = SIGNATURE.exec(header?.trim() ?? '');
  if (!match || secret === '') return false;
  const expected = hmacOfChunks(secret, body instanceof Uint8Array ? [body] : body);
  const given = Buffer.from(match[1] as string, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Password mode: `X-GitCode-Token` is the secret itself (go-gitcode's first scheme, commit 9f7c53e:
 * `signKey == token`), compared here in constant time. It proves nothing about the body.
 */
export function verifyGitCodePassword(header: string | undefined, secret: string): boolean {
  if (!header || secret === '') return false;
  const given = createHmac('sha256', 'compare').update(header).digest();
  const expected = createHmac('sha256', 'compare').update(secret).digest();
  return timingSafeEqual(given, expected);
}
