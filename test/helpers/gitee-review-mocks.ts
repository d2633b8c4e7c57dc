import nock from 'nock';
import { CLEAN_PATH, CLEAN_TEXT, replaceOnce } from './fixtures.js';
import { GITEE_API, HUB_API } from './gitee-harness.js';

export const HEAD = 'e'.repeat(40);
const ORIGINAL_LINK =
  '<https://download.mindspore.cn/models/r1.9/albert_ascend_v190_mnli_research_nlp_acc82.25.ckpt>';
export const ORIGINAL_SHA = 'ec4f2c5302b299d7751a60615a1d0f4316527146a6909c5d86b9afa5720bcc7a';
export const HUB_CONF = 'def create_network(name, *args, **kwargs):\n    return None\n';
const base64 = (text: string) => Buffer.from(text).toString('base64');

/** The clean real asset file, its asset served at `assetUrl` with the digest `sha256`. */
export function giteeAssetFile(assetUrl: string, sha256: string): string {
  return replaceOnce(replaceOnce(CLEAN_TEXT, ORIGINAL_LINK, `<${assetUrl}>`), ORIGINAL_SHA, sha256);
}

export interface Captured {
  comments: string[];
  edits: string[];
  labels: unknown[];
  deletedLabels: string[];
}

/** Mocks every Gitee API call one review makes and captures what it writes. */
export function mockGiteeReview(options: {
  text: string;
  comments?: unknown[];
  filesFail?: boolean;
  files?: string[];
  /** The source repository is read with this token (GITEE_TOKEN), anonymously without. */
  sourceRepoToken?: string;
}): Captured {
  const captured: Captured = { comments: [], edits: [], labels: [], deletedLabels: [] };
  // Every call of the bot carries its token as a Bearer header, never in the query.
  const gitee = nock(GITEE_API, { reqheaders: { authorization: 'Bearer tok' } });
  gitee
    .get(`${HUB_API}/contents/.github/mshub-review.yml`)
    .reply(200, { type: 'file', encoding: 'base64', content: base64('asset-hosts: ["127.0.0.1:*"]\n') });
  if (options.filesFail) gitee.get(`${HUB_API}/pulls/1/files`).reply(500);
  const files = options.files ?? [CLEAN_PATH];
  gitee.get(`${HUB_API}/pulls/1/files`).reply(
    200,
    files.map((filename) => ({ filename, status: 'added' })),
  );
  if (!files.includes(CLEAN_PATH)) return captured;
  gitee
    .get(`${HUB_API}/contents/${CLEAN_PATH}`)
    .query({ ref: HEAD })
    .reply(200, {
      type: 'file',
      encoding: 'base64',
      size: options.text.length,
      content: base64(options.text),
    });
  gitee
    .get(`${HUB_API}/git/trees/${HEAD}`)
    .query({ recursive: 1 })
    .reply(200, { tree: [{ path: CLEAN_PATH, type: 'blob' }], truncated: false });
  nock(
    GITEE_API,
    options.sourceRepoToken
      ? { reqheaders: { authorization: `Bearer ${options.sourceRepoToken}` } }
      : { badheaders: ['authorization'] },
  )
    .get('/api/v5/repos/mindspore/models/contents/research/nlp/albert/mindspore_hub_conf.py')
    .query({ ref: 'r1.9' })
    .reply(200, { type: 'file', encoding: 'base64', content: base64(HUB_CONF) });
  gitee.get('/api/v5/user').reply(200, { login: 'mshub-bot' });
  gitee
    .get(`${HUB_API}/pulls/1/comments`)
    .query({ page: 1, per_page: 100 })
    .reply(200, options.comments ?? []);
  gitee
    .post(`${HUB_API}/pulls/1/comments`, (body) => {
      captured.comments.push(body.body);
      return true;
    })
    .optionally()
    .reply(201, { id: 500 });
  gitee
    .patch(/\/api\/v5\/repos\/mindspore\/hub\/pulls\/comments\/\d+/, (body) => {
      captured.edits.push(body.body);
      return true;
    })
    .optionally()
    .reply(200, {});
  gitee
    .delete(/\/api\/v5\/repos\/mindspore\/hub\/pulls\/1\/labels\/.+/)
    .times(4)
    .reply(function () {
      captured.deletedLabels.push(this.req.path.split('?')[0]?.split('/').pop() ?? '');
      return [404, { message: 'Not Found' }];
    });
  gitee
    .post(`${HUB_API}/pulls/1/labels`, (body) => {
      captured.labels.push(body);
      return true;
    })
    .times(2)
    .reply(201, []);
  return captured;
}
