import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { getRepoInfoFromUrl, requestAccepts } from '../../src/core/hub/python-semantics.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { seededRandom } from '../helpers/fuzz.js';
import { pyyamlMissing, runPythonOracle } from '../helpers/pyyaml-oracle.js';

const VALIDATOR = join(REPO_ROOT, '../shared/tools/hub-validator');
const SKIP =
  pyyamlMissing() ??
  (existsSync(join(VALIDATOR, 'mindspore_hub'))
    ? false
    : `the hub validator is not at ${VALIDATOR} (it ships beside the developers' checkout)`);

/** Repository links as contributors write them, and as they slip. */
function generateLinks(seed: number, count: number): string[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const links: string[] = [];
  for (let index = 0; index < count; index++) {
    let link =
      pick(['https://', 'http://', 'https:/', 'ftp://', '', 'HTTPS://', 'https://www.']) +
      pick([
        'gitee.com',
        'github.com',
        'gitcode.com',
        'gitee.co',
        'example.org',
        'xcom',
        'git-ee.com',
        'gítee.com',
      ]) +
      pick(['', '/', '//']) +
      pick([
        'mindspore',
        'mind%20spore',
        'mindspore/models',
        'a/b/c',
        'a/b/tree',
        'a/b/tree/master',
        'a/b/blob/r1.9/x',
      ]) +
      pick(['', '/official/cv/ResNet', '/x/y/z', '/tree/master/a', '/', '//', '/https://x.com', '#frag']);
    if (random() < 0.2) link = `<${link}>`;
    if (random() < 0.1) link = `< ${link} >`;
    if (random() < 0.1) link = ` ${link}\t`;
    if (random() < 0.05) link = `${link}\nhttps://gitee.com/a/b`;
    if (random() < 0.05) link = `URL:${link}`;
    links.push(link);
  }
  return links;
}

describe("the hub's URL checks, as Python makes them", () => {
  it('names what urllib and get_repo_info_from_url refuse in a few known links', () => {
    assert.equal(getRepoInfoFromUrl('https://gitee.com/mindspore/models/tree/master/official/cv'), undefined);
    assert.equal(getRepoInfoFromUrl('https://gitee.com/mindspore/models'), undefined);
    assert.match(getRepoInfoFromUrl('https://gitee.com/mindspore') ?? '', /^invalid repo link/);
    assert.match(getRepoInfoFromUrl('< https://gitee.com/mindspore/models >') ?? '', /^invalid repo link/);
    assert.equal(requestAccepts('https://gitee.com/a/b'), true);
    assert.equal(requestAccepts('gitee.com/a/b'), false);
  });

  it('agrees with Python on 3,000 generated links', { skip: SKIP }, async () => {
    const links = generateLinks(20261207, 3000);
    const oracle = await runPythonOracle<{ request: boolean; info: string | null }>(
      [join(REPO_ROOT, 'scripts/pyyaml/url-oracle.py'), VALIDATOR],
      links,
    );
    const differ: string[] = [];
    links.forEach((link, index) => {
      const expected = oracle[index];
      const request = requestAccepts(link.replace(/^[<>]+|[<>]+$/g, ''));
      const info = getRepoInfoFromUrl(link) ?? null;
      if (request !== expected?.request || (info === null) !== (expected?.info === null))
        differ.push(
          `${JSON.stringify(link)}: python ${JSON.stringify(expected)}, port ${JSON.stringify({ request, info })}`,
        );
    });
    assert.equal(differ.length, 0, differ.slice(0, 5).join('\n'));
  });
});
