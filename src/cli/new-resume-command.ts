import { isAbsolute, relative, sep } from 'node:path';
import type { NewOptions } from './new-command.js';

/** The flags `new` takes, in the order a person reads them, with the default each may be left at. */
const FLAGS: ReadonlyArray<[keyof NewOptions, string, unknown?]> = [
  ['hub', '--hub'],
  ['modelName', '--model-name'],
  ['backboneName', '--backbone-name'],
  ['moduleType', '--module-type'],
  ['mindsporeVersion', '--mindspore-version'],
  ['userId', '--user-id'],
  ['publisher', '--publisher'],
  ['author', '--author'],
  ['repoLink', '--repo-link'],
  ['dataset', '--dataset'],
  ['evaluation', '--evaluation'],
  ['modelVersion', '--model-version', '1.0'],
  ['usedFor', '--used-for', 'inference'],
  ['backend', '--backend', 'ascend'],
  ['license', '--license', 'Apache2.0'],
  ['summary', '--summary'],
  ['summaryZh', '--summary-zh'],
  ['lang', '--lang'],
];

/** Characters a POSIX shell, PowerShell and cmd.exe all take literally outside quotes. */
const PLAIN = /^[^\s'"$`\\!*?[\](){}<>|&;#~,@%^]+$/u;
/**
 * What double quotes keep literal in all three shells: a Windows path's backslashes too, unless one
 * comes before what a POSIX shell would let it escape.
 */
const DOUBLE_QUOTABLE = /^(?:[^"$`\\!%]|\\(?![\\$`"]|$))*$/u;

/** A word every shell a contributor may use reads back as written (double quotes where possible). */
export function shellWord(value: string): string {
  if (PLAIN.test(value)) return value;
  if (DOUBLE_QUOTABLE.test(value)) return `"${value}"`;
  return `'${value.replaceAll("'", `'"'"'`)}'`;
}

/**
 * The command that runs `new` again with every answer given so far, so that stopping (Ctrl+C, a
 * file that cannot be written) loses nothing: run it, change the answer the message named, and `new`
 * asks only for what is still missing.
 */
export function resumeCommand(invokedAs: string, answered: NewOptions): string {
  const words = [invokedAs, 'new'];
  for (const [key, flag, fallback] of FLAGS) {
    const value = answered[key];
    if (typeof value !== 'string' || value.trim() === '' || value === fallback) continue;
    words.push(flag, shellWord(value));
  }
  const links = [...(answered.assetLink ?? [])];
  for (const asset of answered.asset ?? []) {
    words.push('--asset', shellWord(asset));
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(asset) && links.length > 0)
      words.push('--asset-link', shellWord(links.shift() as string));
  }
  if (!answered.fineTunable) words.push('--no-fine-tunable');
  if (answered.cn) words.push('--cn');
  if (answered.dryRun) words.push('--dry-run');
  return words.join(' ');
}

/**
 * How the person started this program, as a command they can type again: an installed package by
 * its name (`npx` finds it, locally or globally), a downloaded or checked-out script through node.
 */
export function commandName(script: string | undefined, cwd: string): string {
  if (script === undefined || script === '') return 'mshub-review';
  if (script.split(/[\\/]/).includes('node_modules')) return 'npx mshub-review';
  const path = isAbsolute(script) && !relative(cwd, script).startsWith('..') ? relative(cwd, script) : script;
  const shown = path.includes(sep) || path.includes('/') ? path : `.${sep}${path}`;
  if (/\.(?:mjs|cjs|js)$/.test(script)) return `node ${shellWord(shown)}`;
  if (/\.ts$/.test(script)) return `npx tsx ${shellWord(shown)}`;
  return 'mshub-review';
}
