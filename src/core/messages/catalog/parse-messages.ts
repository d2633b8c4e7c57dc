import type { MessageSpec } from '../message-spec.js';

/**
 * Messages about reading the file: its size and encoding, the `---` lines, characters typed with a
 * Chinese input method or a word processor, template leftovers and YAML errors (validate-asset-file.ts).
 */
export const PARSE_MESSAGES = {
  'file-size.file': {
    params: { detail: 'text' },
    en: 'The file is too large to be an asset description ({detail}).',
    zh: '文件太大，不像是模型描述文件（{detail}）。',
  },
  'file-size.fix-file': {
    en: 'Keep the model card short; link long material instead of including it.',
    zh: '模型说明请保持简短；较长的资料请给出链接，不要直接写进来。',
  },
  'file-size.front-matter': {
    params: { bytes: 'number', limit: 'number' },
    en: 'The fields between the two `---` lines take {bytes} bytes; the limit is {limit}.',
    zh: '两行 `---` 之间的字段共 {bytes} 字节；上限是 {limit} 字节。',
  },
  'file-size.fix-front-matter': {
    en: 'Keep only the fields between the two `---` lines and move long text below the second one.',
    zh: '两行 `---` 之间只保留字段，较长的文字移到第二行 `---` 下面。',
  },
  'file-encoding.message': {
    params: { detail: 'text' },
    en: 'The file is not a text file: {detail}.',
    zh: '这不是文本文件：{detail}。',
  },
  'file-encoding.fix': {
    en: 'Save the file as UTF-8 markdown text.',
    zh: '把文件保存为 UTF-8 编码的 markdown 文本。',
  },
  'front-matter-fences.none': {
    en: 'The fields at the top of the file (the front matter) must sit between exactly two lines that start with `---`; this file has none.',
    zh: '文件开头的字段（front matter）必须正好放在两行以 `---` 开头的行之间；这个文件一行也没有。',
  },
  'front-matter-fences.count': {
    params: { count: 'number', lines: 'text' },
    en: 'The fields at the top of the file (the front matter) must sit between exactly two lines that start with `---`; this file has {count}, on lines {lines}.',
    zh: '文件开头的字段（front matter）必须正好放在两行以 `---` 开头的行之间；这个文件有 {count} 行，在第 {lines} 行。',
  },
  'front-matter-fences.count-more': {
    params: { count: 'number', lines: 'text', more: 'number' },
    en: 'The fields at the top of the file (the front matter) must sit between exactly two lines that start with `---`; this file has {count}, on lines {lines} and {more} more.',
    zh: '文件开头的字段（front matter）必须正好放在两行以 `---` 开头的行之间；这个文件有 {count} 行，在第 {lines} 行，另外还有 {more} 行。',
  },
  'front-matter-fences.fix-extra': {
    en: 'Keep `---` only above and below the fields. For a horizontal rule in the text, write `***` instead; a table separator must start with `|`.',
    zh: '`---` 只保留在字段的上面和下面两行。正文中的分隔线请改写为 `***`；表格的分隔行必须以 `|` 开头。',
  },
  'front-matter-fences.fix-missing': {
    en: 'Put a line `---` above and below the YAML fields (see mshub_res/examples/commit_example.md).',
    zh: '在 YAML 字段的上面和下面各加一行 `---`（参见 mshub_res/examples/commit_example.md）。',
  },
  'wrong-character.full-width-colon': {
    params: { line: 'line' },
    en: 'Line {line} has a full-width colon `：` (typed with a Chinese input method) after the key; YAML understands only the plain colon `:` followed by a space.',
    zh: '第 {line} 行的键后面是中文全角冒号 `：`（中文输入法打出的）；YAML 只认英文冒号 `:` 加一个空格。',
  },
  'wrong-character.full-width-comma': {
    params: { line: 'line' },
    en: 'Line {line} has a full-width comma `，` in a `[...]` list; YAML separates list items only with the plain comma `,`.',
    zh: '第 {line} 行的 `[...]` 列表中有中文全角逗号 `，`；YAML 只用英文逗号 `,` 分隔列表项。',
  },
  'wrong-character.full-width-space': {
    params: { line: 'line' },
    en: 'Line {line} has a full-width space (U+3000) where YAML needs a plain space, in the indentation or after the colon.',
    zh: '第 {line} 行在缩进处或冒号后面有全角空格（U+3000），YAML 在这里需要普通的英文空格。',
  },
  'wrong-character.tab': {
    params: { line: 'line' },
    en: 'Line {line} has a tab in its indentation; YAML allows only spaces there.',
    zh: '第 {line} 行的缩进中有制表符（Tab）；YAML 的缩进只允许空格。',
  },
  'wrong-character.smart-quote': {
    params: { line: 'line' },
    en: "Line {line} has curly quotes around the value; YAML treats only straight quotes `\"` and `''` as quotes, so the curly ones become part of the value.",
    zh: "第 {line} 行的值两边是中文弯引号；YAML 只把英文直引号 `\"` 和 `''` 当作引号，弯引号会变成值的一部分。",
  },
  'wrong-character.no-break-space': {
    params: { line: 'line' },
    en: 'Line {line} has a no-break space (U+00A0, often copied from a web page or a word processor) where YAML needs a plain space.',
    zh: '第 {line} 行有不换行空格（U+00A0，常见于从网页或 Word 中复制的文字），YAML 在这里需要普通空格。',
  },
  'wrong-character.byte-order-mark': {
    params: { line: 'line' },
    en: 'Line {line} has an invisible byte-order mark (U+FEFF), which YAML reads as part of the text.',
    zh: '第 {line} 行有一个看不见的字节顺序标记（U+FEFF），YAML 会把它当作文字的一部分。',
  },
  'wrong-character.fix-indent': {
    params: { line: 'line', spaces: 'number' },
    en: 'Indent line {line} with {spaces, plural, one {# plain space} other {# plain spaces}}, like the lines around it.',
    zh: '第 {line} 行改用 {spaces} 个普通空格缩进，与前后的行一致。',
  },
  'wrong-character.fix-line': {
    params: { corrected: 'text' },
    en: 'Write the line as `{corrected}`.',
    zh: '把这一行改成 `{corrected}`。',
  },
  'wrong-character.repair-full-width-colon': {
    en: 'Replace `：` with a plain colon and a space (`: `), typed with the keyboard in English mode.',
    zh: '把 `：` 换成英文冒号加一个空格（`: `），请在英文输入状态下输入。',
  },
  'wrong-character.repair-full-width-comma': {
    en: 'Replace each `，` in the list with a plain comma and a space (`, `).',
    zh: '把列表中的每个 `，` 换成英文逗号加一个空格（`, `）。',
  },
  'wrong-character.repair-full-width-space': {
    en: 'Replace each full-width space with plain spaces, typed with the keyboard in English mode.',
    zh: '把每个全角空格换成普通空格，请在英文输入状态下输入。',
  },
  'wrong-character.tab-in-line': {
    params: { line: 'line' },
    en: "Line {line} has a tab where YAML allows only spaces (after or before the colon, or in or after an unquoted value), so the hub's PyYAML cannot read the fields.",
    zh: '第 {line} 行在 YAML 只允许空格的地方用了制表符（Tab）：冒号前后，或不带引号的值中间或后面。Hub 使用的 PyYAML 因此无法读取这些字段。',
  },
  'wrong-character.repair-tab-in-line': {
    en: 'Replace the tab with a space, or remove it before the colon and at the end of the line.',
    zh: '把制表符换成空格；冒号前和行尾的制表符直接删除。',
  },
  'wrong-character.repair-tab': {
    en: 'Replace the tab with spaces, as many as the lines above are indented.',
    zh: '把制表符换成空格，空格数与上面的行的缩进相同。',
  },
  'wrong-character.repair-smart-quote': {
    en: 'Replace the curly quotes with straight ones (`"`).',
    zh: '把弯引号换成英文直引号（`"`）。',
  },
  'wrong-character.repair-no-break-space': {
    en: 'Replace the no-break space with a plain space.',
    zh: '把不换行空格换成普通空格。',
  },
  'wrong-character.repair-byte-order-mark': {
    en: 'Delete the invisible character at the start of the line (retype the line if your editor does not show it).',
    zh: '删除行首看不见的字符（如果编辑器显示不出来，就把这一行重新输入一遍）。',
  },
  'template-leftover.message': {
    params: { parts: 'messageList', lines: 'text' },
    en: 'The fields at the top of the file still hold parts of the template mshub_res/examples/commit_example.md ({parts}) on lines {lines}.',
    zh: '文件开头的字段中还留着模板 mshub_res/examples/commit_example.md 的内容（{parts}），在第 {lines} 行。',
  },
  'template-leftover.marker': {
    en: '`<required>`/`<optional>` markers',
    zh: '`<required>`/`<optional>` 标记',
  },
  'template-leftover.help-line': {
    en: '`> ...` help lines',
    zh: '`> ...` 说明行',
  },
  'template-leftover.assets-heading': {
    en: 'the `## assets` heading',
    zh: '`## assets` 标题',
  },
  'template-leftover.ellipsis': {
    en: 'the `...` placeholder entry',
    zh: '`...` 占位项',
  },
  'template-leftover.fix': {
    en: 'Delete the `> ...` help lines and the `<required>`/`<optional>` markers, write `asset:` instead of `## assets`, and put your own value in place of every `[...]`.',
    zh: '删除 `> ...` 说明行和 `<required>`/`<optional>` 标记，把 `## assets` 改成 `asset:`，并把每个 `[...]` 换成你自己的值。',
  },
  'front-matter-yaml.colon-in-value': {
    params: { key: 'text' },
    en: 'The value of {key} contains `: `, which YAML reads as the start of another key, so the fields at the top of the file cannot be read.',
    zh: '{key} 的值中有 `: `，YAML 会把它当作另一个键的开始，所以文件开头的字段无法读取。',
  },
  'front-matter-yaml.fix-quote': {
    params: { key: 'text', value: 'text' },
    en: 'Put the value in quotes: `{key}: "{value}"`.',
    zh: '给值加上引号：`{key}: "{value}"`。',
  },
  'front-matter-yaml.fix-accuracy': {
    params: { number: 'text', details: 'text' },
    en: '`accuracy` is one number: write `accuracy: {number}`, and put the details in `evaluation: "{details}"` (where `:` is allowed).',
    zh: '`accuracy` 只能是一个数字：写 `accuracy: {number}`，并把详细结果写到 `evaluation: "{details}"` 中（那里允许 `:`）。',
  },
  'front-matter-yaml.fix-accuracy-evaluation': {
    params: { number: 'text', line: 'line' },
    en: '`accuracy` is one number: write `accuracy: {number}`, and add the details to `evaluation` on line {line} if they are not there yet.',
    zh: '`accuracy` 只能是一个数字：写 `accuracy: {number}`，如果详细结果还不在第 {line} 行的 `evaluation` 中，请补充到那里。',
  },
  'front-matter-yaml.fix-no-colon': {
    params: { key: 'text', value: 'text' },
    en: 'Write the value without `: `, for example `{key}: {value}`.',
    zh: '值中不要写 `: `，例如 `{key}: {value}`。',
  },
  'front-matter-yaml.quoted': {
    params: { explanation: 'message', line: 'text' },
    en: '{explanation} Quoted: {line}.',
    zh: '{explanation}该行内容：{line}。',
  },
  'front-matter-yaml.unclosed-quote': {
    params: { quote: 'text', line: 'line' },
    en: 'The quote `{quote}` opened on line {line} is never closed, so YAML reads every field after it as part of that value.',
    zh: '第 {line} 行开头的引号 `{quote}` 没有结束，所以 YAML 把后面的所有字段都当作这个值的一部分。',
  },
  'front-matter-yaml.fix-unclosed-quote': {
    params: { quote: 'text', line: 'line' },
    en: 'End the value on line {line} with `{quote}`, or remove the opening quote.',
    zh: '在第 {line} 行的值末尾加上 `{quote}`，或删除开头的引号。',
  },
  'front-matter-yaml.not-key-value': {
    params: { line: 'line' },
    en: 'Line {line} is not a `key: value` line: YAML needs a colon and a space after the key.',
    zh: '第 {line} 行不是 `键: 值` 的格式：YAML 要求键后面有一个冒号和一个空格。',
  },
  'front-matter-yaml.fix-key-value': {
    params: { key: 'text', value: 'text' },
    en: 'Write `{key}: {value}`.',
    zh: '改成 `{key}: {value}`。',
  },
  'front-matter-yaml.fix-not-key-value': {
    en: 'Write the line as `key: value`, or delete it if it is a note (notes belong below the second `---`).',
    zh: '把这一行写成 `键: 值`；如果它是说明文字，就删除它（说明文字应写在第二行 `---` 下面）。',
  },
  'front-matter-yaml.bad-indentation': {
    params: { line: 'line', spaces: 'number' },
    en: 'Line {line} is indented by {spaces, plural, one {# space} other {# spaces}}, which does not line up with the lines around it: top-level keys start at the beginning of the line, and the keys of one asset entry line up under each other.',
    zh: '第 {line} 行缩进了 {spaces} 个空格，与前后的行没有对齐：顶层的键从行首开始写，`asset` 列表同一项中的键要上下对齐。',
  },
  'front-matter-yaml.fix-indentation': {
    params: { line: 'line' },
    en: 'Indent line {line} like the key above it.',
    zh: '第 {line} 行的缩进改成与上面的键相同。',
  },
  'front-matter-yaml.other': {
    params: { line: 'line', reason: 'text' },
    en: 'YAML cannot read line {line} ({reason}).',
    zh: 'YAML 无法读取第 {line} 行（{reason}）。',
  },
  'front-matter-yaml.fix-other': {
    en: "Write one `key: value` per line, and quote values that contain `: ` or start with `-`, `[`, `'{'`, `*`, `&` or `!`.",
    zh: "每行写一个 `键: 值`；值中含有 `: `，或以 `-`、`[`、`'{'`、`*`、`&`、`!` 开头时，请给值加上引号。",
  },
  'front-matter-yaml.empty': {
    en: 'There is nothing between the two `---` lines: the fields that describe the model are missing.',
    zh: '两行 `---` 之间是空的，没有任何字段。',
  },
  'front-matter-yaml.fix-empty': {
    en: 'Fill in the fields from mshub_res/examples/commit_example.md.',
    zh: '按 mshub_res/examples/commit_example.md 填写字段。',
  },
  'front-matter-yaml.not-mapping': {
    params: { found: 'text' },
    en: 'The fields between the two `---` lines are {found, select, list {a list} other {plain text}}, not `key: value` fields.',
    zh: '两行 `---` 之间的内容是{found, select, list {一个列表} other {普通文字}}，而不是 `键: 值` 形式的字段。',
  },
  'front-matter-yaml.fix-not-mapping': {
    en: 'Write one `key: value` per line, with an ASCII colon and a space after it.',
    zh: '每行写一个 `键: 值`，键后面是英文冒号和一个空格。',
  },
  'front-matter-yaml.impossible-value': {
    params: { value: 'text', reason: 'text' },
    en: 'YAML reads {value} as a date or a number, but there is no such one ({reason}), so the hub cannot read this file.',
    zh: 'YAML 会把 {value} 读成日期或数字，但并不存在这样的日期或数字（{reason}），所以 Hub 无法读取这个文件。',
  },
  'front-matter-yaml.fix-impossible-value': {
    en: 'Write a real date such as `2023-02-17`, or put the value in quotes.',
    zh: '写一个真实的日期，例如 `2023-02-17`，或者给这个值加上引号。',
  },
  'front-matter-yaml.unclosed-bracket': {
    params: { bracket: 'text', line: 'line' },
    en: 'The `{bracket}` opened on line {line} is never closed, so YAML reads every line after it as part of that value.',
    zh: '第 {line} 行的 `{bracket}` 没有闭合，所以 YAML 把它后面的所有行都当作这个值的一部分。',
  },
  'front-matter-yaml.fix-unclosed-bracket': {
    params: { close: 'text', line: 'line' },
    en: 'End the value on line {line} with `{close}`, or put the whole value in quotes if it is text.',
    zh: '在第 {line} 行的值末尾加上 `{close}`；如果这个值是文字，就给整个值加上引号。',
  },
  'front-matter-yaml.tab': {
    params: { line: 'line' },
    en: 'Line {line} has a tab where YAML allows only spaces, so the hub cannot read the fields.',
    zh: '第 {line} 行在 YAML 只允许空格的地方用了制表符（Tab），所以 Hub 无法读取这些字段。',
  },
  'front-matter-yaml.fix-tab': {
    en: 'Replace the tab with a space (or with spaces that line the key up under the key above it).',
    zh: '把制表符换成一个空格（缩进处换成与上一行的键对齐的空格）。',
  },
  'hub-validator.message': {
    params: { reason: 'text' },
    en: "The hub's own validator, the check `mindspore_hub.load()` runs before it loads a model, rejects this file: {reason}.",
    zh: 'Hub 自己的校验程序（`mindspore_hub.load()` 加载模型前运行的检查）拒绝了这个文件：{reason}。',
  },
  'hub-validator.repo-info': {
    params: { reason: 'text' },
    en: "The hub cannot take `repo-link` apart into host, owner, repository and folder ({reason}), so `mindspore_hub.load()` could not fetch the model's code.",
    zh: 'Hub 无法把 `repo-link` 拆分成主机、所有者、仓库和目录（{reason}），所以 `mindspore_hub.load()` 无法获取模型代码。',
  },
  'hub-validator.fix-repo-info': {
    en: 'Write the link as `https://gitee.com/<owner>/<repo>/tree/<branch>/<folder>` (or on github.com or gitcode.com), with no spaces, inside `<...>` or not.',
    zh: '把链接写成 `https://gitee.com/<所有者>/<仓库>/tree/<分支>/<目录>`（github.com、gitcode.com 同理），不要有空格，可以放在 `<...>` 中，也可以不放。',
  },
  'hub-validator.cn-name': {
    en: 'The hub takes a file whose name ends in `cn.md` for the Chinese page of another file (the name without its last six characters) and checks that file instead; there is no such file, so this model could not be loaded.',
    zh: 'Hub 会把文件名以 `cn.md` 结尾的文件当作另一个文件（去掉文件名最后六个字符）的中文页面，并改为检查那个文件；而那个文件不存在，所以这个模型无法加载。',
  },
  'hub-validator.fix-cn-name': {
    en: 'Rename the file so that its name does not end in `cn` before `.md` (for example `resnet_gcn_v1.md`), unless it is the Chinese page `<name>_cn.md` of `<name>.md`.',
    zh: '重命名文件，使文件名在 `.md` 之前不以 `cn` 结尾（例如 `resnet_gcn_v1.md`）；除非它就是 `<名称>.md` 的中文页面 `<名称>_cn.md`。',
  },
  'hub-validator.fix-yaml': {
    en: 'Write the fields between the two `---` lines as `key: value` lines in plain YAML, one per line, indented with spaces only.',
    zh: '把两行 `---` 之间的字段写成普通 YAML 的 `键: 值`，每行一个，只用空格缩进。',
  },
  'hub-validator.fix-heading': {
    en: 'Remove the `:` at the end of the heading.',
    zh: '删除标题末尾的 `:`。',
  },
  'hub-validator.fix-field': {
    en: 'Give the field a value of the kind mshub_res/examples/commit_example.md shows.',
    zh: '按 mshub_res/examples/commit_example.md 中的示例，给这个字段填写正确类型的值。',
  },
  'hub-validator.fix-named-field': {
    params: { field: 'text' },
    en: 'Give {field} a value of the kind mshub_res/examples/commit_example.md shows.',
    zh: '按 mshub_res/examples/commit_example.md 中的示例，给 {field} 填写正确类型的值。',
  },
  'hub-validator.fix-file': {
    en: 'Save the file as UTF-8 text, and give it a name that does not end in `cn.md` unless it is the Chinese page of a model (`<name>_cn.md`).',
    zh: '把文件保存为 UTF-8 文本；除非它是某个模型的中文页面（`<名称>_cn.md`），文件名不要以 `cn.md` 结尾。',
  },
  'front-matter-unsafe.message': {
    params: { reason: 'text' },
    en: 'The fields between the two `---` lines are refused: {reason}. Hub fields are plain data.',
    zh: '两行 `---` 之间的字段被拒绝：{reason}。Hub 的字段只能是普通数据。',
  },
  'front-matter-unsafe.fix': {
    en: 'Remove YAML tags (`!...`), anchors (`&...`) and aliases (`*...`), and write each value out.',
    zh: '删除 YAML 标签（`!...`）、锚点（`&...`）和别名（`*...`），把每个值完整写出来。',
  },
} as const satisfies Record<string, MessageSpec>;
