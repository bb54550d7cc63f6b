import type { FunctionElement } from "../elements/function.js";
import type { FrameEnd, Over } from "../elements/over.js";
import type { SQLCompiler } from "./sql-compiler.js";

const LEGAL_NAME = /^[a-z0-9_$]+$/i;

/**
 * `name(arg, ...)`: the name as written (quoted only when it has characters a name
 * cannot have, as SQLAlchemy does), ANSI functions bare (`CURRENT_TIMESTAMP`), and a
 * dialect's own rendering first (`renderFunction`, e.g. SQLite's `now()`).
 */
export function compileFunction(compiler: SQLCompiler, fn: FunctionElement): string {
  const own = compiler.renderFunction(fn);
  if (own !== null) return own;
  if (fn.ansiName !== null && fn.args.length === 0) return fn.ansiName;
  const name = LEGAL_NAME.test(fn.name) ? fn.name : compiler.dialect.identifierPreparer.quoteAlways(fn.name);
  return `${name}${functionArguments(compiler, fn)}`;
}

/** `(arg, ...)`. */
export function functionArguments(compiler: SQLCompiler, fn: FunctionElement): string {
  return `(${fn.args.map((a) => compiler.process(a)).join(", ")})`;
}

function frameEnd(compiler: SQLCompiler, end: FrameEnd, side: "start" | "end"): string {
  if ("offset" in end) return `${compiler.process(end.offset)} ${end.kind}`;
  if (end.kind === "CURRENT ROW") return end.kind;
  return side === "start" ? "UNBOUNDED PRECEDING" : "UNBOUNDED FOLLOWING";
}

/** `fn() OVER (PARTITION BY ... ORDER BY ... ROWS BETWEEN ... AND ...)`. */
export function compileOver(compiler: SQLCompiler, over: Over): string {
  const parts: string[] = [];
  if (over.partitionBy.length > 0) parts.push(`PARTITION BY ${over.partitionBy.map((c) => compiler.process(c)).join(", ")}`);
  if (over.orderBy.length > 0) parts.push(`ORDER BY ${over.orderBy.map((c) => compiler.process(c)).join(", ")}`);
  if (over.frame !== null) {
    const { kind, start, end } = over.frame;
    parts.push(`${kind} BETWEEN ${frameEnd(compiler, start, "start")} AND ${frameEnd(compiler, end, "end")}`);
  }
  return `${compiler.process(over.element)} OVER (${parts.join(" ")})`;
}
