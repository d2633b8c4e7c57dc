import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../src/core/findings.js';
import { applyFix } from '../helpers/apply-fix.js';
import { CLEAN_PATH, CLEAN_TEXT, check, replaceOnce, rulesOf } from '../helpers/fixtures.js';

/** A second, unrelated error in every file: each slip must not hide it. */
const withUnrelatedError = (text: string) => replaceOnce(text, 'module-type: nlp', 'module-type: vision');

const CASES: Array<{
  mistake: string;
  search: string;
  replacement: string;
  line: number;
  column: number;
  message: RegExp;
  fix: string;
}> = [
  {
    mistake: 'a full-width colon after a key',
    search: 'model-name: albert',
    replacement: 'model-name：albert',
    line: 5,
    column: 11,
    message: /^Line 5 has a full-width colon `：` \(typed with a Chinese input method\) after the key/,
    fix: 'Write the line as `model-name: albert`.',
  },
  {
    mistake: 'a full-width comma in a list',
    search: 'evaluation: acc82.25',
    replacement: 'evaluation: [acc82.25，f1]',
    line: 17,
    column: 22,
    message: /full-width comma `，` in a `\[\.\.\.\]` list/,
    fix: 'Write the line as `evaluation: [acc82.25, f1]`.',
  },
  {
    mistake: 'full-width spaces in the indentation',
    search: '    asset-sha256:',
    replacement: '\u3000\u3000asset-sha256:',
    line: 36,
    column: 1,
    message: /full-width space \(U\+3000\)/,
    fix: 'Indent line 36 with 4 plain spaces, like the lines around it.',
  },
  {
    mistake: 'a tab in the indentation',
    search: '    asset-sha256:',
    replacement: '\tasset-sha256:',
    line: 36,
    column: 1,
    message: /a tab in its indentation; YAML allows only spaces there/,
    fix: 'Indent line 36 with 4 plain spaces, like the lines around it.',
  },
  {
    mistake: 'a tab after the colon',
    search: 'license: Apache2.0',
    replacement: 'license:\tApache2.0',
    line: 38,
    column: 9,
    message: /^Line 38 has a tab where YAML allows only spaces/,
    fix: 'Write the line as `license: Apache2.0`.',
  },
  {
    mistake: 'a tab at the end of a value',
    search: 'license: Apache2.0',
    replacement: 'license: Apache2.0\t',
    line: 38,
    column: 19,
    message: /^Line 38 has a tab where YAML allows only spaces/,
    fix: 'Write the line as `license: Apache2.0`.',
  },
  {
    mistake: 'curly quotes around a value',
    search: 'author: MindSpore team',
    replacement: 'author: “MindSpore team”',
    line: 19,
    column: 9,
    message: /curly quotes around the value/,
    fix: 'Write the line as `author: "MindSpore team"`.',
  },
  {
    mistake: 'a no-break space after the colon',
    search: 'author: MindSpore team',
    replacement: 'author:\u00a0MindSpore team',
    line: 19,
    column: 8,
    message: /no-break space \(U\+00A0/,
    fix: 'Write the line as `author: MindSpore team`.',
  },
  {
    mistake: 'a byte-order mark inside the file',
    search: 'license: Apache2.0',
    replacement: '\ufefflicense: Apache2.0',
    line: 38,
    column: 1,
    message: /invisible byte-order mark \(U\+FEFF\)/,
    fix: 'Write the line as `license: Apache2.0`.',
  },
];

describe('the characters a first-time contributor types', () => {
  for (const testCase of CASES) {
    it(`reports ${testCase.mistake} at its line and column, and still finds the other error`, () => {
      const text = withUnrelatedError(replaceOnce(CLEAN_TEXT, testCase.search, testCase.replacement));
      const findings = check(text);
      assert.deepEqual(rulesOf(findings), ['module-type', 'wrong-character']);
      const slip = findings.find((finding) => finding.rule === 'wrong-character');
      assert.equal(slip?.line, testCase.line);
      assert.equal(slip?.column, testCase.column);
      assert.match(slip?.message ?? '', testCase.message);
      assert.equal(slip?.fix, testCase.fix);
      // The fix, applied as written, leaves only the unrelated error.
      const fixed = applyFix({ text, path: CLEAN_PATH }, slip as Finding);
      assert.ok(fixed, `the fix ${slip?.fix} is concrete`);
      assert.deepEqual(rulesOf(check(fixed.text)), ['module-type']);
    });
  }
});

describe('a tab in the indentation of a `- key: value` entry', () => {
  it('is fixed by lining the key up under the entry, not by moving it out of the entry', () => {
    const text = replaceOnce(
      replaceOnce(
        replaceOnce(CLEAN_TEXT, '-\n    file-format: ckpt', '- file-format: ckpt'),
        '    asset-link:',
        '\tasset-link:',
      ),
      '    asset-sha256:',
      '  asset-sha256:',
    );
    const slip = check(text).find((finding) => finding.rule === 'wrong-character');
    assert.equal(slip?.fix, 'Indent line 34 with 2 plain spaces, like the lines around it.');
    const fixed = applyFix({ path: CLEAN_PATH, text }, slip as Finding);
    assert.deepEqual(rulesOf(check(fixed?.text ?? '')), []);
  });
});

describe('leftovers of the hub template', () => {
  it('names every part left from commit_example.md in one finding, and checks the rest', () => {
    const text = withUnrelatedError(
      replaceOnce(
        replaceOnce(
          CLEAN_TEXT,
          'backbone-name: albert',
          'backbone-name: albert <required>\n\n> CV: classification, others\n>',
        ),
        'asset:\n',
        '## assets\n',
      ),
    );
    const findings = check(text);
    assert.deepEqual(rulesOf(findings), ['module-type', 'template-leftover']);
    const leftover = findings.find((finding) => finding.rule === 'template-leftover');
    assert.equal(leftover?.line, 7);
    assert.match(
      leftover?.message ?? '',
      /`<required>`\/`<optional>` markers, `> \.\.\.` help lines, and the `## assets` heading\) on lines 7, 9-10, 34\./,
    );
    assert.match(leftover?.fix ?? '', /write `asset:` instead of `## assets`/);
  });
});

