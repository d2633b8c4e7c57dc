/**
 * The line numbers (in the new file) that a unified diff of one file adds, as GitHub gives it in the
 * `patch` of a pull request file. Context lines are not counted: a suggestion goes only on lines the
 * contributor wrote in this pull request.
 */
export function addedLines(patch: string): Set<number> {
  const added = new Set<number>();
  let line = 0;
  let inHunk = false;
  for (const text of patch.split('\n')) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(text);
    if (hunk) {
      line = Number(hunk[1]);
      inHunk = true;
      continue;
    }
    if (!inHunk) continue;
    const mark = text[0];
    if (mark === '+') added.add(line++);
    else if (mark === ' ') line++;
    // `-` lines are gone from the new file; `\ No newline at end of file` is no line at all.
  }
  return added;
}
