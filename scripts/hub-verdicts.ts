import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * `node --import tsx scripts/hub-verdicts.ts HUB_ROOT > test/fixtures/hub-validator-verdicts.json`:
 * runs the hub's own validator (../shared/tools/hub-validator/run.sh, the checks mindspore_hub.load()
 * runs) over a hub tree and records its verdict on every file, with the rule family of each reason.
 * The verdict fixture comes from this real run, never from reading check.py.
 */
const hubRoot = resolve(process.argv[2] ?? '../shared/corpus/hub');
const validator = resolve(process.argv[3] ?? '../shared/tools/hub-validator/run.sh');
const run = spawnSync('sh', [validator, hubRoot], { encoding: 'utf8', maxBuffer: 1 << 28 });
if (run.status !== 0) {
  process.stderr.write(`the hub validator failed: ${run.stderr}\n`);
  process.exit(2);
}

/** The rule family of a reason the hub gives, by the words check.py and PyYAML use. */
const FAMILIES: Array<[RegExp, string]> = [
  [/^train_dataset /, 'train-dataset'],
  [/should have two '---'/, 'front-matter-fences'],
  [/^module[_-]type/, 'module-type'],
  [/^used_for /, 'used-for'],
  [/^backend /, 'backend'],
  [/^file_format /, 'file-format'],
  [/^Image /, 'featured-image'],
  [/^Remove extra ':'/, 'extra-colon'],
  [/is required in .*but not found/, 'required-field'],
  [/must be `(bool|number)`/, 'field-type'],
  [/^$/, 'heading-colon'],
];

const ANSI = /\u001b\[[0-9;]*m/g;
const rejected: Record<string, { rule: string; reason: string; yamlLine?: number; yamlColumn?: number }> = {};
let files = 0;
let current: { path: string; lines: string[] } | undefined;
const flush = () => {
  if (!current) return;
  const reason = current.lines.join('\n').replace(/'$/, '');
  const first = reason.split('\n')[0] ?? '';
  const rule = FAMILIES.find(([pattern]) => pattern.test(first))?.[1] ?? 'front-matter-yaml';
  // PyYAML's position, counted from the first line of the front matter (1-based here).
  const at = /line (\d+), column (\d+)/.exec(reason);
  rejected[`mshub_res/${current.path}`] = {
    rule,
    reason: first.slice(0, 160),
    ...(at ? { yamlLine: Number(at[1]), yamlColumn: Number(at[2]) } : {}),
  };
  current = undefined;
};
for (const raw of run.stdout.split('\n')) {
  const line = raw.replace(ANSI, '');
  if (line.startsWith('Checking ') && line.endsWith('...Passed!')) {
    flush();
    files++;
    continue;
  }
  // A YAML error escapes check_markdown_file before it ends its "Checking ..." line.
  const failure =
    /^(?:Checking \S+\.md\.\.\.)?(assets\/\S+\.md) cannot pass the examination of the markdown file checker, error message is '(.*)$/.exec(
      line,
    );
  if (failure) {
    flush();
    files++;
    current = { path: failure[1] ?? '', lines: [failure[2] ?? ''] };
    continue;
  }
  if (current && !line.startsWith('Checking ')) current.lines.push(line);
  else flush();
}
flush();

const sorted = Object.fromEntries(Object.entries(rejected).sort(([a], [b]) => (a < b ? -1 : 1)));
process.stdout.write(
  `${JSON.stringify(
    {
      source:
        "The MindSpore Hub's own validator (md_validator.py + check.py at hub commit 29e408be), run offline by ../shared/tools/hub-validator/run.sh over ../shared/corpus/hub; written by scripts/hub-verdicts.ts. Every file it rejects, with its first line of reason and the rule family mshub-review gives that reason; every other file passed.",
      files,
      passed: files - Object.keys(sorted).length,
      rejected: sorted,
    },
    null,
    1,
  )}\n`,
);
