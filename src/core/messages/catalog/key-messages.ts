import type { MessageSpec } from '../message-spec.js';

/** Messages of the rules on keys (key-rules.ts) and on required fields and types (front-matter-schema.ts). */
export const KEY_MESSAGES = {
  'unknown-key.top-level': {
    params: { key: 'text' },
    en: 'The hub does not read the key {key}.',
    zh: 'Hub 不读取键 {key}。',
  },
  'unknown-key.top-level-asset': {
    params: { key: 'text' },
    en: 'The hub does not read the key {key}. The hub reads assets only from the `asset` list.',
    zh: 'Hub 不读取键 {key}。Hub 只从 `asset` 列表中读取模型文件。',
  },
  'unknown-key.fix-rename': {
    params: { guess: 'text' },
    en: 'Rename it to `{guess}`.',
    zh: '把它改名为 `{guess}`。',
  },
  'unknown-key.fix-guess': {
    params: { guess: 'text' },
    en: 'Did you mean `{guess}`?',
    zh: '是不是想写 `{guess}`？',
  },
  'unknown-key.fix-move-to-asset': {
    en: 'Move it into an entry of `asset:` (`- file-format: ...`, `asset-link: ...`, `asset-sha256: ...`).',
    zh: '把它移到 `asset:` 列表的某一项中（`- file-format: ...`、`asset-link: ...`、`asset-sha256: ...`）。',
  },
  'unknown-key.fix-remove': {
    en: 'Remove it, or put the information in the text below the second `---` line.',
    zh: '删除它，或把这些信息写到第二行 `---` 下面的正文里。',
  },
  'unknown-key.asset-entry': {
    params: { entry: 'number', key: 'text' },
    en: 'Asset entry {entry} has the key {key}, which the hub does not read.',
    zh: '`asset` 列表的第 {entry} 项中有键 {key}，Hub 不读取它。',
  },
  'unknown-key.fix-asset-entry': {
    params: { fields: 'list' },
    en: 'An asset entry holds only {fields}.',
    zh: '`asset` 列表的每一项只包含 {fields}。',
  },
  'version-text.message': {
    params: { field: 'text', written: 'text', read: 'text', readQuoted: 'text', writtenQuoted: 'text' },
    en: 'YAML reads `{field}: {written}` as the number {read}, so tools that read the file see version {readQuoted}, not {writtenQuoted}.',
    zh: 'YAML 把 `{field}: {written}` 读成数字 {read}，所以读取这个文件的工具看到的版本是 {readQuoted}，而不是 {writtenQuoted}。',
  },
  'version-text.fix': {
    params: { field: 'text', written: 'text' },
    en: 'Quote it to keep the text: `{field}: "{written}"`.',
    zh: '加上引号，保留原样的文字：`{field}: "{written}"`。',
  },
  'duplicate-key.top-level': {
    params: { key: 'text', first: 'line', again: 'line' },
    en: '{key} is written twice, on lines {first} and {again}. YAML keeps only the last one, so the value on line {first} is lost.',
    zh: '{key} 写了两次，分别在第 {first} 行和第 {again} 行。YAML 只保留最后一个，所以第 {first} 行的值丢失了。',
  },
  'duplicate-key.fix-top-level': {
    params: { key: 'text' },
    en: 'Keep one `{key}:` line: delete the one you do not want, or merge the two values.',
    zh: '只保留一行 `{key}:`：删除不需要的那一行，或把两个值合并。',
  },
  'duplicate-key.asset-entry': {
    params: { entry: 'number', key: 'text', first: 'line', again: 'line' },
    en: 'Asset entry {entry} has {key} twice, on lines {first} and {again}, so YAML keeps only the second and the asset on line {first} is lost. Line {again} probably starts a new entry and lacks its `- `.',
    zh: '`asset` 列表的第 {entry} 项中 {key} 出现了两次（第 {first} 行和第 {again} 行），YAML 只保留第二个，第 {first} 行的模型文件就丢失了。第 {again} 行很可能是新的一项的开头，但少了开头的 `- `。',
  },
  'duplicate-key.fix-asset-entry': {
    params: { again: 'line', dash: 'line' },
    en: 'Add a line holding only `-` above line {again}, indented like the `-` on line {dash}, so that the keys from line {again} on form an entry of their own.',
    zh: '在第 {again} 行上面加一行只有 `-` 的行，缩进与第 {dash} 行的 `-` 相同，这样从第 {again} 行起的键就成为单独的一项。',
  },
  'required-field.asset-entry': {
    params: { entry: 'number', missing: 'text' },
    en: 'Asset entry {entry} has no {missing}.',
    zh: '`asset` 列表的第 {entry} 项缺少 {missing}。',
  },
  'required-field.asset-entry-misspelled': {
    params: { entry: 'number', missing: 'text', misspelled: 'text' },
    en: 'Asset entry {entry} has no {missing} (it has {misspelled}, which the hub does not read).',
    zh: '`asset` 列表的第 {entry} 项缺少 {missing}（它有 {misspelled}，但 Hub 不读取这个写法）。',
  },
  'required-field.fix-rename': {
    params: { misspelled: 'text', missing: 'text' },
    en: 'Rename {misspelled} to `{missing}`.',
    zh: '把 {misspelled} 改名为 `{missing}`。',
  },
  'required-field.fix-asset-entry': {
    params: { missing: 'text', fields: 'list' },
    en: 'Add `{missing}:` to this entry; every entry needs {fields}.',
    zh: '在这一项中加上 `{missing}:`；每一项都需要 {fields}。',
  },
  'required-field.empty': {
    params: { field: 'text' },
    en: "{field} has no value. The hub's check, which `mindspore_hub.load()` runs before it loads a model, cannot read an empty {field} and stops with an error.",
    zh: '{field} 没有值。Hub 的检查（`mindspore_hub.load()` 加载模型前会运行）无法读取空的 {field}，会直接报错。',
  },
  'required-field.fix-empty': {
    params: { example: 'text' },
    en: 'Write a value, for example {example}.',
    zh: '填写一个值，例如 {example}。',
  },
  'required-field.top-level': {
    params: { missing: 'text' },
    en: 'The required field {missing} is missing from the fields between the two `---` lines at the top of the file.',
    zh: '文件开头两行 `---` 之间的字段中缺少必填字段 {missing}。',
  },
  'required-field.top-level-misspelled': {
    params: { missing: 'text', misspelled: 'text' },
    en: 'The required field {missing} is missing from the fields between the two `---` lines at the top of the file (it has {misspelled}, which the hub does not read).',
    zh: '文件开头两行 `---` 之间的字段中缺少必填字段 {missing}（有 {misspelled}，但 Hub 不读取这个写法）。',
  },
  'required-field.fix-add': {
    params: { missing: 'text' },
    en: 'Add a line `{missing}: ...` between the two `---` lines (see mshub_res/examples/commit_example.md).',
    zh: '在两行 `---` 之间加一行 `{missing}: ...`（参见 mshub_res/examples/commit_example.md）。',
  },
  'model-name-required.message': {
    en: 'The file has no `model-name` between its two `---` lines. The hub loader builds the network with `create_network(model-name)`, so a model without it cannot be loaded.',
    zh: '文件开头两行 `---` 之间没有 `model-name`。Hub 的加载程序用 `create_network(model-name)` 创建网络，没有它模型就无法加载。',
  },
  'model-name-required.fix': {
    en: 'Add `model-name: <name>`, the name your `mindspore_hub_conf.py` accepts in `create_network` (lower case).',
    zh: '加上 `model-name: <name>`，即你的 `mindspore_hub_conf.py` 中 `create_network` 接受的名字（小写）。',
  },
  'field-type.asset-entry': {
    params: { entry: 'number' },
    en: 'Asset entry {entry} is not a mapping of `file-format`, `asset-link` and `asset-sha256`.',
    zh: '`asset` 列表的第 {entry} 项不是由 `file-format`、`asset-link` 和 `asset-sha256` 组成的键值对。',
  },
  'field-type.fix-asset-entry': {
    en: 'Write each entry as `- file-format: ckpt` followed by indented `asset-link:` and `asset-sha256:` lines.',
    zh: '每一项写成 `- file-format: ckpt`，下面跟着缩进对齐的 `asset-link:` 和 `asset-sha256:` 两行。',
  },
  'field-type.nested': {
    params: { field: 'text', expected: 'message' },
    en: '{field} must be {expected}.',
    zh: '{field} 必须是{expected}。',
  },
  'field-type.value': {
    params: { field: 'text', expected: 'message', value: 'text' },
    en: '{field} must be {expected}, but it is {value}.',
    zh: '{field} 必须是{expected}，但现在是 {value}。',
  },
  'field-type.fix-boolean': {
    params: { field: 'text' },
    en: 'Write `{field}: True` or `{field}: False`.',
    zh: '写 `{field}: True` 或 `{field}: False`。',
  },
  'field-type.fix-asset-list': {
    en: 'Write `asset:` followed by entries that start with `- file-format: ...`.',
    zh: '先写 `asset:`，下面是以 `- file-format: ...` 开头的各项。',
  },
  'type.boolean': { en: 'True or False', zh: ' True 或 False' },
  'type.number': { en: 'a number, such as 0.7613', zh: '一个数字，例如 0.7613' },
  'type.array': { en: 'a list', zh: '一个列表' },
  'type.object': { en: 'a mapping of keys to values', zh: '一组 `键: 值`' },
  'type.text': { en: 'text', zh: '一段文字' },
  'type.single-value': {
    en: 'a single value, not a list or mapping',
    zh: '单个值，而不是列表或一组 `键: 值`',
  },
  'type.other': { params: { type: 'text' }, en: '{type}', zh: ' {type}' },
} as const satisfies Record<string, MessageSpec>;
