import { closingParenthesis, sqlTokens, stripOuterParentheses, type ReflectedCheckConstraint } from "@alkahest/core/dialect";

/**
 * Reading a CREATE TABLE's text back, as SQLAlchemy's SQLite dialect does for what the
 * PRAGMAs do not tell: constraint names, and CHECK constraints.
 */

/** An identifier in a CREATE TABLE's text: bare, "quoted", `quoted` or [quoted]. */
const IDENT = String.raw`(?:"(?:[^"]|"")+"|\x60(?:[^\x60]|\x60\x60)+\x60|\[[^\]]+\]|[\w$]+)`;

/** SQLite takes [name] as a quoted name, after SQL Server. */
const SQLITE_TOKENS = { bracketNames: true } as const;

/** `CONSTRAINT name <kind> (a, b)` clauses of a CREATE TABLE: name by column list (see `columnsKey`). */
export function constraintNames(sql: string, kind: string): Map<string, string> {
  const pattern = new RegExp(String.raw`CONSTRAINT\s+(${IDENT})\s+${kind}\s*\(([^)]*)\)`, "gi");
  const names = new Map<string, string>();
  for (const match of sql.matchAll(pattern)) {
    const columns = (match[2] as string).split(",").map((c) => unquote(c.trim()));
    names.set(columnsKey(columns), unquote(match[1] as string));
  }
  return names;
}

/** The name of `CONSTRAINT name PRIMARY KEY`, or null. */
export function primaryKeyName(sql: string): string | null {
  const named = new RegExp(String.raw`CONSTRAINT\s+(${IDENT})\s+PRIMARY\s+KEY`, "i").exec(sql);
  return named ? unquote(named[1] as string) : null;
}

/** A column list as a map key, case-insensitive as SQLite's names are. */
export function columnsKey(columns: readonly string[]): string {
  return columns.map((c) => c.toLowerCase()).join("\u0000");
}

/**
 * Every CHECK of a CREATE TABLE, table constraints and column constraints alike, in
 * the order written: the condition without the parentheses around it, and the name of
 * a `CONSTRAINT name CHECK (...)` (null without one). Parentheses and keywords inside
 * strings, quoted names and comments are not mistaken for the constraint's own.
 *
 * @example
 * checkConstraints("CREATE TABLE t (x INT CHECK (x > 0), CONSTRAINT ck_t CHECK (x <> ')'))");
 * // [{ name: null, sqltext: "x > 0" }, { name: "ck_t", sqltext: "x <> ')'" }]
 */
export function checkConstraints(sql: string): ReflectedCheckConstraint[] {
  const tokens = sqlTokens(sql, SQLITE_TOKENS);
  const found: ReflectedCheckConstraint[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i + 1];
    const token = tokens[i];
    if (token?.kind !== "word" || token.text.toUpperCase() !== "CHECK" || open?.kind !== "punct" || open.text !== "(") continue;
    const close = closingParenthesis(tokens, i + 1);
    if (close === -1) break;
    const keyword = tokens[i - 2];
    const name = keyword?.kind === "word" && keyword.text.toUpperCase() === "CONSTRAINT" ? (tokens[i - 1]?.text ?? null) : null;
    const condition = sql.slice(open.end, tokens[close]?.start);
    found.push({ name: name === null ? null : unquote(name), sqltext: stripOuterParentheses(condition, SQLITE_TOKENS) });
    i = close;
  }
  return found;
}

/** A name without its quotes: "a""b", `a`, [a] and 'a' (which SQLite also takes as a name). */
export function unquote(identifier: string): string {
  const first = identifier[0];
  if (first === '"') return identifier.slice(1, -1).replaceAll('""', '"');
  if (first === "`") return identifier.slice(1, -1).replaceAll("``", "`");
  if (first === "'") return identifier.slice(1, -1).replaceAll("''", "'");
  if (first === "[") return identifier.slice(1, -1);
  return identifier;
}
