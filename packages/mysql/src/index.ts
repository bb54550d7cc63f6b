/**
 * @alkahest/mysql: importing it registers the `mysql` and `mariadb` dialects (driver
 * `mysql2`, also the default for `mysql://` and `mariadb://` URLs).
 */
import { registerDialect } from "@alkahest/core/dialect";
import { MySQLDialect } from "./dialect.js";

registerDialect("mysql", "mysql2", () => new MySQLDialect("mysql"));
registerDialect("mariadb", "mysql2", () => new MySQLDialect("mariadb"));

export {
  MySQLDialect,
  capabilitiesFor,
  parseServerVersion,
  type MySQLFlavour,
  type ServerVersion,
} from "./dialect.js";
export { MySQLDriverConnection } from "./connection.js";
