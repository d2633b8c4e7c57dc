import type { MessageSpec } from '../message-spec.js';

/** What `mshub-review audit` says about the models a hub lists; ids start with `audit.`. */
export const AUDIT_MESSAGES = {
  'audit.hub-rejects': {
    params: { rules: 'list' },
    en: "The hub's own check, which `mindspore_hub.load()` runs, rejects this file ({rules}): no one can load the model.",
    zh: 'Hub 自己的检查（`mindspore_hub.load()` 会运行它）拒绝这个文件（{rules}）：任何人都无法加载这个模型。',
  },
  'audit.hub-rejects.fix': {
    params: { path: 'text' },
    en: 'Run `mshub-review validate {path}` and fix what it names.',
    zh: '运行 `mshub-review validate {path}`，按它指出的问题修改。',
  },
  'audit.asset-dead': {
    params: { link: 'text', reason: 'text', seen: 'text', date: 'text' },
    en: 'The asset {link} cannot be downloaded any more ({reason}){seen, select, yes {; it was last seen on {date}} other {; no audit has reached it yet}}.',
    zh: '模型文件 {link} 已无法下载（{reason}）{seen, select, yes {；最后一次能访问是在 {date}} other {；此前的审计也从未访问到它}}。',
  },
  'audit.asset-dead.fix': {
    en: 'Ask the publisher to upload the file again, and write its new address in `asset-link`.',
    zh: '请发布者重新上传这个文件，并把新地址写入 `asset-link`。',
  },
  'audit.asset-moved': {
    params: { link: 'text', target: 'text', same: 'text' },
    en: '{link} now redirects for good to {target}{same, select, yes {, where the file still has the digest in `asset-sha256`} no {, where the file has another digest} other {}}.',
    zh: '{link} 现在永久跳转到 {target}{same, select, yes {，那里的文件摘要仍与 `asset-sha256` 一致} no {，但那里的文件摘要不同} other {}}。',
  },
  'audit.asset-moved.fix': {
    params: { target: 'text' },
    en: 'Update the link: `asset-link: <{target}>` (`mshub-review fix --from-audit` writes it).',
    zh: '更新链接：`asset-link: <{target}>`（`mshub-review fix --from-audit` 会写入它）。',
  },
  'audit.asset-moved.fix-check': {
    en: 'Check the file at the new address, then update `asset-link` and `asset-sha256` together.',
    zh: '先检查新地址上的文件，再同时更新 `asset-link` 和 `asset-sha256`。',
  },
  'audit.asset-replaced': {
    params: { link: 'text', before: 'text', after: 'text', date: 'text' },
    en: 'The file at {link} was replaced, seen on {date}: its digest was `{before}` (as `asset-sha256` says) and is now `{after}`.',
    zh: '{link} 上的文件已被替换（{date} 发现）：它的摘要原为 `{before}`（与 `asset-sha256` 一致），现在是 `{after}`。',
  },
  'audit.asset-replaced.fix': {
    params: { after: 'text' },
    en: 'If the new file is the one meant, check it and write `asset-sha256: {after}`; otherwise put the original file back.',
    zh: '如果新文件就是要发布的文件，请检查后写入 `asset-sha256: {after}`；否则请恢复原来的文件。',
  },
  'audit.asset-digest': {
    params: { link: 'text', actual: 'text', expected: 'orList' },
    en: 'The file at {link} has the digest `{actual}`, not {expected}: `mindspore_hub.load()` refuses it.',
    zh: '{link} 上的文件摘要是 `{actual}`，而不是 {expected}：`mindspore_hub.load()` 会拒绝它。',
  },
  'audit.asset-digest.fix': {
    params: { actual: 'text' },
    en: 'Upload the file the card describes, or, if this one is right, write `asset-sha256: {actual}`.',
    zh: '请上传页面描述的那个文件；如果现在这个文件才是对的，请写入 `asset-sha256: {actual}`。',
  },
  'audit.repo-gone': {
    params: { repo: 'text', reason: 'text' },
    en: 'The source code at {repo} cannot be found any more ({reason}).',
    zh: '找不到 {repo} 上的源码了（{reason}）。',
  },
  'audit.repo-gone.fix': {
    en: 'Point `repo-link` to where the code lives now.',
    zh: '把 `repo-link` 改为源码现在所在的位置。',
  },
  'audit.hub-conf-missing': {
    params: { repo: 'text' },
    en: '{repo} no longer holds `mindspore_hub_conf.py`, which `mindspore_hub.load()` imports.',
    zh: '{repo} 中已经没有 `mindspore_hub_conf.py`，而 `mindspore_hub.load()` 需要导入它。',
  },
  'audit.hub-conf-missing.fix': {
    en: 'Put `mindspore_hub_conf.py` back in that folder, or point `repo-link` to the folder that holds it.',
    zh: '把 `mindspore_hub_conf.py` 放回这个文件夹，或把 `repo-link` 改为包含它的文件夹。',
  },
  'audit.hub-conf-create-network': {
    params: { repo: 'text' },
    en: '`mindspore_hub_conf.py` in {repo} no longer defines `create_network`, which the hub loader calls.',
    zh: '{repo} 中的 `mindspore_hub_conf.py` 不再定义 `create_network`，而 Hub 的加载程序会调用它。',
  },
  'audit.hub-conf-create-network.fix': {
    en: 'Define `create_network` in `mindspore_hub_conf.py` again.',
    zh: '请在 `mindspore_hub_conf.py` 中重新定义 `create_network`。',
  },
  'audit.title': {
    params: { date: 'text' },
    en: 'Hub audit of {date}',
    zh: '{date} 的 Hub 审计',
  },
  'audit.summary': {
    params: {
      files: 'number',
      links: 'number',
      dead: 'number',
      unknown: 'number',
      hashed: 'number',
      faults: 'number',
    },
    en: '{files, plural, one {# file} other {# files}}, {links, plural, one {# asset link} other {# asset links}} ({dead} gone, {unknown} not answering), {hashed, plural, one {# download hashed} other {# downloads hashed}}: {faults, plural, =0 {no faults} one {# fault} other {# faults}}.',
    zh: '{files} 个文件，{links} 个模型文件链接（{dead} 个已失效，{unknown} 个没有响应），本次下载并计算摘要 {hashed} 个：{faults, plural, =0 {没有发现问题} other {共 # 个问题}}。',
  },
  'audit.issue-title': {
    en: 'Hub audit: models that mindspore_hub.load() cannot load as listed',
    zh: 'Hub 审计：无法按页面所列用 mindspore_hub.load() 加载的模型',
  },
  'audit.issue-cut': {
    en: 'The list goes on beyond what one issue holds: run `mshub-review audit` for all of it.',
    zh: '问题太多，一个 Issue 放不下：运行 `mshub-review audit` 查看全部。',
  },
  'audit.section-new': { en: 'New since the last audit', zh: '上次审计以来的新问题' },
  'audit.section-ongoing': { en: 'Still open', zh: '仍未解决' },
  'audit.section-ended': { en: 'Fixed since the last audit', zh: '上次审计以来已解决' },
  'audit.publisher': {
    params: { publisher: 'text' },
    en: 'Publisher {publisher}',
    zh: '发布者 {publisher}',
  },
  'audit.files': {
    params: { paths: 'list' },
    en: 'in {paths}',
    zh: '涉及 {paths}',
  },
  'audit.offline-note': {
    en: 'No link answered at all: this machine may be offline. Nothing was reported dead; run the audit again where the hosts can be reached.',
    zh: '没有任何链接响应：这台机器可能没有联网。没有把任何链接判为失效；请在能访问这些网站的地方重新运行审计。',
  },
  'audit.unknown-note': {
    params: { count: 'number' },
    en: '{count, plural, one {# link} other {# links}} did not answer this time: the next audit asks again.',
    zh: '本次有 {count} 个链接没有响应：下次审计会再试。',
  },
} as const satisfies Record<string, MessageSpec>;
