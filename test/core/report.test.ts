import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeSpan, escapeMarkdown, renderMessage } from '../../src/core/report/markdown-escape.js';
import { renderJson } from '../../src/core/report/render-json.js';
import { COMMENT_MARKER, renderMarkdown } from '../../src/core/report/render-markdown.js';
import { renderText } from '../../src/core/report/render-text.js';
import { buildReport, verdictOf } from '../../src/core/report/review-report.js';
import { CLEAN_PATH, CLEAN_TEXT, check, replaceOnce, rulesOf } from '../helpers/fixtures.js';
import { assertSnapshot } from '../helpers/snapshot.js';

const HOSTILE =
  '@mindspore/maintainers <img src=x onerror=alert(1)> ![x](https://evil.example/p.png) [click](https://evil.example) `code` #1';

/** Removes code spans as CommonMark reads them: a run of N backticks closes at the next run of exactly N. */
function stripCodeSpans(markdown: string): string {
  let out = '';
  let index = 0;
  while (index < markdown.length) {
    const open = /`+/g;
    open.lastIndex = index;
    const opening = open.exec(markdown);
    if (!opening) break;
    out += markdown.slice(index, opening.index);
    const close = new RegExp(`(?<!\`)${opening[0]}(?!\`)`, 'g');
    close.lastIndex = opening.index + opening[0].length;
    const closing = close.exec(markdown);
    if (!closing) return out + markdown.slice(opening.index);
    index = closing.index + closing[0].length;
  }
  return out + markdown.slice(index);
}

function hostileReport() {
  let text = replaceOnce(CLEAN_TEXT, 'module-type: nlp', `module-type: "${HOSTILE}"`);
  text = replaceOnce(text, 'train-dataset: mnli', `train-dataset: "${HOSTILE}"`);
  const path = 'mshub_res/assets/mindspore/1.9/@admin_<b>x</b>`.md';
  return buildReport([{ path, findings: check(text, { path }) }]);
}

