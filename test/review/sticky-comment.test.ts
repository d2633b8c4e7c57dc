import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMMENT_MARKER } from '../../src/core/report/render-markdown.js';
import { decideCommentWrite, upsertStickyComment } from '../../src/review/sticky-comment.js';

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

describe('the one sticky-comment upsert every platform uses', () => {
  /** A pull request's comments in memory, recording each write. */
  function store(initial: Array<{ id: number | string; body: string; byBot: boolean }>) {
    const comments = [...initial];
    const writes: string[] = [];
    let next = 100;
    return {
      writes,
      comments,
      list: async () => comments.map((comment) => ({ ...comment })),
      create: async (body: string) => {
        writes.push('create');
        comments.push({ id: next++, body, byBot: true });
      },
      update: async (id: number | string, body: string) => {
        writes.push(`update ${id}`);
        const comment = comments.find((item) => item.id === id);
        if (comment) comment.body = body;
      },
      remove: async (id: number | string) => {
        writes.push(`remove ${id}`);
        comments.splice(
          comments.findIndex((item) => item.id === id),
          1,
        );
      },
    };
  }
  const body = (verdict: string, text: string) =>
    `${COMMENT_MARKER}\n${text}\n<!-- mshub-review:verdict=${verdict} -->\n`;

  it('creates the comment once, then writes nothing while it says the same', async () => {
    const comments = store([{ id: 1, body: 'LGTM', byBot: false }]);
    assert.equal(await upsertStickyComment(comments, body('failure', 'a'), 'failure'), undefined);
    assert.equal(await upsertStickyComment(comments, body('failure', 'a'), 'failure'), body('failure', 'a'));
    assert.deepEqual(comments.writes, ['create']);
  });

  it('edits it in place while the verdict holds, and posts anew (deleting the old) when it flips', async () => {
    const comments = store([{ id: 'c-7', body: body('failure', 'a'), byBot: true }]);
    assert.equal(await upsertStickyComment(comments, body('failure', 'b'), 'failure'), body('failure', 'a'));
    assert.equal(await upsertStickyComment(comments, body('success', 'c'), 'success'), body('failure', 'b'));
    assert.deepEqual(comments.writes, ['update c-7', 'create', 'remove c-7']);
    assert.deepEqual(
      comments.comments.map((comment) => comment.body),
      [body('success', 'c')],
    );
  });

  it('never edits a comment the bot did not write, even one that copies its marker', async () => {
    const comments = store([{ id: 3, body: body('failure', 'forged'), byBot: false }]);
    await upsertStickyComment(comments, body('failure', 'a'), 'failure');
    assert.deepEqual(comments.writes, ['create']);
  });
});
