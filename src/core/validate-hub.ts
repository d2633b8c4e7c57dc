import { compareFindings, type FileFindings } from './findings.js';
import { digestCommand } from './local-command.js';
import { msg } from './messages/format-message.js';
import { FindingCollector } from './report-sink.js';
import type { HubContext } from './rules/rule-context.js';
import type { RulesConfig } from './rules/rules-config.js';
import { q } from './text/quote.js';
import {
  type AssetFileInput,
  type AssetFileResult,
  type ValidateOptions,
  validateAssetFile,
} from './validate-asset-file.js';
import { repoLinkOf } from './verification/source-repo-findings.js';

const FULL_DIGEST = /^[0-9a-f]{64}$/;

/** Checks a set of asset files together: each file alone, then the rules that compare files. */
export function validateAssetFiles(
  inputs: Iterable<AssetFileInput>,
  config: RulesConfig,
  hub: HubContext = {},
): FileFindings[] {
  return toFileFindings(validateAssetFileResults(inputs, config, hub));
}

/** Like validateAssetFiles, keeping each file's facts for the checks that follow (downloads). */
export function validateAssetFileResults(
  inputs: Iterable<AssetFileInput>,
  config: RulesConfig,
  hub: HubContext = {},
  options: ValidateOptions = {},
): AssetFileResult[] {
  const results: AssetFileResult[] = [];
  for (const input of inputs) results.push(validateAssetFile(input, config, hub, options));
  checkDuplicateDigests(results, config);
  return results;
}

/**
 * The cross-file rules over results already computed file by file (and possibly reused): the
 * results given are left as they are, the returned copies carry the added findings.
 */
export function withCrossFileChecks(
  results: readonly AssetFileResult[],
  config: RulesConfig,
): AssetFileResult[] {
  const copies = results.map((result) => ({ ...result, findings: [...result.findings] }));
  checkDuplicateDigests(copies, config);
  return copies;
}

/** Every file's findings in a stable order: by path, then by line. */
export function toFileFindings(results: readonly AssetFileResult[]): FileFindings[] {
  return results
    .map(({ path, findings }) => ({ path, findings: [...findings].sort(compareFindings) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** `ResNet_50` and `resnet50` are one model; so are `hournas` and `hournas-f` (a variant's card). */
function modelKey(name: string | undefined): string {
  return (name ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The same card in another version folder is the same model, even when its model-name changed. */
function cardName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

interface ModelIdentity {
  name: string;
  card: string;
  result: AssetFileResult;
  /** The model's source folder, whatever the branch: worked out only when names differ (it parses a URL). */
  folder?: string | null;
}

function folderOf(model: ModelIdentity): string | null {
  if (model.folder === undefined) {
    // The folder `repo-link` points to, without its branch or tag: the same for every release's card
    // of a model and for its evaluation variants (`gitee/mindspore/models/research/cv/ghostnet_quant`).
    const link = repoLinkOf(model.result);
    model.folder = link ? `${link.host}/${link.owner}/${link.repo}/${link.path ?? ''}`.toLowerCase() : null;
  }
  return model.folder;
}

function sameModel(a: ModelIdentity, b: ModelIdentity): boolean {
  if (a.card === b.card || a.name.includes(b.name) || b.name.includes(a.name)) return true;
  const folder = folderOf(a);
  return folder !== null && folder === folderOf(b);
}

/**
 * One checkpoint listed under two different models means one of the two entries is wrong. Cards of
 * one model (its releases, its evaluation variants, a publisher's copy) legitimately share one.
 */
function checkDuplicateDigests(results: readonly AssetFileResult[], config: RulesConfig): void {
  const owners = new Map<string, Array<{ result: AssetFileResult; model: ModelIdentity }>>();
  for (const result of results) {
    const model: ModelIdentity = {
      name: modelKey(result.facts?.modelName),
      card: cardName(result.path),
      result,
    };
    // Indexed loops without callbacks: this runs over every file of a hub, in code not yet optimized.
    const assets = result.facts?.assets ?? [];
    for (let index = 0; index < assets.length; index++) {
      const sha256 = assets[index]?.sha256;
      if (sha256 === undefined || !FULL_DIGEST.test(sha256)) continue;
      let list = owners.get(sha256);
      if (list === undefined) {
        list = [];
        owners.set(sha256, list);
      }
      // A file's own entries come one after the other: it is in the list only if it is the last.
      if (list[list.length - 1]?.result !== result) list.push({ result, model });
    }
  }
  for (const [sha256, list] of owners) {
    // One file alone with a checkpoint has no other model to share it with.
    if (list.length < 2) continue;
    for (const { result, model } of list) {
      const others = list.filter((owner) => !sameModel(owner.model, model));
      if (others.length === 0) continue;
      const at = result.facts?.assets.find((asset) => asset.sha256 === sha256)?.sha256At;
      const sink = new FindingCollector(result.path, config.severities);
      sink.report(
        'duplicate-sha256',
        at,
        msg('duplicate-sha256.message', {
          others: others.map((other) =>
            msg('duplicate-sha256.other', {
              model: q(other.result.facts?.modelName ?? '(no model-name)'),
              path: q(other.result.path),
            }),
          ),
        }),
        msg('duplicate-sha256.fix', { command: digestCommand(config.localCommand) }),
      );
      result.findings.push(...sink.findings);
    }
  }
}
