import { createHmac } from 'node:crypto';
import { MshubError } from '../core/errors.js';
import type { CatalogPublisher, SiteArtifacts } from './site-sync.js';

export const SIGNATURE_HEADER = 'x-mshub-signature-256';
export const TIMESTAMP_HEADER = 'x-mshub-timestamp';

/** `sha256=` + hex HMAC-SHA256 of `timestamp + "." + body`, so a receiver can refuse altered or replayed bodies. */
export function catalogSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * Publishes by POSTing the catalog JSON to an endpoint of the operator's, signed with HMAC-SHA256.
 * A non-2xx answer is an error, so the sync is logged as failed and the next one publishes again.
 */
export class HttpPublisher implements CatalogPublisher {
  constructor(
    private readonly options: { url: string; secret: string; timeoutMs?: number },
    private readonly now: () => number = Date.now,
  ) {}

  async publish(artifacts: SiteArtifacts): Promise<void> {
    const timestamp = String(this.now());
    const response = await fetch(this.options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'mshub-review',
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: catalogSignature(this.options.secret, timestamp, artifacts.catalogJson),
      },
      body: artifacts.catalogJson,
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
    });
    await response.body?.cancel();
    if (!response.ok)
      throw new MshubError('PUBLISH_FAILED', `the catalog endpoint answered HTTP ${response.status}`);
  }
}
