import { INSPECT, type Fetcher } from "./result-fetching.js";

let create: <V>(fetcher: Fetcher<V>) => ScalarResult<V>;

/** @internal How a Result makes its `scalars()` view; the constructor stays private. */
export function scalarResultOf<V>(fetcher: Fetcher<V>): ScalarResult<V> {
  return create(fetcher);
}

/**
 * The values of one column of a result, from {@link Result.scalars}. Shares the
 * result's cursor. There is no `fetchOne()`: null could be a value or the end.
 *
 * @example
 * const ids: number[] = result.scalars().all();
 */
export class ScalarResult<T> implements Iterable<T>, AsyncIterable<T> {
  #values!: Fetcher<T>;

  private constructor() {}

  static {
    create = <V>(fetcher: Fetcher<V>): ScalarResult<V> => {
      const result = new ScalarResult<V>();
      result.#values = fetcher;
      return result;
    };
  }

  get closed(): boolean {
    return this.#values.cursor.closed;
  }

  all(): T[] {
    return this.#values.all();
  }

  fetchAll(): T[] {
    return this.#values.all();
  }

  fetchMany(size = 1): T[] {
    return this.#values.many(size);
  }

  /** The first value, or null when there is no row; closes the result. */
  first(): T | null {
    return this.#values.first();
  }

  one(): T {
    return this.#values.only(true) as T;
  }

  oneOrNone(): T | null {
    return this.#values.only(false);
  }

  close(): void {
    this.#values.cursor.close();
  }

  [Symbol.iterator](): IterableIterator<T> {
    return this.#values.iterate();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this.#values.iterateAsync();
  }

  toString(): string {
    return this.#values.describe("ScalarResult", null);
  }

  [INSPECT](): string {
    return this.toString();
  }
}
