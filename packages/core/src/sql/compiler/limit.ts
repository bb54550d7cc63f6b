import { BindParameter } from "../elements/bind-parameter.js";
import { typeForValue } from "../elements/literal.js";
import type { SelectBase } from "../selectable/select-base.js";
import type { SQLCompiler } from "./sql-compiler.js";

/** A parameter the compiler adds with its value (not one of the statement's own binds). */
export function bindConstant(compiler: SQLCompiler, value: number | string): string {
  return compiler.process(new BindParameter("param", value, typeForValue(value), true));
}

/**
 * SQLAlchemy's default LIMIT/OFFSET: `\n LIMIT :param_1 OFFSET :param_2`, and
 * `\n LIMIT -1 OFFSET ...` when only OFFSET is given. Both values are bound parameters.
 */
export function limitClause(compiler: SQLCompiler, select: SelectBase): string {
  let sql = "";
  if (select.limitClause !== null) sql += `\n LIMIT ${compiler.process(select.limitClause)}`;
  if (select.offsetClause !== null) {
    if (select.limitClause === null) sql += "\n LIMIT -1";
    sql += ` OFFSET ${compiler.process(select.offsetClause)}`;
  }
  return sql;
}