describe('the review comment', () => {
  it('starts with the hidden marker and names the reviewed commit', () => {
    const markdown = renderMarkdown(buildReport([{ path: CLEAN_PATH, findings: [] }]), {
      headSha: 'abc1234def',
    });
    assert.ok(markdown.startsWith(`${COMMENT_MARKER}\n`));
    assert.match(markdown, /Reviewed commit `abc1234def`/);
    assert.match(markdown, /1 asset file checked, all pass/);
  });

  it('ignores a head SHA that is not hex', () => {
    const markdown = renderMarkdown(buildReport([]), { headSha: '@x <b>' });
    assert.doesNotMatch(markdown, /Reviewed commit/);
  });

  it('lets no value from the pull request inject a mention, HTML, an image or a link', () => {
    const markdown = renderMarkdown(hostileReport());
    const outsideCode = stripCodeSpans(markdown);
    assert.doesNotMatch(outsideCode, /@mindspore/);
    assert.doesNotMatch(outsideCode, /<img|<b>/);
    assert.doesNotMatch(outsideCode, /!\[|\]\(https/);
    assertSnapshot('hostile-values.md', markdown);
  });

  it('links lines when the platform has no annotations', () => {
    const report = buildReport([
      { path: CLEAN_PATH, findings: check(replaceOnce(CLEAN_TEXT, 'module-type: nlp', 'module-type: xyz')) },
    ]);
    const markdown = renderMarkdown(report, {
      lineLink: (path, line) => `https://gitee.com/o/r/blob/abc/${path}#L${line}`,
    });
    assert.match(
      markdown,
      /\[Line 9\]\(https:\/\/gitee\.com\/o\/r\/blob\/abc\/mshub_res\/assets\/mindspore\/1\.9\/albert_mnli\.md#L9\)/,
    );
  });
});

describe('markdown escaping', () => {
  it('escapes markdown and HTML in prose', () => {
    assert.equal(escapeMarkdown('<b>*x*</b> & [y](z)'), '&lt;b&gt;\\*x\\*&lt;/b&gt; &amp; \\[y\\]\\(z\\)');
  });

  it('breaks mentions and issue references', () => {
    assert.equal(escapeMarkdown('@team #12'), '@\u2060team \\#\u206012');
  });

  it('makes code spans that hold backticks', () => {
    assert.equal(codeSpan('a`b'), '``a`b``');
    assert.equal(codeSpan('`'), '`` ` ``');
  });

  it('escapes a message with unbalanced backticks whole', () => {
    assert.equal(renderMessage('a `b'), 'a \\`b');
  });
});

describe('text and JSON output', () => {
  it('strips terminal escape sequences that a file name could carry', () => {
    const text = renderText(
      buildReport([{ path: 'x\u001b[2J.md', findings: check('no front matter', { path: 'x\u001b[2J.md' }) }]),
    );
    assert.doesNotMatch(text, /\u001b/);
  });

  it('prints the contract shape', () => {
    const report = buildReport([{ path: CLEAN_PATH, findings: [] }]);
    assert.deepEqual(JSON.parse(renderJson(report)), {
      files: [{ path: CLEAN_PATH, findings: [] }],
      summary: { files: 1, errors: 0, warnings: 0, notices: 0 },
    });
  });

  it('calls a report with only warnings neutral', () => {
    assert.equal(verdictOf({ files: 1, errors: 0, warnings: 2, notices: 0 }), 'neutral');
    assert.equal(verdictOf({ files: 1, errors: 1, warnings: 0, notices: 0 }), 'failure');
    assert.equal(verdictOf({ files: 1, errors: 0, warnings: 0, notices: 0 }), 'success');
  });
});

describe('values built to break out of the comment', () => {
  it('leaves no www. autolink in prose', () => {
    const markdown = renderMarkdown(
      buildReport([
        {
          path: CLEAN_PATH,
          findings: check(replaceOnce(CLEAN_TEXT, 'used-for: inference', 'used-for: see www.evil.example/x')),
        },
      ]),
    );
    assert.doesNotMatch(stripCodeSpans(markdown), /www\.evil/);
    assert.equal(escapeMarkdown('go to www.evil.example'), 'go to www\u2060.evil.example');
  });

  it('keeps every code span closed when a value holds backticks', () => {
    let text = replaceOnce(CLEAN_TEXT, 'module-type: nlp', 'module-type: "v`i-a`b-c` @x <b>"');
    text = replaceOnce(text, 'model-version: 1.9', 'model-version: 1.9\nmodel-version: "`2.0` @x <b>"');
    const findings = check(text);
    // The second model-version is the one PyYAML keeps: its form is checked too.
    assert.deepEqual(rulesOf(findings), ['duplicate-key', 'module-type', 'version-format']);
    for (const finding of findings)
      for (const part of [finding.message, finding.fix ?? ''])
        assert.equal((part.match(/`/g) ?? []).length % 2, 0, part);
    const markdown = renderMarkdown(buildReport([{ path: CLEAN_PATH, findings }]));
    assert.doesNotMatch(stripCodeSpans(markdown), /<b>|@x/);
  });

  it('drops right-to-left overrides and bounds every message and fix', () => {
    const rtl = 'nlp\u202egnp.exe\u2066';
    const long = 'x:'.repeat(30_000);
    let text = replaceOnce(CLEAN_TEXT, 'module-type: nlp', `module-type: "${rtl}"`);
    text = replaceOnce(text, /^summary: .*$/m, `summary: "${long}"`);
    const findings = check(text, {
      config: { limits: { maxFileBytes: 1 << 20, maxFrontMatterBytes: 1 << 20, maxDepth: 8 } },
    });
    assert.ok(findings.length > 0);
    for (const finding of findings) {
      assert.doesNotMatch(`${finding.message}${finding.fix ?? ''}`, /[\u202a-\u202e\u2066-\u2069]/);
      assert.ok(finding.message.length <= 1000 && (finding.fix ?? '').length <= 1000);
    }
    assert.doesNotMatch(
      renderMarkdown(buildReport([{ path: CLEAN_PATH, findings }])),
      /[\u202a-\u202e\u2066-\u2069]/,
    );
  });
});

describe('a long review in one comment', () => {
  const finding = (
    path: string,
    line: number,
    severity: 'error' | 'warning',
    rule = 'update-time-format',
  ) => ({
    rule: severity === 'error' ? 'asset-sha256-format' : rule,
    severity,
    path,
    line,
    message:
      severity === 'error'
        ? `\`asset-sha256\` \`77dcaf0f\` has 8 hex digits, but a SHA-256 digest has 64 (file ${path}).`
        : `\`update-time\` is \`2023-2-17\`; the hub sorts and shows dates written as \`YYYY-MM-DD\`, with two-digit months and days. ${'Padding. '.repeat(15)}`,
    fix:
      severity === 'error'
        ? 'Compute it with `npx mshub-review sha256 <file>`.'
        : 'Write `update-time: 2023-02-17`.',
  });

  it('keeps every error when 200 files have 9 errors behind 411 warnings', () => {
    const files = Array.from({ length: 200 }, (_, index) => {
      const path = `mshub_res/assets/mindspore/1.9/m${String(index).padStart(3, '0')}.md`;
      const findings = [finding(path, 21, 'warning'), finding(path, 30, 'warning', 'version-text')];
      if (index % 20 === 19) findings.unshift(finding(path, 36, 'error'));
      return { path, findings };
    });
    files[0]?.findings.push(
      ...Array.from({ length: 11 }, (_, line) =>
        finding(files[0]?.path ?? '', 40 + line, 'warning', 'unknown-key'),
      ),
    );
    const report = buildReport(files);
    assert.equal(report.summary.errors, 10);
    const markdown = renderMarkdown(report);
    assert.ok(markdown.length <= 65_000, `${markdown.length} characters`);
    assert.equal((markdown.match(/❌ \*\*Line 36\*\*/g) ?? []).length, 10);
    // The shared warning is listed once, folded, with where it is.
    assert.equal((markdown.match(/<summary>⚠️ `update-time-format` in 200 files/g) ?? []).length, 1);
    assert.ok(markdown.indexOf('❌ **Line 36**') < markdown.indexOf('<details>'), 'errors come first');
  });

  it('shows the errors whole and counts the rest when the warnings do not fit', () => {
    const files = Array.from({ length: 200 }, (_, index) => {
      const path = `mshub_res/assets/mindspore/1.9/m${String(index).padStart(3, '0')}.md`;
      return {
        path,
        findings: [
          finding(path, 36, 'error'),
          ...Array.from({ length: 5 }, (_, line) => ({
            ...finding(path, 50 + line, 'warning', 'unknown-key'),
            message: `The hub does not read the key \`k${index}-${line}\`. ${'x'.repeat(150)}`,
          })),
        ],
      };
    });
    const markdown = renderMarkdown(buildReport(files));
    assert.ok(markdown.length <= 65_000, `${markdown.length} characters`);
    assert.equal((markdown.match(/❌ \*\*Line 36\*\*/g) ?? []).length, 200);
    assert.match(markdown, /1,000 warnings or notices are not shown here, to leave room for the errors/);
  });
});

describe('the review in Chinese and English', () => {
  const truncatedDigest = () => {
    const text = replaceOnce(
      CLEAN_TEXT,
      'asset-sha256: ec4f2c5302b299d7751a60615a1d0f4316527146a6909c5d86b9afa5720bcc7a',
      'asset-sha256: ec4f2c53',
    );
    return buildReport([{ path: CLEAN_PATH, findings: check(text) }]);
  };

  it('writes every finding, fix and heading in Chinese with language zh', () => {
    const markdown = renderMarkdown(truncatedDigest(), { language: 'zh' });
    assert.match(markdown, /### ❌ mshub-review：1 个模型描述文件中有 1 个错误/);
    assert.match(
      markdown,
      /\*\*第 \d+ 行\*\* `asset-sha256-format`: `asset-sha256` `ec4f2c53` 只有 8 位十六进制数字/,
    );
    assert.match(markdown, /\*\*修改方法：\*\* 用 `sha256sum <file>`/);
    assert.match(markdown, /评论 `\/recheck` 可以重新检查。/);
    assert.doesNotMatch(markdown, /hex digits|Fix:|Line \d/);
  });

  it('puts the Chinese first and the English folded below it with zh+en', () => {
    const markdown = renderMarkdown(truncatedDigest(), { language: 'zh+en' });
    const english = markdown.indexOf('<summary>English');
    assert.ok(markdown.indexOf('只有 8 位十六进制数字') < english, 'Chinese first');
    assert.ok(english < markdown.indexOf('has 8 hex digits'), 'English below, folded');
    assert.equal(markdown.split(COMMENT_MARKER).length, 2, 'one marker');
    assert.ok(markdown.trimEnd().endsWith('</details>'));
  });

  it("takes the hub's language setting over the platform's default", () => {
    const report = { ...truncatedDigest(), language: 'en' as const };
    assert.doesNotMatch(renderMarkdown(report, { language: 'zh+en' }), /只有/);
  });

  it('leaves the English out, and says so, when both languages do not fit', () => {
    const report = truncatedDigest();
    const chinese = renderMarkdown(report, { language: 'zh' });
    const markdown = renderMarkdown(report, { language: 'zh+en', maxLength: chinese.length + 200 });
    assert.ok(markdown.length <= chinese.length + 200);
    assert.match(markdown, /只有 8 位十六进制数字/);
    assert.doesNotMatch(markdown, /hex digits/);
    assert.match(markdown, /因此省略了英文版本/);
  });

  it('prints the text report in Chinese, counting the same', () => {
    const text = renderText(truncatedDigest(), undefined, { language: 'zh' });
    assert.match(text, /`asset-sha256-format` |asset-sha256-format 错误: /);
    assert.match(text, /修改方法： 用 `sha256sum <file>`/);
    assert.match(text, /✖ 1 个文件中有 1 个存在问题：1 个错误/);
  });
});
