import type { MessageSpec } from '../message-spec.js';

/** Messages of the rules on links and digests (link-rules.ts). */
export const LINK_MESSAGES = {
  'link-format.empty': {
    params: { field: 'text', value: 'text' },
    en: '`{field}` {value} is empty.',
    zh: '`{field}` {value} 是空的。',
  },
  'link-format.not-a-url': {
    params: { field: 'text', value: 'text' },
    en: '`{field}` {value} is not an absolute URL.',
    zh: '`{field}` {value} 不是完整的网址（应以 `https://` 开头）。',
  },
  'link-format.not-https': {
    params: { field: 'text', value: 'text' },
    en: '`{field}` {value} uses http; the hub only accepts https links.',
    zh: '`{field}` {value} 使用的是 http；Hub 只接受 https 链接。',
  },
  'link-format.credentials': {
    params: { field: 'text', value: 'text' },
    en: '`{field}` {value} carries a user name or password; links must not contain credentials.',
    zh: '`{field}` {value} 中带有用户名或密码；链接里不能包含登录信息。',
  },
  'link-format.fix-https': {
    params: { field: 'text', link: 'text' },
    en: 'Write `{field}: <{link}>` (check that the file opens at that https address).',
    zh: '改成 `{field}: <{link}>`（请确认用这个 https 地址能打开文件）。',
  },
  'link-format.fix-corrected': {
    params: { field: 'text', link: 'text' },
    en: 'Write `{field}: <{link}>`.',
    zh: '改成 `{field}: <{link}>`。',
  },
  'link-format.fix': {
    params: { field: 'text' },
    en: 'Write the full https address, optionally in angle brackets: `{field}: <https://...>`.',
    zh: '写完整的 https 地址，可以放在尖括号里：`{field}: <https://...>`。',
  },
  'repo-link.empty': {
    en: "`repo-link` is empty. The hub needs it to find the model's code and its `mindspore_hub_conf.py`.",
    zh: '`repo-link` 是空的。Hub 需要用它找到模型的代码和其中的 `mindspore_hub_conf.py`。',
  },
  'repo-link.fix-empty': {
    en: 'Link the folder of the model in its repository, for example `repo-link: <https://gitee.com/mindspore/models/tree/master/official/cv/ResNet>`.',
    zh: '填写模型代码在仓库中的文件夹链接，例如 `repo-link: <https://gitee.com/mindspore/models/tree/master/official/cv/ResNet>`。',
  },
  'repo-link.not-a-repo': {
    params: { value: 'text' },
    en: '{value} is not a GitHub, Gitee or GitCode repository link.',
    zh: '{value} 不是 GitHub、Gitee 或 GitCode 的仓库链接。',
  },
  'repo-link.fix-not-a-repo': {
    en: 'Link the repository (or a folder in it) on github.com, gitee.com or gitcode.com: `https://gitee.com/<owner>/<repo>/tree/<branch>/<folder>`.',
    zh: '填写 github.com、gitee.com 或 gitcode.com 上的仓库（或其中某个文件夹）的链接：`https://gitee.com/<owner>/<repo>/tree/<branch>/<folder>`。',
  },
  'asset-host.not-allowed': {
    params: { host: 'text', hosts: 'list' },
    en: "The asset is hosted on {host}, which is not on this hub's list of download hosts ({hosts}).",
    zh: '这个模型文件放在 {host} 上，它不在本 Hub 允许的下载网站列表中（{hosts}）。',
  },
  'asset-host.fix': {
    params: { host: 'text' },
    en: 'Upload the file to one of the listed hosts, or ask the hub maintainers to add {host} to `asset-hosts` in `.github/mshub-review.yml`.',
    zh: '把文件上传到列表中的某个网站，或请 Hub 维护者把 {host} 加入 `.github/mshub-review.yml` 的 `asset-hosts`。',
  },
  'asset-host.port': {
    params: { port: 'text', host: 'text' },
    en: 'The asset link names the port {port} of {host}; assets are downloaded from the https port (443) only, unless the hub lists that port.',
    zh: '模型文件链接指定了 {host} 的端口 {port}；除非 Hub 的列表允许这个端口，模型文件只从 https 端口（443）下载。',
  },
  'asset-host.fix-port': {
    params: { link: 'text', entry: 'text' },
    en: 'If the host serves the file on the https port, write `asset-link: <{link}>`; otherwise ask the hub maintainers to add {entry} to `asset-hosts` in `.github/mshub-review.yml`.',
    zh: '如果该网站在 https 端口上提供这个文件，请改成 `asset-link: <{link}>`；否则请 Hub 维护者把 {entry} 加入 `.github/mshub-review.yml` 的 `asset-hosts`。',
  },
  'asset-extension.message': {
    params: { file: 'text', hasFormat: 'text', format: 'text', extensions: 'orList' },
    en: 'The hub loader cannot load {file}: a {hasFormat, select, yes {{format} } other {}}asset must end in {extensions}.',
    zh: 'Hub 的加载程序无法加载 {file}：{hasFormat, select, yes {{format} 格式的} other {}}模型文件名必须以 {extensions} 结尾。',
  },
  'asset-extension.fix-mslite': {
    en: 'Link the `.ms` file that the MindSpore Lite converter writes.',
    zh: '链接 MindSpore Lite 转换工具生成的 `.ms` 文件。',
  },
  'asset-extension.fix': {
    en: 'Link the checkpoint or exported model file itself, not an archive or a web page.',
    zh: '直接链接 checkpoint 或导出的模型文件本身，不要链接压缩包或网页。',
  },
  'asset-sha256-format.upper-case': {
    params: { digest: 'text' },
    en: '`asset-sha256` {digest} has upper-case letters; the hub loader compares lower-case digests.',
    zh: '`asset-sha256` {digest} 中有大写字母；Hub 的加载程序按小写比较摘要。',
  },
  'asset-sha256-format.fix-lower-case': {
    params: { digest: 'text' },
    en: 'Write it in lower case: `asset-sha256: {digest}`.',
    zh: '改成小写：`asset-sha256: {digest}`。',
  },
  'asset-sha256-format.short': {
    params: { digest: 'text', digits: 'number' },
    en: '`asset-sha256` {digest} has {digits} hex digits, but a SHA-256 digest has 64. The hub loader compares the full digest, so this model can never be loaded.',
    zh: '`asset-sha256` {digest} 只有 {digits} 位十六进制数字，而 SHA-256 摘要有 64 位。Hub 的加载程序比较完整的摘要，所以这个模型永远无法加载。',
  },
  'asset-sha256-format.not-hex': {
    params: { digest: 'text' },
    en: '`asset-sha256` {digest} is not a SHA-256 digest (64 hex digits).',
    zh: '`asset-sha256` {digest} 不是 SHA-256 摘要（应为 64 位十六进制数字）。',
  },
  'asset-sha256-format.fix': {
    params: { command: 'message' },
    en: 'Compute it with {command} and paste all 64 characters.',
    zh: '用 {command} 计算摘要，并把 64 个字符全部粘贴过来。',
  },
  'digest-command.local': {
    params: { command: 'text', target: 'text' },
    en: '`{command} sha256 {target}`',
    zh: '`{command} sha256 {target}`',
  },
  'digest-command.system': {
    params: { target: 'text' },
    en: '`sha256sum {target}` (macOS: `shasum -a 256 {target}`; Windows: `certutil -hashfile {target} SHA256`)',
    zh: '`sha256sum {target}`（macOS 上用 `shasum -a 256 {target}`；Windows 上用 `certutil -hashfile {target} SHA256`）',
  },
} as const satisfies Record<string, MessageSpec>;
