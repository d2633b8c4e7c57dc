import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import type { Finding } from '../../src/core/findings.js';
import { fixAssetFile } from '../../src/core/fix/fix-asset-file.js';
import type { HubContext } from '../../src/core/rules/rule-context.js';
import { defaultRulesConfig } from '../../src/core/rules/rules-config.js';
import { validateAssetFile } from '../../src/core/validate-asset-file.js';
import { makeSlip, SLIP_KINDS, type Slip } from './contributor-slips.js';
import { CORPUS_ROOT, CORPUS_SKIP, REPO_ROOT, SAMPLE_HUB } from './fixtures.js';
import { seededRandom } from './fuzz.js';
import { pyyamlMissing } from './pyyaml-oracle.js';

export const HUB_VALIDATOR = join(REPO_ROOT, '../shared/tools/hub-validator/run.sh');

/** Why the hub's validator cannot run here, or undefined when it can. */
export function hubValidatorMissing(): string | undefined {
  if (!existsSync(HUB_VALIDATOR))
    return `the hub's own validator is not at ${HUB_VALIDATOR} (it ships beside the developers' checkout)`;
  return pyyamlMissing();
}

export interface ParityCase extends Slip {
  path: string;
  hubRejects: boolean;
  hubReason: string;
  findings: Finding[];
  /** After `fix`: what mshub-review and the hub say of the file. */
  fixed?: { clean: boolean; hubRejects: boolean; hubReason: string; text: string };
}

export interface HubParity {
  cases: ParityCase[];
  /** The hub rejects the file, and mshub-review reports no error. */
  missed: ParityCase[];
  /** The hub accepts the file, and mshub-review names a reason of the hub's. */
  overHub: ParityCase[];
  /** One-line slips that mshub-review reports, whose first error is on another line. */
  oneLine: ParityCase[];
  otherLine: ParityCase[];
  /** After `fix`, mshub-review calls the file clean and the hub rejects it, or the hub rejects what it accepted. */
  fixWorse: ParityCase[];
}

/**
 * Real files the hub accepts and mshub-review reports no error in, English pages only: the sample
 * hub, and the corpus when it is here. Clean files, so every error after a slip is the slip's.
 */
export function acceptedSeedFiles(options: { corpus: boolean }): Array<{ path: string; text: string }> {
  const roots = [SAMPLE_HUB, ...(options.corpus && !CORPUS_SKIP ? [join(CORPUS_ROOT, 'hub')] : [])];
  const files: Array<{ path: string; text: string }> = [];
  for (const root of roots)
    for (const name of readdirSync(join(root, 'mshub_res/assets'), { recursive: true, encoding: 'utf8' })) {
      if (!name.endsWith('.md') || name.slice(-5, -3) === 'cn') continue;
      files.push({
        path: `mshub_res/assets/${name}`,
        text: readFileSync(join(root, 'mshub_res/assets', name), 'utf8'),
      });
    }
  const verdicts = runHubValidator(files);
  const config = defaultRulesConfig();
  const hub: HubContext = { assetPaths: new Set(files.map((file) => file.path)), hubImages: new Set() };
  return files.filter(
    (file) =>
      verdicts.get(file.path)?.rejects === false &&
      !validateAssetFile(
        { path: file.path, bytes: new TextEncoder().encode(file.text) },
        config,
        hub,
      ).findings.some((finding) => finding.severity === 'error'),
  );
}

