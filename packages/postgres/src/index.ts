/**
 * @alkahest/postgres: importing it registers the `postgresql` dialect (driver `pg`,
 * also the default for `postgresql://` URLs).
 */
import { registerDialect } from "@alkahest/core/dialect";
import { PostgresDialect, postgresDialectOptions } from "./dialect.js";

// Each engine gets its own dialect, configured by its URL (`?int8=string`).
registerDialect("postgresql", "pg", (url) => new PostgresDialect(postgresDialectOptions(url)));

export { PostgresDialect, postgresClientConfig, postgresDialectOptions, type PostgresDialectOptions } from "./dialect.js";
export { PostgresDriverConnection } from "./connection.js";
export { ConnectionLostError } from "./errors.js";
export { PostgresCompiler } from "./statement-compiler.js";
export { PostgresDDLCompiler } from "./ddl-compiler.js";
export { PostgresTypeCompiler } from "./type-compiler.js";
export { CreateEnumType, DropEnumType } from "./enum-ddl.js";
export type { Int8Mode } from "./types.js";
export { JSONB, JSONBType } from "./jsonb.js";
export { insert, Insert } from "./insert.js";
