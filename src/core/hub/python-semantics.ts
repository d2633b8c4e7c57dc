/** The few pieces of Python's standard library whose verdicts on a URL decide whether the hub accepts it. */

const PYTHON_SPACE = '\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const STRIP = new RegExp(`^[${PYTHON_SPACE}]+|[${PYTHON_SPACE}]+$`, 'gu');

/** Python's `str.strip()`: its whitespace, not JavaScript's. */
export function pythonStrip(text: string): string {
  // Nearly every value starts and ends with a printable ASCII character: nothing to strip.
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  if (first > 32 && first < 127 && last > 32 && last < 127) return text;
  return text.replace(STRIP, '');
}

/**
 * Whether `urllib.request.Request(url)` accepts the text: after `unwrap()` (spaces, one `<...>`, a
 * `URL:` prefix) and cutting at the last `#`, it must start with a scheme (`[^/:]+:`), else Python
 * raises "unknown url type".
 */
export function requestAccepts(url: string): boolean {
  let unwrapped = pythonStrip(url);
  if (unwrapped.startsWith('<') && unwrapped.endsWith('>')) unwrapped = pythonStrip(unwrapped.slice(1, -1));
  if (unwrapped.startsWith('URL:')) unwrapped = pythonStrip(unwrapped.slice(4));
  const hash = unwrapped.lastIndexOf('#');
  const path = hash === -1 ? unwrapped : unwrapped.slice(0, hash);
  return /^[^/:]+:/.test(path);
}

const SCHEME = /https?:\/\//;
const PREFIX = /http[s]?:\/\/(?:[-\p{L}\p{N}_.]|(?:%[\p{Nd}a-fA-F]{2}))+/gu;
/** The same for ASCII text, where Python's `\w` and `\d` are JavaScript's. */
const PREFIX_ASCII = /http[s]?:\/\/(?:[-\w.]|(?:%[\da-fA-F]{2}))+/g;
const ASCII = /^[\x00-\x7f]*$/;

/** How many matches Python's `re.findall` finds for a pattern that never matches empty, and the first. */
function countMatches(pattern: RegExp, text: string): { count: number; first?: string } {
  pattern.lastIndex = 0;
  const first = pattern.exec(text);
  if (!first) return { count: 0 };
  let count = 1;
  while (pattern.exec(text)) count++;
  return { count, first: first[0] };
}

/**
 * How many matches `re.findall(".*http[s]?://(.*).com.*", url)` finds: one per line (`.` stops at
 * `\n`, and the first `.*` takes the line from its start) that holds `http://` or `https://` with
 * `com` after it, one character or more past the `//`. Counted without the pattern, which
 * backtracks over each line twice.
 */
function webNameMatches(url: string): number {
  let count = 0;
  for (const line of url.includes('\n') ? url.split('\n') : [url]) {
    const scheme = SCHEME.exec(line);
    if (scheme && line.indexOf('com', scheme.index + scheme[0].length + 1) !== -1) count++;
  }
  return count;
}

/**
 * How many parts Python's `text.split('/', 4)` gives (at most five), and the third: without the
 * array of parts.
 */
function splitParts(text: string): { count: number; third: string | undefined } {
  let count = 1;
  let at = -1;
  let thirdStart = -1;
  let thirdEnd = -1;
  while (count < 5) {
    const slash = text.indexOf('/', at + 1);
    if (slash === -1) break;
    count++;
    if (count === 3) thirdStart = slash + 1;
    if (count === 4) thirdEnd = slash;
    at = slash;
  }
  return {
    count,
    third: thirdStart === -1 ? undefined : text.slice(thirdStart, thirdEnd === -1 ? text.length : thirdEnd),
  };
}

/** Python's `text.strip('<>')`. */
export function stripAngles(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && (text[start] === '<' || text[start] === '>')) start++;
  while (end > start && (text[end - 1] === '<' || text[end - 1] === '>')) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/**
 * `mindspore_hub/_utils/download.py`'s `get_repo_info_from_url`, which check.py runs on
 * `repo-link` after every other check: the problem it raises, or undefined when it accepts the link.
 */
export function getRepoInfoFromUrl(link: string): string | undefined {
  const unwrapped = stripAngles(link);
  let end = unwrapped.length;
  while (end > 0 && unwrapped[end - 1] === '/') end--;
  const url = end === unwrapped.length ? unwrapped : unwrapped.slice(0, end);
  const invalid = () => `invalid repo link: ${url}`;
  let suffix = plainSuffix(url);
  if (suffix === undefined) {
    if (webNameMatches(url) !== 1) return invalid();
    const ascii = ASCII.test(url);
    const prefix = countMatches(ascii ? PREFIX_ASCII : PREFIX, url);
    if (prefix.count !== 1) return invalid();
    // Python cuts the prefix's length in code points off the start, wherever the prefix was found.
    const cut = (prefix.first as string).length;
    suffix = ascii
      ? url.slice(cut)
      : Array.from(url)
          .slice(Array.from(prefix.first as string).length)
          .join('');
  }
  let slashes = 0;
  while (suffix[slashes] === '/') slashes++;
  if (slashes > 0) suffix = suffix.slice(slashes);
  const parts = splitParts(suffix);
  if (parts.count === 2) return undefined;
  if (parts.count === 4 || parts.count === 5)
    return parts.third === 'tree' || parts.third === 'blob' ? undefined : invalid();
  return invalid();
}

/**
 * What follows the prefix of a link as nearly every one is written (one line of ASCII, starting
 * with `http://` or `https://`, with `com` after it, and no second `http` to match the prefix
 * pattern again): the two patterns' verdicts without running them. Undefined for anything else,
 * which takes the patterns' way.
 */
function plainSuffix(url: string): string | undefined {
  const schemeEnd = url.startsWith('https://') ? 8 : url.startsWith('http://') ? 7 : 0;
  if (schemeEnd === 0 || url.includes('\n') || !ASCII.test(url)) return undefined;
  if (url.indexOf('com', schemeEnd + 1) === -1) return undefined;
  let at = schemeEnd;
  for (;;) {
    const code = url.charCodeAt(at);
    if (PREFIX_CHAR[code] === 1) at++;
    else if (code === PERCENT && HEX_DIGIT.test(url.slice(at + 1, at + 3))) at += 3;
    else break;
  }
  if (at === schemeEnd || url.indexOf('http', at) !== -1) return undefined;
  return url.slice(at);
}
const PERCENT = 37;
const HEX_DIGIT = /^[0-9a-fA-F]{2}$/;
/** `[-\w.]` for ASCII: 1 for the characters of a link's prefix. */
const PREFIX_CHAR = new Uint8Array(128);
for (const char of '-._0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ')
  PREFIX_CHAR[char.charCodeAt(0)] = 1;