/** The hub validator's verdict on each file, run over a temporary hub that holds them. */
export function runHubValidator(
  files: ReadonlyArray<{ path: string; text: string | Uint8Array }>,
): Map<string, { rejects: boolean; reason: string }> {
  const root = mkdtempSync(join(tmpdir(), 'hub-parity-'));
  try {
    for (const file of files) {
      mkdirSync(dirname(join(root, file.path)), { recursive: true });
      writeFileSync(join(root, file.path), file.text);
    }
    const run = spawnSync('sh', [HUB_VALIDATOR, root], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (run.status !== 0) throw new Error(`the hub validator failed: ${run.stderr}`);
    return parseVerdicts(run.stdout, files);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const ANSI = /\u001b\[[0-9;]*m/g;

/** md_validator.py prints `Checking <path>...` then `Passed!`, or `<path> cannot pass ..., error message is '<why>'`. */
function parseVerdicts(
  output: string,
  files: ReadonlyArray<{ path: string }>,
): Map<string, { rejects: boolean; reason: string }> {
  const verdicts = new Map<string, { rejects: boolean; reason: string }>();
  const text = output.replace(ANSI, '');
  for (const chunk of text.split('Checking ').slice(1)) {
    const path = chunk.slice(0, chunk.indexOf('...'));
    const failed = chunk.indexOf(
      ' cannot pass the examination of the markdown file checker, error message is ',
    );
    verdicts.set(`mshub_res/${path}`, {
      rejects: failed !== -1,
      reason:
        failed === -1
          ? ''
          : chunk
              .slice(chunk.indexOf("'", failed) + 1)
              .trim()
              .slice(0, 300),
    });
  }
  for (const file of files) {
    if (verdicts.has(file.path)) continue;
    // md_validator.py lists only names that end in `.md`: the hub never reads the others.
    if (!file.path.endsWith('.md'))
      verdicts.set(file.path, { rejects: false, reason: 'never read: not a .md file' });
    else throw new Error(`the hub validator said nothing of ${file.path}`);
  }
  return verdicts;
}

/**
 * Real files the hub accepts, each changed by one contributor slip (every kind in turn), checked by
 * the hub's validator and by mshub-review, verdict for verdict; every file mshub-review reports is
 * then fixed with `fix` and checked by both again.
 */
export function compareWithHubValidator(
  seeds: ReadonlyArray<{ path: string; text: string }>,
  count: number,
  seed: number,
): HubParity {
  const random = seededRandom(seed);
  const made: Array<Slip & { path: string }> = [];
  // Every kind in turn; a kind the file has no place for is skipped, not retried.
  for (let index = 0; made.length < count && index < count * 4; index++) {
    const kind = SLIP_KINDS[index % SLIP_KINDS.length] as string;
    const source = seeds[Math.floor(random() * seeds.length)];
    if (!source) break;
    const slip = makeSlip(kind, source.text, random);
    if (!slip) continue;
    const folder = source.path.slice(0, source.path.lastIndexOf('/') + 1);
    const name = slip.name ?? source.path.slice(folder.length);
    made.push({ ...slip, path: `${folder}m${made.length}_${name}` });
  }
  const verdicts = runHubValidator(made);
  const config = defaultRulesConfig();
  const hub: HubContext = { assetPaths: new Set(made.map((file) => file.path)), hubImages: new Set() };
  const cases: ParityCase[] = made.map((file) => {
    const verdict = verdicts.get(file.path) as { rejects: boolean; reason: string };
    const findings = validateAssetFile(
      { path: file.path, bytes: new TextEncoder().encode(file.text) },
      config,
      hub,
    ).findings;
    return { ...file, hubRejects: verdict.rejects, hubReason: verdict.reason, findings };
  });

  const toFix = cases.filter((item) => item.findings.some((finding) => finding.severity === 'error'));
  const fixedTexts = toFix.map((item) => {
    const outcome = fixAssetFile(item.path, item.text, config, hub);
    return {
      item,
      text: outcome.text,
      clean: !outcome.result.findings.some((finding) => finding.severity === 'error'),
    };
  });
  const fixedVerdicts = runHubValidator(fixedTexts.map(({ item, text }) => ({ path: item.path, text })));
  for (const { item, text, clean } of fixedTexts) {
    const verdict = fixedVerdicts.get(item.path) as { rejects: boolean; reason: string };
    item.fixed = { clean, hubRejects: verdict.rejects, hubReason: verdict.reason, text };
  }

  const errors = (item: ParityCase) => item.findings.filter((finding) => finding.severity === 'error');
  const oneLine = cases.filter(
    (item) => item.line !== undefined && item.hubRejects && errors(item).length > 0,
  );
  return {
    cases,
    missed: cases.filter((item) => item.hubRejects && errors(item).length === 0),
    overHub: cases.filter(
      (item) => !item.hubRejects && item.findings.some((finding) => finding.origin === 'hub'),
    ),
    oneLine,
    otherLine: oneLine.filter((item) => errors(item)[0]?.line !== item.line),
    fixWorse: cases.filter(
      (item) => item.fixed?.hubRejects === true && (item.fixed.clean || !item.hubRejects),
    ),
  };
}

/** A case as a maintainer reads it in a failing test: the slip, the verdicts and the findings. */
export function describeCase(item: ParityCase): string {
  const findings = item.findings
    .map((finding) => `${finding.line ?? '-'} ${finding.rule}/${finding.origin}`)
    .join(', ');
  const fixed = item.fixed
    ? ` | after fix: mshub-review ${item.fixed.clean ? 'clean' : 'errors'}, hub ${item.fixed.hubRejects ? `rejects (${item.fixed.hubReason.slice(0, 80)})` : 'accepts'}`
    : '';
  return `${item.kind} (${relative('mshub_res/assets', item.path)}, line ${item.line ?? '-'}): hub ${item.hubRejects ? `rejects (${item.hubReason.slice(0, 100)})` : 'accepts'}; findings: ${findings || 'none'}${fixed}`;
}
