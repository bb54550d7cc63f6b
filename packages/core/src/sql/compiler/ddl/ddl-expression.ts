import { createHash } from "node:crypto";
import { CompileError } from "../../../errors.js";
import type { ClauseElement } from "../../element.js";
import type { BindParameter } from "../../elements/bind-parameter.js";
import type { ColumnImpl } from "../../schema/column.js";
import type { TypeEngine } from "../../types/type-engine.js";
import type { DDLCompiler } from "../ddl-compiler.js";
import type { CompileOptions, CompilerDialect, SQLCompiler } from "../sql-compiler.js";

type StatementCompilerClass = new (dialect: CompilerDialect, options?: CompileOptions) => SQLCompiler;

/** The DDL flavour of each statement compiler class, made once. */
const ddlFlavours = new WeakMap<StatementCompilerClass, StatementCompilerClass>();

/**
 * The dialect's own statement compiler class, changed the two ways SQLAlchemy compiles
 * DDL expressions (`include_table=False, literal_binds=True`): columns are unqualified
 * (a CHECK or an index belongs to one table) and values are rendered inline, since
 * DDL statements take no bound parameters.
 */
function ddlFlavourOf(Base: StatementCompilerClass): StatementCompilerClass {
  let Flavour = ddlFlavours.get(Base);
  if (Flavour === undefined) {
    Flavour = class DDLExpressionCompiler extends Base {
      ddl: DDLCompiler | null = null;

      override visitColumn(column: ColumnImpl<string, unknown, boolean>): string {
        return this.quote(column.name);
      }

      override bindPlaceholder(name: string, _bindIndex: number, bind: BindParameter | null): string {
        if (bind === null || bind.required) {
          throw new CompileError(`DDL takes no bound parameters, but parameter '${name}' has no value; write the value into the expression.`);
        }
        return (this.ddl as DDLCompiler).renderLiteralValue(bind.value, bind.type);
      }
    };
    ddlFlavours.set(Base, Flavour);
  }
  return Flavour;
}

/** An expression inside DDL, compiled by the DDL flavour of the dialect's statement compiler. */
export function compileDDLExpression(ddl: DDLCompiler, element: ClauseElement): string {
  const Flavour = ddlFlavourOf(ddl.sqlCompiler.constructor as StatementCompilerClass);
  const compiler = new Flavour(ddl.dialect) as SQLCompiler & { ddl: DDLCompiler | null };
  compiler.ddl = ddl;
  return compiler.process(element);
}

/**
 * A value as a SQL literal: strings quoted with `'` doubled, finite numbers and bigints
 * as written, booleans as the dialect writes true and false. Anything else (a Date, a
 * Buffer) is a CompileError: write such a value with `text()`.
 */
export function renderLiteralValue(ddl: DDLCompiler, value: unknown, _type: TypeEngine<unknown> | null): string {
  if (value === null || value === undefined) return "NULL";
  switch (typeof value) {
    case "string":
      return `'${value.replaceAll("'", "''")}'`;
    case "bigint":
      return String(value);
    case "number":
      if (Number.isFinite(value)) return String(value);
      break;
    case "boolean":
      return booleanLiteral(ddl, value);
  }
  throw new CompileError(`Can't render ${String(value)} as a literal value in DDL; write it as SQL with text("...").`);
}

/** The statement compiler's `true`/`false` (SQLAlchemy renders `1`/`0` where there is no boolean literal). */
function booleanLiteral(ddl: DDLCompiler, value: boolean): string {
  return value ? ddl.sqlCompiler.visitTrue() : ddl.sqlCompiler.visitFalse();
}

/**
 * A name a naming convention generated, shortened to the database's limit as SQLAlchemy
 * does (`name[0 : max - 8] + "_" + md5(name)[-4:]`), so it stays unique and stable. An
 * explicit name that is too long is an error: the database would reject or cut it.
 */
export function truncateGeneratedName(ddl: DDLCompiler, name: string, generated: boolean): string {
  const max = ddl.maxIdentifierLength;
  if (name.length <= max) return name;
  if (!generated) {
    throw new CompileError(`Identifier '${name}' exceeds the maximum length of ${max} characters; give it a shorter name.`);
  }
  const hash = createHash("md5").update(name).digest("hex");
  return `${name.slice(0, max - 8)}_${hash.slice(-4)}`;
}
