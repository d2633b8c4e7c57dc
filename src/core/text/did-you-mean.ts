/** Edit distance, bounded: returns `limit + 1` as soon as the distance is known to exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[\s_\-.]/g, '');
}

const normalizedLists = new WeakMap<object, Array<[string, string]>>();

function normalizedCandidates(candidates: Iterable<string>): Array<[string, string]> {
  const cached = normalizedLists.get(candidates);
  if (cached) return cached;
  const list = [...candidates].map((candidate): [string, string] => [candidate, normalize(candidate)]);
  normalizedLists.set(candidates, list);
  return list;
}

/** The closest known spelling, if one is close enough to be what the contributor meant. */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const wanted = normalize(input);
  if (wanted === '') return undefined;
  const limit = wanted.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const [candidate, normalized] of normalizedCandidates(candidates)) {
    if (candidate === input) continue;
    const distance = normalized === wanted ? 0 : editDistance(wanted, normalized, limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      if (distance === 0) break;
    }
  }
  return best;
}
