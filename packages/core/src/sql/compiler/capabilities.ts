import type { CompilerDialect } from "./sql-compiler.js";

/** The capability flags the compilers read (see engine/dialect.ts DialectCapabilities). */
type CompilerCapability = "alterConstraints" | "sequences" | "comments";

interface WithCapabilities {
  readonly name?: string;
  readonly capabilities?: Partial<Readonly<Record<CompilerCapability, boolean>>>;
}

/**
 * Whether the dialect has a capability. The default string dialect has no capabilities
 * and prints every construct, as SQLAlchemy's StrCompileDialect does: true there.
 */
export function dialectSupports(dialect: CompilerDialect, capability: CompilerCapability): boolean {
  const capabilities = (dialect as WithCapabilities).capabilities;
  return capabilities === undefined || capabilities[capability] === true;
}

/** The dialect's name for messages: `the sqlite dialect`. */
export function dialectLabel(dialect: CompilerDialect): string {
  const name = (dialect as WithCapabilities).name;
  return name === undefined ? "this dialect" : `the ${name} dialect`;
}
