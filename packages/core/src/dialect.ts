/**
 * @alkahest/core/dialect: everything a dialect package needs, and nothing else.
 * A dialect imports only this entry point.
 */
export * from "./errors.js";
export { Dialect, type DialectCapabilities, type ErrorContext, type PoolPlan } from "./engine/dialect.js";
export type { DriverConnection, DriverResult } from "./engine/driver.js";
export type { PoolOptions } from "./engine/pool.js";
export { registerDialect, type DialectFactory } from "./engine/registry.js";
export type { URL } from "./engine/url.js";
export { SQLCompiler, type CompileOptions, type CompilerDialect, type ParamStyle } from "./sql/compiler/sql-compiler.js";
export { IdentifierPreparer, ANSI_RESERVED_WORDS } from "./sql/compiler/identifier-preparer.js";
export type { Compiled } from "./sql/compiled.js";
export type { Processor, TypeProcessors, TypeVisitName } from "./sql/types/index.js";
