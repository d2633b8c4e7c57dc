let beforeRow = new Uint16Array(64);
let previousRow = new Uint16Array(64);
let currentRow = new Uint16Array(64);

/**
 * Edit distance counting a swap of two neighbouring letters as one edit (`mnsit` is one from `mnist`,
 * the commonest typing slip), bounded: returns `limit + 1` as soon as the distance is known to exceed it.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (b.length + 1 > previousRow.length) {
    beforeRow = new Uint16Array(b.length + 1);
    previousRow = new Uint16Array(b.length + 1);
    currentRow = new Uint16Array(b.length + 1);
  }
  for (let j = 0; j <= b.length; j++) previousRow[j] = j;
  let previousMinimum = 0;
  for (let i = 1; i <= a.length; i++) {
    currentRow[0] = i;
    let rowMinimum = i;
    const charA = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = charA === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(
        (previousRow[j] as number) + 1,
        (currentRow[j - 1] as number) + 1,
        (previousRow[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && charA === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1))
        value = Math.min(value, (beforeRow[j - 2] as number) + 1);
      currentRow[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    // A swap reaches back two rows: stop only when neither of the last two rows can stay within the limit.
    if (rowMinimum > limit && previousMinimum + 1 > limit) return limit + 1;
    previousMinimum = rowMinimum;
    [beforeRow, previousRow, currentRow] = [previousRow, currentRow, beforeRow];
  }
  return previousRow[b.length] as number;
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[\s_\-.]/g, '');
}

/** Candidates by the length of their normalized spelling, so a lookup reads only near lengths. */
const candidateIndexes = new WeakMap<object, Map<number, Array<[string, string]>>>();

function indexCandidates(candidates: Iterable<string>): Map<number, Array<[string, string]>> {
  const cached = candidateIndexes.get(candidates);
  if (cached) return cached;
  const index = new Map<number, Array<[string, string]>>();
  for (const candidate of candidates) {
    const normalized = normalize(candidate);
    const bucket = index.get(normalized.length) ?? [];
    bucket.push([candidate, normalized]);
    index.set(normalized.length, bucket);
  }
  candidateIndexes.set(candidates, index);
  return index;
}

/** Answers already given, per list: the same misspellings recur across the files of a hub. */
const answers = new WeakMap<object, Map<string, string | undefined>>();
const MAX_ANSWERS_PER_LIST = 1000;
/** A key or value from a pull request can be long: only short ones, the recurring kind, are remembered. */
const MAX_REMEMBERED_LENGTH = 64;

/** The closest known spelling, if one is close enough to be what the contributor meant. */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  let known = answers.get(candidates);
  if (!known) {
    known = new Map();
    answers.set(candidates, known);
  }
  if (known.has(input)) return known.get(input);
  const answer = closestSpelling(input, candidates);
  if (known.size < MAX_ANSWERS_PER_LIST && input.length <= MAX_REMEMBERED_LENGTH) known.set(input, answer);
  return answer;
}

function closestSpelling(input: string, candidates: Iterable<string>): string | undefined {
  const wanted = normalize(input);
  if (wanted === '') return undefined;
  const limit = wanted.length <= 4 ? 1 : 2;
  const index = indexCandidates(candidates);
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (let length = wanted.length - limit; length <= wanted.length + limit; length++) {
    for (const [candidate, normalized] of index.get(length) ?? []) {
      if (candidate === input) continue;
      const distance =
        normalized === wanted ? 0 : editDistance(wanted, normalized, Math.min(limit, bestDistance));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
  }
  return bestDistance <= limit ? best : undefined;
}
