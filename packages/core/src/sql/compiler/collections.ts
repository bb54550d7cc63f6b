/**
 * PostgreSQL's ARRAY and JSON operators, in SQLAlchemy's layout:
 *
 * ```
 * t.tags @> $1            t.tags <@ $1            t.tags && $1
 * $1 = ANY (t.tags)       $1 = ALL (t.tags)       t.tags[$1]       t.grid[$1][$2]
 * t.doc -> $1             t.doc ->> $1            t.doc -> CAST($1 AS INTEGER)
 * ```
 *
 * Core renders them only for display (`String(stmt)`); a compiler whose database has
 * them overrides `visitArrayBinary` / `visitJsonBinary` with `renderArrayBinary` /
 * `renderJsonBinary`. Elsewhere they are a CompileError that names the way out.
 */
import { CompileError } from "../../errors.js";
import type { BinaryExpression } from "../elements/binary.js";
import { operators } from "../elements/operators.js";
import { genericBinary } from "./binary.js";
import type { SQLCompiler } from "./sql-compiler.js";

/** An identifier chain (`t.tags`, `"T"."tags"`), which takes a subscript without parentheses. */
const IDENTIFIER_CHAIN = /^(?:"(?:[^"]|"")*"|[\w$]+)(?:\.(?:"(?:[^"]|"")*"|[\w$]+))*$/;

/** Core's hook: the array operators for display, a CompileError when executed. */
export function compileArrayBinary(compiler: SQLCompiler, binary: BinaryExpression): string {
  if (!compiler.displayOnly) {
    throw new CompileError(
      `The ARRAY operator ${describe(binary)} is PostgreSQL SQL, and this database has no arrays; ` +
        `store the list in a JSON column and query it with the database's JSON functions (func.json_extract, func.json_contains, ...).`,
    );
  }
  return renderArrayBinary(compiler, binary);
}

/** Core's hook: the JSON operators for display, a CompileError when executed. */
export function compileJsonBinary(compiler: SQLCompiler, binary: BinaryExpression): string {
  if (!compiler.displayOnly) {
    throw new CompileError(
      `The JSON operator ${describe(binary)} is PostgreSQL SQL; on this database call its JSON functions instead, ` +
        `e.g. func.json_extract(doc, "$.key") (MySQL, MariaDB, SQLite).`,
    );
  }
  return renderJsonBinary(compiler, binary);
}

/** `a @> b`, `a <@ b`, `a && b`, `b = ANY (a)`, `b = ALL (a)`, `a[b]`. */
export function renderArrayBinary(compiler: SQLCompiler, binary: BinaryExpression): string {
  const { left, operator, right } = binary;
  switch (operator) {
    case operators.arrayAny:
    case operators.arrayAll:
      return `${compiler.processAgainst(right, operators.eq)} = ${operator.sql} (${compiler.process(left)})`;
    case operators.arrayIndex: {
      // A subscript binds to a column or another subscript; anything else needs parentheses.
      const array = compiler.process(left);
      const bare = IDENTIFIER_CHAIN.test(array) || (left as { operator?: unknown }).operator === operators.arrayIndex;
      return `${bare ? array : `(${array})`}[${compiler.process(right)}]`;
    }
    default:
      return genericBinary(compiler, binary, operator.sql);
  }
}

/** `a -> b`, `a ->> b` (an integer index cast, as a parameter would be read as an object key), `a @> b`, `a <@ b`. */
export function renderJsonBinary(compiler: SQLCompiler, binary: BinaryExpression): string {
  const { left, operator, right } = binary;
  if (operator !== operators.jsonGet && operator !== operators.jsonGetText) return genericBinary(compiler, binary, operator.sql);
  const key = compiler.process(right);
  const typedKey = right.type.visitName === "integer" ? `CAST(${key} AS INTEGER)` : key;
  return `${compiler.processAgainst(left, operator)} ${operator.sql} ${typedKey}`;
}

function describe(binary: BinaryExpression): string {
  switch (binary.operator) {
    case operators.arrayAny:
      return "any() (= ANY)";
    case operators.arrayAll:
      return "all() (= ALL)";
    case operators.arrayIndex:
      return "item() (a[i])";
    default:
      return binary.operator.sql;
  }
}
