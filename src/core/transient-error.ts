const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** True for failures worth another try a little later: 5xx, 429, timeouts, dropped connections. */
export function isTransientError(error: unknown): boolean {
  const { status, code, name, cause } = (error ?? {}) as {
    status?: number;
    code?: string;
    name?: string;
    cause?: { code?: string };
  };
  if (typeof status === 'number') return status === 429 || status === 408 || status >= 500;
  if (name === 'TimeoutError' || name === 'AbortError') return true;
  return TRANSIENT_CODES.has(code ?? '') || TRANSIENT_CODES.has(cause?.code ?? '');
}
