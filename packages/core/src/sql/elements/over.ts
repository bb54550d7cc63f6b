import { ArgumentError } from "../../errors.js";
import type { SQLCompiler } from "../compiler/sql-compiler.js";
import type { CacheKeyContext } from "../element.js";
import type { FromClause } from "../selectable/from-clause.js";
import { IntegerType } from "../types/index.js";
import type { TypeEngine } from "../types/type-engine.js";
import { mergeFroms } from "./binary.js";
import { BindParameter } from "./bind-parameter.js";
import { ColumnElement } from "./column-element.js";
import { registerElement } from "./registry.js";

const INTEGER = new IntegerType();

/**
 * One end of a window frame: `null` is UNBOUNDED, `0` the CURRENT ROW, a negative
 * number that many rows (or range units) PRECEDING, a positive one FOLLOWING.
 */
export type FrameBound = number | null;

/** The window of a window function, as SQLAlchemy's `over()` arguments. */
export interface WindowSpec {
  readonly partitionBy?: ColumnElement<unknown> | readonly ColumnElement<unknown>[];
  readonly orderBy?: ColumnElement<unknown> | readonly ColumnElement<unknown>[];
  /** `ROWS BETWEEN <start> AND <end>`. */
  readonly rows?: readonly [FrameBound, FrameBound];
  /** `RANGE BETWEEN <start> AND <end>`. */
  readonly range?: readonly [FrameBound, FrameBound];
}

/** One end of a frame as rendered: `UNBOUNDED`, `CURRENT ROW`, or an offset bound as a parameter. */
export type FrameEnd =
  | { readonly kind: "UNBOUNDED" | "CURRENT ROW" }
  | { readonly kind: "PRECEDING" | "FOLLOWING"; readonly offset: BindParameter<number> };

/** A window frame clause: `ROWS BETWEEN :param_1 PRECEDING AND CURRENT ROW`. */
export interface FrameClause {
  readonly kind: "ROWS" | "RANGE";
  readonly start: FrameEnd;
  readonly end: FrameEnd;
}

function frameEnd(bound: FrameBound): FrameEnd {
  if (bound === null) return { kind: "UNBOUNDED" };
  if (bound === 0) return { kind: "CURRENT ROW" };
  // The offset is a bound value, as in SQLAlchemy: `ROWS BETWEEN :param_1 PRECEDING ...`.
  const offset = new BindParameter<number>("param", Math.abs(bound), INTEGER, true);
  return { kind: bound < 0 ? "PRECEDING" : "FOLLOWING", offset };
}

function asList(value: ColumnElement<unknown> | readonly ColumnElement<unknown>[] | undefined): readonly ColumnElement<unknown>[] {
  if (value === undefined) return [];
  return value instanceof ColumnElement ? [value] : value;
}

function frameOf(spec: WindowSpec): FrameClause | null {
  if (spec.rows !== undefined && spec.range !== undefined) {
    throw new ArgumentError("over(): give either rows or range, not both.");
  }
  const bounds = spec.rows ?? spec.range;
  if (bounds === undefined) return null;
  for (const bound of bounds) {
    if (bound !== null && !Number.isSafeInteger(bound)) {
      throw new ArgumentError(`over(): a frame bound is null (UNBOUNDED) or an integer (0 = CURRENT ROW); got ${String(bound)}.`);
    }
  }
  return { kind: spec.rows !== undefined ? "ROWS" : "RANGE", start: frameEnd(bounds[0]), end: frameEnd(bounds[1]) };
}

/** `fn(...) OVER (PARTITION BY ... ORDER BY ... ROWS ...)`, as SQLAlchemy's Over. */
export class Over<T = unknown> extends ColumnElement<T> {
  readonly partitionBy: readonly ColumnElement<unknown>[];
  readonly orderBy: readonly ColumnElement<unknown>[];
  readonly frame: FrameClause | null;

  constructor(
    readonly element: ColumnElement<T>,
    spec: WindowSpec,
  ) {
    super();
    this.partitionBy = asList(spec.partitionBy);
    this.orderBy = asList(spec.orderBy);
    this.frame = frameOf(spec);
  }

  get type(): TypeEngine<unknown> {
    return this.element.type;
  }

  override fromObjects(): readonly FromClause[] {
    let froms = this.element.fromObjects();
    for (const c of [...this.partitionBy, ...this.orderBy]) froms = mergeFroms(froms, c.fromObjects());
    return froms;
  }

  genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += "over(";
    this.element.genCacheKey(ctx);
    ctx.key += " partition ";
    for (const c of this.partitionBy) {
      c.genCacheKey(ctx);
      ctx.key += ",";
    }
    ctx.key += " order ";
    for (const c of this.orderBy) {
      c.genCacheKey(ctx);
      ctx.key += ",";
    }
    if (this.frame !== null) {
      ctx.key += ` ${this.frame.kind}`;
      for (const end of [this.frame.start, this.frame.end]) {
        ctx.key += ` ${end.kind}`;
        if ("offset" in end) end.offset.genCacheKey(ctx);
      }
    }
    ctx.key += ")";
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitOver(this as Over);
  }
}

registerElement("Over", Over);
