// Compile-time tests: withVariant keeps the type's class and value type, and takes only
// a variant that holds the same values.
import { expectTypeOf } from "expect-type";
import * as sa from "../../../src/index.js";
import { TypeDecorator, type Connection, type ValueOf } from "../../../src/index.js";

expectTypeOf(sa.String().withVariant(sa.String(255), "mysql")).toEqualTypeOf<sa.StringType>();
expectTypeOf(sa.String().withVariant(sa.String, "mysql", "mariadb")).toEqualTypeOf<sa.StringType>();
expectTypeOf(sa.Numeric(10, 2).withVariant(sa.Numeric(12, 2), "mysql")).toEqualTypeOf<sa.NumericType<string>>();
expectTypeOf<ValueOf<ReturnType<typeof mood>>>().toEqualTypeOf<"happy" | "sad">();
function mood() {
  return sa.Enum("happy", "sad").withVariant(sa.Enum(["happy", "sad"], { nativeEnum: false }), "mysql");
}
expectTypeOf(sa.ARRAY(sa.Integer).withVariant(sa.JSON<number[]>(), "mysql")).toEqualTypeOf<sa.ArrayType<number[]>>();

// The rows of a column of a type with a variant are typed by the base type.
const users = sa.Table(
  "users",
  sa.MetaData(),
  sa.Column("id", sa.Integer, { primaryKey: true }),
  sa.Column("fullname", sa.String().withVariant(sa.String(255), "mysql")),
  sa.Column("status", sa.Enum("draft", "published").withVariant(sa.Enum(["draft", "published"], { nativeEnum: false }), "mysql"), {
    nullable: false,
  }),
);
declare const conn: Connection;
export async function rows(): Promise<void> {
  const row = (await conn.execute(sa.select(users))).one();
  expectTypeOf(row.fullname).toEqualTypeOf<string | null>();
  expectTypeOf(row.status).toEqualTypeOf<"draft" | "published">();
  // @ts-expect-error: not a member of the enum
  users.c.status.eq("archived");
}

class Celsius extends TypeDecorator<number, number> {
  readonly impl = sa.Float;
}
sa.Integer().withVariant(Celsius, "mysql");

// @ts-expect-error: a variant must hold the base type's values (string, not number)
sa.String().withVariant(sa.Integer, "mysql");
// @ts-expect-error: a type class of another value type
sa.String().withVariant(Celsius, "mysql");
// @ts-expect-error: exact decimals (strings) and numbers differ
sa.Numeric(10, 2).withVariant(sa.Numeric(10, 2, { asDecimal: false }), "mysql");
// @ts-expect-error: a variant may not hold values the Enum does not
sa.Enum("a", "b").withVariant(sa.String(10), "mysql");
// @ts-expect-error: at least one dialect name
sa.String().withVariant(sa.String(255));
