import type { FileFindings } from '../findings.js';
import { digestEdit } from '../fix/digest-line.js';
import { hostAllowed, parseHttpsLink } from '../links.js';
import { digestCommand } from '../local-command.js';
import { msg } from '../messages/format-message.js';
import { FindingCollector } from '../report-sink.js';
import type { RulesConfig } from '../rules/rules-config.js';
import { inCode, q } from '../text/quote.js';
import type { AssetEntryFacts, AssetFileResult } from '../validate-asset-file.js';
import type { AssetHashOutcome } from './asset-hash-outcome.js';

/** The links worth downloading: https, on an allowed host. Other links already have their findings. */
export function verifiableLink(asset: AssetEntryFacts, config: RulesConfig): string | undefined {
  if (asset.link === undefined) return undefined;
  const parsed = parseHttpsLink(asset.link);
  if (!parsed.ok || !hostAllowed(parsed.url, config.assetHosts)) return undefined;
  return parsed.url.href;
}

/** Findings for one file from the outcomes of its downloads (keyed by link). */
export function verificationFindings(
  result: AssetFileResult,
  outcomes: ReadonlyMap<string, AssetHashOutcome>,
  config: RulesConfig,
): FileFindings['findings'] {
  const sink = new FindingCollector(result.path, config.severities);
  (result.facts?.assets ?? []).forEach((asset, index) => {
    const link = verifiableLink(asset, config);
    const outcome = link === undefined ? undefined : outcomes.get(link);
    if (!outcome) return;
    const entry = index + 1;
    if (!outcome.ok) {
      if (outcome.kind === 'too-large') {
        sink.report(
          'asset-too-large',
          asset.linkAt,
          msg('asset-too-large.message', { entry, reason: inCode(outcome.reason) }),
          msg('asset-too-large.fix'),
        );
      } else if (outcome.kind === 'unresolved') {
        sink.report(
          'asset-unreachable',
          asset.linkAt,
          msg('asset-unreachable.unresolved', { entry, reason: inCode(outcome.reason) }),
          msg('asset-unreachable.fix-unresolved'),
        );
      } else if (outcome.kind === 'unreachable') {
        sink.report(
          'asset-unreachable',
          asset.linkAt,
          msg('asset-unreachable.message', { entry, reason: inCode(outcome.reason) }),
          msg('asset-unreachable.fix'),
        );
      } else {
        sink.report(
          'asset-download-failed',
          asset.linkAt,
          msg('asset-download-failed.message', { entry, reason: inCode(outcome.reason) }),
          config.retry === 'rerun'
            ? msg('asset-download-failed.fix-local')
            : msg('asset-download-failed.fix'),
        );
      }
      return;
    }
    const bytes = outcome.bytes;
    // The digest the download proved, written where it belongs: `fix --verify-assets` and a review
    // suggestion apply it. Never in place of a digest that names another file.
    const edits = asset.digestLine ? [digestEdit(asset.digestLine, outcome.sha256)] : undefined;
    if (asset.sha256 === undefined) {
      sink.report(
        'asset-digest-mismatch',
        asset.linkAt,
        msg('asset-digest-mismatch.missing', { entry, bytes, digest: q(outcome.sha256) }),
        msg('asset-digest-mismatch.fix-missing', { digest: outcome.sha256 }),
        edits,
      );
      return;
    }
    const expected = asset.sha256.toLowerCase();
    if (expected === outcome.sha256) return;
    if (expected.length >= 6 && expected.length < 64 && outcome.sha256.startsWith(expected)) {
      sink.report(
        'asset-digest-mismatch',
        asset.sha256At,
        msg('asset-digest-mismatch.truncated', { written: q(asset.sha256), digits: expected.length, bytes }),
        msg('asset-digest-mismatch.fix-truncated', { digest: outcome.sha256 }),
        edits,
      );
      return;
    }
    sink.report(
      'asset-digest-mismatch',
      asset.sha256At,
      msg('asset-digest-mismatch.differs', {
        entry,
        bytes,
        digest: q(outcome.sha256),
        written: q(asset.sha256 ?? ''),
      }),
      msg('asset-digest-mismatch.fix-differs', {
        digest: outcome.sha256,
        command: digestCommand(config.localCommand),
      }),
    );
  });
  return sink.findings;
}
