import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Activity } from '../../src/service/activity.js';
import { pullUrl, renderMetrics, renderStatusPage } from '../../src/service/operator-view.js';
import { assertSnapshot } from '../helpers/snapshot.js';

function activity(): Activity {
  const log = new Activity();
  log.recordReview({
    at: 1_764_200_000_000,
    platform: 'gitee',
    repository: 'mindspore/hub',
    pullNumber: 7,
    headSha: 'e'.repeat(40),
    trigger: 'merge_request.open',
    outcome: 'reviewed',
    durationMs: 4200,
  });
  log.recordReview({
    at: 1_764_200_060_000,
    platform: 'github',
    repository: 'o/r',
    pullNumber: 2,
    trigger: 'issue_comment.created',
    outcome: 'error',
    durationMs: 700,
  });
  log.recordSync({
    at: 1_764_200_100_000,
    hub: 'gitee:mindspore/hub',
    commit: 'c'.repeat(40),
    models: 2691,
    invalid: 214,
    published: true,
    durationMs: 1500,
  });
  return log;
}

describe('the operator view', () => {
  it('exports reviews, durations, downloads, queue depth and site-sync age as Prometheus text', () => {
    const metrics = renderMetrics({
      activity: activity(),
      verifier: { stats: { downloads: 3, cacheHits: 5, bytesDownloaded: 1024 } },
      queueDepth: 2,
      now: () => 1_764_200_160_000,
    });
    assert.match(metrics, /^mshub_reviews_total\{outcome="reviewed"\} 1$/m);
    assert.match(metrics, /^mshub_review_duration_seconds_bucket\{le="5"\} 2$/m);
    assert.match(metrics, /^mshub_review_duration_seconds_count 2$/m);
    assert.match(metrics, /^mshub_asset_cache_hits_total 5$/m);
    assert.match(metrics, /^mshub_queue_depth 2$/m);
    assert.match(metrics, /^mshub_site_sync_age_seconds\{hub="gitee:mindspore\/hub"\} 60$/m);
  });

  it('renders the status page with links to the pull requests', () => {
    const log = activity();
    log.recordReview({
      at: 1_764_200_200_000,
      platform: 'github',
      repository: '<script>/x',
      trigger: '<b>',
      outcome: 'reviewed',
      durationMs: 1,
    });
    log.recordAudit('gitee:<i>mindspore</i>/hub', {
      finishedAt: Date.UTC(2026, 11, 7, 3),
      links: { alive: 2890, dead: 12, unknown: 3 },
      faults: { 'asset-dead': 12, '<u>kind</u>': 1 },
      newFaults: 2,
    });
    const page = renderStatusPage({ activity: log, queueDepth: 0 });
    assert.ok(page.includes('<a href="https://gitee.com/mindspore/hub/pulls/7">mindspore/hub #7</a>'));
    assert.ok(
      !page.includes('<script>') && !page.includes('<b>') && !page.includes('<i>') && !page.includes('<u>'),
    );
    assert.match(
      page,
      /<td>2026-12-07 03:00:00<\/td><td>gitee:&lt;i&gt;mindspore&lt;\/i&gt;\/hub<\/td><td>2890<\/td><td>12<\/td><td>3<\/td><td>13 \(asset-dead 12, &lt;u&gt;kind&lt;\/u&gt; 1\)<\/td><td>2<\/td>/,
    );
    assertSnapshot('status-page.html', page);
  });

  it('shows how far a running audit is, and forgets it once it ends', () => {
    const log = activity();
    log.recordAuditProgress('gitee:<i>mindspore</i>/hub', {
      startedAt: Date.UTC(2026, 11, 7, 3),
      linksDone: 1200,
      links: 3000,
      hashedBytes: 3 * 1024 ** 3,
    });
    const page = renderStatusPage({ activity: log, queueDepth: 0 });
    assert.match(
      page,
      /<h2>Audits running<\/h2>.*\n<tr><td>2026-12-07 03:00:00<\/td><td>gitee:&lt;i&gt;mindspore&lt;\/i&gt;\/hub<\/td><td>1200 of 3000<\/td><td>3.00 GiB<\/td><\/tr>/,
    );
    const metrics = renderMetrics({
      activity: log,
      verifier: { stats: { downloads: 0, cacheHits: 0, bytesDownloaded: 0 } },
      queueDepth: 0,
    });
    assert.match(
      metrics,
      /^mshub_audit_running_links\{hub="gitee:<i>mindspore<\/i>\/hub",of="done"\} 1200$/m,
    );
    assert.match(metrics, /^mshub_audit_running_links\{hub="gitee:<i>mindspore<\/i>\/hub",of="all"\} 3000$/m);
    log.recordAuditProgress('gitee:<i>mindspore</i>/hub', undefined);
    assert.doesNotMatch(renderStatusPage({ activity: log, queueDepth: 0 }), /Audits running/);
  });

  it('links each pull request to its own platform, a self-hosted one included', () => {
    assert.deepEqual(
      ['github', 'gitee', 'gitcode', 'elsewhere'].map((platform) => pullUrl(platform, 'mindspore/hub', 4)),
      [
        'https://github.com/mindspore/hub/pull/4',
        'https://gitee.com/mindspore/hub/pulls/4',
        // go-gitcode's captured merge request: "url": "https://gitcode.com/ibforuorg/test1/merge_requests/4"
        'https://gitcode.com/mindspore/hub/merge_requests/4',
        undefined,
      ],
    );
    const log = new Activity();
    log.recordReview({
      at: 1_764_200_200_000,
      platform: 'gitcode',
      repository: 'mindspore/hub',
      pullNumber: 4,
      trigger: 'merge_request.open',
      outcome: 'reviewed',
      durationMs: 1,
    });
    const page = renderStatusPage({
      activity: log,
      queueDepth: 0,
      web: { github: 'https://github.com', gitee: 'https://gitee.com', gitcode: 'https://code.example.org/' },
    });
    assert.ok(page.includes('<a href="https://code.example.org/mindspore/hub/merge_requests/4">'));
    assert.ok(!page.includes('github.com/mindspore/hub'));
  });
});
