/**
 * An UPDATE executed with many parameter sets whose WHERE names one row by its
 * primary key (`UPDATE t SET a=:a WHERE t.id = :id`, what an ORM flush and most
 * bulk updates run) can update a page of rows in one statement, joined to the
 * page's values:
 *
 * ```
 * UPDATE t SET a=_v.p0 FROM (VALUES ($1::VARCHAR, $2::INTEGER), ($3::VARCHAR, $4::INTEGER)) AS _v (p0, p1) WHERE t.id = _v.p1
 * ```
 *
 * Each placeholder of the one-row statement becomes a column of the values, in the
 * same order, so a page binds its parameter sets one after the other. With distinct
 * keys each set still changes at most its own row, so the result (rows changed,
 * rowcount) is that of running the sets one by one; the engine checks the keys are
 * distinct before it batches (engine/keyed-update-batches.ts). A dialect opts in with
 * the compiler hook `keyedUpdates` and arranges the statement in `keyedUpdateSql`
 * (core's default is the form above); one that does not runs the sets one by one.
 */
import { BinaryExpression } from "../elements/binary.js";
import { BindParameter } from "../elements/bind-parameter.js";
import { BooleanClauseList } from "../elements/boolean-clause-list.js";
import type { ColumnElement } from "../elements/column-element.js";
import { operators } from "../elements/operators.js";
import { ColumnImpl, type AnyColumn } from "../schema/column.js";
import type { Update } from "../dml/update.js";
import type { CrudColumn } from "./crud.js";
import type { SQLCompiler } from "./sql-compiler.js";

/** The pieces of a batched UPDATE, for the dialect's `keyedUpdateSql` to arrange. */
export interface KeyedUpdateParts {
  /** The target table as the statement names it. */
  readonly table: string;
  /** `a=_v.p0, b=_v.p1`. */
  readonly set: string;
  /** `t.id = _v.p2`. */
  readonly where: string;
  /** The values' alias, quoted (`_v`). */
  readonly alias: string;
  /** The values' column names (`p0`, `p1`, ...), quoted, one per placeholder of a row. */
  readonly columns: readonly string[];
  /** The target table's column each of those is assigned to or compared with, quoted (`a`, `id`). */
  readonly targets: readonly string[];
  /** Each row's placeholders, already cast where the dialect casts them. */
  readonly rows: readonly (readonly string[])[];
}

/** One placeholder of the one-row statement: its bind, and the column it is assigned to or (a key) compared with. */
export interface KeyedSlot {
  readonly bind: BindParameter<unknown>;
  readonly column: AnyColumn;
  readonly key: boolean;
}

/**
 * The WHERE's `column = :param` terms when the statement can be batched by key: every
 * SET value is a parameter, the WHERE is an AND of equalities, one per primary key
 * column, each between the column and a parameter, and nothing is returned. Null otherwise.
 */
export function keyedUpdateKeys(compiler: SQLCompiler, stmt: Update, crud: readonly CrudColumn[]): KeyedSlot[] | null {
  if (!compiler.keyedUpdates || stmt.returningColumns.length > 0 || stmt.whereClause === null) return null;
  if (!crud.every((c) => c.value instanceof BindParameter && !c.value.expanding)) return null;
  const where = stmt.whereClause;
  const terms: readonly ColumnElement<unknown>[] = where instanceof BooleanClauseList && where.operator === operators.and ? where.clauses : [where];
  const pk = stmt.table.primaryKey.columns;
  const keys: KeyedSlot[] = [];
  for (const term of terms) {
    if (!(term instanceof BinaryExpression) || term.operator !== operators.eq) return null;
    const [column, bind] = term.left instanceof BindParameter ? [term.right, term.left] : [term.left, term.right];
    if (!(column instanceof ColumnImpl) || !(bind instanceof BindParameter) || bind.expanding) return null;
    const key = column as AnyColumn;
    if (!pk.includes(key) || keys.some((k) => k.column === key)) return null;
    keys.push({ bind, column: key, key: true });
  }
  return keys.length === pk.length && pk.length > 0 ? keys : null;
}

/** The batched statement for `rows` parameter sets; it binds each set's placeholders in the one-row order. */
export function compileKeyedUpdate(compiler: SQLCompiler, stmt: Update, crud: readonly CrudColumn[], keys: readonly KeyedSlot[], rows: number): string {
  const slots: KeyedSlot[] = [...crud.map((c) => ({ bind: c.value as BindParameter<unknown>, column: c.column, key: false })), ...keys];
  const alias = compiler.quote("_v");
  const columns = slots.map((_, i) => compiler.quote(`p${i}`));
  const targets = slots.map((slot) => compiler.quote(slot.column.name));
  const set = crud.map((c, i) => `${targets[i] as string}=${alias}.${columns[i] as string}`).join(", ");
  const where = keys
    .map((k, i) => `${compiler.process(k.column)} = ${alias}.${columns[crud.length + i] as string}`)
    .join(" AND ");
  const valueRows: string[][] = [];
  for (let r = 0; r < rows; r++) valueRows.push(slots.map((slot) => compiler.keyedUpdateValue(compiler.process(slot.bind), slot.column.type, slot.key)));
  return compiler.keyedUpdateSql({ table: compiler.process(stmt.table), set, where, alias, columns, targets, rows: valueRows });
}
