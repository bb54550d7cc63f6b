import { ArgumentError } from "../../errors.js";
import type { CreateDropOptions, DDLBind } from "../ddl/schema-ddl-request.js";
import { identityToken } from "../element.js";
import { NextValue } from "../elements/next-value.js";
import { callable } from "./callable.js";
import { ColumnArgument, type AnyColumn } from "./column.js";
import { MetaData } from "./metadata.js";

/** A sequence's numbers and where it lives, as SQLAlchemy's Sequence takes them. */
export interface SequenceOptions {
  /** `START WITH n`; the database's default (1 going up) when not given. */
  readonly start?: number | bigint;
  /** `INCREMENT BY n`; negative counts down. */
  readonly increment?: number | bigint;
  /** `MINVALUE n`. */
  readonly minValue?: number | bigint;
  /** `MAXVALUE n`. */
  readonly maxValue?: number | bigint;
  /** `CYCLE` (start again past the end) or `NO CYCLE`. */
  readonly cycle?: boolean;
  /** `CACHE n`: values handed out ahead per session. */
  readonly cache?: number | bigint;
  /** The schema it lives in; the MetaData's schema when not given. */
  readonly schema?: string;
  /**
   * The MetaData it belongs to: `createAll` creates it (before the tables) and
   * `dropAll` drops it (after them) even when no column uses it. A Sequence given to
   * a Column joins its table's MetaData by itself.
   */
  readonly metadata?: MetaData;
}

/** The numeric options, in the order CREATE SEQUENCE writes them. */
const NUMBER_OPTIONS = ["increment", "start", "minValue", "maxValue", "cache"] as const;

/**
 * A database sequence, as SQLAlchemy's Sequence: a standalone schema object, or a
 * Column argument that makes the column's INSERT value the sequence's next value on
 * databases with sequences (PostgreSQL, MariaDB 10.3+). Where there are none (SQLite,
 * MySQL) a Column's Sequence is ignored, as SQLAlchemy ignores it, and the column stays
 * autoincrement.
 */
export class SequenceImpl extends ColumnArgument {
  /** Marks a Column argument as a Sequence without an import cycle (column.ts reads it). */
  readonly isSequence = true;
  /** This sequence in cache keys. */
  readonly identity = identityToken("s");
  private owner: MetaData | null = null;
  private readonly usedBy = new Set<AnyColumn>();

  constructor(
    readonly name: string,
    readonly options: SequenceOptions = {},
  ) {
    super();
    if (typeof name !== "string" || name === "") {
      throw new ArgumentError(`Sequence() needs a name as its first argument, e.g. Sequence("user_id_seq").`);
    }
    for (const key of NUMBER_OPTIONS) {
      const value = options[key];
      if (value !== undefined && !(typeof value === "bigint" || Number.isSafeInteger(value))) {
        throw new ArgumentError(`Sequence('${name}'): ${key} must be an integer (a number or a bigint); got ${String(value)}.`);
      }
    }
    if (options.increment !== undefined && BigInt(options.increment) === 0n) {
      throw new ArgumentError(`Sequence('${name}'): increment can't be 0; give a positive step, or a negative one to count down.`);
    }
    if (options.metadata !== undefined) this.attachToMetadata(options.metadata);
  }

  /** The schema it is created in: its own, else its MetaData's, else null (the connection's default). */
  get schema(): string | null {
    return this.options.schema ?? this.owner?.options.schema ?? null;
  }

  /** `schema.name`, or the name. */
  get fullname(): string {
    const schema = this.schema;
    return schema === null ? this.name : `${schema}.${this.name}`;
  }

  /** The MetaData that creates and drops it: the one given, or its column's table's. */
  get metadata(): MetaData | null {
    return this.owner;
  }

  /** The columns whose INSERT value it gives; empty for a standalone sequence. */
  get columns(): ReadonlySet<AnyColumn> {
    return this.usedBy;
  }

