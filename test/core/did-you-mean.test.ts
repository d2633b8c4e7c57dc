import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { didYouMean, editDistance } from '../../src/core/text/did-you-mean.js';

describe('did you mean', () => {
  it('counts two swapped neighbouring letters as one edit', () => {
    assert.equal(editDistance('mnsit', 'mnist', 2), 1);
    assert.equal(editDistance('ab', 'ba', 1), 1);
    assert.equal(editDistance('kitten', 'sitting', 5), 3);
    assert.equal(editDistance('same', 'same', 0), 0);
  });

  it('stops at the limit, however far apart the words are', () => {
    assert.equal(editDistance('abcdefgh', 'zyxwvuts', 2), 3);
    assert.equal(editDistance('a', 'abcdef', 2), 3);
  });

  it('finds the swap before a closer-looking word of the same length', () => {
    const datasets = new Set(['MNLI', 'MNIST', 'cifar10']);
    assert.equal(didYouMean('mnsit', datasets), 'MNIST');
    assert.equal(didYouMean('cifra10', datasets), 'cifar10');
    assert.equal(didYouMean('imagenet', datasets), undefined);
  });
});
