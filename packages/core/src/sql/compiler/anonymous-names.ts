/** The names one key was given: under its first base, and under any other. */
interface KeyNames {
  readonly base: string;
  readonly name: string;
  others: Map<string, string> | null;
}

/**
 * The anonymous names of one statement being compiled (`name_1`, `count_2`, `anon_1`):
 * numbered per base, the same each time for the same key and base. Most keys only ever
 * get one base, so that one is kept without a Map of its own.
 */
export class AnonymousNames {
  private readonly byKey = new Map<object, KeyNames>();
  private readonly counters = new Map<string, number>();

  name(key: object, base: string): string {
    const names = this.byKey.get(key);
    if (names === undefined) {
      const name = this.next(base);
      this.byKey.set(key, { base, name, others: null });
      return name;
    }
    if (names.base === base) return names.name;
    names.others ??= new Map();
    let name = names.others.get(base);
    if (name === undefined) names.others.set(base, (name = this.next(base)));
    return name;
  }

  private next(base: string): string {
    const n = (this.counters.get(base) ?? 0) + 1;
    this.counters.set(base, n);
    return `${base}_${n}`;
  }
}
