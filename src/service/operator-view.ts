import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ReviewQueue } from '../jobs/review-queue.js';
import type { VerifierStats } from '../net/asset-verifier.js';
import { type Activity, DURATION_BUCKETS, type ReviewRecord, type SyncRecord } from './activity.js';

export interface OperatorSources {
  activity: Activity;
  verifier?: { stats: VerifierStats };
  queue: Pick<ReviewQueue, 'depth' | 'health'>;
  /** The whole deployment's recent reviews and syncs (Redis), where this process runs none itself. */
  recent?: () => Promise<{ reviews: ReviewRecord[]; syncs: SyncRecord[] }>;
  web?: WebAddresses;
}

/** What the pages show, read at one moment; `queueDepth` is undefined when the queue cannot be read. */
export interface OperatorView {
  activity: Activity;
  verifier?: { stats: VerifierStats };
  queueDepth: number | undefined;
  /** Shown on the status page instead of this process's own records. */
  recent?: { reviews: ReviewRecord[]; syncs: SyncRecord[] };
  now?: () => number;
  web?: WebAddresses;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );
const label = (value: string) => value.replace(/[\\"\n]/g, (char) => (char === '\n' ? '\\n' : `\\${char}`));

/** `/metrics` in Prometheus text format. */
export function renderMetrics(sources: OperatorView): string {
  const { activity } = sources;
  const now = sources.now?.() ?? Date.now();
  const lines: string[] = [];
  const metric = (name: string, type: string, help: string) =>
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
  metric('mshub_reviews_total', 'counter', 'Reviews finished, by outcome.');
  for (const [outcome, count] of activity.reviewsByOutcome)
    lines.push(`mshub_reviews_total{outcome="${label(outcome)}"} ${count}`);
  metric('mshub_review_duration_seconds', 'histogram', 'Time from the start of a review job to its report.');
  for (const [index, bound] of DURATION_BUCKETS.entries()) {
    lines.push(`mshub_review_duration_seconds_bucket{le="${bound}"} ${activity.durationBuckets[index] ?? 0}`);
  }
  lines.push(`mshub_review_duration_seconds_bucket{le="+Inf"} ${activity.durationCount}`);
  lines.push(
    `mshub_review_duration_seconds_sum ${activity.durationSum}`,
    `mshub_review_duration_seconds_count ${activity.durationCount}`,
  );
  const stats = sources.verifier?.stats ?? { downloads: 0, cacheHits: 0, bytesDownloaded: 0 };
  metric('mshub_asset_bytes_downloaded_total', 'counter', 'Bytes of assets downloaded and hashed.');
  lines.push(`mshub_asset_bytes_downloaded_total ${stats.bytesDownloaded}`);
  metric('mshub_asset_downloads_total', 'counter', 'Asset downloads.');
  lines.push(`mshub_asset_downloads_total ${stats.downloads}`);
  metric('mshub_asset_cache_hits_total', 'counter', 'Asset digests served from the cache.');
  lines.push(`mshub_asset_cache_hits_total ${stats.cacheHits}`);
  metric('mshub_queue_up', 'gauge', '1 when the review queue (Redis, if used) answers.');
  lines.push(`mshub_queue_up ${sources.queueDepth === undefined ? 0 : 1}`);
  if (sources.queueDepth !== undefined) {
    metric('mshub_queue_depth', 'gauge', 'Reviews queued or running.');
    lines.push(`mshub_queue_depth ${sources.queueDepth}`);
  }
  metric('mshub_site_sync_age_seconds', 'gauge', 'Seconds since the last site sync, by hub.');
  for (const [hub, at] of lastSyncs(sources))
    lines.push(`mshub_site_sync_age_seconds{hub="${label(hub)}"} ${((now - at) / 1000).toFixed(0)}`);
  const { audits, auditsRunning } = sources.activity;
  if (auditsRunning.size > 0) {
    metric('mshub_audit_running_links', 'gauge', 'Links of the audit running now: done, and in all.');
    for (const [hub, running] of auditsRunning) {
      lines.push(`mshub_audit_running_links{hub="${label(hub)}",of="done"} ${running.linksDone}`);
      lines.push(`mshub_audit_running_links{hub="${label(hub)}",of="all"} ${running.links}`);
    }
  }
  if (audits.size > 0) {
    metric('mshub_audit_links', 'gauge', "Asset links by what the hub's last audit found.");
    for (const [hub, audit] of audits)
      for (const [state, count] of Object.entries(audit.links))
        lines.push(`mshub_audit_links{hub="${label(hub)}",state="${state}"} ${count}`);
    metric('mshub_audit_faults', 'gauge', "Open faults of the hub's last audit, by kind.");
    for (const [hub, audit] of audits)
      for (const [kind, count] of Object.entries(audit.faults))
        lines.push(`mshub_audit_faults{hub="${label(hub)}",kind="${label(kind)}"} ${count}`);
    metric('mshub_audit_age_seconds', 'gauge', "Seconds since the hub's last finished audit.");
    for (const [hub, audit] of audits)
      lines.push(
        `mshub_audit_age_seconds{hub="${label(hub)}"} ${((now - audit.finishedAt) / 1000).toFixed(0)}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

/** The newest sync of each hub: this process's, or the deployment's when it is known. */
function lastSyncs(view: OperatorView): Map<string, number> {
  if (!view.recent) return view.activity.lastSyncAt;
  const newest = new Map<string, number>();
  for (const sync of view.recent.syncs) newest.set(sync.hub, Math.max(newest.get(sync.hub) ?? 0, sync.at));
  return newest;
}

/** Where each platform's web pages are; a self-hosted Gitee or GitCode has its own. */
export interface WebAddresses {
  github: string;
  gitee: string;
  gitcode: string;
}

export const PUBLIC_WEB_ADDRESSES: WebAddresses = {
  github: 'https://github.com',
  gitee: 'https://gitee.com',
  gitcode: 'https://gitcode.com',
};

/** The page of a pull request on its own platform (GitCode calls them merge requests). */
export function pullUrl(
  platform: string,
  repository: string,
  pull: number | undefined,
  web: WebAddresses = PUBLIC_WEB_ADDRESSES,
): string | undefined {
  if (pull === undefined || !/^[\w.-]+\/[\w.-]+$/.test(repository)) return undefined;
  const base = (address: string) => address.replace(/\/+$/, '');
  switch (platform) {
    case 'gitee':
      return `${base(web.gitee)}/${repository}/pulls/${pull}`;
    case 'gitcode':
      return `${base(web.gitcode)}/${repository}/merge_requests/${pull}`;
    case 'github':
      return `${base(web.github)}/${repository}/pull/${pull}`;
    default:
      return undefined;
  }
}

/** `/status`: recent reviews and syncs for maintainers, every value escaped. */
export function renderStatusPage(sources: OperatorView): string {
  const recent = sources.recent ?? sources.activity;
  const time = (at: number) => new Date(at).toISOString().replace('T', ' ').slice(0, 19);
  const reviews = recent.reviews
    .map((review) => {
      const url = pullUrl(review.platform, review.repository, review.pullNumber, sources.web);
      const name = `${review.repository}${review.pullNumber === undefined ? '' : ` #${review.pullNumber}`}`;
      const link = url ? `<a href="${escapeHtml(url)}">${escapeHtml(name)}</a>` : escapeHtml(name);
      return `<tr><td>${time(review.at)}</td><td>${escapeHtml(review.platform)}</td><td>${link}</td><td><code>${escapeHtml((review.headSha ?? '').slice(0, 12))}</code></td><td>${escapeHtml(review.trigger)}</td><td>${escapeHtml(review.outcome)}</td><td>${(review.durationMs / 1000).toFixed(1)} s</td></tr>`;
    })
    .join('\n');
  const syncs = recent.syncs
    .map(
      (sync) =>
        `<tr><td>${time(sync.at)}</td><td>${escapeHtml(sync.hub)}</td><td><code>${escapeHtml(sync.commit.slice(0, 12))}</code></td><td>${sync.models}</td><td>${sync.invalid}</td><td>${sync.published ? 'published' : 'unchanged'}</td><td>${(sync.durationMs / 1000).toFixed(1)} s</td></tr>`,
    )
    .join('\n');
  const audits = [...sources.activity.audits]
    .map(([hub, audit]) => {
      const open = Object.values(audit.faults).reduce((sum, count) => sum + count, 0);
      const kinds = Object.entries(audit.faults)
        .map(([kind, count]) => `${escapeHtml(kind)} ${count}`)
        .join(', ');
      return `<tr><td>${time(audit.finishedAt)}</td><td>${escapeHtml(hub)}</td><td>${audit.links.alive}</td><td>${audit.links.dead}</td><td>${audit.links.unknown}</td><td>${open}${kinds ? ` (${kinds})` : ''}</td><td>${audit.newFaults}</td></tr>`;
    })
    .join('\n');
  const running = [...sources.activity.auditsRunning]
    .map(
      ([hub, audit]) =>
        `<tr><td>${time(audit.startedAt)}</td><td>${escapeHtml(hub)}</td><td>${audit.linksDone} of ${audit.links}</td><td>${(audit.hashedBytes / 1024 ** 3).toFixed(2)} GiB</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>mshub-review status</title>
<style>body{font:14px system-ui,sans-serif;margin:24px}table{border-collapse:collapse;margin-bottom:24px}td,th{border:1px solid #ccd;padding:4px 8px;text-align:left}</style></head>
<body><h1>mshub-review</h1><p>${sources.queueDepth === undefined ? 'The review queue does not answer.' : `${sources.queueDepth} reviews queued or running.`}</p>
<h2>Recent reviews</h2><table><tr><th>Finished (UTC)</th><th>Platform</th><th>Pull request</th><th>Commit</th><th>Trigger</th><th>Outcome</th><th>Took</th></tr>
${reviews || '<tr><td colspan="7">No review yet.</td></tr>'}</table>
<h2>Recent site syncs</h2><table><tr><th>Finished (UTC)</th><th>Hub</th><th>Commit</th><th>Models</th><th>Invalid files</th><th>Result</th><th>Took</th></tr>
${syncs || '<tr><td colspan="7">No site sync yet.</td></tr>'}</table>
${running ? `<h2>Audits running</h2><table><tr><th>Started (UTC)</th><th>Hub</th><th>Links done</th><th>Hashed</th></tr>\n${running}</table>\n` : ''}<h2>Last audits</h2><table><tr><th>Finished (UTC)</th><th>Hub</th><th>Links alive</th><th>Dead</th><th>Not answering</th><th>Open faults</th><th>New</th></tr>
${audits || '<tr><td colspan="7">No audit yet (AUDIT_REPOS).</td></tr>'}</table></body></html>
`;
}

/** Mounts /healthz (503 when the queue or Redis does not answer), /metrics and /status. */
export function createOperatorHandler(sources: OperatorSources) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const path = request.url?.split('?')[0];
    if (request.method !== 'GET' || (path !== '/metrics' && path !== '/status' && path !== '/healthz'))
      return false;
    if (path === '/healthz') {
      const queue = await sources.queue.health();
      response.writeHead(queue.ok ? 200 : 503, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: queue.ok ? 'ok' : 'unavailable', queue }));
      return true;
    }
    const [queueDepth, recent] = await Promise.all([
      sources.queue.depth().catch(() => undefined),
      sources.recent?.().catch(() => undefined),
    ]);
    const view: OperatorView = {
      activity: sources.activity,
      ...(sources.verifier ? { verifier: sources.verifier } : {}),
      queueDepth,
      ...(recent ? { recent } : {}),
      ...(sources.web ? { web: sources.web } : {}),
    };
    const metrics = path === '/metrics';
    response.writeHead(200, {
      'content-type': metrics ? 'text/plain; version=0.0.4' : 'text/html; charset=utf-8',
    });
    response.end(metrics ? renderMetrics(view) : renderStatusPage(view));
    return true;
  };
}
