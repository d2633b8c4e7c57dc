import { ASSETS_ROOT } from '../hub-path.js';

export type Backend = 'ascend' | 'gpu' | 'cpu';

export interface NewAsset {
  format: string;
  link: string;
  sha256: string;
}

/** Everything a new submission says; the CLI gathers it from flags, prompts and downloads. */
export interface NewSubmission {
  modelName: string;
  backboneName: string;
  /** `<family>-<task>`, e.g. `cv-classification`. */
  moduleType: string;
  fineTunable: boolean;
  modelVersion: string;
  trainDataset?: string;
  evaluation?: string;
  author: string;
  /** YYYY-MM-DD; the CLI passes today's date (the core reads no clock). */
  updateTime: string;
  repoLink: string;
  userId: string;
  /** The publisher folder under mshub_res/assets (`mindspore`, `noah-cvlab`). */
  publisher: string;
  usedFor: string;
  backend: Backend;
  mindsporeVersion: string;
  license: string;
  summary: string;
  /** The summary of the Chinese page, when there is one. */
  summaryZh?: string;
  assets: NewAsset[];
}

/** The publisher folder the hub would use for a user id: lower case, letters, digits and `-`. */
export function publisherFolder(userId: string): string {
  return userId
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `<model>_<dataset>`, lower case, as the hub names its files (`vgg19_imagenet2012`). */
export function submissionName(submission: Pick<NewSubmission, 'modelName' | 'trainDataset'>): string {
  const parts = [submission.modelName, submission.trainDataset].filter(
    (part) => part !== undefined && part !== '',
  );
  return parts
    .join('_')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '')
    .replace(/^[._-]+/, '');
}

/** Where the file goes, from the hub root; its uid for `mindspore_hub.load()` is this without `.md`. */
export function submissionPath(submission: NewSubmission): string {
  return `${ASSETS_ROOT}/${submission.publisher}/${submission.mindsporeVersion}/${submissionName(submission)}.md`;
}

export function submissionUid(submission: NewSubmission): string {
  return submissionPath(submission).slice(ASSETS_ROOT.length + 1, -'.md'.length);
}

const DEVICE: Record<Backend, string> = { ascend: 'Ascend', gpu: 'GPU', cpu: 'CPU' };

/** A YAML value written plainly when it reads back as the same text, else in double quotes. */
function text(value: string): string {
  const plain =
    /^[A-Za-z][A-Za-z0-9 ._/+()-]*$/.test(value) && !/^(true|false|yes|no|on|off|null)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/** Versions are always quoted: YAML would read `1.10` as the number 1.1. */
const version = (value: string) => JSON.stringify(value);

function frontMatter(submission: NewSubmission): string[] {
  const lines: Array<[string, string] | undefined> = [
    ['model-name', text(submission.modelName)],
    ['backbone-name', text(submission.backboneName)],
    ['module-type', submission.moduleType],
    ['fine-tunable', submission.fineTunable ? 'True' : 'False'],
    ['model-version', version(submission.modelVersion)],
    submission.trainDataset ? ['train-dataset', text(submission.trainDataset)] : undefined,
    submission.evaluation ? ['evaluation', text(submission.evaluation)] : undefined,
    ['author', text(submission.author)],
    ['update-time', submission.updateTime],
    ['repo-link', `<${submission.repoLink}>`],
    ['user-id', text(submission.userId)],
    ['used-for', submission.usedFor],
    ['train-backend', submission.backend],
    ['infer-backend', submission.backend],
    ['mindspore-version', version(submission.mindsporeVersion)],
  ];
  const out = lines.flatMap((line) => (line ? [`${line[0]}: ${line[1]}`, ''] : []));
  out.push('asset:', '');
  for (const asset of submission.assets)
    out.push(
      `- file-format: ${asset.format}`,
      `  asset-link: <${asset.link}>`,
      `  asset-sha256: ${asset.sha256}`,
      '',
    );
  out.push(`license: ${text(submission.license)}`, '', `summary: ${text(submission.summary)}`);
  return out;
}

function usage(submission: NewSubmission): string[] {
  return [
    '```python',
    'import mindspore_hub as mshub',
    'from mindspore import context',
    '',
    'context.set_context(mode=context.GRAPH_MODE,',
    `                    device_target="${DEVICE[submission.backend]}",`,
    '                    device_id=0)',
    '',
    `model = "${submissionUid(submission)}"`,
    'network = mshub.load(model)',
    'network.set_train(False)',
    '```',
  ];
}

function sentence(value: string): string {
  return /[.!?]$/.test(value) ? value : `${value}.`;
}

/** The submission's markdown: the front matter the hub reads, and the sections a model page has. */
export function renderSubmission(submission: NewSubmission): string {
  return [
    `# ${submission.modelName}`,
    '',
    '---',
    '',
    ...frontMatter(submission),
    '',
    '---',
    '',
    '## Introduction',
    '',
    `${sentence(submission.summary)} The source code is at <${submission.repoLink}>.`,
    '',
    '## Usage',
    '',
    ...usage(submission),
    '',
  ].join('\n');
}

const CHINESE_KEYS: Record<string, string> = {
  'model-name': '模型名称',
  'backbone-name': '骨干网络',
  'module-type': '模块类型',
  'fine-tunable': '可微调',
  'model-version': '模型版本',
  'train-dataset': '训练数据集',
  evaluation: '评估结果',
  author: '作者',
  'update-time': '更新时间',
  'repo-link': '代码仓链接',
  'user-id': '用户ID',
  'used-for': '用途',
  'train-backend': '训练后端',
  'infer-backend': '推理后端',
  'mindspore-version': 'MindSpore版本',
  license: '许可证',
  summary: '摘要',
};

const USED_FOR_ZH: Record<string, string> = {
  inference: '推理',
  'extract-feature': '特征提取',
  'transfer-learning': '迁移学习',
};

/**
 * The Chinese page (`*_cn.md`), written the way the hub's Chinese pages are: the same fields under
 * Chinese names with a full-width colon. The hub's validator and loader skip these pages.
 */
export function renderChineseTwin(submission: NewSubmission): string {
  const values: Record<string, string | undefined> = {
    'model-name': submission.modelName,
    'backbone-name': submission.backboneName,
    'module-type': submission.moduleType,
    'fine-tunable': submission.fineTunable ? 'True' : 'False',
    'model-version': submission.modelVersion,
    'train-dataset': submission.trainDataset,
    evaluation: submission.evaluation,
    author: submission.author,
    'update-time': submission.updateTime,
    'repo-link': `<${submission.repoLink}>`,
    'user-id': submission.userId,
    'used-for': USED_FOR_ZH[submission.usedFor] ?? submission.usedFor,
    'train-backend': DEVICE[submission.backend],
    'infer-backend': DEVICE[submission.backend],
    'mindspore-version': submission.mindsporeVersion,
    license: submission.license,
    summary: submission.summaryZh ?? submission.summary,
  };
  const fields = Object.entries(CHINESE_KEYS).flatMap(([key, name]) => {
    const value = values[key];
    return value === undefined || value === '' ? [] : [`${name}：${value}`, ''];
  });
  return [
    `# ${submission.modelName}`,
    '',
    '---',
    '',
    ...fields,
    '---',
    '',
    '## 简介',
    '',
    `${submission.summaryZh ?? submission.summary}。源代码位于 <${submission.repoLink}>。`.replace(
      // The full stop U+3002 written as an escape: the bundled CLI stays ASCII (see bin/cached-cli.js).
      /[\u3002.]\u3002/,
      '。',
    ),
    '',
    '## 用法',
    '',
    ...usage(submission),
    '',
  ].join('\n');
}
