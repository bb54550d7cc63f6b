import { Alias } from "../selectable/alias.js";
import type { ColumnProxy } from "../selectable/column-proxy.js";
import { CTE } from "../selectable/cte.js";
import type { Exists } from "../selectable/exists.js";
import { Join } from "../selectable/join.js";
import type { NamedFromClause } from "../selectable/named-from-clause.js";
import type { ScalarSelect } from "../selectable/scalar-select.js";
import type { SelectBase } from "../selectable/select-base.js";
import { Subquery } from "../selectable/subquery.js";
import { columnNameText } from "./select.js";
import { scopeOf } from "./select-scope.js";
import type { SQLCompiler } from "./sql-compiler.js";

/** The SQL name of an alias, subquery or CTE: given, or numbered (`anon_1`, `user_account_1`). */
export function fromName(compiler: SQLCompiler, from: NamedFromClause): string {
  const identity = from instanceof CTE ? from.root : from;
  return identity.name ?? compiler.anonymousName(identity, identity.anonymousBase);
}

/** `left JOIN right ON ...`; a join on the right is parenthesized, as SQLAlchemy groups it. */
export function compileJoin(compiler: SQLCompiler, join: Join): string {
  const keyword = join.full ? " FULL OUTER JOIN " : join.isouter ? " LEFT OUTER JOIN " : " JOIN ";
  const right = join.right instanceof Join ? `(${join.right.fromDispatch(compiler)})` : join.right.fromDispatch(compiler);
  return `${join.left.fromDispatch(compiler)}${keyword}${right} ON ${compiler.process(join.onclause)}`;
}

/** In a FROM list: `user_account AS u`, `(SELECT ...) AS anon_1`, or a CTE's name. */
export function compileAliasedFrom(compiler: SQLCompiler, from: NamedFromClause): string {
  const name = compiler.quote(fromName(compiler, from));
  if (from instanceof CTE) {
    registerCTE(compiler, from, name);
    return name;
  }
  if (from instanceof Subquery) {
    const inner = scopeOf(compiler).asFromItem(() => compiler.process(from.element));
    return `(${inner})${compiler.aliasSuffix(name)}`;
  }
  if (from instanceof Alias) return `${from.element.fromDispatch(compiler)}${compiler.aliasSuffix(name)}`;
  return compiler.process(from);
}

/** An alias printed on its own shows what it aliases, as SQLAlchemy does (`print(subquery)`). */
export function compileAliasedElement(compiler: SQLCompiler, from: NamedFromClause): string {
  return compiler.process(from.element);
}

/**
 * Compiles a CTE's body once, as `name AS \n(SELECT ...)` (`name(a, b)` when recursive),
 * for the WITH clause the outermost SELECT renders; its placeholders move with it.
 */
function registerCTE(compiler: SQLCompiler, cte: CTE, name: string): void {
  const scope = scopeOf(compiler);
  const root = cte.root;
  if (scope.ctes.has(root)) return;
  // Registered before compiling its body, so the body's references to it render the name only.
  scope.ctes.set(root, null);
  let columns = "";
  if (cte.recursive) {
    const names = (cte.element as SelectBase).selectedColumnNames.map((c) => compiler.quote(columnNameText(compiler, c.name)));
    columns = `(${names.join(", ")})`;
  }
  const start = compiler.placeholders.length;
  const body = scope.asFromItem(() => compiler.process(cte.element));
  const placeholders = compiler.placeholders.splice(start);
  scope.ctes.set(root, { text: `${name}${columns} AS \n(${body})`, placeholders, recursive: cte.recursive });
}

/** `anon_1.name`: a column of an alias, subquery or CTE. */
export function compileColumnProxy(compiler: SQLCompiler, column: ColumnProxy): string {
  const table = compiler.quote(fromName(compiler, column.parent));
  return `${table}.${compiler.quote(columnNameText(compiler, column.columnName))}`;
}

/** `(SELECT ...)`, correlated to the enclosing SELECT. */
export function compileScalarSelect(compiler: SQLCompiler, scalar: ScalarSelect): string {
  return `(${compiler.process(scalar.element)})`;
}

/** `EXISTS (SELECT ...)`. */
export function compileExists(compiler: SQLCompiler, exists: Exists): string {
  return `EXISTS (${compiler.process(exists.element)})`;
}
