import type { FileFindings } from '../findings.js';
import { digestEdit } from '../fix/digest-line.js';
import { hostAllowed, parseHttpsLink } from '../links.js';
import { digestCommand } from '../local-command.js';
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
    const entry = `asset entry ${index + 1}`;
    if (!outcome.ok) {
      if (outcome.kind === 'too-large') {
        sink.report(
          'asset-too-large',
          asset.linkAt,
          `The file behind ${entry}'s \`asset-link\` is too large: ${inCode(outcome.reason)}.`,
          'The hub loader refuses assets over 5 GB; split or compress the checkpoint, or publish a smaller format.',
        );
      } else if (outcome.kind === 'unreachable') {
        sink.report(
          'asset-unreachable',
          asset.linkAt,
          `The \`asset-link\` of ${entry} cannot be downloaded: ${inCode(outcome.reason)}.`,
          'Check that the link opens in a browser without logging in, and that the file is public.',
        );
      } else {
        sink.report(
          'asset-download-failed',
          asset.linkAt,
          `The \`asset-link\` of ${entry} could not be downloaded to check its digest: ${inCode(outcome.reason)}.`,
          'This is often temporary. Comment `/recheck` to try again; if it keeps failing, check the download host.',
        );
      }
      return;
    }
    const size = `${outcome.bytes} bytes`;
    // The digest the download proved, written where it belongs: `fix --verify-assets` and a review
    // suggestion apply it. Never in place of a digest that names another file.
    const edits = asset.digestLine ? [digestEdit(asset.digestLine, outcome.sha256)] : undefined;
    if (asset.sha256 === undefined) {
      sink.report(
        'asset-digest-mismatch',
        asset.linkAt,
        `${capitalized(entry)} has no \`asset-sha256\`; the file behind its \`asset-link\` (${size}) has SHA-256 ${q(outcome.sha256)}, but the hub refuses an asset entry without one.`,
        `Add \`asset-sha256: ${outcome.sha256}\` to the entry, below \`asset-link\`.`,
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
        `\`asset-sha256\` ${q(asset.sha256)} is only the first ${expected.length} digits of the downloaded file's SHA-256 (${size}); the hub loader compares all 64.`,
        `Use the full digest: \`asset-sha256: ${outcome.sha256}\`.`,
        edits,
      );
      return;
    }
    sink.report(
      'asset-digest-mismatch',
      asset.sha256At,
      `The file behind ${entry}'s \`asset-link\` (${size}) has SHA-256 ${q(outcome.sha256)}, but \`asset-sha256\` is ${q(asset.sha256 ?? '')}.`,
      `If the linked file is the right one, set \`asset-sha256: ${outcome.sha256}\`; otherwise upload the file you hashed. ${digestCommand(config.localCommand)} prints the digest of a file.`,
    );
  });
  return sink.findings;
}

function capitalized(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
