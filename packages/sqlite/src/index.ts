/**
 * @alkahest/sqlite: importing it registers the `sqlite` dialect (driver
 * `better-sqlite3`, also the default for `sqlite://` URLs).
 */
import { registerDialect } from "@alkahest/core/dialect";
import { SQLiteDialect } from "./dialect.js";

registerDialect("sqlite", "better-sqlite3", () => new SQLiteDialect());

export { SQLiteDialect } from "./dialect.js";
export { SQLiteDriverConnection } from "./connection.js";
export { insert, Insert } from "./insert.js";
