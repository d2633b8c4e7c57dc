import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRepoConfig } from '../../src/config/repo-config.js';
import { MshubError } from '../../src/core/errors.js';
import { renderMarkdown } from '../../src/core/report/render-markdown.js';
import { MAX_FILES_PER_REVIEW, READS_IN_FLIGHT, runReviewJob } from '../../src/review/run-review-job.js';
import { control, FakePlatform, REVIEW_REQUEST } from '../helpers/fake-platform.js';
import { CLEAN_PATH, CLEAN_TEXT } from '../helpers/fixtures.js';
import { assertSnapshot } from '../helpers/snapshot.js';

const REQUEST = REVIEW_REQUEST;

describe('the review job', () => {
  it('reports nothing for a pull request without asset files', async () => {
    const platform = new FakePlatform({ 'README.md': '# hub' });
    assert.equal(
      await runReviewJob(REQUEST, { source: platform, reporter: platform, adapters: {}, control: control() }),
      'no-asset-files',
    );
    assert.deepEqual(platform.events, []);
  });

  it('reviews the English twin of a changed Chinese page', async () => {
    const chinese = CLEAN_PATH.replace('.md', '_cn.md');
    const files = { [chinese]: '# 中文\n---\n模型名称：albert\n---\n', [CLEAN_PATH]: CLEAN_TEXT };
    const platform = new FakePlatform(files, undefined, [chinese]);
    await runReviewJob(REQUEST, { source: platform, reporter: platform, adapters: {}, control: control() });
    assert.deepEqual(
      platform.events.at(-1)?.report?.files.map((file) => file.path),
      [CLEAN_PATH, chinese],
    );
  });

  it('does not post the result of a superseded commit', async () => {
    const platform = new FakePlatform({ [CLEAN_PATH]: CLEAN_TEXT });
    assert.equal(
      await runReviewJob(REQUEST, {
        source: platform,
        reporter: platform,
        adapters: {},
        control: control(false),
      }),
      'superseded',
    );
    assert.deepEqual(
      platform.events.map((event) => event.kind),
      ['started', 'superseded'],
    );
  });

  describe('the command the review tells contributors to run', () => {
    const TRUNCATED = CLEAN_TEXT.replace(/asset-sha256: [0-9a-f]{64}/, 'asset-sha256: 77dcaf0f');
    const review = async (platform: FakePlatform) => {
      await runReviewJob(REQUEST, { source: platform, reporter: platform, adapters: {}, control: control() });
      const report = platform.events.at(-1)?.report;
      const fix = report?.files[0]?.findings.find((finding) => finding.rule === 'asset-sha256-format')?.fix;
      return { command: report?.localCommand, fix };
    };

    it('is the single-file build when the hub holds it in tools/', async () => {
      const platform = new FakePlatform(
        { [CLEAN_PATH]: TRUNCATED, 'tools/mshub-review.mjs': '' },
        undefined,
        [CLEAN_PATH],
      );
      const { command, fix } = await review(platform);
      assert.equal(command, 'node tools/mshub-review.mjs');
      assert.match(fix ?? '', /`node tools\/mshub-review\.mjs sha256 <file>`/);
    });

    it('is never a copy the pull request itself adds', async () => {
      const platform = new FakePlatform({ [CLEAN_PATH]: TRUNCATED, 'tools/mshub-review.mjs': '' });
      const { command, fix } = await review(platform);
      assert.equal(command, undefined);
      assert.match(fix ?? '', /`sha256sum <file>` \(macOS: `shasum -a 256 <file>`/);
    });

    it('is what the hub sets as command: in its settings', async () => {
      const platform = new FakePlatform(
        { [CLEAN_PATH]: TRUNCATED },
        parseRepoConfig('command: npx @mindspore/hub-review\n'),
      );
      const { command, fix } = await review(platform);
      assert.equal(command, 'npx @mindspore/hub-review');
      assert.match(fix ?? '', /`npx @mindspore\/hub-review sha256 <file>`/);
    });

    it("is the bot's own build, with how to download it in one line, when the hub has none and the bot has an address", async () => {
      const cliUrl = 'https://mshub-review.example.org/cli/mshub-review.mjs';
      const platform = new FakePlatform({ [CLEAN_PATH]: TRUNCATED });
      await runReviewJob(REQUEST, {
        source: platform,
        reporter: platform,
        adapters: {},
        control: control(),
        cliUrl,
      });
      const report = platform.events.at(-1)?.report;
      assert.ok(report);
      assert.equal(report.localCommand, 'node mshub-review.mjs');
      assert.equal(report.cliUrl, cliUrl);
      const comment = renderMarkdown(report, { language: 'zh+en' });
      assertSnapshot('downloaded-cli-comment.md', comment);
      for (const line of [
        `\`curl -fsSLO ${cliUrl}\``,
        `\`Invoke-WebRequest ${cliUrl} -OutFile mshub-review.mjs\``,
        '`node mshub-review.mjs validate <file>`',
      ])
        assert.equal(comment.split(line).length - 1, 2, `${line} in both languages`);
      // The hub's own copy still wins: the download is only for hubs without one.
      const vendored = new FakePlatform(
        { [CLEAN_PATH]: TRUNCATED, 'tools/mshub-review.mjs': '' },
        undefined,
        [CLEAN_PATH],
      );
      await runReviewJob(REQUEST, {
        source: vendored,
        reporter: vendored,
        adapters: {},
        control: control(),
        cliUrl,
      });
      assert.equal(vendored.events.at(-1)?.report?.cliUrl, undefined);
      assert.equal(vendored.events.at(-1)?.report?.localCommand, 'node tools/mshub-review.mjs');
    });
  });

  it("hands the hub's language setting to the reporter with the report", async () => {
    const platform = new FakePlatform({ [CLEAN_PATH]: CLEAN_TEXT }, parseRepoConfig('language: zh\n'));
    await runReviewJob(REQUEST, { source: platform, reporter: platform, adapters: {}, control: control() });
    assert.equal(platform.events.at(-1)?.report?.language, 'zh');
  });

  it('says so when the repository configuration is invalid', async () => {
    const platform = new FakePlatform(
      { [CLEAN_PATH]: CLEAN_TEXT },
      new MshubError('CONFIG_INVALID', 'rules.x is unknown'),
    );
    assert.equal(
      await runReviewJob(REQUEST, { source: platform, reporter: platform, adapters: {}, control: control() }),
      'failed',
    );
    assert.match(platform.events.at(-1)?.reason ?? '', /mshub-review\.yml is invalid: rules\.x is unknown/);
  });

  it(`reviews at most ${MAX_FILES_PER_REVIEW} files and says so`, async () => {
    const files = Object.fromEntries(
      Array.from({ length: MAX_FILES_PER_REVIEW + 5 }, (_, index) => [
        `mshub_res/assets/mindspore/1.9/m${String(index).padStart(3, '0')}.md`,
        CLEAN_TEXT,
      ]),
    );
    const platform = new FakePlatform(files);
    await runReviewJob(REQUEST, { source: platform, reporter: platform, adapters: {}, control: control() });
    const report = platform.events.at(-1)?.report;
    assert.equal(report?.files.length, MAX_FILES_PER_REVIEW + 1);
    assert.equal(report?.summary.files, MAX_FILES_PER_REVIEW, 'the report counts the files it checked');
    assert.ok(
      report?.files.some((file) => file.findings.some((finding) => finding.rule === 'review-truncated')),
    );
  });

  it(`reads the files of a 500-file pull request with at most ${READS_IN_FLIGHT} requests in flight`, async () => {
    const files = Object.fromEntries(
      Array.from({ length: 500 }, (_, index) => [
        `mshub_res/assets/mindspore/1.9/m${String(index).padStart(3, '0')}.md`,
        CLEAN_TEXT,
      ]),
    );
    let inFlight = 0;
    let most = 0;
    const platform = new (class extends FakePlatform {
      override async readFile(path: string) {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight--;
        return super.readFile(path);
      }
    })(files);
    await runReviewJob(REQUEST, { source: platform, reporter: platform, adapters: {}, control: control() });
    assert.equal(platform.reads.length, MAX_FILES_PER_REVIEW);
    assert.equal(most, READS_IN_FLIGHT);
  });

  it('refuses changed paths that could leave the hub, without reading them', async () => {
    const hostile = [
      'mshub_res/assets/../../../../user.md',
      'mshub_res/assets/mindspore/%2e%2e/x.md',
      'mshub_res/assets/mindspore\\..\\x.md',
      'mshub_res/assets/mindspore/1.9/x\u0000.md',
    ];
    const platform = new FakePlatform({ [CLEAN_PATH]: CLEAN_TEXT }, undefined, [CLEAN_PATH, ...hostile]);
    await runReviewJob(REQUEST, { source: platform, reporter: platform, adapters: {}, control: control() });
    assert.deepEqual(platform.reads, [CLEAN_PATH]);
    const report = platform.events.at(-1)?.report;
    const refused = report?.files
      .flatMap((file) => file.findings)
      .filter((finding) => finding.rule === 'unsafe-path');
    assert.equal(refused?.length, hostile.length);
    assert.equal(report?.summary.files, 1);
    assert.match(refused?.[0]?.message ?? '', /`\.\.` segment; no git repository holds such a path/);
  });
});
