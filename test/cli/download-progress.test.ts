import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DownloadProgressView, formatBytes } from '../../src/cli/download-progress.js';

function view(isTTY: boolean) {
  let now = 0;
  let text = '';
  const progress = new DownloadProgressView({ write: (chunk: string) => (text += chunk), isTTY }, () => now);
  return { progress, tick: (ms: number) => (now += ms), output: () => text };
}

const URL_ = 'https://download.mindspore.cn/models/vgg19.ckpt';

describe('download progress', () => {
  it('draws a live bar with bytes, rate and ETA on a terminal', () => {
    const { progress, tick, output } = view(true);
    tick(1000);
    progress.update({ url: URL_, bytes: 0, total: 100 * 1024 * 1024 });
    tick(2000);
    progress.update({ url: URL_, bytes: 50 * 1024 * 1024, total: 100 * 1024 * 1024 });
    assert.match(output(), /\[#{12}-{12}\] vgg19\.ckpt 50\.0 MiB \/ 100\.0 MiB 25\.0 MiB\/s ETA 2 s\n$/);
    progress.finish(URL_, { ok: true, sha256: 'x', bytes: 100 * 1024 * 1024 });
    assert.match(output(), /\u001b\[1A\u001b\[0J✔ vgg19\.ckpt: 100\.0 MiB in 2\.0 s\n$/);
  });

  it('writes plain lines at the start, each quarter and the end otherwise', () => {
    const { progress, tick, output } = view(false);
    progress.update({ url: URL_, bytes: 0, total: 1000 });
    tick(1000);
    progress.update({ url: URL_, bytes: 300, total: 1000 });
    progress.update({ url: URL_, bytes: 600, total: 1000 });
    progress.finish(URL_, { ok: false, kind: 'failed', reason: 'the server stopped sending data' });
    assert.equal(
      output(),
      'downloading vgg19.ckpt (1000 B)\n  vgg19.ckpt: 25% (300 B, 300 B/s)\n  vgg19.ckpt: 50% (600 B, 600 B/s)\n✖ vgg19.ckpt: the server stopped sending data\n',
    );
  });

  it('formats sizes', () => {
    assert.equal(formatBytes(512), '512 B');
    assert.equal(formatBytes(5 * 1024 ** 3), '5.0 GiB');
  });
});
