/**
 * @alkahest/core: the SQL expression language, engine, pool and results.
 * Dialect authors import `@alkahest/core/dialect`; the ORM lives in `@alkahest/core/orm`.
 */
export * from "./errors.js";
export { Connection, type Params, type RowOf } from "./engine/connection.js";
export { createEngine, Engine, type EngineOptions } from "./engine/engine.js";
export type { Logger, EchoFlag } from "./engine/logging.js";
export { Result, ScalarResult, MappingResult } from "./engine/result.js";
export { StreamingResult, StreamingView } from "./engine/streaming-result.js";
export type { StreamOptions } from "./engine/stream-execution.js";
export type { Row } from "./engine/row.js";
export { NestedTransaction, Transaction } from "./engine/transaction.js";
export * from "./engine/reflection/index.js";
export { parseURL, renderURL, type URL } from "./engine/url.js";
export * from "./sql/index.js";
