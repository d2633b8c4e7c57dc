import type { MessageSpec } from '../message-spec.js';

/** What the `fix` and `new` commands say besides the findings. */
export const CLI_MESSAGES = {
  'cli.fix-nothing': {
    en: 'Nothing to fix without a decision of yours; what is left is listed below.',
    zh: '没有可以不经你决定就自动修改的地方；剩下的问题列在下面。',
  },
  'cli.fix-dry-run': {
    params: { problems: 'number', files: 'number' },
    en: 'Would fix {problems, plural, one {# problem} other {# problems}} in {files, plural, one {# file} other {# files}} (--dry-run: nothing was written). What would be left:',
    zh: '将修改 {files} 个文件中的 {problems} 处问题（--dry-run：没有写入任何文件）。修改后还剩下：',
  },
  'cli.fix-done': {
    params: { problems: 'number', files: 'number' },
    en: 'Fixed {problems, plural, one {# problem} other {# problems}} in {files, plural, one {# file} other {# files}}. What is left:',
    zh: '已修改 {files} 个文件中的 {problems} 处问题。还剩下：',
  },
  'cli.new-refused': {
    params: { path: 'text' },
    en: '{path} was not written, because the hub would refuse it:',
    zh: '没有写入 {path}，因为 Hub 会拒绝它：',
  },
  'cli.new-refused-advice': {
    en: 'Change the flags that give these values and run `new` again.',
    zh: '请修改给出这些值的参数，然后重新运行 `new`。',
  },
  'cli.new-dry-run': {
    params: { file: 'text' },
    en: '--- {file} (--dry-run: not written)',
    zh: '--- {file}（--dry-run：没有写入）',
  },
  'cli.new-wrote': {
    params: { files: 'list', uid: 'text' },
    en: 'Wrote {files}.\nIt passes every check. Read the "## Introduction" section and say more about the model there,\nthen commit the file and open a pull request. Once it is merged, anyone can load the model with\n  mindspore_hub.load("{uid}")',
    zh: '已写入 {files}。\n它通过了所有检查。请阅读“## Introduction”部分，在那里补充模型的介绍，\n然后提交文件并创建 PR。合入后，任何人都可以这样加载这个模型：\n  mindspore_hub.load("{uid}")',
  },
  'cli.ask-model-name': { en: 'Model name (e.g. resnet50)', zh: '模型名称（例如 resnet50）' },
  'cli.ask-module-type': {
    params: { families: 'list' },
    en: 'Module type, <family>-<task> (families: {families})',
    zh: '模型类型，格式为 <类别>-<任务>（类别：{families}）',
  },
  'cli.ask-mindspore-version': {
    en: 'MindSpore version the model runs on (e.g. 2.5)',
    zh: '模型适用的 MindSpore 版本（例如 2.5）',
  },
  'cli.ask-user-id': {
    en: 'Your user id on the hub (e.g. MindSpore)',
    zh: '你在 Hub 上的用户 ID（例如 MindSpore）',
  },
  'cli.ask-repo-link': {
    en: 'Link to the source code folder that holds mindspore_hub_conf.py',
    zh: '包含 mindspore_hub_conf.py 的源码文件夹链接',
  },
  'cli.ask-dataset': { en: 'Training dataset (Enter for none)', zh: '训练数据集（没有就直接按回车）' },
  'cli.ask-asset': {
    en: 'The model file, or its https download link: ',
    zh: '模型文件，或它的 https 下载链接：',
  },
  'cli.ask-asset-link': { en: 'Its https download link: ', zh: '它的 https 下载链接：' },
  'cli.ask-unknown-family': {
    params: { family: 'text' },
    en: '{family} is not a family the hub knows.',
    zh: 'Hub 不认识类别 {family}。',
  },
  'cli.ask-unknown-family-guess': {
    params: { family: 'text', guess: 'text' },
    en: '{family} is not a family the hub knows (did you mean {guess}?).',
    zh: 'Hub 不认识类别 {family}（是不是想写 {guess}？）。',
  },
  'cli.ask-unknown-dataset': {
    params: { unknown: 'list' },
    en: "The hub's dataset list has no {unknown}; give several datasets joined with _.",
    zh: 'Hub 的数据集列表中没有 {unknown}；多个数据集之间用 _ 连接。',
  },
  'cli.ask-unknown-dataset-guess': {
    params: { unknown: 'list', guesses: 'list' },
    en: "The hub's dataset list has no {unknown} (did you mean {guesses}?); give several datasets joined with _.",
    zh: 'Hub 的数据集列表中没有 {unknown}（是不是想写 {guesses}？）；多个数据集之间用 _ 连接。',
  },
} as const satisfies Record<string, MessageSpec>;
