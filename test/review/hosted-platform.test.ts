import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMshubError } from '../../src/core/errors.js';
import { GitHubPlatform } from '../../src/platforms/github/github-platform.js';
import { type HostedPlatform, platformFor } from '../../src/review/hosted-platform.js';
import type { ReviewRequest } from '../../src/review/review-request.js';
import { ReviewService } from '../../src/service/review-service.js';

const REQUEST: ReviewRequest = {
  platform: 'gitee',
  owner: 'mindspore',
  repo: 'hub',
  pullNumber: 3,
  headSha: 'a'.repeat(40),
  deliveryId: 'd',
  trigger: 't',
};

describe('the platform registry', () => {
  it('serves each review through the platform registered under its name', async () => {
    const asked: string[] = [];
    const fake: HostedPlatform = {
      pullRequest: async (request) => {
        asked.push(`${request.platform}:${request.owner}/${request.repo}#${request.pullNumber}`);
        throw Object.assign(new Error('stop here'), { status: 404 });
      },
      hubTree: async () => {
        throw new Error('not used');
      },
      auditAccess: async () => {
        throw new Error('not used');
      },
      defaultHead: async () => {
        throw new Error('not used');
      },
    };
    const service = new ReviewService({
      platforms: { gitee: fake },
      adapters: {},
      concurrency: 1,
      retry: { attempts: 1 },
      log: { info() {}, error() {} },
    });
    await service.queue.enqueue(REQUEST);
    await service.queue.idle();
    assert.deepEqual(asked, ['gitee:mindspore/hub#3']);
  });

  it('says which platform is not configured, rather than failing somewhere inside', () => {
    assert.throws(
      () => platformFor({}, REQUEST),
      (error: unknown) =>
        isMshubError(error, 'PLATFORM_NOT_CONFIGURED') &&
        /no gitee client .* mindspore\/hub/.test(error.message),
    );
  });

  it('refuses a GitHub request without an App installation', async () => {
    const github = new GitHubPlatform(async () => {
      throw new Error('no token should be asked for');
    });
    await assert.rejects(github.pullRequest({ ...REQUEST, platform: 'github' }), (error: unknown) =>
      isMshubError(error, 'PLATFORM_NOT_CONFIGURED'),
    );
  });
});
