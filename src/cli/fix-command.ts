import { isUtf8 } from 'node:buffer';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { fixAssetFile } from '../core/fix/fix-asset-file.js';
import type { AssetFileInput } from '../core/validate-asset-file.js';
import { readAssetFiles } from '../platforms/local/local-hub.js';
import { writeFileAtomically } from '../platforms/local/write-file-atomically.js';
import { type CliIo, prepareLocalRun, reportOnFiles } from './validate-command.js';

export interface FixOptions {
  /** Print what would change; write nothing. */
  dryRun?: boolean;
  config?: string;
  quiet?: boolean;
}

const encoder = new TextEncoder();

/**
 * `mshub-review fix [PATH...]`: applies the fixes that need no decision, prints them as a unified
 * diff, then checks the files again and exits like `validate` (1 while errors remain).
 */
export async function runFix(paths: string[], options: FixOptions, io: CliIo): Promise<number> {
  const run = await prepareLocalRun(paths, options.config);
  const { maxFileBytes } = run.repoConfig.rules.limits;
  const inputs = readAssetFiles(run.selection, maxFileBytes);
  const after: AssetFileInput[] = [];
  let problems = 0;
  let files = 0;
  for (const [index, input] of inputs.entries()) {
    // A file read only in part (too large) or not text is reported by the check below, never rewritten.
    if (input.bytes.byteLength > maxFileBytes || !isUtf8(input.bytes) || input.bytes.includes(0)) {
      after.push(input);
      continue;
    }
    const text = Buffer.from(input.bytes).toString('utf8');
    const outcome = fixAssetFile(input.path, text, run.repoConfig.rules, run.selection.hub);
    if (outcome.fixed.length === 0) {
      after.push(input);
      continue;
    }
    io.stdout.write(
      createTwoFilesPatch(`a/${input.path}`, `b/${input.path}`, text, outcome.text, undefined, undefined, {
        headerOptions: FILE_HEADERS_ONLY,
      }),
    );
    if (!options.dryRun) writeFileAtomically(run.selection.files[index] as string, outcome.text);
    after.push({ path: input.path, bytes: encoder.encode(outcome.text) });
    problems += outcome.fixed.length;
    files++;
  }
  io.stdout.write(`\n${fixSummary(problems, files, options.dryRun === true)}\n\n`);
  return reportOnFiles(after, run, { format: 'text', quiet: options.quiet === true }, io);
}

function fixSummary(problems: number, files: number, dryRun: boolean): string {
  if (problems === 0) return 'Nothing to fix without a decision of yours; what is left is listed below.';
  const counted = `${problems} ${problems === 1 ? 'problem' : 'problems'} in ${files} ${files === 1 ? 'file' : 'files'}`;
  return dryRun
    ? `Would fix ${counted} (--dry-run: nothing was written). What would be left:`
    : `Fixed ${counted}. What is left:`;
}
