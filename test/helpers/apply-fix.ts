import type { Finding } from '../../src/core/findings.js';

export interface FileUnderFix {
  path: string;
  text: string;
}

const KEY_VALUE = /^([A-Za-z0-9_-]+): (.*)$/;

/**
 * Applies a finding's fix the way a contributor reads it, when the fix is concrete: a line written
 * out, an indentation, a `key: value` for the finding's line, a new name or folder. Undefined when
 * the fix asks for a decision only a person can make (upload the file elsewhere, pick a dataset).
 */
export function applyFix(file: FileUnderFix, finding: Finding): FileUnderFix | undefined {
  const fix = finding.fix ?? '';
  const lines = file.text.split('\n');
  const index = (finding.line ?? 0) - 1;
  const lineText = lines[index];

  const moved = /^(?:Rename the file to|Move the file to) `([^`]+)`/.exec(fix)?.[1];
  if (moved) {
    const path = moved.includes('/')
      ? moved
      : `${file.path.slice(0, file.path.lastIndexOf('/') + 1)}${moved}`;
    return { path, text: file.text };
  }
  if (lineText === undefined) return undefined;
  const written = /^Write the line as `(.*)`\.$/.exec(fix)?.[1];
  if (written !== undefined) {
    lines[index] = written;
    return { path: file.path, text: lines.join('\n') };
  }
  const indent = /^Indent line \d+ with (\d+) plain spaces?/.exec(fix)?.[1];
  if (indent !== undefined) {
    lines[index] = `${' '.repeat(Number(indent))}${lineText.replace(/^[ \t\u3000\u00a0]+/, '')}`;
    return { path: file.path, text: lines.join('\n') };
  }
  // A `key: value` for the key on the finding's line: the line keeps its indentation and `- `.
  const lineKey = /^([ \t]*(?:-[ \t]+)?)([A-Za-z0-9_-]+):/.exec(lineText);
  for (const span of fix.matchAll(/`([^`]+)`/g)) {
    const pair = KEY_VALUE.exec(span[1] ?? '');
    // A placeholder (`<https://...>`, `...`) is for a person to fill in, not a fix to apply.
    if (!pair || !lineKey || pair[1] !== lineKey[2] || (pair[2] ?? '').includes('...')) continue;
    lines[index] = `${lineKey[1]}${pair[1]}: ${pair[2]}`;
    return { path: file.path, text: lines.join('\n') };
  }
  return undefined;
}
