import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../src/core/rules/rule-catalog.js';
import { REPO_ROOT } from './helpers/fixtures.js';

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

describe('README.md', () => {
  it('lists every rule with its id and default severity', () => {
    for (const rule of RULES) {
      assert.match(
        readme,
        new RegExp(`^\\| \`${rule.id}\` \\| ${rule.severity} \\| ${rule.origin} \\|`, 'm'),
        rule.id,
      );
    }
  });

  it('starts with the two quick-start commands', () => {
    assert.match(
      readme,
      /## Quick start\n\n```sh\nnpm ci && node bin\/mshub-review\.js validate examples\/hub\nnpm test\n```/,
    );
  });
});

describe('.env.example', () => {
  it('documents every environment variable that src/config reads', () => {
    const source = readFileSync(join(REPO_ROOT, 'src/config/environment.ts'), 'utf8');
    const example = readFileSync(join(REPO_ROOT, '.env.example'), 'utf8');
    const names = new Set(
      [...source.matchAll(/env\.([A-Z][A-Z0-9_]+)|env, '([A-Z][A-Z0-9_]+)'/g)].map(
        (match) => match[1] ?? match[2],
      ),
    );
    assert.ok(names.size >= 10);
    for (const name of names)
      assert.match(example, new RegExp(`^${name}=`, 'm'), `${name} is not in .env.example`);
  });
});
