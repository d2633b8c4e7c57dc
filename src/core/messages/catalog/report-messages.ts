import type { MessageSpec } from '../message-spec.js';

/** The words around the findings: the bot's comment, the check run, the suggestions and the CLI report. */
export const REPORT_MESSAGES = {
  'report.errors': {
    params: { count: 'number' },
    en: '{count, plural, one {# error} other {# errors}}',
    zh: '{count} 个错误',
  },
  'report.warnings': {
    params: { count: 'number' },
    en: '{count, plural, one {# warning} other {# warnings}}',
    zh: '{count} 个警告',
  },
  'report.notices': {
    params: { count: 'number' },
    en: '{count, plural, one {# notice} other {# notices}}',
    zh: '{count} 个提示',
  },
  'report.counts': {
    params: { parts: 'messageList' },
    en: '{parts}',
    zh: '{parts}',
  },
  'report.no-problems': { en: 'no problems', zh: '没有问题' },
  'report.heading-pass': {
    params: { icon: 'text', files: 'number' },
    en: '### {icon} mshub-review: {files, plural, one {# asset file} other {# asset files}} checked, all pass',
    zh: '### {icon} mshub-review：检查了 {files} 个模型描述文件，全部通过',
  },
  'report.heading-findings': {
    params: { icon: 'text', counts: 'message', files: 'number' },
    en: '### {icon} mshub-review: {counts} in {files, plural, one {# asset file} other {# asset files}}',
    zh: '### {icon} mshub-review：{files} 个模型描述文件中有 {counts}',
  },
  'report.reviewed-commit': {
    params: { sha: 'text' },
    en: 'Reviewed commit {sha}.',
    zh: '检查的提交：{sha}。',
  },
  'report.suggested': {
    params: { count: 'number' },
    en: '💡 {count, plural, one {One fix is} other {# fixes are}} offered as a suggestion on the lines you changed: open **Files changed** and press **Commit suggestion**.',
    zh: '💡 在你修改的行上给出了 {count} 处修改建议：打开 **Files changed**，点击 **Commit suggestion** 即可采纳。',
  },
  'report.warnings-heading': { en: 'Warnings and notices', zh: '警告和提示' },
  'report.others-hidden': {
    params: { count: 'number' },
    en: '{count, plural, one {# warning or notice is} other {# warnings or notices are}} not shown here, to leave room for the errors: fix the errors, and the next review shows them.',
    zh: '为了给错误留出位置，这里没有列出 {count} 个警告或提示：改好错误后，下一次检查会显示它们。',
  },
  'report.others-hidden-command': {
    params: { count: 'number', command: 'text' },
    en: '{count, plural, one {# warning or notice is} other {# warnings or notices are}} not shown here, to leave room for the errors: run {command} to see them.',
    zh: '为了给错误留出位置，这里没有列出 {count} 个警告或提示：运行 {command} 可以看到它们。',
  },
  'report.others-passed': {
    params: { count: 'number' },
    en: '{count, plural, one {# other file} other {# other files}} passed every check.',
    zh: '另外 {count} 个文件通过了所有检查。',
  },
  'report.failure-advice': {
    en: 'Fix the errors and push again; this comment is updated on every push.',
    zh: '请修改错误后重新推送；每次推送后这条评论都会更新。',
  },
  'report.recheck': {
    en: 'Comment `/recheck` to run the review again.',
    zh: '评论 `/recheck` 可以重新检查。',
  },
  'report.neutral-advice': {
    en: 'Warnings do not block the merge, but please fix them if you can.',
    zh: '警告不会阻止合入，但请尽量修改。',
  },
  'report.local-download': {
    params: { curl: 'text', powershell: 'text' },
    en: 'Get the checker this bot runs (Node 20 or later) in your hub checkout with {curl} (Windows PowerShell: {powershell}).',
    zh: '在本地的 Hub 仓库中用一行命令获取本机器人使用的检查工具（需要 Node 20 或更新版本）：{curl}（Windows PowerShell：{powershell}）。',
  },
  'report.local-validate': {
    params: { command: 'text' },
    en: 'Run {command} in your hub checkout to check locally first.',
    zh: '可以先在本地的 Hub 仓库中运行 {command} 检查。',
  },
  'report.local-fix': {
    params: { command: 'text', count: 'number' },
    en: '{command} makes the {count, plural, one {# change} other {# changes}} that need no decision for you.',
    zh: '{command} 会替你完成其中 {count} 处不需要你做决定的修改。',
  },
  'report.shared-summary': {
    params: { icon: 'text', rule: 'text', files: 'number', message: 'text' },
    en: '{icon} {rule} in {files, plural, one {# file} other {# files}}: {message}',
    zh: '{icon} {rule}，共 {files} 个文件：{message}',
  },
  'report.fix-label': { en: '**Fix:**', zh: '**修改方法：**' },
  'report.file': { en: 'File', zh: '整个文件' },
  'report.line': {
    params: { line: 'line' },
    en: 'Line {line}',
    zh: '第 {line} 行',
  },
  'report.delete-line': {
    params: { line: 'line' },
    en: 'Delete line {line}.',
    zh: '删除第 {line} 行。',
  },
  'report.line-becomes': {
    params: { line: 'line' },
    en: 'Line {line} becomes:',
    zh: '第 {line} 行改为：',
  },
  'report.line-becomes-lines': {
    params: { line: 'line' },
    en: 'Line {line} becomes these lines:',
    zh: '第 {line} 行改为以下几行：',
  },
  'report.cut': {
    en: '… (cut here: the review is longer than a comment can hold)',
    zh: '……（到此截断：检查结果超出了一条评论的长度）',
  },
  'report.cut-command': {
    params: { command: 'text' },
    en: '… (cut here; run {command} for every finding)',
    zh: '……（到此截断；运行 {command} 可以看到全部问题）',
  },
  'report.english-version': { en: 'English', zh: 'English（英文版本）' },
  'report.english-left-out': {
    en: 'The English version is left out: the review is too long for both languages in one comment.',
    zh: '检查结果太长，一条评论放不下两种语言，因此省略了英文版本。',
  },
  'report.suggestion-review': {
    params: { count: 'number' },
    en: 'mshub-review can make {count, plural, one {this change} other {these # changes}} for you: press **Commit suggestion** on each, or **Add suggestion to batch** to commit them together.',
    zh: 'mshub-review 可以替你完成{count, plural, =1 {这处修改} other {这 # 处修改}}：在每条建议上点击 **Commit suggestion**，或点击 **Add suggestion to batch** 一起提交。',
  },
  'report.check-title-pass': {
    params: { files: 'number' },
    en: 'All {files, plural, one {# asset file passes} other {# asset files pass}}',
    zh: '{files} 个模型描述文件全部通过',
  },
  'report.check-title-findings': {
    params: { counts: 'message', files: 'number' },
    en: '{counts} in {files, plural, one {# asset file} other {# asset files}}',
    zh: '{files} 个模型描述文件中有 {counts}',
  },
  'report.check-reviewing-title': { en: 'Reviewing the asset files', zh: '正在检查模型描述文件' },
  'report.check-reviewing-summary': {
    en: 'mshub-review is checking the changed asset files.',
    zh: 'mshub-review 正在检查修改过的模型描述文件。',
  },
  'report.check-superseded-title': { en: 'Superseded by a newer commit', zh: '已有更新的提交' },
  'report.check-superseded-summary': {
    en: 'A newer commit was pushed while this one was reviewed; see the check run of the newest commit.',
    zh: '检查这个提交时又推送了更新的提交；请查看最新提交的检查结果。',
  },
  'report.failed-title': { en: 'mshub-review could not finish', zh: 'mshub-review 未能完成检查' },
  'report.failed-text': {
    params: { sha: 'text', reason: 'text' },
    en: 'The review of commit {sha} could not finish: {reason}.',
    zh: '提交 {sha} 的检查未能完成：{reason}。',
  },
  'report.failed-not-yours': {
    en: 'This is not a problem with your files. Comment `/recheck` on the pull request to try again.',
    zh: '这不是你的文件的问题。在 PR 中评论 `/recheck` 可以重试。',
  },
  'report.annotation-fix': {
    params: { message: 'text', fix: 'text' },
    en: '{message}\nFix: {fix}',
    zh: '{message}\n修改方法：{fix}',
  },
  'report.severity-error': { en: 'error', zh: '错误' },
  'report.severity-warning': { en: 'warning', zh: '警告' },
  'report.severity-notice': { en: 'notice', zh: '提示' },
  'report.text-file': { en: 'file', zh: '整个文件' },
  'report.text-fix': { en: 'fix:', zh: '修改方法：' },
  'report.text-pass': {
    params: { files: 'number' },
    en: '{files, plural, one {# file} other {# files}} checked, no problems',
    zh: '检查了 {files} 个文件，没有问题',
  },
  'report.text-findings': {
    params: { counts: 'message', shown: 'number', files: 'number' },
    en: '{counts} in {shown} of {files, plural, one {# file} other {# files}}',
    zh: '{files} 个文件中有 {shown} 个存在问题：{counts}',
  },
  'report.text-quiet': {
    en: ' (warnings hidden by --quiet)',
    zh: '（--quiet 隐藏了警告）',
  },
} as const satisfies Record<string, MessageSpec>;
