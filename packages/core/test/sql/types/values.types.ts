// Compile-time tests: each type's TypeScript value type (ValueOf), for names used bare
// or called, type classes, TypeDecorators, and the rows of columns of those types.
import { expectTypeOf } from "expect-type";
import * as sa from "../../../src/index.js";
import { TypeDecorator, type Connection, type ValueOf } from "../../../src/index.js";

expectTypeOf<ValueOf<typeof sa.Integer>>().toEqualTypeOf<number>();
expectTypeOf<ValueOf<typeof sa.SmallInteger>>().toEqualTypeOf<number>();
expectTypeOf<ValueOf<typeof sa.BigInteger>>().toEqualTypeOf<bigint>();
expectTypeOf<ValueOf<typeof sa.Float>>().toEqualTypeOf<number>();
expectTypeOf<ValueOf<typeof sa.Numeric>>().toEqualTypeOf<string>();
expectTypeOf<ValueOf<ReturnType<typeof sa.Numeric>>>().toEqualTypeOf<string>();
expectTypeOf(sa.Numeric(10, 2)).toEqualTypeOf<sa.NumericType<string>>();
expectTypeOf(sa.Numeric(10, 2, { asDecimal: false })).toEqualTypeOf<sa.NumericType<number>>();
expectTypeOf(sa.Numeric({ precision: 10, asDecimal: false })).toEqualTypeOf<sa.NumericType<number>>();
expectTypeOf(sa.Numeric({ scale: 2 })).toEqualTypeOf<sa.NumericType<string>>();
expectTypeOf<ValueOf<typeof sa.String>>().toEqualTypeOf<string>();
expectTypeOf<ValueOf<ReturnType<typeof sa.String>>>().toEqualTypeOf<string>();
expectTypeOf<ValueOf<typeof sa.Text>>().toEqualTypeOf<string>();
expectTypeOf<ValueOf<typeof sa.Boolean>>().toEqualTypeOf<boolean>();
expectTypeOf<ValueOf<typeof sa.Date>>().toEqualTypeOf<Date>();
expectTypeOf<ValueOf<typeof sa.DateTime>>().toEqualTypeOf<Date>();
expectTypeOf<ValueOf<typeof sa.Time>>().toEqualTypeOf<string>();
expectTypeOf<ValueOf<typeof sa.Uuid>>().toEqualTypeOf<string>();
expectTypeOf<ValueOf<typeof sa.LargeBinary>>().toEqualTypeOf<Uint8Array>();
expectTypeOf<ValueOf<typeof sa.NullType>>().toEqualTypeOf<unknown>();
expectTypeOf<ValueOf<typeof sa.JSON>>().toEqualTypeOf<sa.JSONValue>();
expectTypeOf(sa.JSON<{ tags: string[] }>()).toEqualTypeOf<sa.JSONType<{ tags: string[] }>>();
expectTypeOf<ValueOf<sa.JSONType<{ tags: string[] }>>>().toEqualTypeOf<{ tags: string[] }>();

// Enum: the union of its values, from strings, an array, a const object or a string enum.
expectTypeOf(sa.Enum<"a" | "b">("a", "b")).toEqualTypeOf<sa.EnumType<"a" | "b">>();
// @ts-expect-error: a value outside the declared union
sa.Enum<"a" | "b">("a", "c");
expectTypeOf<ValueOf<typeof mood>>().toEqualTypeOf<"happy" | "sad">();
const mood = sa.Enum("happy", "sad");
expectTypeOf<ValueOf<ReturnType<typeof fromArray>>>().toEqualTypeOf<"x" | "y">();
function fromArray() {
  return sa.Enum(["x", "y"], { name: "xy" });
}
const Color = { Red: "red", Blue: "blue" } as const;
expectTypeOf<ValueOf<ReturnType<typeof fromObject>>>().toEqualTypeOf<"red" | "blue">();
function fromObject() {
  return sa.Enum(Color);
}
enum Direction {
  Up = "up",
  Down = "down",
}
expectTypeOf<ValueOf<ReturnType<typeof fromEnum>>>().toEqualTypeOf<Direction>();
function fromEnum() {
  return sa.Enum(Direction);
}
// @ts-expect-error: Enum values are strings
sa.Enum(1, 2);

// Type classes and TypeDecorators.
interface Point {
  x: number;
  y: number;
}
class PointType extends TypeDecorator<Point, string> {
  readonly impl = sa.String(40);
}
expectTypeOf<ValueOf<typeof PointType>>().toEqualTypeOf<Point>();
expectTypeOf<ValueOf<PointType>>().toEqualTypeOf<Point>();
expectTypeOf<ValueOf<typeof sa.StringType>>().toEqualTypeOf<string>();
class BadImpl extends TypeDecorator<Point, string> {
  // @ts-expect-error: the impl must hold the declared impl value type
  readonly impl = sa.Integer;
}
void BadImpl;

// instanceof narrows through the SQLAlchemy names, as through the classes.
declare const someType: sa.TypeEngine<unknown>;
if (someType instanceof sa.String) expectTypeOf(someType.length).toEqualTypeOf<number | null>();
if (someType instanceof sa.Numeric) expectTypeOf(someType.scale).toEqualTypeOf<number | null>();

// Columns and rows carry the value types.
const things = sa.Table(
  "things",
  sa.MetaData(),
  sa.Column("id", sa.BigInteger, { primaryKey: true }),
  sa.Column("price", sa.Numeric(10, 2), { nullable: false }),
  sa.Column("ratio", sa.Numeric(5, 4, { asDecimal: false })),
  sa.Column("status", sa.Enum("draft", "published"), { nullable: false }),
  sa.Column("data", sa.JSON<{ tags: string[] }>()),
  sa.Column("at", PointType),
  sa.Column("blob", sa.LargeBinary),
);
declare const conn: Connection;
export async function rows(): Promise<void> {
  const row = (await conn.execute(sa.select(things))).one();
  expectTypeOf(row.id).toEqualTypeOf<bigint>();
  expectTypeOf(row.price).toEqualTypeOf<string>();
  expectTypeOf(row.ratio).toEqualTypeOf<number | null>();
  expectTypeOf(row.status).toEqualTypeOf<"draft" | "published">();
  expectTypeOf(row.data).toEqualTypeOf<{ tags: string[] } | null>();
  expectTypeOf(row.at).toEqualTypeOf<Point | null>();
  expectTypeOf(row.blob).toEqualTypeOf<Uint8Array | null>();
  things.c.status.eq("draft");
  // @ts-expect-error: not a member of the enum
  things.c.status.eq("archived");
  const declared = (await conn.execute(sa.text("SELECT n FROM t").columns({ n: sa.BigInteger, m: sa.Enum("a") }))).one();
  expectTypeOf(declared.n).toEqualTypeOf<bigint | null>();
  expectTypeOf(declared.m).toEqualTypeOf<"a" | null>();
}
