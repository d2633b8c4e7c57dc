import { PATHOLOGICAL_FILES, roomyConfig } from './test/helpers/pathological-files.js';
import { validateAssetFile } from './src/core/validate-asset-file.js';
const config = roomyConfig();
for (const [name, make] of Object.entries(PATHOLOGICAL_FILES)) {
  for (const size of [12 * 1024, 24 * 1024]) {
    const text = make(size);
    const t = performance.now();
    validateAssetFile({ path: 'mshub_res/assets/mindspore/1.9/albert_mnli.md', bytes: Buffer.from(text) }, config, {});
    const ms = performance.now() - t;
    console.log(name.padEnd(60), size, ms.toFixed(1));
    if (ms > 3000) break;
  }
}
