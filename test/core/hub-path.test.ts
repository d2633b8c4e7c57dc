import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hubContextFromPaths, isSubmissionFile } from '../../src/core/hub-path.js';

describe('hubContextFromPaths', () => {
  it('takes an image from any folder named images, at any depth, and only from such a folder', () => {
    const { images, assetPaths } = hubContextFromPaths([
      'images/top.png',
      'mshub_res/assets/mindspore/images/deep.jpg',
      'mshub_res/images/mid.png',
      'mshub_res/my-images/not.png',
      'mshub_res/images.png',
      'mshub_res/imagesx/not.png',
      'images',
      'mshub_res/assets/mindspore/2.5/vgg19_imagenet2012.md',
      'mshub_res/assets/README.md',
      'mshub_res/docs/guide.md',
    ]);
    assert.deepEqual([...images].sort(), ['deep.jpg', 'mid.png', 'top.png']);
    assert.deepEqual([...assetPaths], ['mshub_res/assets/mindspore/2.5/vgg19_imagenet2012.md']);
  });
});

describe('isSubmissionFile', () => {
  it('takes every spelling of a markdown file but the documentation files', () => {
    const taken = ['a.md', 'a.MD', 'a.Md', 'a.markdown', 'a.MARKDOWN', 'dir/b.md', 'dir\\c.MD', 'README.MD'];
    const left = ['a.txt', 'a.md.bak', 'amd', 'README.md', 'dir/README_CN.md', 'dir\\README.md', 'a.mdx'];
    for (const path of taken) assert.equal(isSubmissionFile(path), true, path);
    for (const path of left) assert.equal(isSubmissionFile(path), false, path);
  });
});
