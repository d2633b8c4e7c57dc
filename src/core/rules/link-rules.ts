import type { LineEdit } from '../findings.js';
import { hostAllowed, type LinkProblem, parseHttpsLink, parseRepoLink, unwrapLink } from '../links.js';
import { digestCommand } from '../local-command.js';
import type { KeyLocation } from '../parse/scan-key-lines.js';
import type { SourcePosition } from '../report-sink.js';
import { inCode, q } from '../text/quote.js';
import { scalarText } from '../text/scalar-text.js';
import { ASSET_EXTENSIONS } from './fields.js';
import { textEdit, valueEdit } from './line-edits.js';
import {
  type AssetDocument,
  assetEntries,
  assetEntryLayout,
  assetPosition,
  assetRawValue,
  loadedAssetIndex,
  type Rule,
  type RuleContext,
  unquote,
  valuePosition,
} from './rule-context.js';

const SHA256 = /^[0-9a-f]{64}$/;

const LINK_PROBLEMS: Record<LinkProblem, string> = {
  empty: 'is empty',
  'not-a-url': 'is not an absolute URL',
  'not-https': 'uses http; the hub only accepts https links',
  credentials: 'carries a user name or password; links must not contain credentials',
};

function reportLinkProblem(
  { sink }: RuleContext,
  field: string,
  position: SourcePosition,
  value: unknown,
  problem: LinkProblem,
  edits?: LineEdit[],
): void {
  sink.report(
    'link-format',
    position,
    `\`${field}\` ${q(value)} ${LINK_PROBLEMS[problem]}.`,
    linkFix(field, value, problem),
    edits,
  );
}

/**
 * `http://` made `https://` in the line, when the https link is one the rules accept: an allowed
 * download host for an asset, a GitHub or Gitee repository for `repo-link`.
 */
