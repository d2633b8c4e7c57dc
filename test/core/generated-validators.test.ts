import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { validatorSources } from '../../scripts/validator-sources.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

describe('the validators compiled from the JSON Schemas', () => {
  it('are current: the committed code is what the schemas compile to', () => {
    for (const { path, content } of validatorSources()) {
      assert.equal(
        readFileSync(join(REPO_ROOT, path), 'utf8'),
        content,
        `${path} is out of date with its schema: run \`npm run generate\` and commit the result`,
      );
    }
  });
});
