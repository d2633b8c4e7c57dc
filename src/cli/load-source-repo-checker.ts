import type { Environment } from '../config/environment.js';
import type { SourceRepoChecker } from '../core/verification/hub-conf.js';

/**
 * The source-repository checker the commands share (`validate --check-repo`, `audit`), loaded only
 * when asked for: a plain `validate` does not start what it needs (an HTTP client per host).
 */
export async function loadSourceRepoChecker(environment: Environment): Promise<SourceRepoChecker> {
  const [{ HostedSourceRepoChecker }, { GiteeApi }] = await Promise.all([
    import('../platforms/source-repos/source-repo-checker.js'),
    import('../platforms/gitee/gitee-api.js'),
  ]);
  return new HostedSourceRepoChecker(environment.sourceRepos, {
    gitee: new GiteeApi(environment.gitee.api),
    gitcode: new GiteeApi(environment.gitcode.api),
  });
}
