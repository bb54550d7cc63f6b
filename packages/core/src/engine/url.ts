/**
 * Database URLs in SQLAlchemy's grammar:
 * `dialect[+driver]://[username[:password]@]host[:port][/database][?key=value&...]`.
 * Parsing follows `sqlalchemy.engine.url._parse_url`, except that driver names may hold
 * `-` and `.` as npm package names do (`sqlite+better-sqlite3`).
 */
import { ArgumentError } from "../errors.js";

/** A parsed database URL; every text part is percent-decoded. */
export interface URL {
  /** `dialect` or `dialect+driver`, e.g. `sqlite+better-sqlite3`. */
  readonly drivername: string;
  /** e.g. `sqlite`, `postgresql`, `mysql`. */
  readonly dialect: string;
  /** e.g. `better-sqlite3`; null when the URL names none and the dialect's default applies. */
  readonly driver: string | null;
  readonly username: string | null;
  readonly password: string | null;
  /** Without the brackets of an IPv6 address. */
  readonly host: string | null;
  readonly port: number | null;
  /**
   * The text after the `/` that follows the host: `sqlite:///app.db` gives `app.db`,
   * `sqlite:////abs/app.db` gives `/abs/app.db`. Null without that `/` (`sqlite://`), and
   * `""` for `sqlite:///`; SQLite takes both to mean an in-memory database.
   */
  readonly database: string | null;
  /** Query options; a key given more than once holds all its values in order. */
  readonly query: Readonly<Record<string, string | readonly string[]>>;
}

const EXPECTED =
  "expected dialect[+driver]://user:password@host:port/database, e.g. sqlite+better-sqlite3:///app.db";

const SCHEME = /^([A-Za-z][A-Za-z0-9_]*)(?:\+([A-Za-z0-9][A-Za-z0-9_.-]*))?$/;

// Same parts as SQLAlchemy's pattern; every part is optional, so it matches any text.
const AFTER_SCHEME =
  /^(?:([^:/]*)(?::([^@]*))?@)?(?:\[([^\]/?]*)\]|([^/:?]*))(?::([^/?]*))?(?:\/([^?]*))?(?:\?(.*))?$/s;

/**
 * Parses a database URL. Query values given blank (`?a=`) are dropped, as Python's
 * `parse_qsl` drops them for SQLAlchemy.
 *
 * @throws ArgumentError when the text is not a URL of that form or its port is invalid.
 * @example
 * parseURL("postgresql+pg://scott:tiger@localhost:5432/test?application_name=app");
 * // { dialect: "postgresql", driver: "pg", username: "scott", password: "tiger",
 * //   host: "localhost", port: 5432, database: "test", query: { application_name: "app" }, ... }
 */
export function parseURL(url: string): URL {
  const text = url.trim();
  const fail = (reason: string): ArgumentError =>
    new ArgumentError(`Could not parse SQLAlchemy-style URL from string '${hidePassword(text)}': ${reason}; ${EXPECTED}`);
  if (text === "") throw fail("the string is empty");
  const sep = text.indexOf("://");
  if (sep < 0) throw fail("there is no '://' after the dialect name");
  const drivername = text.slice(0, sep);
  const scheme = SCHEME.exec(drivername);
  if (scheme === null) {
    throw fail(`'${drivername}' is not a dialect[+driver] name (letters, digits, _, and - or . in the driver)`);
  }
  const m = AFTER_SCHEME.exec(text.slice(sep + 3)) as RegExpExecArray;
  const [, username, password, ipv6Host, plainHost, portText, database, queryText] = m;
  if (plainHost !== undefined && (plainHost.includes("[") || plainHost.includes("]"))) {
    throw fail(`the host has an unmatched bracket; write IPv6 addresses as [::1]`);
  }
  // SQLAlchemy would take the text after a second '@' as the host; it is a password's '@'.
  if (plainHost?.includes("@")) throw fail("the host contains '@'; write an '@' in a password as %40");
  let port: number | null = null;
  if (portText !== undefined) {
    if (!/^\d+$/.test(portText)) throw fail(`port '${portText}' is not a number`);
    port = Number(portText);
    if (port < 1 || port > 65535) throw fail(`port ${portText} is out of range 1-65535`);
  }
  return Object.freeze({
    drivername,
    dialect: scheme[1] as string,
    driver: scheme[2] ?? null,
    username: username === undefined ? null : unquote(username),
    password: password === undefined ? null : unquote(password),
    host: ipv6Host || plainHost || null,
    port,
    database: database === undefined ? null : unquote(database),
    query: parseQuery(queryText),
  });
}

