import type { MessageSpec } from '../message-spec.js';

/** Messages of the checks that download assets and read source repositories, and of the whole-hub rules. */
export const VERIFICATION_MESSAGES = {
  'asset-too-large.message': {
    params: { entry: 'number', reason: 'text' },
    en: "The file behind asset entry {entry}'s `asset-link` is too large: {reason}.",
    zh: '`asset` 列表第 {entry} 项的 `asset-link` 指向的文件太大：{reason}。',
  },
  'asset-too-large.fix': {
    en: 'The hub loader refuses assets over 5 GB; split or compress the checkpoint, or publish a smaller format.',
    zh: 'Hub 的加载程序拒绝超过 5 GB 的模型文件；请拆分或压缩 checkpoint，或发布更小的格式。',
  },
  'asset-unreachable.message': {
    params: { entry: 'number', reason: 'text' },
    en: 'The `asset-link` of asset entry {entry} cannot be downloaded: {reason}.',
    zh: '`asset` 列表第 {entry} 项的 `asset-link` 无法下载：{reason}。',
  },
  'asset-unreachable.fix': {
    en: 'Check that the link opens in a browser without logging in, and that the file is public.',
    zh: '请确认不登录也能在浏览器中打开这个链接，并且文件是公开的。',
  },
  'asset-unreachable.unresolved': {
    params: { entry: 'number', reason: 'text' },
    en: 'The `asset-link` of asset entry {entry} could not be reached from here: {reason}. Either the host name in the link is wrong, or this machine has no network (or no name server) to find it.',
    zh: '从这里无法访问 `asset` 列表第 {entry} 项的 `asset-link`：{reason}。可能是链接中的主机名写错了，也可能是这台机器没有网络（或无法访问域名服务器）。',
  },
  'asset-unreachable.fix-unresolved': {
    en: 'Check the host name in the link. If it is right, check again where there is a network; the bot checks it too when you open the pull request.',
    zh: '检查链接中的主机名。如果主机名没有错，请在有网络的地方再检查一次；你提交 Pull Request 后，机器人也会检查它。',
  },
  'asset-download-failed.message': {
    params: { entry: 'number', reason: 'text' },
    en: 'The `asset-link` of asset entry {entry} could not be downloaded to check its digest: {reason}.',
    zh: '为了核对摘要而下载 `asset` 列表第 {entry} 项的 `asset-link` 时失败了：{reason}。',
  },
  'asset-download-failed.fix': {
    en: 'This is often temporary. Comment `/recheck` to try again; if it keeps failing, check the download host.',
    zh: '这通常是暂时的。评论 `/recheck` 再试一次；如果一直失败，请检查下载网站。',
  },
  'asset-download-failed.fix-local': {
    en: 'This is often temporary. Run the same command again later; if it keeps failing, check the download host.',
    zh: '这通常是暂时的。稍后再运行一次同样的命令；如果一直失败，请检查下载网站。',
  },
  'asset-digest-mismatch.missing': {
    params: { entry: 'number', bytes: 'number', digest: 'text' },
    en: 'Asset entry {entry} has no `asset-sha256`; the file behind its `asset-link` ({bytes} bytes) has SHA-256 {digest}, but the hub refuses an asset entry without one.',
    zh: '`asset` 列表第 {entry} 项没有 `asset-sha256`；它的 `asset-link` 指向的文件（{bytes} 字节）的 SHA-256 是 {digest}，而 Hub 拒绝没有摘要的项。',
  },
  'asset-digest-mismatch.fix-missing': {
    params: { digest: 'text' },
    en: 'Add `asset-sha256: {digest}` to the entry, below `asset-link`.',
    zh: '在这一项的 `asset-link` 下面加上 `asset-sha256: {digest}`。',
  },
  'asset-digest-mismatch.truncated': {
    params: { written: 'text', digits: 'number', bytes: 'number' },
    en: "`asset-sha256` {written} is only the first {digits} digits of the downloaded file's SHA-256 ({bytes} bytes); the hub loader compares all 64.",
    zh: '`asset-sha256` {written} 只是下载到的文件（{bytes} 字节）的 SHA-256 的前 {digits} 位；Hub 的加载程序会比较全部 64 位。',
  },
  'asset-digest-mismatch.fix-truncated': {
    params: { digest: 'text' },
    en: 'Use the full digest: `asset-sha256: {digest}`.',
    zh: '写完整的摘要：`asset-sha256: {digest}`。',
  },
  'asset-digest-mismatch.differs': {
    params: { entry: 'number', bytes: 'number', digest: 'text', written: 'text' },
    en: "The file behind asset entry {entry}'s `asset-link` ({bytes} bytes) has SHA-256 {digest}, but `asset-sha256` is {written}.",
    zh: '`asset` 列表第 {entry} 项的 `asset-link` 指向的文件（{bytes} 字节）的 SHA-256 是 {digest}，但 `asset-sha256` 写的是 {written}。',
  },
  'asset-digest-mismatch.fix-differs': {
    params: { digest: 'text', command: 'message' },
    en: 'If the linked file is the right one, set `asset-sha256: {digest}`; otherwise upload the file you hashed. {command} prints the digest of a file.',
    zh: '如果链接的文件是对的，就写 `asset-sha256: {digest}`；否则请上传你计算摘要时用的那个文件。{command} 可以算出文件的摘要。',
  },
  'hub-conf-create-network.message': {
    params: { file: 'text', repo: 'text' },
    en: '{file} in {repo} does not define `create_network`, which the hub loader calls to build the model.',
    zh: '{repo} 中的 {file} 没有定义 `create_network`，而 Hub 的加载程序要调用它来创建模型。',
  },
  'hub-conf-create-network.fix': {
    en: 'Add `def create_network(name, *args, **kwargs):` that returns the network for the lower-case `model-name` (see mshub_res/examples/README.md).',
    zh: '加上 `def create_network(name, *args, **kwargs):`，让它按小写的 `model-name` 返回对应的网络（参见 mshub_res/examples/README.md）。',
  },
  'source-repo.where': {
    params: { repo: 'text', hasRef: 'text', ref: 'text', hasFolder: 'text', folder: 'text' },
    en: '`{repo}`{hasRef, select, yes { at `{ref}`} other {}}{hasFolder, select, yes {, folder `{folder}`} other {}}',
    zh: '`{repo}`{hasRef, select, yes { 的 `{ref}`} other {}}{hasFolder, select, yes {（文件夹 `{folder}`）} other {}}',
  },
  'source-repo.message': {
    params: { where: 'message', reason: 'message' },
    en: 'The repository in `repo-link` cannot be found: {where} ({reason}).',
    zh: '找不到 `repo-link` 中的仓库：{where}（{reason}）。',
  },
  'source-repo.fix': {
    en: 'Check the owner, repository and branch or tag in the link, and that the repository is public.',
    zh: '请检查链接中的所有者、仓库名和分支或标签，并确认仓库是公开的。',
  },
  'source-repo.reason-missing': {
    en: 'the repository does not exist or is private',
    zh: '仓库不存在或不公开',
  },
  'source-repo.reason-no-ref': {
    params: { ref: 'text' },
    en: 'the repository has no branch, tag or commit {ref}',
    zh: '仓库中没有名为 {ref} 的分支、标签或提交',
  },
  'source-repo.reason-text': {
    params: { reason: 'text' },
    en: '{reason}',
    zh: '{reason}',
  },
  'hub-conf-missing.message': {
    params: { where: 'message' },
    en: 'There is no `mindspore_hub_conf.py` in {where}. The hub loader imports it from the folder `repo-link` points to.',
    zh: '{where} 中没有 `mindspore_hub_conf.py`。Hub 的加载程序从 `repo-link` 指向的文件夹中导入它。',
  },
  'hub-conf-missing.fix': {
    en: 'Add `mindspore_hub_conf.py` with a `create_network` function to that folder, or point `repo-link` at the folder that has it.',
    zh: '在那个文件夹中添加带有 `create_network` 函数的 `mindspore_hub_conf.py`，或让 `repo-link` 指向已有这个文件的文件夹。',
  },
  'source-repo-unchecked.fix-local': {
    en: 'Nothing to change: run the same command again later, where the network reaches the host; the bot checks it too when you open the pull request.',
    zh: '你不需要修改什么：稍后在能访问该网站的网络环境下再运行一次同样的命令；你提交 Pull Request 后，机器人也会检查它。',
  },
  'source-repo-unchecked.message': {
    params: { where: 'message', reason: 'text' },
    en: 'The source repository {where} could not be checked: {reason}.',
    zh: '无法检查源码仓库 {where}：{reason}。',
  },
  'source-repo-unchecked.fix': {
    en: 'Nothing to change; comment `/recheck` later to check it again.',
    zh: '你不需要修改什么；稍后评论 `/recheck` 再检查一次。',
  },
  'source-repo-unchecked.fix-too-large': {
    params: { file: 'text' },
    en: 'Keep `{file}` to the `create_network` function and its imports; move the model code into other modules.',
    zh: '`{file}` 中只保留 `create_network` 函数和它的 import；把模型代码移到其他模块中。',
  },
  'duplicate-sha256.message': {
    params: { others: 'messageList' },
    en: 'The same `asset-sha256` is listed for {others}. Two different models cannot share one checkpoint.',
    zh: '{others} 也写了同一个 `asset-sha256`。两个不同的模型不能共用同一个 checkpoint。',
  },
  'duplicate-sha256.other': {
    params: { model: 'text', path: 'text' },
    en: '{model} in {path}',
    zh: '{path} 中的 {model}',
  },
  'duplicate-sha256.fix': {
    params: { command: 'message' },
    en: "Check that `asset-link` and `asset-sha256` point to this model's own file, and recompute the digest with {command}.",
    zh: '请确认 `asset-link` 和 `asset-sha256` 对应的是这个模型自己的文件，并用 {command} 重新计算摘要。',
  },
} as const satisfies Record<string, MessageSpec>;
