import type { Finding } from '../findings.js';
import { MAX_FINDINGS_PER_RULE } from '../report-sink.js';
import type { HubContext } from '../rules/rule-context.js';
import type { RulesConfig } from '../rules/rules-config.js';
import { type AssetFileResult, validateAssetFile } from '../validate-asset-file.js';
import { applyFindingEdits } from './apply-edits.js';

/** Enough for a fix that reveals another (a typing slip hiding a misspelt key), and a bound for the rest. */
const MAX_PASSES = 6;
/** Every finding, however many of one rule: a file of 20,000 alike mistakes is fixed in one run. */
const EVERY_FINDING = { everyFinding: true } as const;
const BOM = '\ufeff';

export interface FixOutcome {
  /** The file's text after the fixes; the same string when nothing changed. */
  text: string;
  /** The findings that were fixed, in the order they were applied. */
  fixed: Finding[];
  /** The file checked again after the fixes. */
  result: AssetFileResult;
}

const encoder = new TextEncoder();

/**
 * Applies every fix that needs no decision (the findings that carry edits), checks the file again
 * and repeats until nothing is left to apply. A second run finds nothing to do.
 */
export function fixAssetFile(
  path: string,
  text: string,
  config: RulesConfig,
  hub: HubContext = {},
): FixOutcome {
  // The rules read the text without a leading byte-order mark; the file keeps it.
  const bom = text.startsWith(BOM) ? BOM : '';
  let body = bom ? text.slice(1) : text;
  const fixed: Finding[] = [];
  let result = validateAssetFile({ path, bytes: encoder.encode(body) }, config, hub, EVERY_FINDING);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixable = result.findings.filter((finding) => finding.edits && finding.edits.length > 0);
    const next = applyFindingEdits(body, fixable);
    if (next.text === body) break;
    fixed.push(...next.applied);
    body = next.text;
    result = validateAssetFile({ path, bytes: encoder.encode(body) }, config, hub, EVERY_FINDING);
  }
  // What is left is reported as validate reports it: the first 50 findings of a rule, then a count.
  if (result.findings.length > MAX_FINDINGS_PER_RULE)
    result = validateAssetFile({ path, bytes: encoder.encode(body) }, config, hub);
  return { text: fixed.length === 0 ? text : `${bom}${body}`, fixed, result };
}
