import {
  SQLCompiler,
  type BinaryExpression,
  type Cast,
  type KeyedUpdateParts,
  type Operator,
  type SelectBase,
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
   * of the values (MySQL has no `AS v (a, b)` before 8.0.19, MariaDB none at all). Its
   * first part selects no rows from the target's own columns, so every value takes the
   * type of the column it is for, whatever protocol binds it:
   * `UPDATE t, (SELECT a AS p0, id AS p1 FROM t WHERE 1=0 UNION ALL VALUES (?, ?), (?, ?)) AS _v SET a=_v.p0 WHERE t.id = _v.p1`
   * (MySQL 8.0.19+: `VALUES ROW(?, ?), ...`; servers without VALUES: `UNION ALL SELECT ?, ?` per row).
   */
  override readonly keyedUpdates: boolean = true;

  override keyedUpdateSql(parts: KeyedUpdateParts): string {
    const head = `SELECT ${parts.targets.map((target, i) => `${target} AS ${parts.columns[i] as string}`).join(", ")} FROM ${parts.table} WHERE 1=0`;
    // The rows as a table value constructor where the server has one (parsed far faster than a SELECT per row).
    const valuesRows = (this.dialect as { readonly features?: ServerFeatures }).features?.valuesRows ?? null;
    const rows =
      valuesRows === null
        ? parts.rows.map((row) => ` UNION ALL SELECT ${row.join(", ")}`).join("")
        : ` UNION ALL VALUES ${parts.rows.map((values) => `${valuesRows === "VALUES ROW" ? "ROW" : ""}(${values.join(", ")})`).join(", ")}`;
    return `UPDATE ${parts.table}, (${head}${rows}) AS ${parts.alias} SET ${parts.set} WHERE ${parts.where}`;
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
