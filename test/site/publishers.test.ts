import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import nock from 'nock';
import { ProbotOctokit } from 'probot';
import type { Catalog } from '../../src/core/catalog/build-catalog.js';
import { GitHubBranchPublisher, gitBlobSha } from '../../src/site/github-branch-publisher.js';
import {
  catalogSignature,
  HttpPublisher,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
} from '../../src/site/http-publisher.js';
import type { SiteArtifacts } from '../../src/site/site-sync.js';
import { useStrictNock } from '../helpers/nock-strict.js';

useStrictNock();

const catalog: Catalog = {
  commit: 'c'.repeat(40),
  models: [{ markdown_name: 'albert_mnli', uid: 'u', path: 'p' }],
  invalid: [],
};
const artifacts: SiteArtifacts = {
  commit: 'c'.repeat(40),
  catalog,
  catalogJson: `${JSON.stringify(catalog)}\n`,
  indexHtml: '<!doctype html><title>hub</title>',
  detailFiles: {
    'details/mindspore/1.9.json': '{"mindspore/1.9/albert_mnli":{"body":"## Introduction"}}\n',
    'details/mindspore/2.5.json': '{"mindspore/2.5/vgg19_imagenet2012":{"body":"## Usage"}}\n',
  },
  detailDigests: { 'details/mindspore/1.9.json': 'd19', 'details/mindspore/2.5.json': 'd25' },
  digest: 'd',
};

describe('the HTTP publisher', () => {
  it('POSTs the catalog signed with HMAC-SHA256 over the timestamp and the body', async () => {
    const received: Array<{ body: string; headers: Record<string, unknown> }> = [];
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push({ body, headers: request.headers });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await new HttpPublisher(
        { url: `http://127.0.0.1:${port}/catalog`, secret: 's3cret' },
        () => 1_700_000_000_000,
      ).publish(artifacts);
      const [request] = received;
      assert.equal(request?.body, artifacts.catalogJson);
      assert.equal(request?.headers[TIMESTAMP_HEADER], '1700000000000');
      assert.equal(
        request?.headers[SIGNATURE_HEADER],
        catalogSignature('s3cret', '1700000000000', artifacts.catalogJson),
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('fails the publication when the endpoint does not accept it', async () => {
    const server = createServer((_, response) => response.writeHead(503).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await assert.rejects(
        new HttpPublisher({ url: `http://127.0.0.1:${port}/`, secret: 's' }).publish(artifacts),
        /HTTP 503/,
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('the GitHub branch publisher', () => {
  it('names a blob as git does', () => {
    // `printf 'hello\n' | git hash-object --stdin`
    assert.equal(gitBlobSha('hello\n'), 'ce013625030ba8dba906f756967f9e9ca394464a');
  });

  it('adds one commit with catalog.json, index.html and the details the branch does not hold yet', async () => {
    const octokit = new (ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } }))(
      { auth: 'token t' },
    );
    const repo = '/repos/mindspore-ai/hub-site';
    const trees: any[] = [];
    const commits: any[] = [];
    nock('https://api.github.com')
      .get(`${repo}/git/ref/heads%2Fgh-pages`)
      .reply(200, { object: { sha: 'p'.repeat(40) } })
      .get(`${repo}/git/commits/${'p'.repeat(40)}`)
      .reply(200, { sha: 'p'.repeat(40), tree: { sha: 't'.repeat(40) } })
      // The branch already holds the 2.5 details as they are, and an older 1.9.
      .get(`${repo}/git/trees/${'t'.repeat(40)}`)
      .query({ recursive: 'true' })
      .reply(200, {
        tree: [
          { path: 'models/details/mindspore/1.9.json', type: 'blob', sha: 'f'.repeat(40) },
          {
            path: 'models/details/mindspore/2.5.json',
            type: 'blob',
            sha: gitBlobSha(artifacts.detailFiles['details/mindspore/2.5.json'] ?? ''),
          },
        ],
      })
      .post(`${repo}/git/blobs`)
      .times(2)
      .reply(201, (_uri, body: any) => ({ sha: body.content.startsWith('{') ? 'b1' : 'b2' }))
      .post(`${repo}/git/trees`, (body) => {
        trees.push(body);
        return true;
      })
      .reply(201, { sha: 'n'.repeat(40) })
      .post(`${repo}/git/commits`, (body) => {
        commits.push(body);
        return true;
      })
      .reply(201, { sha: 'm'.repeat(40) })
      .patch(`${repo}/git/refs/heads%2Fgh-pages`, { sha: 'm'.repeat(40) })
      .reply(200, {});
    await new GitHubBranchPublisher(async () => octokit, {
      owner: 'mindspore-ai',
      repo: 'hub-site',
      branch: 'gh-pages',
      folder: 'models',
    }).publish(artifacts);
    assert.deepEqual(trees[0].tree.map((entry: any) => [entry.path, entry.sha ?? entry.content]).sort(), [
      ['models/catalog.json', 'b1'],
      ['models/details/mindspore/1.9.json', artifacts.detailFiles['details/mindspore/1.9.json']],
      ['models/index.html', 'b2'],
    ]);
    assert.equal(trees[0].base_tree, 't'.repeat(40));
    assert.deepEqual(commits[0].parents, ['p'.repeat(40)]);
    assert.match(commits[0].message, /Publish the hub catalog of cccccccccccc \(1 models\)/);
  });
});
