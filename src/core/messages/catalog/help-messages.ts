import type { MessageSpec } from '../message-spec.js';

/** The command line's help: what each command and option does. */
export const HELP_MESSAGES = {
  'help.program': {
    en: 'Reviews MindSpore Hub model submissions: the checks the hub bot runs on pull requests.',
    zh: '检查 MindSpore Hub 的模型提交：与 Hub 机器人在 PR 上运行的检查相同。',
  },
  'help.version': {
    en: 'print the version of mshub-review',
    zh: '显示 mshub-review 的版本',
  },
  'help.help': {
    en: 'display help for command',
    zh: '显示命令的帮助',
  },
  'help.after-error': {
    en: '(add --help to the command to see how to use it)',
    zh: '（在命令后加上 --help 查看用法）',
  },
  'help.validate': {
    en: 'Check asset markdown files (default: mshub_res/assets) and report what is wrong and how to fix it.',
    zh: '检查模型描述文件（默认：mshub_res/assets），指出哪里有问题以及怎么改。',
  },
  'help.paths': {
    en: 'asset files, or folders searched for *.md',
    zh: '模型描述文件，或要在其中查找 *.md 的文件夹',
  },
  'help.format': {
    en: 'output format',
    zh: '输出格式',
  },
  'help.quiet': {
    en: 'show errors only (text output)',
    zh: '只显示错误（文本输出）',
  },
  'help.config': {
    en: 'repository settings (default: <hub>/.github/mshub-review.yml)',
    zh: '仓库设置（默认：<hub>/.github/mshub-review.yml）',
  },
  'help.verify-assets': {
    en: 'download every asset-link and compare its SHA-256 with asset-sha256',
    zh: '下载每个 asset-link，并把它的 SHA-256 与 asset-sha256 比较',
  },
  'help.check-repo': {
    en: 'check that repo-link has mindspore_hub_conf.py with create_network (GitHub, Gitee and GitCode APIs)',
    zh: '检查 repo-link 中是否有定义了 create_network 的 mindspore_hub_conf.py（使用 GitHub、Gitee 和 GitCode 的 API）',
  },
  'help.validate-lang': {
    en: 'language of the report (default: from the locale; markdown: the hub setting)',
    zh: '报告的语言（默认：按系统语言；markdown 格式按 Hub 的设置）',
  },
  'help.lang': {
    en: 'language of the messages (default: from the locale)',
    zh: '提示信息的语言（默认：按系统语言）',
  },
  'help.fix': {
    en: 'Fix in place what needs no decision (key spellings, typing slips, quoting, date and digest formats), show the changes as a diff, then check again.',
    zh: '直接修改不需要你做决定的问题（键的拼写、输入法打错的字符、引号、日期和摘要的格式），以 diff 显示修改，然后再检查一遍。',
  },
  'help.fix-dry-run': {
    en: 'show the changes without writing them',
    zh: '只显示修改，不写入文件',
  },
  'help.fix-quiet': {
    en: 'show errors only in what is left',
    zh: '剩下的问题中只显示错误',
  },
  'help.fix-verify-assets': {
    en: 'download every asset-link and write its SHA-256 where asset-sha256 is missing or cut short (never over a different one)',
    zh: '下载每个 asset-link，在 asset-sha256 缺失或被截短时写入它的 SHA-256（从不覆盖不同的摘要）',
  },
  'help.new': {
    en: 'Write a new submission that passes every check: the asset file under mshub_res/assets/<publisher>/<version>/, with its digests computed, and optionally the Chinese page.',
    zh: '写一份能通过所有检查的新提交：在 mshub_res/assets/<publisher>/<version>/ 下生成模型描述文件并算好摘要，也可以同时生成中文页面。',
  },
  'help.asset': {
    en: 'the model file, or its https link (repeat for more)',
    zh: '模型文件，或它的 https 链接（可重复给出多个）',
  },
  'help.asset-link': {
    en: 'where each local --asset file is published, in the same order',
    zh: '每个本地 --asset 文件的发布地址，顺序相同',
  },
  'help.model-name': {
    en: 'the model, e.g. resnet50',
    zh: '模型名称，例如 resnet50',
  },
  'help.backbone-name': {
    en: 'the backbone (default: the model name)',
    zh: '骨干网络（默认：模型名称）',
  },
  'help.module-type': {
    en: '<family>-<task>, e.g. cv-classification',
    zh: '<类别>-<任务>，例如 cv-classification',
  },
  'help.dataset': {
    en: 'the training dataset, spelt as in the hub list, e.g. ImageNet2012',
    zh: '训练数据集，写法与 Hub 列表一致，例如 ImageNet2012',
  },
  'help.evaluation': {
    en: 'results, e.g. "top1acc76.5 | top5acc93.1"',
    zh: '评估结果，例如 "top1acc76.5 | top5acc93.1"',
  },
  'help.model-version': {
    en: 'the version of the model',
    zh: '模型的版本',
  },
  'help.mindspore-version': {
    en: 'the MindSpore version folder, e.g. 2.5',
    zh: 'MindSpore 版本文件夹，例如 2.5',
  },
  'help.user-id': {
    en: 'your user id on the hub, e.g. MindSpore',
    zh: '你在 Hub 上的用户 ID，例如 MindSpore',
  },
  'help.publisher': {
    en: 'the folder under mshub_res/assets (default: from the user id)',
    zh: 'mshub_res/assets 下的文件夹（默认：由用户 ID 得出）',
  },
  'help.author': {
    en: 'the author (default: the user id)',
    zh: '作者（默认：用户 ID）',
  },
  'help.repo-link': {
    en: 'the source code folder that holds mindspore_hub_conf.py',
    zh: '包含 mindspore_hub_conf.py 的源码文件夹',
  },
  'help.used-for': {
    en: 'what the model is for',
    zh: '模型的用途',
  },
  'help.backend': {
    en: 'where it trains and runs',
    zh: '训练和运行的硬件',
  },
  'help.license': {
    en: 'the license',
    zh: '许可证',
  },
  'help.summary': {
    en: 'one line about the model (no `:`)',
    zh: '一句话介绍模型（不要有 `:`）',
  },
  'help.summary-zh': {
    en: 'the same in Chinese, for the Chinese page',
    zh: '同样的介绍的中文版，用于中文页面',
  },
  'help.no-fine-tunable': {
    en: 'the parameters cannot be trained further',
    zh: '参数不能继续训练',
  },
  'help.cn': {
    en: 'also write the Chinese page (<name>_cn.md)',
    zh: '同时生成中文页面（<name>_cn.md）',
  },
  'help.hub': {
    en: 'the hub checkout (default: the one this folder is in)',
    zh: 'Hub 仓库目录（默认：当前目录所在的仓库）',
  },
  'help.new-dry-run': {
    en: 'print the files instead of writing them',
    zh: '只打印文件内容，不写入',
  },
  'help.version-command': {
    en: "Print this copy's version; with --server, say whether the bot at that address runs a newer one, and how to get it.",
    zh: '打印这个副本的版本；加上 --server 时，还会说明该地址的机器人是否使用更新的版本，以及如何获取。',
  },
  'help.version-server': {
    en: "the bot's address (its serve), asked for /cli/version",
    zh: '机器人（serve）的地址，会向它查询 /cli/version',
  },
  'help.audit': {
    en: "Audit every model a hub lists: the hub's own check of each file, each asset-link still there and still the same bytes, each repo-link still holding mindspore_hub_conf.py.",
    zh: '审计 Hub 列出的每个模型：Hub 自己对每个文件的检查，每个 asset-link 是否仍可下载、内容是否未变，每个 repo-link 中是否仍有 mindspore_hub_conf.py。',
  },
  'help.audit-hub': {
    en: 'the hub checkout (default: the current folder)',
    zh: 'Hub 仓库目录（默认：当前目录）',
  },
  'help.audit-state': {
    en: 'where the audit keeps what it saw, for the next run (default: STATE_DIR/audit-state.json)',
    zh: '审计结果的保存位置，供下次运行比较（默认：STATE_DIR/audit-state.json）',
  },
  'help.audit-no-hash': {
    en: 'only ask each link (HEAD); download and hash nothing',
    zh: '只询问每个链接（HEAD），不下载、不计算摘要',
  },
  'help.audit-no-repos': {
    en: 'leave the source repositories alone (no platform API calls)',
    zh: '不检查源码仓库（不调用平台 API）',
  },
  'help.fix-from-audit': {
    en: 'also write the new address of each asset-link the last audit saw moved for good with the same bytes (its state file; default: STATE_DIR/audit-state.json)',
    zh: '同时把上次审计发现已永久迁移、且内容不变的 asset-link 改为新地址（审计状态文件；默认：STATE_DIR/audit-state.json）',
  },
  'help.audit-report-to': {
    en: 'keep one tracking issue up to date on github:, gitee: or gitcode:<owner>/<repo> (GITHUB_TOKEN, GITEE_TOKEN, GITCODE_TOKEN)',
    zh: '在 github:、gitee: 或 gitcode:<owner>/<repo> 上维护一个跟踪 Issue（需要 GITHUB_TOKEN、GITEE_TOKEN 或 GITCODE_TOKEN）',
  },
  'help.sha256': {
    en: 'Print the SHA-256 of a file or an https URL as lowercase hex, the value for `asset-sha256`.',
    zh: '以小写十六进制打印文件或 https 链接的 SHA-256，即 `asset-sha256` 应填的值。',
  },
  'help.sha256-target': {
    en: 'the model file, or its https download link (streamed, never saved)',
    zh: '模型文件，或它的 https 下载链接（流式计算，不保存文件）',
  },
  'help.site-sync': {
    en: 'Build the hub catalog (catalog.json) and the static hub page (index.html) from a hub checkout.',
    zh: '从 Hub 仓库生成模型目录（catalog.json）和静态页面（index.html）。',
  },
  'help.site-sync-hub': {
    en: 'the hub checkout (the folder that holds mshub_res)',
    zh: 'Hub 仓库目录（包含 mshub_res 的文件夹）',
  },
  'help.site-sync-out': {
    en: 'where to write catalog.json and index.html',
    zh: 'catalog.json 和 index.html 的输出目录',
  },
  'help.site-sync-commit': {
    en: 'the commit the catalog describes',
    zh: '模型目录对应的提交',
  },
  'help.serve': {
    en: 'Run the webhook server and the review queue for each platform that is configured: GitHub (APP_ID, PRIVATE_KEY, WEBHOOK_SECRET), Gitee (GITEE_WEBHOOK_SECRET, GITEE_TOKEN) and GitCode (GITCODE_WEBHOOK_SECRET, GITCODE_TOKEN). REDIS_URL queues the reviews for `mshub-review worker`; SITE_SYNC_REPOS publishes each hub page after merges; AUDIT_REPOS audits hubs on AUDIT_SCHEDULE; every setting is in README: Configuration.',
    zh: '为已配置的每个平台运行 webhook 服务和检查队列：GitHub（APP_ID、PRIVATE_KEY、WEBHOOK_SECRET）、Gitee（GITEE_WEBHOOK_SECRET、GITEE_TOKEN）和 GitCode（GITCODE_WEBHOOK_SECRET、GITCODE_TOKEN）。设置 REDIS_URL 后，检查排队交给 `mshub-review worker` 运行；SITE_SYNC_REPOS 在合并后发布各 Hub 的页面；AUDIT_REPOS 按 AUDIT_SCHEDULE 审计 Hub；全部设置见 README：Configuration。',
  },
  'help.serve-summary': {
    en: 'Run the bot: webhooks of GitHub, Gitee and GitCode, and the reviews.',
    zh: '运行机器人：GitHub、Gitee 和 GitCode 的 webhook，以及检查。',
  },
  'help.worker': {
    en: 'Run the reviews queued in Redis (REDIS_URL); start as many workers as needed.',
    zh: '运行 Redis（REDIS_URL）中排队的检查；可以按需启动多个 worker。',
  },
} as const satisfies Record<string, MessageSpec>;
