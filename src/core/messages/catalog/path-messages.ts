import type { MessageSpec } from '../message-spec.js';

/** Messages of the rules on paths, file names and headings (path-rules.ts, body-rules.ts). */
export const PATH_MESSAGES = {
  'folder-layout.outside-assets': {
    params: { path: 'text' },
    en: '{path} is not inside `mshub_res/assets`, so the folder rules were not checked.',
    zh: '{path} 不在 `mshub_res/assets` 下，所以没有检查文件夹规则。',
  },
  'folder-layout.fix-outside-assets': {
    en: 'Submit the file under `mshub_res/assets/<publisher>/<mindspore-version>/` in the hub repository.',
    zh: '把文件提交到 Hub 仓库的 `mshub_res/assets/<publisher>/<mindspore-version>/` 下。',
  },
  'folder-layout.message': {
    params: { folder: 'text' },
    en: 'The folder {folder} under `mshub_res/assets` is neither `<publisher>/<version>` nor `<publisher>/<ascend|gpu|cpu>/<version>`.',
    zh: '`mshub_res/assets` 下的文件夹 {folder} 既不是 `<publisher>/<version>`，也不是 `<publisher>/<ascend|gpu|cpu>/<version>`。',
  },
  'folder-layout.fix-known': {
    params: { path: 'text' },
    en: 'Move the file to `{path}` (publisher folder, then the `mindspore-version` of the file).',
    zh: '把文件移到 `{path}`（先是发布者文件夹，再是文件中写的 `mindspore-version`）。',
  },
  'folder-layout.fix': {
    en: 'Move the file to `mshub_res/assets/<publisher>/<mindspore-version>/`, for example `mshub_res/assets/mindspore/2.5/resnet50_imagenet2012.md`.',
    zh: '把文件移到 `mshub_res/assets/<publisher>/<mindspore-version>/`，例如 `mshub_res/assets/mindspore/2.5/resnet50_imagenet2012.md`。',
  },
  'file-extension.message': {
    params: { file: 'text' },
    en: 'The hub reads only files whose names end in `.md` (lower case), so it skips {file} and the model never appears.',
    zh: 'Hub 只读取文件名以 `.md`（小写）结尾的文件，所以会跳过 {file}，这个模型也就不会出现在 Hub 上。',
  },
  'file-extension.fix': {
    params: { file: 'text' },
    en: 'Rename the file to {file}.',
    zh: '把文件改名为 {file}。',
  },
  'cn-twin.message': {
    params: { path: 'text', twin: 'text' },
    en: '{path} is a Chinese page, but its English twin {twin} is not in the hub.',
    zh: '{path} 是中文页面，但 Hub 中没有对应的英文文件 {twin}。',
  },
  'cn-twin.fix': {
    params: { twin: 'text' },
    en: "Add {twin} with the model's fields between two `---` lines; the `_cn.md` file is checked through it.",
    zh: '添加 {twin}，在两行 `---` 之间写上模型的字段；`_cn.md` 文件通过它来检查。',
  },
  'heading-colon.message': {
    params: { heading: 'text' },
    en: 'The heading {heading} ends with `:`, which the hub does not accept.',
    zh: '标题 {heading} 以 `:` 结尾，Hub 不接受这种写法。',
  },
  'heading-colon.fix': {
    params: { heading: 'text' },
    en: 'Remove the `:` at the end: {heading}.',
    zh: '删除末尾的 `:`：{heading}。',
  },
  'unsafe-path.message': {
    params: { path: 'text', problem: 'message' },
    en: 'The pull request names the file {path}, but {problem}; no git repository holds such a path, so it was not read.',
    zh: 'PR 中有文件 {path}，但{problem}；git 仓库中不可能有这样的路径，所以没有读取它。',
  },
  'unsafe-path.empty-or-long': {
    en: 'it is empty or too long',
    zh: '路径为空或过长',
  },
  'unsafe-path.control': {
    en: 'it contains a control character',
    zh: '路径中有控制字符',
  },
  'unsafe-path.backslash': {
    en: 'it contains a backslash',
    zh: '路径中有反斜杠',
  },
  'unsafe-path.absolute': {
    en: 'it starts with `/`',
    zh: '路径以 `/` 开头',
  },
  'unsafe-path.dot-segment': {
    en: 'it has an empty, `.` or `..` segment',
    zh: '路径中有空的、`.` 或 `..` 的部分',
  },
  'unsafe-path.fix': {
    en: 'Rename the file to a plain path under `mshub_res/assets/<publisher>/<mindspore-version>/`, with no `.` or `..` folders.',
    zh: '把文件改到 `mshub_res/assets/<publisher>/<mindspore-version>/` 下的普通路径，不要有 `.` 或 `..` 文件夹。',
  },
  'review-truncated.message': {
    params: { files: 'number', reviewed: 'number' },
    en: 'This pull request changes {files} asset files; the review covers the first {reviewed}.',
    zh: '这个 PR 修改了 {files} 个模型描述文件；本次检查只覆盖前 {reviewed} 个。',
  },
  'review-truncated.fix': {
    en: 'Split the submission into pull requests of fewer files, so that every file is reviewed.',
    zh: '把提交拆成几个文件更少的 PR，这样每个文件都能得到检查。',
  },
  'finding-overflow.message': {
    params: { limit: 'number', rule: 'text' },
    en: 'This file has more than {limit} findings of `{rule}`; the others are not listed.',
    zh: '这个文件中 `{rule}` 的问题超过 {limit} 个；其余的没有列出。',
  },
  'finding-overflow.fix': {
    en: 'Fix the ones above the same way (they are usually one mistake repeated), then check the file again.',
    zh: '用同样的方法修改上面列出的问题（通常是同一个错误重复出现），然后再检查一遍文件。',
  },
} as const satisfies Record<string, MessageSpec>;
