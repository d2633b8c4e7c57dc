import { AUDIT_MESSAGES } from './catalog/audit-messages.js';
import { CLI_MESSAGES } from './catalog/cli-messages.js';
import { CONSISTENCY_MESSAGES } from './catalog/consistency-messages.js';
import { HELP_MESSAGES } from './catalog/help-messages.js';
import { KEY_MESSAGES } from './catalog/key-messages.js';
import { LINK_MESSAGES } from './catalog/link-messages.js';
import { PARSE_MESSAGES } from './catalog/parse-messages.js';
import { PATH_MESSAGES } from './catalog/path-messages.js';
import { REPORT_MESSAGES } from './catalog/report-messages.js';
import { VALUE_MESSAGES } from './catalog/value-messages.js';
import { VERIFICATION_MESSAGES } from './catalog/verification-messages.js';

/**
 * Every text a contributor reads, in English and Simplified Chinese, keyed by id. A finding's ids
 * start with its rule id (`asset-sha256-format.short`); the reports' with `report.`, the CLI's with `cli.`.
 */
export const CATALOG = {
  ...PARSE_MESSAGES,
  ...KEY_MESSAGES,
  ...VALUE_MESSAGES,
  ...LINK_MESSAGES,
  ...CONSISTENCY_MESSAGES,
  ...PATH_MESSAGES,
  ...VERIFICATION_MESSAGES,
  ...REPORT_MESSAGES,
  ...CLI_MESSAGES,
  ...AUDIT_MESSAGES,
  ...HELP_MESSAGES,
};

export type MessageId = keyof typeof CATALOG;
