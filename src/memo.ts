/** Remembering what a pure function of a string returned, for one called many times with few distinct arguments. */

/**
 * `fn`, remembering its results by argument. The memory is bounded: past `limit` distinct
 * arguments, it starts again.
 *
 * @param fn A pure function of a string.
 * @param limit Most results remembered.
 */
export function memoized<R>(fn: (value: string) => R, limit = 100_000): (value: string) => R {
  const made = new Map<string, R>();
  return (value) => {
    let result = made.get(value);
    if (result === undefined && !made.has(value)) {
      result = fn(value);
      if (made.size >= limit) made.clear();
      made.set(value, result);
    }
    return result as R;
  };
}
