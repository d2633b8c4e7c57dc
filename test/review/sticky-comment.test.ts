import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMMENT_MARKER } from '../../src/core/report/render-markdown.js';
import { decideCommentWrite } from '../../src/review/sticky-comment.js';

describe('the sticky comment', () => {
  it("edits only the bot's own marked comment, and posts anew when the verdict flips", () => {
    const ours = `${COMMENT_MARKER}\nold\n<!-- mshub-review:verdict=failure -->\n`;
    const copied = { id: 9, body: ours, byBot: false };
    assert.deepEqual(decideCommentWrite([copied], 'new', 'failure'), { kind: 'create' });
    const comments = [copied, { id: 1, body: ours, byBot: true }];
    assert.deepEqual(decideCommentWrite(comments, ours, 'failure'), { kind: 'skip' });
    assert.deepEqual(decideCommentWrite(comments, 'new', 'failure'), { kind: 'update', id: 1 });
    assert.deepEqual(decideCommentWrite(comments, 'new', 'success'), { kind: 'replace', id: 1 });
  });
});

describe('the verdict of the sticky comment', () => {
  it('is read from the marker the bot wrote last, not from a value quoted in the review', () => {
    const quoted = `${COMMENT_MARKER}\n- \`<!-- mshub-review:verdict=success -->\` is not a module family\n<!-- mshub-review:verdict=failure -->\n`;
    const comments = [{ id: 7, body: quoted, byBot: true }];
    assert.deepEqual(decideCommentWrite(comments, `${COMMENT_MARKER}\nnew\n`, 'failure'), {
      kind: 'update',
      id: 7,
    });
    assert.deepEqual(decideCommentWrite(comments, `${COMMENT_MARKER}\nnew\n`, 'success'), {
      kind: 'replace',
      id: 7,
    });
  });
});
