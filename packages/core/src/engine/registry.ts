import { NoSuchModuleError } from "../errors.js";
import type { Dialect } from "./dialect.js";
import type { URL } from "./url.js";

/** Makes the dialect of an engine; the URL lets it read dialect options from its query string. */
export type DialectFactory = (url: URL) => Dialect;

/** dialect name → driver name → factory; the first driver registered is the default. */
const registry = new Map<string, Map<string, DialectFactory>>();

/** The package that registers each dialect Alkahest ships, loaded on first use. */
const knownPackages: Readonly<Record<string, string>> = {
  sqlite: "@alkahest/sqlite",
  postgresql: "@alkahest/postgres",
  mysql: "@alkahest/mysql",
  mariadb: "@alkahest/mysql",
};

/**
 * Makes a dialect available to `createEngine` URLs `name+driver://...` (and `name://...`
 * when it is the first driver registered for `name`). Dialect packages call it on import.
 *
 * @example
 * registerDialect("sqlite", "better-sqlite3", () => new SQLiteDialect());
 */
export function registerDialect(name: string, driver: string, factory: DialectFactory): void {
  let drivers = registry.get(name);
  if (drivers === undefined) registry.set(name, (drivers = new Map()));
  drivers.set(driver, factory);
}

/** Throws at once for a dialect nobody can provide; known-but-unloaded ones load later. */
export function checkDialectName(url: URL): void {
  if (!registry.has(url.dialect) && knownPackages[url.dialect] === undefined) {
    const known = [...new Set([...Object.keys(knownPackages), ...registry.keys()])].join(", ");
    throw new NoSuchModuleError(
      `Can't load plugin: no dialect named '${url.dialect}' (from URL '${url.drivername}://...'). ` +
        `Known dialects: ${known}. A third-party dialect must be imported, which calls registerDialect(), before createEngine().`,
    );
  }
}

/** The registered dialect for a URL, or undefined when its package is not loaded yet. */
export function findDialect(url: URL): Dialect | undefined {
  const drivers = registry.get(url.dialect);
  if (drivers === undefined) return undefined;
  const factory = url.driver === null ? drivers.values().next().value : drivers.get(url.driver);
  if (factory === undefined) {
    throw new NoSuchModuleError(
      `Can't load plugin: dialect '${url.dialect}' has no driver '${url.driver}'. ` +
        `Available: ${[...drivers.keys()].map((d) => `${url.dialect}+${d}://`).join(", ")}.`,
    );
  }
  return factory(url);
}

/** Finds the URL's dialect, importing the package that provides it if needed. */
export async function loadDialect(url: URL): Promise<Dialect> {
  const found = findDialect(url);
  if (found !== undefined) return found;
  const pkg = knownPackages[url.dialect] as string;
  try {
    await import(pkg);
  } catch (error) {
    throw new NoSuchModuleError(
      `Can't load plugin: the '${url.dialect}' dialect needs the package ${pkg}, which could not be imported. ` +
        `Install it with: npm install ${pkg}`,
      { cause: error },
    );
  }
  const loaded = findDialect(url);
  if (loaded === undefined) {
    throw new NoSuchModuleError(`Package ${pkg} was imported but registered no '${url.dialect}' dialect.`);
  }
  return loaded;
}
