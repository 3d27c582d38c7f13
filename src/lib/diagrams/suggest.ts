/**
 * "Did you mean ...?" for misspelt diagram names.
 *
 * Hand-written Levenshtein distance: a dozen lines for lists of a few dozen names is less
 * than a dependency.
 */

export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** The closest name, if it is close enough to be a plausible typo (or a prefix/suffix match). */
export function closestName(wanted: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of names) {
    const d = name.includes(wanted) || wanted.includes(name) ? 1 : editDistance(wanted, name);
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(wanted.length / 3)) ? best : undefined;
}

/** ` Available: a, b, c. Did you mean "b"?` */
export function availableNamesHint(wanted: string, names: readonly string[]): string {
  if (names.length === 0) return 'a file in diagrams/ (there are none yet)';
  const guess = closestName(wanted, names);
  return `one of: ${names.join(', ')}${guess ? ` (did you mean "${guess}"?)` : ''}`;
}
