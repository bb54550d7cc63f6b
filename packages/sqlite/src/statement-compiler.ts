import { SQLCompiler, type BinaryExpression, type FunctionElement, type SelectBase, type UpsertSyntax } from "@alkahest/core/dialect";

/**
 * SQLite's statement compiler: core's, with SQLite's forms where they differ.
 *
 * @example
 * insert(users).values({ name: "x" }).returning(users.c.id)
 * // INSERT INTO user_account (name) VALUES (?) RETURNING id
 */
export class SQLiteCompiler extends SQLCompiler {
  // RETURNING names its columns bare, as SQLAlchemy's SQLite compiler renders them
  // (older SQLite versions rejected table-qualified names there).
  override readonly returningIncludesTable: boolean = false;
  /** `ON CONFLICT (cols) DO ...`; SQLite has no `ON CONFLICT ON CONSTRAINT name`. */
  override readonly upsertSyntax: readonly UpsertSyntax[] = ["onConflict"];

  // No boolean literals in older SQLite: SQLAlchemy renders true() and false() as 1 and 0.
  override visitTrue(): string {
    return "1";
  }

  override visitFalse(): string {
    return "0";
  }

  /** `a / (b + 0.0)`: SQLite floors integer division, and has no NUMERIC cast that helps. */
  override visitTruedivBinary(binary: BinaryExpression): string {
    return `${this.processAgainst(binary.left, binary.operator)} / (${this.process(binary.right)} + 0.0)`;
  }

  /**
   * `FLOOR(a / b)`: better-sqlite3 binds every JavaScript number as REAL, so `a / ?`
   * would not floor even for integers.
   */
  override visitFloordivBinary(binary: BinaryExpression): string {
    return `FLOOR(${this.processAgainst(binary.left, binary.operator)} / ${this.processAgainst(binary.right, binary.operator)})`;
  }

  /** SQLite spells now() CURRENT_TIMESTAMP and char_length() length(), as SQLAlchemy's compiler does. */
  override renderFunction(fn: FunctionElement): string | null {
    switch (fn.name) {
      case "now":
        return "CURRENT_TIMESTAMP";
      case "localtimestamp":
        return 'DATETIME(CURRENT_TIMESTAMP, "localtime")';
      case "char_length":
        return `length(${fn.args.map((a) => this.process(a)).join(", ")})`;
      default:
        return null;
    }
  }

  /** Old SQLite versions reject `IN (NULL) AND (1 != 1)`; an empty subquery works everywhere. */
  override emptySetExpression(): string {
    return "SELECT 1 FROM (SELECT 1) WHERE 1!=1";
  }

  /**
   * SQLite needs LIMIT before OFFSET and an OFFSET after LIMIT, as SQLAlchemy renders
   * it: `LIMIT ? OFFSET ?` with -1 (no limit) or 0 (no offset) bound for the missing one.
   */
  override limitClause(select: SelectBase): string {
    let sql = "";
    if (select.limitClause !== null) sql += `\n LIMIT ${this.process(select.limitClause)}`;
    if (select.offsetClause !== null) {
      if (select.limitClause === null) sql += `\n LIMIT ${this.bindConstant(-1)}`;
      sql += ` OFFSET ${this.process(select.offsetClause)}`;
    } else {
      sql += ` OFFSET ${this.bindConstant(0)}`;
    }
    return sql;
  }
}
