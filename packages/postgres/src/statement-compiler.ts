import {
  renderDistinctOn,
  SQLCompiler,
  type BinaryExpression,
  type Select,
  type SelectBase,
  type UpsertSyntax,
} from "@alkahest/core/dialect";

/**
 * PostgreSQL's statement compiler: core's, with PostgreSQL's own forms, as SQLAlchemy's
 * PGCompiler. `$1` placeholders come from the dialect's parameter style; RETURNING
 * names its columns with their table (`RETURNING t.id`), core's default.
 *
 * @example
 * select(users.c.name).where(users.c.name.ilike("sp%")).offset(5)
 * // SELECT user_account.name FROM user_account WHERE user_account.name ILIKE $1 LIMIT ALL OFFSET $2
 */
export class PostgresCompiler extends SQLCompiler {
  /** `ON CONFLICT (cols) DO ...` and `ON CONFLICT ON CONSTRAINT name DO ...`. */
  override readonly upsertSyntax: readonly UpsertSyntax[] = ["onConflict", "onConflictOnConstraint"];

  /** `DISTINCT ON (expr, ...) ` for `distinct(expr, ...)`. */
  override distinctClause(select: Select): string {
    return select.isDistinct && select.distinctOnClauses.length > 0 ? renderDistinctOn(this, select) : super.distinctClause(select);
  }

  /** Native `ILIKE` / `NOT ILIKE`, where core's default lowers both sides. */
  override visitIlikeBinary(binary: BinaryExpression): string {
    const { left, operator, right } = binary;
    const escape = binary.modifiers.escape;
    const suffix = escape === undefined ? "" : ` ESCAPE ${this.renderLiteralString(escape)}`;
    return `${this.processAgainst(left, operator)} ${operator.sql} ${this.processAgainst(right, operator)}${suffix}`;
  }

  /** `LIMIT ALL OFFSET n` when only OFFSET is given: PostgreSQL has no `LIMIT -1`. */
  override limitClause(select: SelectBase): string {
    let sql = "";
    if (select.limitClause !== null) sql += `\n LIMIT ${this.process(select.limitClause)}`;
    if (select.offsetClause !== null) {
      if (select.limitClause === null) sql += "\n LIMIT ALL";
      sql += ` OFFSET ${this.process(select.offsetClause)}`;
    }
    return sql;
  }
}
