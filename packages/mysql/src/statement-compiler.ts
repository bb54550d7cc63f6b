import {
  SQLCompiler,
  type BinaryExpression,
  type Cast,
  type KeyedUpdateParts,
  type Operator,
  type SelectBase,
  type TypeEngine,
  type UpsertSyntax,
} from "@alkahest/core/dialect";
import type { ServerFeatures } from "./server-version.js";
import type { MySQLTypeCompiler } from "./type-compiler.js";

/** MySQL's largest LIMIT: OFFSET without LIMIT is written with it, as the server's manual says. */
const NO_LIMIT = "18446744073709551615";

const INTEGER_TYPES: ReadonlySet<string> = new Set(["integer", "small_integer", "big_integer"]);

/**
 * MySQL's and MariaDB's statement compiler: core's, with their forms where they differ,
 * as SQLAlchemy's MySQLCompiler.
 *
 * @example
 * select(users.c.name.concat("!")).limit(10).offset(20)
 * // SELECT concat(user_account.name, ?) AS anon_1 FROM user_account LIMIT ?, ?
 */
export class MySQLCompiler extends SQLCompiler {
  /** `INSERT INTO t () VALUES ()`: MySQL has no DEFAULT VALUES. */
  override readonly emptyInsertClause: string = "() VALUES ()";

  /**
   * A page of UPDATEs by primary key as a multi-table UPDATE joined to a derived table
   * of the values, its first row naming the columns (MySQL has no `AS v (a, b)` before
   * 8.0.19, MariaDB none at all):
   * `UPDATE t, (SELECT ? AS p0, ? AS p1 UNION ALL VALUES (?, ?), (?, ?)) AS _v SET a=_v.p0 WHERE t.id = _v.p1`
   * (MySQL 8.0.19+: `VALUES ROW(?, ?), ROW(?, ?)`; older servers: `UNION ALL SELECT ?, ?`).
   */
  override readonly keyedUpdates: boolean = true;

  override keyedUpdateSql(parts: KeyedUpdateParts): string {
    const [first = [], ...rest] = parts.rows;
    const head = `SELECT ${first.map((value, i) => `${value} AS ${parts.columns[i] as string}`).join(", ")}`;
    // The other rows as a table value constructor where the server has one (parsed far
    // faster than a SELECT per row), else as SELECTs.
    const valuesRows = (this.dialect as { readonly features?: ServerFeatures }).features?.valuesRows ?? null;
    let derived = head;
    if (rest.length > 0 && valuesRows === null) {
      derived += rest.map((row) => ` UNION ALL SELECT ${row.join(", ")}`).join("");
    } else if (rest.length > 0) {
      const row = valuesRows === "VALUES ROW" ? "ROW" : "";
      derived += ` UNION ALL VALUES ${rest.map((values) => `${row}(${values.join(", ")})`).join(", ")}`;
    }
    return `UPDATE ${parts.table}, (${derived}) AS ${parts.alias} SET ${parts.set} WHERE ${parts.where}`;
  }

  /**
   * An integer key is cast to an integer: mysql2 sends numbers as DOUBLE, and the join
   * should compare integers. Other values stay as sent, so a CAST never truncates one.
   */
  override keyedUpdateValue(placeholder: string, type: TypeEngine<unknown>, key: boolean): string {
    return key && INTEGER_TYPES.has(type.visitName) ? `CAST(${placeholder} AS SIGNED INTEGER)` : placeholder;
  }
  override readonly upsertSyntax: readonly UpsertSyntax[] = ["onDuplicateKeyUpdate"];

  /** The row alias form on MySQL 8.0.20+, as the server's version tells (VALUES() until the first connect). */
  override get upsertRowAlias(): boolean {
    return (this.dialect as { readonly features?: ServerFeatures }).features?.upsertRowAlias === true;
  }

  /** `||` is OR in MySQL's default sql_mode: concatenation is the concat() function. */
  override renderConcat(left: string, right: string): string {
    return `concat(${left}, ${right})`;
  }

  /** `/` divides exactly (integers give a decimal), so true division needs no CAST. */
  override get divisionFloors(): boolean {
    return false;
  }

  /** `a DIV b` for integers, else `FLOOR(a / b)`, as SQLAlchemy's MySQL floor division. */
  override visitFloordivBinary(binary: BinaryExpression): string {
    const { left, operator, right } = binary;
    const integers = INTEGER_TYPES.has(left.type.visitName) && INTEGER_TYPES.has(right.type.visitName);
    const l = this.processAgainst(left, operator);
    const r = this.processAgainst(right, operator);
    return integers ? `${l} DIV ${r}` : `FLOOR(${l} / ${r})`;
  }

  /**
   * CAST takes only some type names on MySQL (`SIGNED INTEGER`, `CHAR(n)`, `DECIMAL`, ...);
   * to a type it cannot cast to, the expression is left as it is, as SQLAlchemy does.
   */
  override visitCast(cast: Cast): string {
    const type = (this.dialect.typeCompiler as MySQLTypeCompiler).castTypeName(cast.type);
    if (type === null) return this.process(cast.element);
    return `CAST(${this.process(cast.element)} AS ${type})`;
  }

  /** SQLAlchemy's MySQL empty set: a derived table with no rows. */
  override emptySetExpression(_operator: Operator): string {
    return "SELECT _in_0 FROM (SELECT 1 AS _in_0) AS _empty_set WHERE 1!=1";
  }

  /**
   * MySQL's `LIMIT offset, count`, as SQLAlchemy writes it; OFFSET alone takes MySQL's
   * largest count. Both values are bound (mysql2 writes numbers into the SQL text).
   */
  override limitClause(select: SelectBase): string {
    const { limitClause: limit, offsetClause: offset } = select;
    if (offset !== null) {
      // Placeholders are numbered in the order they are compiled: the offset comes first.
      const start = this.process(offset);
      return ` \n LIMIT ${start}, ${limit === null ? NO_LIMIT : this.process(limit)}`;
    }
    return limit === null ? "" : ` \n LIMIT ${this.process(limit)}`;
  }
}
