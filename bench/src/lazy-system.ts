/**
 * A BenchSystem whose implementation is built in setup(), after the per-database
 * modules are imported: a system file can then serve every database without loading
 * the other databases' drivers (which would count in its RSS).
 */
import type { BenchSystem } from "./system.js";

export type WorkloadMethod = Exclude<keyof BenchSystem, "setup" | "teardown">;

export function lazySystem(methods: readonly WorkloadMethod[], create: () => Promise<BenchSystem>): BenchSystem {
  let inner: BenchSystem | undefined;
  const current = (): BenchSystem => {
    if (inner === undefined) throw new Error("setup() was not called");
    return inner;
  };
  const system: BenchSystem = {
    async setup() {
      inner = await create();
      await inner.setup();
    },
    async teardown() {
      await inner?.teardown();
    },
  };
  const has = new Set(methods);
  if (has.has("fixtureSql")) system.fixtureSql = (sql, params) => current().fixtureSql!(sql, params);
  if (has.has("bulkInsertReturning")) system.bulkInsertReturning = (users) => current().bulkInsertReturning!(users);
  if (has.has("shortSelectsPrepared")) system.shortSelectsPrepared = (ids) => current().shortSelectsPrepared!(ids);
  if (has.has("shortSelectsRebuilt")) system.shortSelectsRebuilt = (ids) => current().shortSelectsRebuilt!(ids);
  if (has.has("largeResultset")) system.largeResultset = () => current().largeResultset!();
  if (has.has("largeResultsetStreamed")) system.largeResultsetStreamed = () => current().largeResultsetStreamed!();
  if (has.has("executemanyUpdate")) system.executemanyUpdate = (updates) => current().executemanyUpdate!(updates);
  if (has.has("compileOnly")) system.compileOnly = (times) => current().compileOnly!(times);
  return system;
}
