import { parseHttpsLink, parseRepoLink, type RepoLink } from '../links.js';
import { msg } from '../messages/format-message.js';
import { FindingCollector } from '../report-sink.js';
import type { RulesConfig } from '../rules/rules-config.js';
import { inCode, q } from '../text/quote.js';
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
  const where = msg('source-repo.where', {
    repo: inCode(`${link.owner}/${link.repo}`),
    // `yes`/`no` choose the wording, so that no value from the link can (a branch named `none`).
    hasRef: link.ref ? 'yes' : 'no',
    ref: inCode(link.ref ?? ''),
    hasFolder: link.path ? 'yes' : 'no',
    folder: inCode(link.path ?? ''),
  });
  if (outcome.ok) {
    if (!outcome.definesCreateNetwork) {
      sink.report(
        'hub-conf-create-network',
        at,
        msg('hub-conf-create-network.message', {
          file: q(`${link.path ? `${link.path}/` : ''}${HUB_CONF_FILE}`),
          repo: q(`${link.owner}/${link.repo}`),
        }),
        msg('hub-conf-create-network.fix'),
      );
    }
    return sink.findings;
  }
  if (outcome.kind === 'repo') {
    sink.report(
      'source-repo',
      at,
      msg('source-repo.message', {
        where: where,
        reason:
          outcome.missing === 'ref' && link.ref
            ? msg('source-repo.reason-no-ref', { ref: q(link.ref) })
            : outcome.missing === 'repo'
              ? msg('source-repo.reason-missing')
              : msg('source-repo.reason-text', { reason: outcome.reason }),
      }),
      msg('source-repo.fix'),
    );
  } else if (outcome.kind === 'file') {
    sink.report(
      'hub-conf-missing',
      at,
      msg('hub-conf-missing.message', { where: where }),
      msg('hub-conf-missing.fix'),
    );
  } else {
    sink.report(
      'source-repo-unchecked',
      at,
      msg('source-repo-unchecked.message', { where: where, reason: outcome.reason }),
      outcome.fix ??
        (config.retry === 'rerun'
          ? msg('source-repo-unchecked.fix-local')
          : msg('source-repo-unchecked.fix')),
    );
  }
  return sink.findings;
}
