import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCatalog } from '../../src/core/catalog/build-catalog.js';
import { defaultRulesConfig } from '../../src/core/rules/rules-config.js';
import { CLEAN_PATH, CLEAN_TEXT, check, replaceOnce, rulesOf } from '../helpers/fixtures.js';

const withSummary = (summary: string) => replaceOnce(CLEAN_TEXT, 'summary: albert is used for nlp', summary);

describe('hostile asset files', () => {
  it('never runs ---js front matter', () => {
    const marker = '__mshubReviewExecuted';
    const text = `---js\n{ summary: (globalThis.${marker} = true) }\n---\n# body\n`;
    const findings = check(text);
    assert.equal((globalThis as Record<string, unknown>)[marker], undefined);
    assert.ok(findings.some((finding) => finding.severity === 'error'));
  });

  it('refuses a billion-laughs alias bomb quickly', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const previous = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const text = `# bomb\n---\n${levels.join('\n')}\n---\n`;
    // PyYAML reads the bomb without expanding it; the hub then misses every field.
    assert.deepEqual(rulesOf(check(text)), ['front-matter-unsafe', 'hub-validator']);
  });

  it('refuses deep nesting without overflowing the stack', () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const findings = check(withSummary(`summary: ${deep}`), {
      config: { limits: { maxFileBytes: 1 << 20, maxFrontMatterBytes: 1 << 20, maxDepth: 8 } },
    });
    assert.deepEqual(rulesOf(findings), ['front-matter-unsafe']);
  });

  it('refuses nesting deeper than the limit', () => {
    const findings = check(withSummary('summary: [[[[[[[[[[1]]]]]]]]]]'));
    assert.deepEqual(rulesOf(findings), ['front-matter-unsafe']);
  });

  it('reports a 50 MB front matter without parsing it', () => {
    const huge = `# big\n---\nsummary: ${'x'.repeat(50 * 1024 * 1024)}\n---\n`;
    const findings = check(huge, {
      config: { limits: { maxFileBytes: 64 * 1024 * 1024, maxFrontMatterBytes: 64 * 1024, maxDepth: 8 } },
    });
    assert.deepEqual(rulesOf(findings), ['file-size']);
  });

  it('measures the front matter to the byte at its limit, with LF or CRLF line ends', () => {
    const limits = { maxFileBytes: 1 << 20, maxFrontMatterBytes: 1000, maxDepth: 8 };
    // `model-name: a` and a summary line, joined by one line break: `extra` more bytes than 990.
    const frontMatter = (extra: number) => `model-name: a\nsummary: ${'x'.repeat(990 - 14 - 9 + extra)}`;
    for (const lineEnd of ['\n', '\r\n']) {
      const file = (extra: number) => `---\n${frontMatter(extra)}\n---\n# Title\n`.replaceAll('\n', lineEnd);
      const size = (extra: number) =>
        check(file(extra), { config: { limits } }).filter((finding) => finding.rule === 'file-size');
      assert.deepEqual(size(10), [], `exactly 1000 bytes, ${JSON.stringify(lineEnd)}`);
      const over = size(11);
      assert.equal(over.length, 1, `1001 bytes, ${JSON.stringify(lineEnd)}`);
      assert.match(over[0]?.message ?? '', /1001/);
    }
  });

  it('reports a binary file as not text', () => {
    const bytes = new Uint8Array(4096).map((_, index) => (index * 37) % 256);
    assert.deepEqual(rulesOf(check(bytes)), ['file-encoding']);
  });

  it('does not let __proto__ keys pollute objects', () => {
    const findings = check(withSummary('summary: x\n__proto__:\n  polluted: yes'));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.ok(rulesOf(findings).includes('unknown-key') || rulesOf(findings).includes('extra-colon'));
  });

  it('reads files with Windows line endings and a byte-order mark like any other', () => {
    const text = `\ufeff${CLEAN_TEXT.replace(/\n/g, '\r\n')}`;
    assert.deepEqual(check(text), []);
  });

  it('keeps dates as text', () => {
    const findings = check(
      replaceOnce(CLEAN_TEXT, 'update-time: 2022-10-11', 'update-time: 2022-10-11T10:00:00Z'),
    );
    assert.deepEqual(rulesOf(findings), ['extra-colon', 'update-time-format']);
  });

  it('survives every mutation of a real file without throwing', () => {
    const lines = CLEAN_TEXT.split('\n');
    const garbage = [
      '- ',
      ': ',
      '[',
      '{',
      '"',
      "'",
      '!',
      '&x',
      '*x',
      '|',
      '>',
      '\t',
      '%YAML 1.2',
      '? x',
      '---',
      '...',
    ];
    for (let line = 0; line < 45; line++) {
      for (const piece of garbage) {
        const mutated = [...lines];
        mutated[line] = `${piece}${lines[line]}`;
        const findings = check(mutated.join('\n'));
        for (const finding of findings) assert.equal(typeof finding.message, 'string');
      }
    }
  });
});

describe('front matter values that are mappings with method names as keys', () => {
  const methodKeys = ['toString', 'valueOf', '__proto__', 'constructor', 'hasOwnProperty', 'toJSON'];
  const assetList = (override: Record<string, string>) => {
    const entry = {
      'file-format': 'ckpt',
      'asset-link': 'https://download.mindspore.cn/model_zoo/r1.9/albert.ckpt',
      'asset-sha256': 'a'.repeat(64),
      ...override,
    };
    return `asset: [{${Object.entries(entry)
      .map(([key, value]) => `${key}: ${value}`)
      .join(', ')}}]`;
  };
  const withAsset = (asset: string) => CLEAN_TEXT.replace(/^asset:\n[\s\S]*?(?=^license:)/m, `${asset}\n\n`);

  for (const method of methodKeys) {
    for (const field of ['file-format', 'asset-link', 'asset-sha256']) {
      it(`reports \`${field}: {${method}: 1}\` in an asset entry as a finding, and builds the catalog`, () => {
        const text = withAsset(assetList({ [field]: `{${method}: 1}` }));
        const findings = check(text);
        assert.ok(findings.some((finding) => finding.severity === 'error'));
        const catalog = buildCatalog(
          [{ path: CLEAN_PATH, bytes: new TextEncoder().encode(text) }],
          defaultRulesConfig(),
        );
        assert.equal(catalog.invalid.length, 1);
      });
    }
    it(`names no function for a top-level key \`${method}\``, () => {
      const findings = check(replaceOnce(CLEAN_TEXT, 'summary: albert', `${method}: 1\nsummary: albert`));
      for (const finding of findings) assert.doesNotMatch(finding.message, /function|native code/);
    });
  }

  it('does not take a host named like an object method for a repository host', () => {
    const findings = check(
      replaceOnce(CLEAN_TEXT, /^repo-link: .*$/m, 'repo-link: https://constructor/mindspore/models'),
    );
    assert.ok(rulesOf(findings).includes('repo-link'));
  });
});
