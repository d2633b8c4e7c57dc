import { parseHttpsLink, parseRepoLink, type RepoLink } from '../links.js';
import { FindingCollector } from '../report-sink.js';
import type { RulesConfig } from '../rules/rules-config.js';
import { q } from '../text/quote.js';
import type { AssetFileResult } from '../validate-asset-file.js';
import { HUB_CONF_FILE, type SourceRepoOutcome } from './hub-conf.js';

/** The repository a file's `repo-link` names, when it is a well-formed GitHub or Gitee link. */
export function repoLinkOf(result: AssetFileResult): RepoLink | undefined {
  const text = result.facts?.repoLink;
  if (text === undefined) return undefined;
  const parsed = parseHttpsLink(text);
  return parsed.ok ? parseRepoLink(parsed.url) : undefined;
}

export function repoLinkKey(link: RepoLink): string {
  return `${link.host}:${link.owner}/${link.repo}@${link.ref ?? ''}:${link.path ?? ''}`;
}

export function sourceRepoFindings(
  result: AssetFileResult,
  outcome: SourceRepoOutcome | undefined,
  config: RulesConfig,
): AssetFileResult['findings'] {
  const link = repoLinkOf(result);
  if (!link || !outcome) return [];
  const sink = new FindingCollector(result.path, config.severities);
  const at = result.facts?.repoLinkAt;
  const where = `${link.owner}/${link.repo}${link.ref ? ` at ${link.ref}` : ''}${link.path ? `, folder ${link.path}` : ''}`;
  if (outcome.ok) {
    if (!outcome.definesCreateNetwork) {
      sink.report(
        'hub-conf-create-network',
        at,
        `${q(`${link.path ? `${link.path}/` : ''}${HUB_CONF_FILE}`)} in ${q(`${link.owner}/${link.repo}`)} does not define \`create_network\`, which the hub loader calls to build the model.`,
        'Add `def create_network(name, *args, **kwargs):` that returns the network for the lower-case `model-name` (see mshub_res/examples/README.md).',
      );
    }
    return sink.findings;
  }
  if (outcome.kind === 'repo') {
    sink.report(
      'source-repo',
      at,
      `The repository in \`repo-link\` cannot be found: ${q(where)} (${outcome.reason}).`,
      'Check the owner, repository and branch or tag in the link, and that the repository is public.',
    );
  } else if (outcome.kind === 'file') {
    sink.report(
      'hub-conf-missing',
      at,
      `There is no \`${HUB_CONF_FILE}\` in ${q(where)}. The hub loader imports it from the folder \`repo-link\` points to.`,
      `Add \`${HUB_CONF_FILE}\` with a \`create_network\` function to that folder, or point \`repo-link\` at the folder that has it.`,
    );
  } else {
    sink.report(
      'source-repo-unchecked',
      at,
      `The source repository ${q(where)} could not be checked: ${outcome.reason}.`,
      outcome.fix ?? 'Nothing to change; comment `/recheck` later to check it again.',
    );
  }
  return sink.findings;
}
