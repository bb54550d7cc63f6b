import { INSPECT, NO_ROW, type Fetcher } from "./result-fetching.js";

let create: <M extends Record<string, unknown>>(
  fetcher: Fetcher<Readonly<M>>,
  keys: readonly string[] | null,
) => MappingResult<M>;

/** @internal How a Result makes its `mappings()` view; the constructor stays private. */
export function mappingResultOf<M extends Record<string, unknown>>(
  fetcher: Fetcher<Readonly<M>>,
  keys: readonly string[] | null,
): MappingResult<M> {
  return create(fetcher, keys);
}

/**
 * The rows of a result as read-only plain objects (`row._mapping`), from
 * {@link Result.mappings}. Shares the result's cursor.
 *
 * @example
 * for (const { x, y } of result.mappings()) console.log(x, y);
 */
export class MappingResult<M extends Record<string, unknown> = Record<string, unknown>>
  implements Iterable<Readonly<M>>, AsyncIterable<Readonly<M>>
{
  #mappings!: Fetcher<Readonly<M>>;
  #keys: readonly string[] | null = null;

  private constructor() {}

  static {
    create = <N extends Record<string, unknown>>(
      fetcher: Fetcher<Readonly<N>>,
      keys: readonly string[] | null,
    ): MappingResult<N> => {
      const result = new MappingResult<N>();
      result.#mappings = fetcher;
      result.#keys = keys;
      return result;
    };
  }

  get closed(): boolean {
    return this.#mappings.cursor.closed;
  }

  keys(): string[] {
    return this.#keys === null ? [] : this.#keys.slice();
  }

  all(): Readonly<M>[] {
    return this.#mappings.all();
  }

  fetchAll(): Readonly<M>[] {
    return this.#mappings.all();
  }

  fetchOne(): Readonly<M> | null {
    const mapping = this.#mappings.next();
    return mapping === NO_ROW ? null : mapping;
  }

  fetchMany(size = 1): Readonly<M>[] {
    return this.#mappings.many(size);
  }

  first(): Readonly<M> | null {
    return this.#mappings.first();
  }

  one(): Readonly<M> {
    return this.#mappings.only(true) as Readonly<M>;
  }

  oneOrNone(): Readonly<M> | null {
    return this.#mappings.only(false);
  }

  close(): void {
    this.#mappings.cursor.close();
  }

  [Symbol.iterator](): IterableIterator<Readonly<M>> {
    return this.#mappings.iterate();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<Readonly<M>> {
    return this.#mappings.iterateAsync();
  }

  toString(): string {
    return this.#mappings.describe("MappingResult", this.#keys);
  }

  [INSPECT](): string {
    return this.toString();
  }
}
