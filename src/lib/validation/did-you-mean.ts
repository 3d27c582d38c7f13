/**
 * "Did you mean `summary`?" suggestions for misspelt field, component and diagram names.
 *
 * Hand-written on purpose: a 15-line Levenshtein distance over a handful of short names
 * does not justify a dependency.
 */

export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j]!;
      prev[j] = Math.min(above + 1, prev[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length]!;
}

/**
 * The closest candidate to `input`, if it is close enough to be a plausible typo: at most a
 * third of the longer name's length (case differences count as half).
 */
export function closestMatch(input: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const caseless = editDistance(input.toLowerCase(), candidate.toLowerCase());
    const score = caseless + (editDistance(input, candidate) - caseless) / 2;
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(input.length, best.length) / 3));
  return bestScore <= limit && bestScore > 0 ? best : undefined;
}
