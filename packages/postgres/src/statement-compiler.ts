import {
  renderArrayBinary,
  renderDistinctOn,
  renderJsonBinary,
  SQLCompiler,
  type BinaryExpression,
  type KeyedUpdateParts,
  type Select,
  type SelectBase,
  type Sequence,
  type TypeEngine,
  type UpsertSyntax,
} from "@alkahest/core/dialect";
import type { PostgresTypeCompiler } from "./type-compiler.js";

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

  /** `UPDATE t SET ... FROM (VALUES ...) AS _v (p0, ...) WHERE ...`, core's default form. */
  override readonly keyedUpdates: boolean = true;

  /** A parameter in VALUES has no type but text: cast to the column's type, without length so it never truncates. */
  override keyedUpdateValue(placeholder: string, type: TypeEngine<unknown>): string {
    return `${placeholder}::${(this.dialect.typeCompiler as PostgresTypeCompiler).castTypeName(type)}`;
  }

  /** `DISTINCT ON (expr, ...) ` for `distinct(expr, ...)`. */
  override distinctClause(select: Select): string {
    return select.isDistinct && select.distinctOnClauses.length > 0 ? renderDistinctOn(this, select) : super.distinctClause(select);
  }

  /** Array operators: `a @> $1`, `a <@ $1`, `a && $1`, `$1 = ANY (a)`, `a[$1]`. */
  override visitArrayBinary(binary: BinaryExpression): string {
    return renderArrayBinary(this, binary);
  }

  /** JSON operators: `a -> $1`, `a ->> $1`, and JSONB's `a @> $1`, `a <@ $1`. */
  override visitJsonBinary(binary: BinaryExpression): string {
    return renderJsonBinary(this, binary);
  }

  /** Native `ILIKE` / `NOT ILIKE`, where core's default lowers both sides. */
  override visitIlikeBinary(binary: BinaryExpression): string {
    const { left, operator, right } = binary;
    const escape = binary.modifiers.escape;
    const suffix = escape === undefined ? "" : ` ESCAPE ${this.renderLiteralString(escape)}`;
    return `${this.processAgainst(left, operator)} ${operator.sql} ${this.processAgainst(right, operator)}${suffix}`;
  }

  /** `nextval('s')`: the sequence's name, quoted as an identifier where needed, as a string literal. */
  override renderNextValue(sequence: Sequence): string {
    return `nextval(${this.renderLiteralString(this.formatSequence(sequence))})`;
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
