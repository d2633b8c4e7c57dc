import type { Finding } from '../findings.js';
import { bounded } from '../report-sink.js';
import { detached } from '../text/detached.js';
import { formatMessage } from './format-message.js';
import type { Language } from './message-spec.js';

/** A finding's message and fix in one language; English is what the finding already holds. */
export function localizeFinding(finding: Finding, language: Language): { message: string; fix?: string } {
  if (language === 'en' || finding.i18n === undefined)
    return finding.fix === undefined
      ? { message: finding.message }
      : { message: finding.message, fix: finding.fix };
  const message = detached(bounded(formatMessage(finding.i18n.message, language)));
  const fix =
    finding.i18n.fix === undefined
      ? finding.fix
      : detached(bounded(formatMessage(finding.i18n.fix, language)));
  return fix === undefined ? { message } : { message, fix };
}

/** The finding with its message and fix in the language: what renderers and annotations read. */
export function inLanguage(finding: Finding, language: Language): Finding {
  if (language === 'en' || finding.i18n === undefined) return finding;
  const { message, fix } = localizeFinding(finding, language);
  const localized: Finding = { ...finding, message };
  if (fix === undefined) delete localized.fix;
  else localized.fix = fix;
  return localized;
}
