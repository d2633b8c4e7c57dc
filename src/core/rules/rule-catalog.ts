import type { Severity } from '../findings.js';

export interface RuleInfo {
  id: string;
  severity: Severity;
  /**
   * `hub`: the rule can name a reason the hub's own validator (and `mindspore_hub.load()`) rejects
   * a file; each finding's own `origin` says whether it does in that file. `stricter`: never one.
   */
  origin: 'hub' | 'stricter';
  summary: string;
}

export const RULES = [
  {
    id: 'file-encoding',
    severity: 'error',
    origin: 'hub',
    summary: 'The file is UTF-8 text (no NUL bytes, no invalid byte sequences).',
  },
  {
    id: 'file-size',
    severity: 'error',
    origin: 'stricter',
    summary: 'The file and its front matter stay under the size limits.',
  },
  {
    id: 'front-matter-fences',
    severity: 'error',
    origin: 'hub',
    summary: 'Exactly two lines start with `---`: the fences around the front matter.',
  },
  {
    id: 'front-matter-yaml',
    severity: 'error',
    origin: 'hub',
    summary: 'The front matter is valid YAML and a mapping of keys to values, each key once.',
  },
  {
    id: 'wrong-character',
    severity: 'error',
    origin: 'stricter',
    summary:
      'No full-width colon, comma or space, tab, curly quote, no-break space or byte-order mark where YAML needs a plain one (the rest of the file is checked as if fixed).',
  },
  {
    id: 'template-leftover',
    severity: 'error',
    origin: 'stricter',
    summary:
      'No `<required>`/`<optional>` markers, `> ...` help lines or `## assets` heading left from `mshub_res/examples/commit_example.md`.',
  },
  {
    id: 'front-matter-unsafe',
    severity: 'error',
    origin: 'stricter',
    summary: 'No YAML tags, anchors or aliases, and no deep nesting: plain data only.',
  },
  {
    id: 'required-field',
    severity: 'error',
    origin: 'hub',
    summary:
      'Every required field is present, and every `asset` entry has `file-format`, `asset-link` and `asset-sha256`.',
  },
  {
    id: 'model-name-required',
    severity: 'error',
    origin: 'stricter',
    summary: '`model-name` is present: the hub loader calls `create_network(model-name.lower())`.',
  },
  {
    id: 'field-type',
    severity: 'error',
    origin: 'hub',
    summary:
      '`fine-tunable` and `allow-cache-ckpt` are booleans, `accuracy` is a number, `asset` is a list of entries, text fields are text.',
  },
  {
    id: 'module-type',
    severity: 'error',
    origin: 'hub',
    summary: '`module-type` is `<family>` or `<family>-<detail>` with a known family.',
  },
  {
    id: 'used-for',
    severity: 'error',
    origin: 'hub',
    summary: '`used-for` is `/`-separated values from inference, extract-feature, transfer-learning.',
  },
  {
    id: 'backend',
    severity: 'error',
    // check.py has a _validate_backend but never calls it: the hub loads any backend.
    origin: 'stricter',
    summary: '`train-backend` and `infer-backend` are `/`-separated values from cpu, gpu, ascend.',
  },
  {
    id: 'train-dataset',
    severity: 'error',
    origin: 'hub',
    summary: '`train-dataset` names known datasets (the whole value, or each `_`-separated part).',
  },
  {
    id: 'file-format',
    severity: 'error',
    origin: 'hub',
    summary: 'Each asset `file-format` is one of air, ckpt, onnx, mindir, mslite.',
  },
  {
    id: 'featured-image',
    severity: 'error',
    origin: 'hub',
    summary: "`featured-image` names a file in the hub's `images/` folder, or `no-image`.",
  },
  {
    id: 'extra-colon',
    severity: 'error',
    origin: 'hub',
    summary: 'No `:` inside values, except in `repo-link`, `asset` and `evaluation`.',
  },
  {
    id: 'heading-colon',
    severity: 'error',
    origin: 'hub',
    summary: 'Markdown headings do not end with `:`.',
  },
  {
    id: 'evaluation-dash',
    severity: 'warning',
    // The hub rewrites the line and accepts it: never a reason it rejects a file.
    origin: 'stricter',
    summary: 'A bare `evaluation: -` is read as "no evaluation"; accepted, but better removed or quoted.',
  },
  {
    id: 'cn-twin',
    severity: 'error',
    origin: 'hub',
    summary: 'A `*_cn.md` file has its English twin (the same name without `_cn`) in the same folder.',
  },
  {
    id: 'hub-validator',
    severity: 'error',
    origin: 'hub',
    summary:
      "The hub's own validator (the check `mindspore_hub.load()` runs) accepts the file: a reason it rejects the file that no other rule names.",
  },
  {
    id: 'asset-sha256-format',
    severity: 'error',
    origin: 'stricter',
    summary: '`asset-sha256` is a full SHA-256 digest: 64 lowercase hex digits.',
  },
  {
    id: 'link-format',
    severity: 'error',
    origin: 'stricter',
    summary: '`asset-link` and `repo-link` are absolute https URLs (optionally in `<...>`).',
  },
  {
    id: 'asset-host',
    severity: 'error',
    origin: 'stricter',
    summary: "`asset-link` uses the https port, on a host of the hub's `asset-hosts` list when it keeps one.",
  },
  {
    id: 'asset-extension',
    severity: 'error',
    origin: 'stricter',
    summary: '`asset-link` ends in an extension the hub loader accepts (`.ms` only for mslite).',
  },
  {
    id: 'repo-link',
    severity: 'error',
    origin: 'stricter',
    summary:
      '`repo-link` is a GitHub, Gitee or GitCode repository URL: `/owner/repo[/tree|blob/ref[/path]]`.',
  },
  {
    id: 'unknown-key',
    severity: 'warning',
    origin: 'stricter',
    summary: 'Keys the hub does not read (often a typo such as `asset_sha256`).',
  },
  {
    id: 'folder-layout',
    severity: 'error',
    origin: 'stricter',
    summary: 'The file sits in `mshub_res/assets/<owner>/<version>/` or `<owner>/<platform>/<version>/`.',
  },
  {
    id: 'version-text',
    severity: 'warning',
    origin: 'stricter',
    summary: 'Version fields keep their text: YAML reads an unquoted `1.10` as the number 1.1.',
  },
  {
    id: 'duplicate-sha256',
    severity: 'warning',
    origin: 'stricter',
    summary: 'The same `asset-sha256` is not listed under two different models (whole-hub runs).',
  },
  {
    id: 'asset-digest-mismatch',
    severity: 'error',
    origin: 'stricter',
    summary:
      'The file behind `asset-link` has the SHA-256 that `asset-sha256` states (with `--verify-assets`).',
  },
  {
    id: 'asset-unreachable',
    severity: 'error',
    origin: 'stricter',
    summary:
      '`asset-link` downloads: no 4xx, DNS or TLS failure, no private address, no bad redirect (with `--verify-assets`).',
  },
  {
    id: 'asset-too-large',
    severity: 'error',
    origin: 'stricter',
    summary: 'The asset is within the size the hub loader accepts (5 GB by default; with `--verify-assets`).',
  },
  {
    id: 'asset-download-failed',
    severity: 'warning',
    origin: 'stricter',
    summary:
      'The download kept failing after retries (5xx, 429, timeouts): the digest could not be checked (with `--verify-assets`).',
  },
  {
    id: 'source-repo',
    severity: 'error',
    origin: 'stricter',
    summary: 'The repository and branch or tag that `repo-link` names exist (with `--check-repo`).',
  },
  {
    id: 'hub-conf-missing',
    severity: 'error',
    origin: 'stricter',
    summary: '`mindspore_hub_conf.py` is in the folder `repo-link` points to (with `--check-repo`).',
  },
  {
    id: 'hub-conf-create-network',
    severity: 'error',
    origin: 'stricter',
    summary:
      '`mindspore_hub_conf.py` defines `create_network`, which the hub loader calls (with `--check-repo`).',
  },
  {
    id: 'source-repo-unchecked',
    severity: 'notice',
    origin: 'stricter',
    summary:
      'The source repository could not be checked (rate limit, host error); not a failure (with `--check-repo`).',
  },
  {
    id: 'review-truncated',
    severity: 'notice',
    origin: 'stricter',
    summary: 'A pull request with more than 200 asset files is reviewed for its first 200 only (bots).',
  },
  {
    id: 'version-format',
    severity: 'warning',
    origin: 'stricter',
    summary:
      '`model-version` and `mindspore-version` are numbers separated by dots, without a `v` or `r` in front.',
  },
  {
    id: 'version-folder',
    severity: 'warning',
    origin: 'stricter',
    summary: '`mindspore-version` is the version folder the file lives in.',
  },
  {
    id: 'update-time-format',
    severity: 'warning',
    origin: 'stricter',
    summary: '`update-time` is a date written `YYYY-MM-DD`.',
  },
  {
    id: 'module-type-case',
    severity: 'warning',
    origin: 'stricter',
    summary: '`module-type` is written in lower case.',
  },
  {
    id: 'backend-folder',
    severity: 'warning',
    origin: 'stricter',
    summary:
      'In the `<publisher>/<ascend|gpu|cpu>/<version>/` layout, `train-backend` and `infer-backend` include the platform folder.',
  },
  {
    id: 'file-extension',
    severity: 'error',
    origin: 'stricter',
    summary: 'A submission ends in `.md`, in lower case: the hub skips `*.MD` and `*.markdown` files.',
  },
  {
    id: 'duplicate-key',
    severity: 'error',
    origin: 'stricter',
    summary:
      'No key is written twice in one mapping: YAML keeps only the last value, so the first is silently lost (often a missing `- ` in the asset list).',
  },
  {
    id: 'unsafe-path',
    severity: 'error',
    origin: 'stricter',
    summary:
      'A changed file path that no git repository can hold (`.` or `..` segments, backslashes, control characters) is not read (bots).',
  },
] as const satisfies readonly RuleInfo[];

export type RuleId = (typeof RULES)[number]['id'];

export const RULES_BY_ID: ReadonlyMap<string, RuleInfo> = new Map(RULES.map((rule) => [rule.id, rule]));

export function isRuleId(id: string): id is RuleId {
  return RULES_BY_ID.has(id);
}
