import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { movedLinkFindings } from '../core/audit/moved-link-edits.js';
import { MshubError } from '../core/errors.js';
import type { Finding } from '../core/findings.js';
import { applyFindingEdits } from '../core/fix/apply-edits.js';
import { fixAssetFile } from '../core/fix/fix-asset-file.js';
import { formatMessage, msg } from '../core/messages/format-message.js';
import type { Language, Message } from '../core/messages/message-spec.js';
import { decodeText } from '../core/parse/decode-text.js';
import type { AssetFileInput } from '../core/validate-asset-file.js';
import { validateAssetFileResults } from '../core/validate-hub.js';
import { AuditStateFile } from '../platforms/local/audit-state-file.js';
import { readAssetFiles } from '../platforms/local/local-hub.js';
import { writeFileAtomically } from '../platforms/local/write-file-atomically.js';
import { reviewAssetFiles } from '../review/review-asset-files.js';
import type { CliHasher } from './cli-hasher.js';
import { type CliIo, type LocalRun, prepareLocalRun, reportOnFiles } from './validate-command.js';

export interface FixOptions {
  /** Print what would change; write nothing. */
  dryRun?: boolean;
  config?: string;
  quiet?: boolean;
  /** Download each asset and write its digest where it is missing or cut short; never over another. */
  verifyAssets?: boolean;
  /** `--lang`; the locale's language without it. */
  lang?: Language;
  /** `--from-audit [file]`: write the new address of each link the audit saw moved with the same bytes. */
  fromAudit?: string | boolean;
}

const encoder = new TextEncoder();

/**
 * `mshub-review fix [PATH...]`: applies the fixes that need no decision, prints them as a unified
 * diff, then checks the files again and exits like `validate` (1 while errors remain).
 */
export async function runFix(paths: string[], options: FixOptions, io: CliIo): Promise<number> {
  const run = prepareLocalRun(paths, options.config);
  const { maxFileBytes } = run.repoConfig.rules.limits;
  const inputs = readAssetFiles(run.selection, maxFileBytes);
  const hasher = options.verifyAssets ? (await import('./cli-hasher.js')).createCliHasher(io) : undefined;
  try {
    const digests = hasher ? await provenDigests(inputs, run, hasher) : new Map<string, Finding[]>();
    if (options.fromAudit) addMovedLinks(digests, inputs, run, auditStatePath(options.fromAudit, io));
    return await fixFiles(inputs, digests, run, options, io, hasher);
  } finally {
    await hasher?.close();
  }
}

function auditStatePath(given: string | true, io: CliIo): string {
  return given === true ? join(io.environment.stateDir, 'audit-state.json') : given;
}

/** Per file, the `asset-link` lines the last audit saw moved to the same bytes, rewritten. */
function addMovedLinks(
  edits: Map<string, Finding[]>,
  inputs: readonly AssetFileInput[],
  run: LocalRun,
  statePath: string,
): void {
  if (!existsSync(statePath))
    throw new MshubError('PATH_NOT_FOUND', msg('cli.error-no-audit-state', { path: statePath }));
  const state = new AuditStateFile(statePath).load();
  const results = validateAssetFileResults(inputs, run.repoConfig.rules, run.selection.hub);
  for (const [index, result] of results.entries()) {
    const input = inputs[index] as AssetFileInput;
    const moved = movedLinkFindings(result, Buffer.from(input.bytes).toString('utf8').split(/\r?\n/), state);
    if (moved.length > 0) edits.set(input.path, [...(edits.get(input.path) ?? []), ...moved]);
  }
}

/** Per file, the findings of its downloads that write a digest the download proved. */
async function provenDigests(
  inputs: readonly AssetFileInput[],
  run: LocalRun,
  hasher: CliHasher,
): Promise<Map<string, Finding[]>> {
  const reviewed = await reviewAssetFiles(inputs, run.repoConfig.rules, run.selection.hub, { hasher });
  return new Map(
    reviewed.map((file) => [
      file.path,
      file.findings.filter((finding) => finding.rule === 'asset-digest-mismatch' && finding.edits),
    ]),
  );
}

async function fixFiles(
  inputs: readonly AssetFileInput[],
  digests: ReadonlyMap<string, Finding[]>,
  run: LocalRun,
  options: FixOptions,
  io: CliIo,
  hasher: CliHasher | undefined,
): Promise<number> {
  const { maxFileBytes } = run.repoConfig.rules.limits;
  const after: AssetFileInput[] = [];
  let problems = 0;
  let files = 0;
  for (const [index, input] of inputs.entries()) {
    // A file read only in part (too large) or not text is reported by the check below, never rewritten.
    if (!decodeText(input.bytes, maxFileBytes).ok) {
      after.push(input);
      continue;
    }
    // As read, with a leading byte-order mark if it has one (decodeText drops it; fix keeps it).
    const text = Buffer.from(input.bytes).toString('utf8');
    const proven = applyFindingEdits(text, digests.get(input.path) ?? []);
    const outcome = fixAssetFile(input.path, proven.text, run.repoConfig.rules, run.selection.hub);
    outcome.fixed.unshift(...proven.applied);
    if (outcome.fixed.length === 0) {
      after.push(input);
      continue;
    }
    io.stdout.write(
      createTwoFilesPatch(`a/${input.path}`, `b/${input.path}`, text, outcome.text, undefined, undefined, {
        headerOptions: FILE_HEADERS_ONLY,
      }),
    );
    if (!options.dryRun)
      writeFixedFile(run.selection.files[index] as string, input.path, outcome.text, files);
    after.push({ path: input.path, bytes: encoder.encode(outcome.text) });
    problems += outcome.fixed.length;
    files++;
  }
  const language = options.lang ?? io.environment.language;
  io.stdout.write(`\n${formatMessage(fixSummary(problems, files, options.dryRun === true), language)}\n\n`);
  // With --verify-assets the check below compares the digests again (from the downloads already made),
  // so a digest that names another file is reported, never overwritten.
  return reportOnFiles(
    after,
    run,
    { format: 'text', quiet: options.quiet === true, verifyAssets: hasher !== undefined, lang: language },
    io,
    hasher,
  );
}

/** A file that cannot be written stops the run with one line that says what was written before it. */
function writeFixedFile(file: string, path: string, text: string, writtenBefore: number): void {
  try {
    writeFileAtomically(file, text);
  } catch (error) {
    throw new MshubError(
      'FILE_UNWRITABLE',
      msg('cli.error-fix-unwritable', {
        path,
        reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
        written: writtenBefore,
      }),
      { cause: error },
    );
  }
}

function fixSummary(problems: number, files: number, dryRun: boolean): Message {
  if (problems === 0) return msg('cli.fix-nothing');
  return msg(dryRun ? 'cli.fix-dry-run' : 'cli.fix-done', { problems, files });
}
