import type { Finding } from '../findings.js';
import { bounded } from '../report-sink.js';
import { detached } from '../text/detached.js';
import { formatMessage } from './format-message.js';
import type { Language } from './message-spec.js';

/**
 * The finding with its message and fix in the language: what renderers and annotations read.
 * English is what the finding already holds, and so is a finding without message ids (an old job).
 */
export function inLanguage(finding: Finding, language: Language): Finding {
  if (language === 'en' || finding.i18n === undefined) return finding;
  const localized: Finding = {
    ...finding,
    message: detached(bounded(formatMessage(finding.i18n.message, language))),
  };
  if (finding.i18n.fix !== undefined)
    localized.fix = detached(bounded(formatMessage(finding.i18n.fix, language)));
  return localized;
}