  /**
   * The sequence's next value as a SQL expression, usable in a SELECT or as a value:
   * `nextval('s')` on PostgreSQL, `NEXT VALUE FOR s` on MariaDB. On a database
   * without sequences compiling it is a CompileError.
   *
   * @example
   * const id = await conn.scalar(select(seq.nextValue()));
   * await conn.execute(insert(users).values({ id: seq.nextValue(), name: "x" }));
   */
  nextValue(): NextValue {
    return new NextValue(this);
  }

  attachToColumn(column: AnyColumn): void {
    this.usedBy.add(column);
  }

  /** Joins a MetaData, so that `createAll`/`dropAll` create and drop it. */
  attachToMetadata(metadata: MetaData): void {
    if (this.owner === metadata) return;
    if (this.owner !== null) {
      throw new ArgumentError(
        `Sequence('${this.name}') already belongs to another MetaData; a Sequence is created by one MetaData only.`,
      );
    }
    // Its full name takes the MetaData's schema, so the owner is set before it is keyed.
    this.owner = metadata;
    try {
      metadata.addSequence(this);
    } catch (error) {
      this.owner = null;
      throw error;
    }
  }

  /**
   * CREATE SEQUENCE on an Engine or Connection, as SQLAlchemy's `Sequence.create`;
   * with `checkfirst` (true by default, as there) an existing sequence is skipped. On a
   * database without sequences nothing is emitted.
   *
   * @example
   * await Sequence("order_no").create(engine);
   */
  async create(bind: DDLBind, options: Pick<CreateDropOptions, "checkfirst"> = {}): Promise<void> {
    await this.runDDL(bind, "create", options.checkfirst ?? true);
  }

  /** DROP SEQUENCE, as SQLAlchemy's `Sequence.drop`; with `checkfirst` (default true) only if it exists. */
  async drop(bind: DDLBind, options: Pick<CreateDropOptions, "checkfirst"> = {}): Promise<void> {
    await this.runDDL(bind, "drop", options.checkfirst ?? true);
  }

  private async runDDL(bind: DDLBind, operation: "create" | "drop", checkfirst: boolean): Promise<void> {
    await bind.runSchemaDDL({ operation, metadata: this.owner ?? MetaData(), tables: [], sequences: [this], checkfirst });
  }

  /** SQLAlchemy's repr: `Sequence('user_id_seq', start=1)`. */
  repr(): string {
    const parts = [`'${this.name}'`];
    for (const key of NUMBER_OPTIONS) {
      const value = this.options[key];
      if (value !== undefined) parts.push(`${key}=${String(value)}`);
    }
    if (this.options.cycle !== undefined) parts.push(`cycle=${this.options.cycle ? "True" : "False"}`);
    if (this.schema !== null) parts.push(`schema='${this.schema}'`);
    return `Sequence(${parts.join(", ")})`;
  }

  override toString(): string {
    return this.repr();
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.repr();
  }
}

export type Sequence = SequenceImpl;

/**
 * A database sequence, as SQLAlchemy's `Sequence(name, start=..., increment=...)`.
 * Given to a Column, it numbers the column's rows on databases with sequences (and
 * is ignored elsewhere); `createAll` creates it before the table and `dropAll` drops
 * it after. Standalone, give it a MetaData, or call `create()`.
 *
 * @example
 * const users = Table("users", metadata,
 *   Column("id", Integer, Sequence("user_id_seq", { start: 100 }), { primaryKey: true }),
 *   Column("name", String(30)));
 * // PostgreSQL: CREATE SEQUENCE user_id_seq START WITH 100
 * //             INSERT INTO users (id, name) VALUES (nextval('user_id_seq'), $1) RETURNING users.id
 * const orderNo = Sequence("order_no", { metadata });
 * const next = await conn.scalar(select(orderNo.nextValue()));
 */
export const Sequence = callable(SequenceImpl, (name: string, options?: SequenceOptions) => new SequenceImpl(name, options));