describe('YAML errors', () => {
  it('points at a line without a colon, not at the next key where YAML gave up', () => {
    const findings = check(
      withUnrelatedError(replaceOnce(CLEAN_TEXT, 'backbone-name: albert', 'backbone-name albert')),
    );
    const yaml = findings.find((finding) => finding.rule === 'front-matter-yaml');
    assert.equal(yaml?.line, 7);
    assert.match(
      yaml?.message ?? '',
      /^Line 7 is not a `key: value` line: YAML needs a colon and a space after the key\. Quoted: `backbone-name albert`\.$/,
    );
    assert.equal(yaml?.fix, 'Write `backbone-name: albert`.');
  });

  it('points at the line where a quote opens and never closes', () => {
    const findings = check(replaceOnce(CLEAN_TEXT, 'author: MindSpore team', 'author: "MindSpore team'));
    const yaml = findings.find((finding) => finding.rule === 'front-matter-yaml');
    assert.equal(yaml?.line, 19);
    assert.match(yaml?.message ?? '', /The quote `"` opened on line 19 is never closed/);
  });

  it('explains an indentation that does not line up', () => {
    const findings = check(replaceOnce(CLEAN_TEXT, 'license: Apache2.0', ' license: Apache2.0'));
    const yaml = findings.find((finding) => finding.rule === 'front-matter-yaml');
    assert.equal(yaml?.line, 38);
    assert.match(yaml?.message ?? '', /Line 38 is indented by 1 space, which does not line up/);
  });
});

describe('fixes that leave no other error behind', () => {
  const apply = (text: string, search: string, replacement: string) => replaceOnce(text, search, replacement);

  it('a colon in `summary`: replaced, not quoted (the hub refuses `:` even in quotes)', () => {
    const text = apply(CLEAN_TEXT, 'summary: albert is used for nlp', 'summary: albert: used for nlp');
    const finding = check(text).find((item) => item.rule === 'front-matter-yaml');
    assert.equal(finding?.fix, 'Write the value without `: `, for example `summary: albert - used for nlp`.');
    assert.deepEqual(
      rulesOf(check(apply(text, 'summary: albert: used for nlp', 'summary: albert - used for nlp'))),
      [],
    );
  });

  it('`accuracy: vit-tiny: 76.18`: the number in accuracy, the rest in evaluation', () => {
    const text = apply(CLEAN_TEXT, 'evaluation: acc82.25\n', '');
    const broken = apply(
      text,
      'author: MindSpore team',
      'author: MindSpore team\n\naccuracy: vit-tiny: 76.18',
    );
    const finding = check(broken).find((item) => item.rule === 'front-matter-yaml');
    assert.equal(
      finding?.fix,
      '`accuracy` is one number: write `accuracy: 76.18`, and put the details in `evaluation: "vit-tiny: 76.18"` (where `:` is allowed).',
    );
    const fixed = apply(
      text,
      'author: MindSpore team',
      'author: MindSpore team\n\naccuracy: 76.18\n\nevaluation: "vit-tiny: 76.18"',
    );
    assert.deepEqual(rulesOf(check(fixed)), []);
  });

  it('a top-level `asset-link`: moved, never `https -//`', () => {
    const text = apply(
      CLEAN_TEXT,
      'license: Apache2.0',
      'license: Apache2.0\n\nasset-link: https://download.mindspore.cn/x.ckpt',
    );
    const fixes = check(text).map((item) => item.fix ?? '');
    assert.ok(
      fixes.every((fix) => !fix.includes('https -//')),
      fixes.join('\n'),
    );
    assert.ok(fixes.some((fix) => /move it there/.test(fix)));
  });

  it('a file outside a version folder: moved to its own publisher and version', () => {
    const findings = check(CLEAN_TEXT, { path: 'mshub_res/assets/mindspore/albert_mnli.md' });
    const layout = findings.find((item) => item.rule === 'folder-layout');
    assert.match(
      layout?.fix ?? '',
      /^Move the file to `mshub_res\/assets\/mindspore\/1\.9\/albert_mnli\.md`/,
    );
    assert.deepEqual(
      rulesOf(check(CLEAN_TEXT, { path: 'mshub_res/assets/mindspore/1.9/albert_mnli.md' })),
      [],
    );
  });
});
