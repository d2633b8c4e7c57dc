import type { MessageSpec } from '../message-spec.js';

/** What the `fix` and `new` commands say besides the findings. */
export const CLI_MESSAGES = {
  'cli.version-current': {
    params: { server: 'text', published: 'text' },
    en: 'The bot at {server} publishes {published}: this copy is up to date.',
    zh: '{server} 的机器人发布的是 {published}：这个副本是最新的。',
  },
  'cli.version-older': {
    params: { server: 'text', published: 'text', curl: 'text', powershell: 'text' },
    en: 'The bot at {server} publishes {published}, newer than this copy: it may report what this copy does not. Get it with\n  {curl}\n(Windows PowerShell: {powershell})',
    zh: '{server} 的机器人发布的是更新的 {published}，它可能报告这个副本发现不了的问题。这样获取：\n  {curl}\n（Windows PowerShell：{powershell}）',
  },
  'cli.version-unreachable': {
    params: { server: 'text', reason: 'text' },
    en: 'Could not ask {server} for its version ({reason}); check the address, or your network.',
    zh: '无法向 {server} 查询版本（{reason}）；请检查地址或网络。',
  },
  'cli.version-bad-server': {
    params: { server: 'text' },
    en: "--server must be the bot's http(s) address, such as https://review.example.org, not {server}.",
    zh: '--server 必须是机器人的 http(s) 地址，例如 https://review.example.org，而不是 {server}。',
  },
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
    en: 'Your user id on the hub, your name or your team (e.g. MindSpore)',
    zh: '你在 Hub 上的用户 ID，即你或你团队的名字（例如 MindSpore）',
  },
  'cli.ask-repo-link': {
    en: 'Link to the source code folder that holds mindspore_hub_conf.py (e.g. https://gitee.com/mindspore/models/tree/master/official/cv/ResNet)',
    zh: '包含 mindspore_hub_conf.py 的源码文件夹链接（例如 https://gitee.com/mindspore/models/tree/master/official/cv/ResNet）',
  },
  'cli.ask-dataset': {
    en: 'Training dataset, several joined with _ (e.g. imagenet2012; Enter for none)',
    zh: '训练数据集，多个之间用 _ 连接（例如 imagenet2012；没有就直接按回车）',
  },
  'cli.ask-asset': {
    en: 'The model file, or its https download link (e.g. ./resnet50.ckpt)',
    zh: '模型文件，或它的 https 下载链接（例如 ./resnet50.ckpt）',
  },
  'cli.ask-asset-link': {
    en: 'Its https download link, where you published it (e.g. https://example.org/models/resnet50.ckpt)',
    zh: '它的 https 下载链接，即你发布它的地址（例如 https://example.org/models/resnet50.ckpt）',
  },
  'cli.answer-required': { en: 'This one needs an answer.', zh: '这一项必须填写。' },
  'cli.answer-invalid': {
    params: { value: 'text', what: 'message' },
    en: '{value} will not do: use {what}.',
    zh: '{value} 不可用：请使用{what}。',
  },
  'cli.answer-user-id-no-letter': {
    params: { value: 'text' },
    en: 'The user id {value} has no letter: it names you or your team on the hub, not a version.',
    zh: '用户 ID {value} 中没有字母：它是你或你团队在 Hub 上的名字，不是版本号。',
  },
  'cli.answer-repo-link': {
    params: { value: 'text' },
    en: '{value} is not an https link to a repository (or a folder in it) on GitHub, Gitee or GitCode.',
    zh: '{value} 不是指向 GitHub、Gitee 或 GitCode 上某个仓库（或其中文件夹）的 https 链接。',
  },
  'cli.answer-no-file': {
    params: { path: 'text' },
    en: 'There is no file {path}: give the path of the model file on this computer, or its https link.',
    zh: '文件 {path} 不存在：请给出模型文件在本机上的路径，或它的 https 链接。',
  },
  'cli.answer-link-extension': {
    params: { link: 'text', extensions: 'orList' },
    en: 'The hub loads the file that {link} names, and its name does not end in {extensions}.',
    zh: 'Hub 加载的是 {link} 指向的文件，而它的文件名不是以 {extensions} 结尾。',
  },
  'cli.audit-stopped': {
    params: { state: 'text' },
    en: 'Audit stopped; what it saw is kept in {state}, and running it again goes on from there.',
    zh: '审计已停止；已检查的结果保存在 {state} 中，再次运行会从停下的地方继续。',
  },
  'cli.error-no-audit-state': {
    params: { path: 'text' },
    en: 'There is no audit state at {path}: run `mshub-review audit` first, or name its --state file.',
    zh: '{path} 处没有审计状态：请先运行 `mshub-review audit`，或给出它的 --state 文件。',
  },
  'cli.audit-issue': {
    params: { kind: 'text', where: 'text' },
    en: 'Tracking issue {kind, select, created {opened} updated {updated} other {unchanged}}: {where}',
    zh: '跟踪 Issue {kind, select, created {已创建} updated {已更新} other {没有变化}}：{where}',
  },
  'cli.error-report-to': {
    params: { value: 'text' },
    en: '--report-to {value} is not github:<owner>/<repo>, gitee:<owner>/<repo> or gitcode:<owner>/<repo>.',
    zh: '--report-to {value} 的格式应为 github:<owner>/<repo>、gitee:<owner>/<repo> 或 gitcode:<owner>/<repo>。',
  },
  'cli.error-report-to-token': {
    params: { variable: 'text' },
    en: 'Writing the tracking issue needs a token with access to the repository in {variable}.',
    zh: '写入跟踪 Issue 需要在 {variable} 中提供能访问该仓库的令牌。',
  },
  'cli.audit-progress': {
    params: { done: 'number', links: 'number', mib: 'text', rate: 'text', left: 'text' },
    en: 'audit: {done} of {links} links, {mib} MiB hashed, {rate} links/s, {left} left',
    zh: '审计：已检查 {done}/{links} 个链接，已计算 {mib} MiB 的摘要，每秒 {rate} 个，还需 {left}',
  },
  'cli.interrupted': { en: 'Stopped; nothing was written.', zh: '已停止，没有写入任何文件。' },
  'cli.new-resume': {
    params: { command: 'text' },
    en: 'Your answers are kept: to go on, run `{command}`',
    zh: '你的回答都已保留，继续时请运行 `{command}`',
  },
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
  'cli.error-not-in-hub': {
    params: { folder: 'text' },
    en: '{folder} is not in a hub checkout (no mshub_res folder above it); run `new` in your clone of the hub, or give --hub <folder>.',
    zh: '{folder} 不在 Hub 仓库的目录里（上层没有 mshub_res 文件夹）；请在你克隆的 Hub 仓库中运行 `new`，或用 --hub <目录> 指定。',
  },
  'cli.error-this-folder': { en: 'this folder', zh: '当前目录' },
  'cli.error-exists': {
    params: { file: 'text' },
    en: '{file} already exists, and `new` never overwrites a file. Edit it instead, or check it with `validate`.',
    zh: '{file} 已经存在，`new` 从不覆盖已有文件。请直接编辑它，或用 `validate` 检查它。',
  },
  'cli.error-new-unwritable': {
    params: { file: 'text', reason: 'text' },
    en: '{file} could not be written ({reason}); nothing of it was changed.',
    zh: '无法写入 {file}（{reason}）；没有改动任何内容。',
  },
  'cli.error-needs-flags': {
    params: { flags: 'list' },
    en: 'new needs {flags} (or run it at a terminal to be asked).',
    zh: 'new 需要 {flags}（或者在终端中运行，它会逐项询问）。',
  },
  'cli.error-needs-asset': {
    en: 'new needs at least one --asset: the model file (with --asset-link for where it is published) or its https link.',
    zh: 'new 至少需要一个 --asset：模型文件（再用 --asset-link 给出它的发布地址），或它的 https 链接。',
  },
  'cli.error-asset-links': {
    params: { files: 'number', links: 'number' },
    en: 'give one --asset-link for each local --asset file, in the same order ({files, plural, one {# file} other {# files}}, {links, plural, one {# link} other {# links}}): the hub downloads every asset from its link.',
    zh: '请为每个本地的 --asset 文件按相同顺序给出一个 --asset-link（现在有 {files} 个文件、{links} 个链接）：Hub 会从链接下载每个模型文件。',
  },
  'cli.error-not-https': {
    params: { link: 'text' },
    en: '{link} is not an https link; the hub downloads assets over https only.',
    zh: '{link} 不是 https 链接；Hub 只通过 https 下载模型文件。',
  },
  'cli.error-extension': {
    params: { target: 'text', extensions: 'orList' },
    en: '{target} does not end in {extensions}, the model files the hub loads.',
    zh: '{target} 不是以 {extensions} 结尾的文件，而 Hub 只加载这些模型文件。',
  },
  'cli.error-flag-invalid': {
    params: { flag: 'text', value: 'text', what: 'message' },
    en: '--{flag} {value} is not valid: use {what}.',
    zh: '--{flag} {value} 无效：请使用{what}。',
  },
  'cli.pattern-name': { en: 'letters, digits and _ . + -', zh: '字母、数字和 _ . + -' },
  'cli.pattern-module-type': {
    en: 'a family and a task, such as cv-classification',
    zh: '类别加任务，例如 cv-classification',
  },
  'cli.pattern-dataset': { en: 'letters, digits and _ . -', zh: '字母、数字和 _ . -' },
  'cli.pattern-version': { en: 'a version such as 1.0', zh: '版本号，例如 1.0' },
  'cli.pattern-mindspore-version': { en: 'a version folder such as 2.5', zh: '版本文件夹名，例如 2.5' },
  'cli.pattern-publisher': { en: 'lower-case letters, digits, _ and -', zh: '小写字母、数字、_ 和 -' },
  'cli.error-one-line': {
    params: { flag: 'text' },
    en: '--{flag} must be one line.',
    zh: '--{flag} 只能写一行。',
  },
  'cli.error-repo-link': {
    params: { value: 'text' },
    en: '--repo-link {value} is not an https link to the source code.',
    zh: '--repo-link {value} 不是指向源码的 https 链接。',
  },
  'cli.error-used-for': {
    params: { values: 'orList' },
    en: '--used-for must be one of {values}.',
    zh: '--used-for 必须是 {values} 之一。',
  },
  'cli.error-no-publisher': {
    params: { userId: 'text' },
    en: 'the user id {userId} has no letter or digit to name your folder under mshub_res/assets: give --publisher, e.g. --publisher zhang-san.',
    zh: '用户 ID {userId} 中没有可以用作 mshub_res/assets 下文件夹名的字母或数字：请用 --publisher 指定，例如 --publisher zhang-san。',
  },
  'cli.error-no-asset-files': {
    params: { paths: 'list' },
    en: "found no asset file (*.md) in {paths}; give the model's .md file, or the hub folder that holds mshub_res.",
    zh: '在 {paths} 中没有找到模型描述文件（*.md）；请给出模型的 .md 文件，或包含 mshub_res 的 Hub 目录。',
  },
  'cli.error-fix-unwritable': {
    params: { path: 'text', reason: 'text', written: 'number' },
    en: '{path} could not be written ({reason}), so it is unchanged. {written, plural, =0 {No file was changed.} one {The # file in the diff above it was fixed.} other {The # files in the diff above it were fixed.}} Check that you can write to it, or run with --dry-run to see the fixes.',
    zh: '无法写入 {path}（{reason}），它保持原样。{written, plural, =0 {没有修改任何文件。} other {上面 diff 中的 # 个文件已经修改。}}请确认你有写入权限，或加 --dry-run 查看要做的修改。',
  },
  'cli.error-path-not-found': {
    params: { path: 'text' },
    en: '{path} does not exist.',
    zh: '{path} 不存在。',
  },
  'cli.usage-unknown-option': {
    params: { option: 'text' },
    en: 'unknown option {option}',
    zh: '不认识的选项 {option}',
  },
  'cli.usage-unknown-command': {
    params: { command: 'text' },
    en: 'unknown command {command}',
    zh: '不认识的命令 {command}',
  },
  'cli.usage-missing-argument': {
    params: { argument: 'text' },
    en: 'missing required argument {argument}',
    zh: '缺少必需的参数 {argument}',
  },
  'cli.usage-option-missing-value': {
    params: { option: 'text' },
    en: 'option {option} needs a value',
    zh: '选项 {option} 需要一个值',
  },
  'cli.usage-invalid-choice': {
    params: { option: 'text', value: 'text', choices: 'text' },
    en: '{value} is not a value of {option}; it takes {choices}',
    zh: '{value} 不是选项 {option} 可以取的值；可选值为 {choices}',
  },
  'cli.usage-too-many-arguments': {
    params: { command: 'text' },
    en: 'too many arguments for {command}',
    zh: '{command} 的参数太多了',
  },
  'cli.usage-did-you-mean': {
    params: { guess: 'text' },
    en: '(Did you mean {guess}?)',
    zh: '（你是不是想输入 {guess}？）',
  },
  'cli.help-default': {
    params: { value: 'text' },
    en: 'default: {value}',
    zh: '默认：{value}',
  },
  'cli.help-choices': {
    params: { values: 'text' },
    en: 'choices: {values}',
    zh: '可选：{values}',
  },
  'cli.error-sha256-not-https': {
    params: { target: 'text' },
    en: '{target} is not an https link; the hub only accepts https asset links.',
    zh: '{target} 不是 https 链接；Hub 只接受 https 的模型文件链接。',
  },
} as const satisfies Record<string, MessageSpec>;
