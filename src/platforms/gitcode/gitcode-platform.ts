import { GiteePlatform } from '../gitee/gitee-platform.js';

/**
 * GitCode, through its API v5 (`https://api.gitcode.com/api/v5`): the same paths and answers as
 * Gitee's for pull requests, files (whose status is only in `patch.{new_file,deleted_file,
 * renamed_file}`, test/fixtures/gitcode/pull_requests_files.json), contents, trees, comments and
 * labels, and a Bearer token (go-gitcode `openapi`). So the Gitee adapter serves it, with GitCode's
 * endpoint, web address and firewall (a 418 asked again); only its webhooks differ (gitcode-intents.ts).
 */
export class GitCodePlatform extends GiteePlatform {}
