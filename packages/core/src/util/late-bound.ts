/**
 * A table of values registered after the module that uses them has loaded: how a
 * base class constructs its own subclasses without importing them (which would be an
 * import cycle: the subclass module must load after the base class's).
 *
 * @example
 * const classes = lateBound<{ Join: typeof Join }>();
 * classes.register("Join", Join); // in join.ts
 * new (classes.get("Join"))(...); // in the base class, at run time
 */
export function lateBound<T extends object>(): {
  register<K extends keyof T>(name: K, value: T[K]): void;
  get<K extends keyof T>(name: K): T[K];
} {
  const registered: Partial<T> = {};
  return {
    register(name, value) {
      registered[name] = value;
    },
    get(name) {
      const value = registered[name];
      if (value === undefined) throw new Error(`${String(name)} is not loaded: import the SQL layer from "@alkahest/core"`);
      return value as T[typeof name];
    },
  };
}
