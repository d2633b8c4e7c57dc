import type { MessageSpec } from '../message-spec.js';

/** Messages of the rules on single values (value-rules.ts). */
export const VALUE_MESSAGES = {
  'module-type.unknown-family': {
    params: { family: 'text', families: 'orList' },
    en: '{family} is not a module family the hub knows ({families}).',
    zh: '{family} 不是 Hub 认识的模块类别（可选：{families}）。',
  },
  'module-type.fix-guess': {
    params: { guess: 'text' },
    en: 'Did you mean `{guess}`? For example `module-type: {guess}-classification`.',
    zh: '是不是想写 `{guess}`？例如 `module-type: {guess}-classification`。',
  },
  'module-type.fix': {
    en: 'Start `module-type` with one of the families, for example `cv-classification`.',
    zh: '`module-type` 要以上面的某个类别开头，例如 `cv-classification`。',
  },
  'slash-list.unknown': {
    params: { values: 'list', field: 'text', allowed: 'orList' },
    en: '{values} in `{field}` is not one of {allowed}.',
    zh: '`{field}` 中的 {values} 不在可选值中（{allowed}）。',
  },
  'slash-list.fix': {
    params: { field: 'text', example: 'text' },
    en: 'Write one or more of them separated by `/`, for example `{field}: {example}`.',
    zh: '写一个或多个可选值，用 `/` 分隔，例如 `{field}: {example}`。',
  },
  'slash-list.fix-guess': {
    params: { guess: 'text', field: 'text', example: 'text' },
    en: 'Did you mean `{guess}`? Write one or more of them separated by `/`, for example `{field}: {example}`.',
    zh: '是不是想写 `{guess}`？写一个或多个可选值，用 `/` 分隔，例如 `{field}: {example}`。',
  },
  'train-dataset.split-by-loader': {
    params: { value: 'text', unknown: 'list' },
    en: "{value} is in the hub's dataset list, but the hub loader splits `train-dataset` at every `_` and then does not know {unknown}, so `mindspore_hub.load()` refuses this model.",
    zh: '{value} 在 Hub 的数据集列表里，但 Hub 的加载程序会在每个 `_` 处把 `train-dataset` 拆开，拆出的 {unknown} 它不认识，所以 `mindspore_hub.load()` 会拒绝加载这个模型。',
  },
  'train-dataset.fix-squeezed': {
    params: { spelling: 'text' },
    en: "Write `train-dataset: {spelling}`, the list's spelling of the same dataset without `_`.",
    zh: '改成 `train-dataset: {spelling}`：这是列表中同一个数据集不带 `_` 的写法。',
  },
  'train-dataset.fix-no-underscore': {
    en: 'Write the dataset without `_` (the list has most datasets in such a spelling, in lower case).',
    zh: '把数据集名字中的 `_` 去掉（列表中大多数数据集都有这样的小写写法）。',
  },
  'train-dataset.respelled': {
    params: { count: 'number', unknown: 'list' },
    en: 'The hub does not know the {count, plural, one {dataset} other {datasets}} {unknown}; its dataset list spells {count, plural, one {it} other {them}} differently.',
    zh: 'Hub 不认识数据集 {unknown}{count, plural, =1 {} other {（共 # 个）}}；它的数据集列表中的写法不同。',
  },
  'train-dataset.fix-respelled': {
    params: { value: 'text' },
    en: "Write `train-dataset: {value}`, the spelling of the hub's dataset list.",
    zh: '改成 `train-dataset: {value}`，即 Hub 数据集列表中的写法。',
  },
  'train-dataset.unknown': {
    params: { count: 'number', unknown: 'list' },
    en: 'The hub does not know the {count, plural, one {dataset} other {datasets}} {unknown}. `train-dataset` must name known datasets, joined with `_` when there are several.',
    zh: 'Hub 不认识数据集 {unknown}{count, plural, =1 {} other {（共 # 个）}}。`train-dataset` 必须写 Hub 已知的数据集，多个数据集之间用 `_` 连接。',
  },
  'train-dataset.fix': {
    en: "Use the spelling from the hub's dataset list; if the dataset is new to the hub, say so in the pull request so a maintainer can add it.",
    zh: '请使用 Hub 数据集列表中的写法；如果这是 Hub 还没有的新数据集，请在 PR 中说明，由维护者添加。',
  },
  'train-dataset.fix-guess': {
    params: { guesses: 'list' },
    en: "Did you mean {guesses}? Use the spelling from the hub's dataset list; if the dataset is new to the hub, say so in the pull request so a maintainer can add it.",
    zh: '是不是想写 {guesses}？请使用 Hub 数据集列表中的写法；如果这是 Hub 还没有的新数据集，请在 PR 中说明，由维护者添加。',
  },
  'file-format.unknown': {
    params: { format: 'text', formats: 'orList' },
    en: '{format} is not a file format the hub can load ({formats}).',
    zh: '{format} 不是 Hub 能加载的文件格式（可选：{formats}）。',
  },
  'file-format.fix-guess': {
    params: { guess: 'text' },
    en: 'Did you mean `file-format: {guess}`?',
    zh: '是不是想写 `file-format: {guess}`？',
  },
  'file-format.fix': {
    en: 'Use the format of the file that `asset-link` downloads.',
    zh: '写 `asset-link` 所下载文件的格式。',
  },
  'featured-image.missing': {
    params: { image: 'text' },
    en: "The image {image} is not in the hub's `images/` folder.",
    zh: 'Hub 的 `images/` 文件夹中没有图片 {image}。',
  },
  'featured-image.fix-guess': {
    params: { guess: 'text' },
    en: 'Did you mean `{guess}`?',
    zh: '是不是想写 `{guess}`？',
  },
  'featured-image.fix': {
    en: 'Add the image to the `images/` folder in the same pull request, or write `featured-image: no-image`.',
    zh: '在同一个 PR 中把图片加到 `images/` 文件夹，或者写 `featured-image: no-image`。',
  },
  'extra-colon.value': {
    params: { field: 'text' },
    en: 'The value of {field} contains `:`. The hub accepts `:` only in `repo-link`, `asset` and `evaluation`.',
    zh: '{field} 的值中有 `:`。Hub 只允许 `repo-link`、`asset` 和 `evaluation` 的值中出现 `:`。',
  },
  'extra-colon.fix-link': {
    en: 'A link belongs in `repo-link`, in an `asset` entry, or in the text below the second `---` line: move it there.',
    zh: '链接应写在 `repo-link`、`asset` 列表的某一项中，或写在第二行 `---` 下面的正文里：请移到那里。',
  },
  'extra-colon.fix-link-asset-key': {
    en: 'A link belongs in `repo-link`, in an `asset` entry, or in the text below the second `---` line: move it there (this key is read only inside an entry of `asset:`).',
    zh: '链接应写在 `repo-link`、`asset` 列表的某一项中，或写在第二行 `---` 下面的正文里：请移到那里（这个键只在 `asset:` 列表的某一项中才会被读取）。',
  },
  'extra-colon.fix-replace': {
    params: { field: 'text', value: 'text' },
    en: 'Replace the `:`, for example with ` - `: `{field}: {value}`.',
    zh: '把 `:` 换掉，例如换成 ` - `：`{field}: {value}`。',
  },
  'extra-colon.fix-single-line': {
    en: 'Write this field as a single line of text without `:`.',
    zh: '把这个字段写成一行不含 `:` 的文字。',
  },
  'evaluation-dash.message': {
    en: '`evaluation: -` is not valid YAML on its own (a `-` starts a list); the hub reads it as "no evaluation".',
    zh: '`evaluation: -` 单独写不是合法的 YAML（`-` 表示列表的开始）；Hub 把它当作“没有评估结果”。',
  },
  'evaluation-dash.fix': {
    en: 'Remove the `evaluation` line, or give the results, for example `evaluation: top1acc75.24 | top5acc92.55`.',
    zh: '删除 `evaluation` 这一行，或写上评估结果，例如 `evaluation: top1acc75.24 | top5acc92.55`。',
  },
} as const satisfies Record<string, MessageSpec>;
