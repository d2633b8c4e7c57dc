import type { MessageSpec } from '../message-spec.js';

/** Messages of the rules that compare fields with each other and with the folders (consistency-rules.ts). */
export const CONSISTENCY_MESSAGES = {
  'version-format.message': {
    params: { field: 'text', value: 'text' },
    en: '`{field}` is {value}; a version is numbers separated by dots (`1.9`, `2.5`), without a `v` or `r` in front.',
    zh: '`{field}` 是 {value}；版本号应是用点分隔的数字（如 `1.9`、`2.5`），前面不加 `v` 或 `r`。',
  },
  'version-format.fix-certain': {
    params: { field: 'text', version: 'text' },
    en: 'Write `{field}: "{version}"`.',
    zh: '改成 `{field}: "{version}"`。',
  },
  'version-format.fix': {
    params: { field: 'text' },
    en: 'Write the version as numbers separated by dots, in quotes, for example `{field}: "1.9"`.',
    zh: '把版本号写成用点分隔的数字，并加上引号，例如 `{field}: "1.9"`。',
  },
  'version-folder.message': {
    params: { value: 'text', folder: 'text' },
    en: '`mindspore-version` is {value}, but the file is in the folder for MindSpore {folder}; `mindspore_hub.load()` finds it by that folder.',
    zh: '`mindspore-version` 是 {value}，但文件放在 MindSpore {folder} 的文件夹里；`mindspore_hub.load()` 是按文件夹找到它的。',
  },
  'version-folder.fix': {
    params: { folder: 'text', path: 'text' },
    en: 'Write `mindspore-version: "{folder}"`, or move the file to `{path}`.',
    zh: '改成 `mindspore-version: "{folder}"`，或者把文件移到 `{path}`。',
  },
  'update-time-format.message': {
    params: { value: 'text' },
    en: '`update-time` is {value}; the hub sorts and shows dates written as `YYYY-MM-DD`, with two-digit months and days.',
    zh: '`update-time` 是 {value}；Hub 按 `YYYY-MM-DD` 格式排序和显示日期，月和日都要写两位。',
  },
  'update-time-format.fix-certain': {
    params: { date: 'text' },
    en: 'Write `update-time: {date}`.',
    zh: '改成 `update-time: {date}`。',
  },
  'update-time-format.fix': {
    en: 'Write the date of your submission as `update-time: YYYY-MM-DD`, for example `update-time: 2025-03-10`.',
    zh: '把提交日期写成 `update-time: YYYY-MM-DD`，例如 `update-time: 2025-03-10`。',
  },
  'module-type-case.message': {
    params: { value: 'text', lower: 'text' },
    en: '`module-type` {value} has capital letters; the hub lists `{lower}` and {value} as two different tasks.',
    zh: '`module-type` {value} 中有大写字母；Hub 会把 `{lower}` 和 {value} 当作两种不同的任务列出。',
  },
  'module-type-case.fix': {
    params: { lower: 'text' },
    en: 'Write `module-type: {lower}`.',
    zh: '改成 `module-type: {lower}`。',
  },
  'backend-folder.message': {
    params: { platform: 'text', field: 'text', value: 'text' },
    en: 'The file is in the `{platform}` folder, but `{field}` is {value}.',
    zh: '文件放在 `{platform}` 文件夹里，但 `{field}` 是 {value}。',
  },
  'backend-folder.fix': {
    params: { field: 'text', value: 'text', platform: 'text' },
    en: 'Write `{field}: {value}` if the model also runs on {platform}, or move the file to the folder of its platform.',
    zh: '如果模型也能在 {platform} 上运行，改成 `{field}: {value}`；否则把文件移到它所属平台的文件夹。',
  },
} as const satisfies Record<string, MessageSpec>;
