/**
 * @alkahest/mysql: importing it registers the `mysql` and `mariadb` dialects (driver
 * `mysql2`, also the default for `mysql://` and `mariadb://` URLs).
 */
import { registerDialect } from "@alkahest/core/dialect";
import { MySQLDialect } from "./dialect.js";

registerDialect("mysql", "mysql2", (url) => MySQLDialect.fromURL("mysql", url));
registerDialect("mariadb", "mysql2", (url) => MySQLDialect.fromURL("mariadb", url));

export { MySQLDialect, capabilitiesFor, parseServerVersion, type MySQLFlavour, type ServerVersion } from "./dialect.js";
export type { ServerFeatures } from "./server-version.js";
export type { DialectURLOptions } from "./options.js";
export { MySQLDriverConnection } from "./connection.js";
export { MySQLCompiler } from "./statement-compiler.js";
export { MySQLDDLCompiler } from "./ddl-compiler.js";
export type { MySQLTableOptions } from "./table-options.js";
export { MySQLTypeCompiler } from "./type-compiler.js";
export { insert, Insert } from "./insert.js";
