import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validatorSources } from './validator-sources.js';

const root = resolve(import.meta.dirname, '..');
for (const { path, content } of validatorSources()) {
  writeFileSync(join(root, path), content);
  console.log(`wrote ${path}`);
}
