import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';

/**
 * `node --import tsx scripts/hub-export.ts HUB_ROOT > test/fixtures/hub-export.json`: runs the hub's own
 * export (`check.py`'s `ValidMarkdown(...).check_markdown_file()`, the record `sanity_check` writes, from
 * ../shared/tools/hub-validator) on every asset file and keeps, per English file it lists, the fields the
 * catalog must match: `uid`, `asset-id` and `markdown_name`. A `*_cn.md` page is exported as its English
 * twin (check.py swaps the name), so only English files are keyed.
 */
const hubRoot = resolve(process.argv[2] ?? '../shared/corpus/hub');
const validator = resolve(process.argv[3] ?? '../shared/tools/hub-validator/run.sh');
const PROGRAM = `
import contextlib, glob, io, json, os, sys
from mindspore_hub._utils.check import ValidMarkdown
os.chdir(sys.argv[1])
records = {}
files = sorted(glob.glob('mshub_res/assets/**/*.md', recursive=True))
for path in files:
    if os.path.basename(path) in ('README_CN.md', 'README.md') or path.endswith('_cn.md'):
        continue
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            record = ValidMarkdown(path).check_markdown_file()
    except Exception:
        continue
    records[path] = [record.get('uid'), record.get('asset-id'), record.get('markdown_name')]
json.dump({'files': len(files), 'exported': records}, sys.stdout, indent=0, sort_keys=True)
`;
const run = spawnSync('python3', ['-c', PROGRAM, hubRoot], {
  encoding: 'utf8',
  maxBuffer: 1 << 28,
  env: { ...process.env, PYTHONPATH: dirname(validator) },
});
if (run.status !== 0) {
  process.stderr.write(`the hub export failed: ${run.stderr}\n`);
  process.exit(2);
}
process.stdout.write(`${run.stdout.trim()}\n`);