/**
 * Renders a URL in the same grammar, percent-encoding as SQLAlchemy does, query keys sorted.
 * The password shows as `***` unless `hidePassword` is false.
 *
 * @example
 * renderURL(parseURL("postgresql+pg://scott:tiger@localhost/test"));
 * // "postgresql+pg://scott:***@localhost/test"
 */
export function renderURL(url: URL, options?: { hidePassword?: boolean }): string {
  let s = url.drivername + "://";
  if (url.username !== null) {
    s += quote(url.username, false);
    if (url.password !== null) {
      s += ":" + (options?.hidePassword === false ? quote(url.password, false) : "***");
    }
    s += "@";
  }
  if (url.host !== null) s += url.host.includes(":") ? `[${url.host}]` : url.host;
  if (url.port !== null) s += ":" + String(url.port);
  if (url.database !== null) s += "/" + quote(url.database, true);
  const keys = Object.keys(url.query).sort();
  if (keys.length > 0) {
    const pairs: string[] = [];
    for (const key of keys) {
      const value = url.query[key] as string | readonly string[];
      for (const v of typeof value === "string" ? [value] : value) pairs.push(`${quotePlus(key)}=${quotePlus(v)}`);
    }
    s += "?" + pairs.join("&");
  }
  return s;
}

function parseQuery(text: string | undefined): Readonly<Record<string, string | readonly string[]>> {
  // No prototype, so a key such as `__proto__` is stored like any other.
  const query: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  if (text !== undefined) {
    for (const pair of text.split("&")) {
      const eq = pair.indexOf("=");
      if (eq < 0 || eq === pair.length - 1) continue;
      const key = unquote(pair.slice(0, eq).replaceAll("+", " "));
      const value = unquote(pair.slice(eq + 1).replaceAll("+", " "));
      const prior = query[key];
      if (prior === undefined) query[key] = value;
      else if (typeof prior === "string") query[key] = [prior, value];
      else prior.push(value);
    }
  }
  for (const value of Object.values(query)) if (typeof value !== "string") Object.freeze(value);
  return Object.freeze(query);
}

const PERCENT_RUN = /(?:%[0-9A-Fa-f]{2})+/g;
const UTF8 = new TextDecoder();

/** Python's `unquote`: runs of %XX decode as UTF-8 (bad bytes become U+FFFD); a stray % stays. */
function unquote(s: string): string {
  if (!s.includes("%")) return s;
  return s.replace(PERCENT_RUN, (run) => {
    const bytes = new Uint8Array(run.length / 3);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(run.slice(i * 3 + 1, i * 3 + 3), 16);
    return UTF8.decode(bytes);
  });
}

/** encodeURIComponent leaves these alone where Python's `quote` encodes them. */
const KEPT_BY_JS = /[!'()*]/g;

function percent(ch: string): string {
  return "%" + ch.charCodeAt(0).toString(16).toUpperCase();
}

/** Python's `quote(s, safe=" +")`, or `safe=" +/"` for the database. */
function quote(s: string, keepSlash: boolean): string {
  const q = encodeURIComponent(s).replace(KEPT_BY_JS, percent).replaceAll("%20", " ").replaceAll("%2B", "+");
  return keepSlash ? q.replaceAll("%2F", "/") : q;
}

/** Python's `quote_plus`. */
function quotePlus(s: string): string {
  return encodeURIComponent(s).replace(KEPT_BY_JS, percent).replaceAll("%20", "+");
}

/**
 * The text with anything between the user name's `:` and the last `@` masked, so an
 * error about a malformed URL never prints its password.
 */
function hidePassword(text: string): string {
  const at = text.lastIndexOf("@");
  if (at < 0) return text;
  const sep = text.indexOf("://");
  const colon = text.indexOf(":", sep >= 0 && sep < at ? sep + 3 : 0);
  if (colon < 0 || colon > at) return text;
  return text.slice(0, colon + 1) + "***" + text.slice(at);
}
