/** Which database a run targets, and where it is. */

export const DB_NAMES = ["sqlite", "pg", "mysql"] as const;
export type DbName = (typeof DB_NAMES)[number];

/** The database the benchmark creates on each server and drops when it ends. */
export const BENCH_DATABASE = "alkahest_bench";

const DEFAULT_URLS = {
  pg: "postgresql://postgres@127.0.0.1:5432/test",
  mysql: "mysql://root@127.0.0.1:3306/test",
} as const;

export interface ServerAddress {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly database: string;
}

export type DbTarget =
  | { readonly name: "sqlite"; /** ":memory:" */ readonly file: string; readonly alkahestUrl: string }
  | { readonly name: "pg" | "mysql"; readonly server: ServerAddress; readonly alkahestUrl: string };

/** The server URL from the environment (ALKAHEST_PG_URL, ALKAHEST_MARIADB_URL), or the local default. */
export function serverUrl(db: "pg" | "mysql"): string {
  const fromEnv = db === "pg" ? process.env.ALKAHEST_PG_URL : process.env.ALKAHEST_MARIADB_URL;
  return fromEnv !== undefined && fromEnv !== "" ? fromEnv : DEFAULT_URLS[db];
}

/** The address in a server URL, with its own database (the one to connect to for CREATE DATABASE). */
export function parseServerUrl(url: string, defaultPort: number): ServerAddress {
  const parsed = new URL(url.replace(/^[a-z0-9]+(\+[a-z0-9._-]+)?:\/\//i, "db://"));
  return {
    host: parsed.hostname,
    port: parsed.port === "" ? defaultPort : Number(parsed.port),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)),
  };
}

export function sqliteTarget(file: string): DbTarget {
  return { name: "sqlite", file, alkahestUrl: `sqlite+better-sqlite3:///${file}` };
}

/** The bench database on the server the environment names. */
export function serverTarget(db: "pg" | "mysql"): DbTarget {
  const admin = parseServerUrl(serverUrl(db), db === "pg" ? 5432 : 3306);
  const server: ServerAddress = { ...admin, database: BENCH_DATABASE };
  const auth = `${encodeURIComponent(server.user)}${server.password === "" ? "" : `:${encodeURIComponent(server.password)}`}`;
  const scheme = db === "pg" ? "postgresql" : "mysql";
  return { name: db, server, alkahestUrl: `${scheme}://${auth}@${server.host}:${server.port}/${BENCH_DATABASE}` };
}
