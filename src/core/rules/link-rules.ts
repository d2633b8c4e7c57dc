import type { LineEdit } from '../findings.js';
import {
  hostAllowed,
  type LinkParts,
  type LinkProblem,
  parseHttpsLink,
  parseRepoLink,
  unwrapLink,
} from '../links.js';
import { digestCommand } from '../local-command.js';
import { msg } from '../messages/format-message.js';
import type { Message } from '../messages/message-spec.js';
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
    msg(`link-format.${problem}`, { field, value: q(value) }),
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
  accepts: (url: LinkParts) => boolean,
): LineEdit[] | undefined {
  const raw = location?.rawValue ?? '';
  const upgraded = raw.replace(/^(["']?<?\s*)http:\/\//i, '$1https://');
  if (upgraded === raw) return undefined;
  const link = parseHttpsLink(unquote(upgraded));
  return link.ok && accepts(link.url) ? valueEdit(doc, location, upgraded) : undefined;
}

/** The link itself, corrected, where the correction is certain: https for http, no credentials. */
function linkFix(field: string, value: unknown, problem: LinkProblem): Message {
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
  if (corrected === undefined) return msg('link-format.fix', { field });
  return msg(problem === 'not-https' ? 'link-format.fix-https' : 'link-format.fix-corrected', {
    field,
    link: inCode(corrected),
  });
}

function httpsUpgrade(value: string): URL | undefined {
  try {
    const url = new URL(unwrapLink(value));
    if (url.protocol !== 'http:') return undefined;
    url.protocol = 'https:';
    return url;
  } catch {
    return undefined;
  }
}

/**
 * Why an asset link's host will not do, and its fix: off the hub's list of download hosts, or a port
 * other than https's own; undefined when it will. The rule and `new`'s prompt say the same.
 */
export function assetHostProblem(
  url: LinkParts,
  assetHosts: readonly string[] | undefined,
): { message: Message; fix: Message } | undefined {
  if (hostAllowed(url, assetHosts)) return undefined;
  const host = url.hostname;
  if (url.port !== '' && hostAllowed({ hostname: host, port: '' }, assetHosts)) {
    const onHttpsPort = new URL(url.href);
    onHttpsPort.port = '';
    return {
      message: msg('asset-host.port', { port: q(url.port), host: q(host) }),
      fix: msg('asset-host.fix-port', { link: inCode(onHttpsPort.href), entry: q(`${host}:${url.port}`) }),
    };
  }
  return {
    message: msg('asset-host.not-allowed', { host: q(host), hosts: assetHosts ?? [] }),
    fix: msg('asset-host.fix', { host: q(host) }),
  };
}

function reportHostNotAllowed({ config, sink }: RuleContext, position: SourcePosition, url: LinkParts): void {
  const problem = assetHostProblem(url, config.assetHosts);
  if (problem) sink.report('asset-host', position, problem.message, problem.fix);
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
      sink.report('repo-link', position, msg('repo-link.empty'), msg('repo-link.fix-empty'));
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
      msg('repo-link.not-a-repo', { value: q(value) }),
      msg('repo-link.fix-not-a-repo'),
    );
  }
};

export const checkAssetLinks: Rule = (context) => {
  const { doc, config, sink } = context;
  const entries = assetEntries(doc);
  const loaded = loadedAssetIndex(entries);
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index] as Record<string, unknown>;
    const value = entry['asset-link'];
    if (value === undefined || (value !== null && typeof value !== 'string')) continue;
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
      // Said now, so that taking the https fix does not meet a new error at the next push.
      const upgraded = link.problem === 'not-https' ? httpsUpgrade(value ?? '') : undefined;
      if (upgraded) reportHostNotAllowed(context, position, upgraded);
      continue;
    }
    const { url } = link;
    reportHostNotAllowed(context, position, url);
    const fileName = url.pathname.slice(url.pathname.lastIndexOf('/') + 1).toLowerCase();
    const extension = fileName.includes('.') ? fileName.slice(fileName.lastIndexOf('.')) : '';
    const format = (scalarText(entry['file-format']) ?? '').toLowerCase();
    const accepted = format === 'mslite' ? ['.ms'] : ASSET_EXTENSIONS;
    if (index === loaded && !accepted.includes(extension)) {
      sink.report(
        'asset-extension',
        position,
        msg('asset-extension.message', {
          file: q(fileName || url.pathname),
          hasFormat: format === '' ? 'no' : 'yes',
          format: inCode(format),
          extensions: accepted,
        }),
        format === 'mslite' ? msg('asset-extension.fix-mslite') : msg('asset-extension.fix'),
      );
    }
  }
};

export const checkAssetSha256: Rule = ({ doc, config, sink }) => {
  const entries = assetEntries(doc);
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index] as Record<string, unknown>;
    if (!('asset-sha256' in entry)) continue;
    const raw = assetRawValue(doc, index, 'asset-sha256');
    const written = raw === undefined ? (scalarText(entry['asset-sha256']) ?? '') : unquote(raw);
    if (SHA256.test(written)) continue;
    const position = assetPosition(doc, index, 'asset-sha256');
    const hex = /^[0-9a-fA-F]+$/.test(written);
    let message: Message;
    let fix = msg('asset-sha256-format.fix', { command: digestCommand(config.localCommand) });
    let edits: LineEdit[] | undefined;
    if (hex && written.length === 64) {
      message = msg('asset-sha256-format.upper-case', { digest: q(written) });
      fix = msg('asset-sha256-format.fix-lower-case', { digest: written.toLowerCase() });
      edits = textEdit(doc, assetEntryLayout(doc, index)?.keys.get('asset-sha256'), written.toLowerCase());
    } else if (hex) {
      message = msg('asset-sha256-format.short', { digest: q(written), digits: written.length });
    } else {
      message = msg('asset-sha256-format.not-hex', { digest: q(written) });
    }
    sink.report('asset-sha256-format', position, message, fix, edits);
  }
};