function httpsEdit(
  doc: AssetDocument,
  location: KeyLocation | undefined,
  accepts: (url: URL) => boolean,
): LineEdit[] | undefined {
  const raw = location?.rawValue ?? '';
  const upgraded = raw.replace(/^(["']?<?\s*)http:\/\//i, '$1https://');
  if (upgraded === raw) return undefined;
  const link = parseHttpsLink(unquote(upgraded));
  return link.ok && accepts(link.url) ? valueEdit(doc, location, upgraded) : undefined;
}

/** The link itself, corrected, where the correction is certain: https for http, no credentials. */
function linkFix(field: string, value: unknown, problem: LinkProblem): string {
  const text = typeof value === 'string' ? unwrapLink(value) : '';
  let corrected: string | undefined;
  try {
    const url = new URL(text);
    if (problem === 'not-https' && url.protocol === 'http:') url.protocol = 'https:';
    if (problem === 'credentials') {
      url.username = '';
      url.password = '';
    }
    if (problem === 'not-https' || problem === 'credentials') corrected = url.href;
  } catch {}
  return corrected
    ? `Write \`${field}: <${inCode(corrected)}>\`${problem === 'not-https' ? ' (check that the file opens at that https address)' : ''}.`
    : `Write the full https address, optionally in angle brackets: \`${field}: <https://...>\`.`;
}

export const checkRepoLink: Rule = (context) => {
  const { doc, sink } = context;
  if (!('repo-link' in doc.data)) return;
  const value = doc.data['repo-link'];
  const position = valuePosition(doc, 'repo-link');
  if (value !== null && typeof value !== 'string') return;
  const link = parseHttpsLink(value ?? '');
  if (!link.ok) {
    if (link.problem === 'empty') {
      sink.report(
        'repo-link',
        position,
        "`repo-link` is empty. The hub needs it to find the model's code and its `mindspore_hub_conf.py`.",
        'Link the folder of the model in its repository, for example `repo-link: <https://gitee.com/mindspore/models/tree/master/official/cv/ResNet>`.',
      );
    } else {
      const edits =
        link.problem === 'not-https'
          ? httpsEdit(doc, doc.layout.keys.get('repo-link'), (url) => parseRepoLink(url) !== undefined)
          : undefined;
      reportLinkProblem(context, 'repo-link', position, value, link.problem, edits);
    }
    return;
  }
  if (!parseRepoLink(link.url)) {
    sink.report(
      'repo-link',
      position,
      `${q(value)} is not a GitHub or Gitee repository link.`,
      'Link the repository (or a folder in it) on github.com or gitee.com: `https://gitee.com/<owner>/<repo>/tree/<branch>/<folder>`.',
    );
  }
};

export const checkAssetLinks: Rule = (context) => {
  const { doc, config, sink } = context;
  const entries = assetEntries(doc);
  const loaded = loadedAssetIndex(entries);
  entries.forEach((entry, index) => {
    const value = entry['asset-link'];
    if (value === undefined || (value !== null && typeof value !== 'string')) return;
    const position = assetPosition(doc, index, 'asset-link');
    const link = parseHttpsLink(value ?? '');
    if (!link.ok) {
      const edits =
        link.problem === 'not-https'
          ? httpsEdit(doc, assetEntryLayout(doc, index)?.keys.get('asset-link'), (url) =>
              hostAllowed(url, config.assetHosts),
            )
          : undefined;
      reportLinkProblem(context, 'asset-link', position, value, link.problem, edits);
      return;
    }
    const { url } = link;
    if (!hostAllowed(url, config.assetHosts)) {
      sink.report(
        'asset-host',
        position,
        url.port === '' || !hostAllowed(new URL(`https://${url.hostname}/`), config.assetHosts)
          ? `The asset is hosted on ${q(url.hostname)}, which is not an allowed download host (${config.assetHosts.join(', ')}).`
          : `The asset link names the port ${q(url.port)} of ${q(url.hostname)}; downloads use the https port (443) of an allowed host only.`,
        'Upload the file to one of the allowed hosts, or ask the hub maintainers to allow this host in `.github/mshub-review.yml`.',
      );
    }
    const fileName = url.pathname.slice(url.pathname.lastIndexOf('/') + 1).toLowerCase();
    const extension = fileName.includes('.') ? fileName.slice(fileName.lastIndexOf('.')) : '';
    const format = (scalarText(entry['file-format']) ?? '').toLowerCase();
    const accepted = format === 'mslite' ? ['.ms'] : ASSET_EXTENSIONS;
    if (index === loaded && !accepted.includes(extension)) {
      sink.report(
        'asset-extension',
        position,
        `The hub loader cannot load ${q(fileName || url.pathname)}: a ${format ? `${format} ` : ''}asset must end in ${accepted.join(', ')}.`,
        format === 'mslite'
          ? 'Link the `.ms` file that the MindSpore Lite converter writes.'
          : 'Link the checkpoint or exported model file itself, not an archive or a web page.',
      );
    }
  });
};

export const checkAssetSha256: Rule = ({ doc, config, sink }) => {
  assetEntries(doc).forEach((entry, index) => {
    if (!('asset-sha256' in entry)) return;
    const raw = assetRawValue(doc, index, 'asset-sha256');
    const written = raw === undefined ? (scalarText(entry['asset-sha256']) ?? '') : unquote(raw);
    if (SHA256.test(written)) return;
    const position = assetPosition(doc, index, 'asset-sha256');
    const hex = /^[0-9a-fA-F]+$/.test(written);
    let message: string;
    let fix = `Compute it with ${digestCommand(config.localCommand)} and paste all 64 characters.`;
    let edits: LineEdit[] | undefined;
    if (hex && written.length === 64) {
      message = `\`asset-sha256\` ${q(written)} has upper-case letters; the hub loader compares lower-case digests.`;
      fix = `Write it in lower case: \`asset-sha256: ${written.toLowerCase()}\`.`;
      edits = textEdit(doc, assetEntryLayout(doc, index)?.keys.get('asset-sha256'), written.toLowerCase());
    } else if (hex) {
      message = `\`asset-sha256\` ${q(written)} has ${written.length} hex digits, but a SHA-256 digest has 64. The hub loader compares the full digest, so this model can never be loaded.`;
    } else {
      message = `\`asset-sha256\` ${q(written)} is not a SHA-256 digest (64 hex digits).`;
    }
    sink.report('asset-sha256-format', position, message, fix, edits);
  });
};
