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

// ARRAY: an array of the item type's values, one level per dimension.
expectTypeOf(sa.ARRAY(sa.Integer)).toEqualTypeOf<sa.ArrayType<number[]>>();
expectTypeOf<ValueOf<ReturnType<typeof intArray>>>().toEqualTypeOf<number[]>();
function intArray() {
  return sa.ARRAY(sa.Integer);
}
expectTypeOf(sa.ARRAY(sa.String(30), { dimensions: 2 })).toEqualTypeOf<sa.ArrayType<string[][]>>();
expectTypeOf(sa.ARRAY(sa.Enum("a", "b"))).toEqualTypeOf<sa.ArrayType<("a" | "b")[]>>();
expectTypeOf(sa.ARRAY(sa.DateTime({ timezone: true }))).toEqualTypeOf<sa.ArrayType<Date[]>>();
// @ts-expect-error: ARRAY needs its item type
sa.Column("x", sa.ARRAY);

const posts = sa.Table(
  "posts",
  sa.MetaData(),
  sa.Column("id", sa.Integer, { primaryKey: true }),
  sa.Column("scores", sa.ARRAY(sa.Integer), { nullable: false }),
  sa.Column("tags", sa.ARRAY(sa.String(30))),
  sa.Column("grid", sa.ARRAY(sa.BigInteger, { dimensions: 2 })),
  sa.Column("doc", sa.JSON<{ title: string; n: number[] }>()),
  sa.Column("any_json", sa.JSON),
);
export async function arrayRows(): Promise<void> {
  const row = (await conn.execute(sa.select(posts))).one();
  expectTypeOf(row.scores).toEqualTypeOf<number[]>();
  expectTypeOf(row.tags).toEqualTypeOf<string[] | null>();
  expectTypeOf(row.grid).toEqualTypeOf<bigint[][] | null>();
  await conn.execute(sa.insert(posts).values({ scores: [1, 2], tags: ["a"], grid: [[1n]] }));
  // @ts-expect-error: an array of the item type
  await conn.execute(sa.insert(posts).values({ scores: ["1"] }));

  // The operators take the item type (any/all) or the array (contains, containedBy, overlap).
  posts.c.tags.any("sql");
  posts.c.grid.all(1n);
  posts.c.tags.contains(["a", "b"]);
  posts.c.tags.containedBy(["a"]);
  posts.c.scores.overlap([1]);
  // @ts-expect-error: an element is a string
  posts.c.tags.any(1);
  // @ts-expect-error: contains() on an ARRAY takes an array
  posts.c.tags.contains("a");
  // @ts-expect-error: any() is for ARRAY expressions
  posts.c.id.any(1);
  // @ts-expect-error: item() is for ARRAY expressions
  posts.c.id.item(1);
  // String contains() is unchanged.
  posts.c.tags.item(1).contains("x");

  const picked = (await conn.execute(sa.select(posts.c.scores.item(1).label("first"), posts.c.grid.item(1).label("line")))).one();
  expectTypeOf(picked.first).toEqualTypeOf<number | null>();
  expectTypeOf(picked.line).toEqualTypeOf<bigint[] | null>();

  // JSON members: the declared shape where it has one, any JSON value otherwise.
  const members = (
    await conn.execute(
      sa.select(posts.c.doc.get("title").label("title"), posts.c.doc.get("n").label("n"), posts.c.any_json.get("x").label("x"), posts.c.doc.getText("n").label("text")),
    )
  ).one();
  expectTypeOf(members.title).toEqualTypeOf<string | null>();
  expectTypeOf(members.n).toEqualTypeOf<number[] | null>();
  expectTypeOf(members.x).toEqualTypeOf<sa.JSONValue | null>();
  expectTypeOf(members.text).toEqualTypeOf<string | null>();
}
