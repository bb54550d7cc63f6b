// Compile-time tests: rows of SELECTs of expressions, subqueries, CTEs and unions are typed.
import { expectTypeOf } from "expect-type";
import {
  case_,
  cast,
  Column,
  exists,
  ForeignKey,
  func,
  Integer,
  literal,
  MetaData,
  select,
  String,
  Table,
  union,
  type Connection,
} from "../../src/index.js";

const metadata = MetaData();
const users = Table(
  "user_account",
  metadata,
  Column("id", Integer, { primaryKey: true }),
  Column("name", String(30), { nullable: false }),
  Column("fullname", String),
);
const addresses = Table(
  "address",
  metadata,
  Column("id", Integer, { primaryKey: true }),
  Column("user_id", Integer, ForeignKey("user_account.id"), { nullable: false }),
  Column("email_address", String, { nullable: false }),
);

declare const conn: Connection;

export async function functionsAndExpressions(): Promise<void> {
  const counted = (await conn.execute(select(func.count(users.c.id), func.max(users.c.name), func.lower(users.c.name)))).one();
  expectTypeOf(counted._tuple()).toEqualTypeOf<[number, string | null, string]>();

  const labelled = (await conn.execute(select(func.count().label("n"), users.c.id.add(1).label("next")))).one();
  expectTypeOf(labelled.n).toEqualTypeOf<number>();
  expectTypeOf(labelled.next).toEqualTypeOf<number>();

  // Unnamed expressions are in the tuple only: their names come from the compiler.
  const anon = (await conn.execute(select(users.c.name.concat("!"), literal(5), cast(users.c.id, String)))).one();
  expectTypeOf(anon._tuple()).toEqualTypeOf<[string, number, string]>();

  const cased = (await conn.execute(select(case_([users.c.id.eq(1), "one"], { else: users.c.name }).label("c")))).one();
  expectTypeOf(cased.c).toEqualTypeOf<string>();
  const noElse = case_([users.c.id.eq(1), 1]);
  expectTypeOf(noElse.__value).toEqualTypeOf<number | null | undefined>();

  const flags = (await conn.execute(select(exists(select(addresses.c.id)).label("has"), users.c.id.in([1, 2]).label("picked")))).one();
  expectTypeOf(flags.has).toEqualTypeOf<boolean>();
  expectTypeOf(flags.picked).toEqualTypeOf<boolean>();

  const window = (await conn.execute(select(func.row_number().over({ orderBy: users.c.id }).label("rn")))).one();
  expectTypeOf(window.rn).toEqualTypeOf<number>();

  // Any other function name is allowed, of unknown type unless given.
  // (this repository compiles with noUncheckedIndexedAccess, hence the `!`)
  expectTypeOf(func.json_extract!(users.c.fullname, "$.a").__value).toEqualTypeOf<unknown>();
  expectTypeOf(func.json_extract!<string>(users.c.fullname, "$.a").__value).toEqualTypeOf<string | undefined>();

  // in() takes values of the column's type.
  users.c.id.in([1, 2]);
  // @ts-expect-error: strings are not an integer column's values
  users.c.id.in(["1"]);
  users.c.name.startsWith("sp", { autoescape: true });
}

export async function subqueriesAndCompounds(): Promise<void> {
  const counts = select(addresses.c.user_id, func.count(addresses.c.id).label("n")).groupBy(addresses.c.user_id).subquery();
  expectTypeOf(counts.c.n.__value).toEqualTypeOf<number | undefined>();
  expectTypeOf(counts.c.user_id.__value).toEqualTypeOf<number | undefined>();
  // @ts-expect-error: not a column of the subquery
  void counts.c.email_address;

  const joined = (await conn.execute(select(users.c.name, counts.c.n).join(counts))).one();
  expectTypeOf(joined._tuple()).toEqualTypeOf<[string, number]>();
  expectTypeOf(joined.n).toEqualTypeOf<number>();

  const whole = (await conn.execute(select(counts))).one();
  expectTypeOf(whole._tuple()).toEqualTypeOf<[number, number]>();
  expectTypeOf(whole.user_id).toEqualTypeOf<number>();

  const cte = select(users.c.id, users.c.fullname).cte("c");
  const fromCte = (await conn.execute(select(cte.c.fullname))).one();
  expectTypeOf(fromCte.fullname).toEqualTypeOf<string | null>();

  const u2 = users.alias("u2");
  const aliased = (await conn.execute(select(u2.c.name, u2))).one();
  expectTypeOf(aliased._tuple()).toEqualTypeOf<[string, number, string, string | null]>();

  const scalar = select(func.max(addresses.c.id)).scalarSubquery();
  expectTypeOf(scalar.__value).toEqualTypeOf<number | null | undefined>();
  const withScalar = (await conn.execute(select(users.c.name, scalar.label("newest")))).one();
  expectTypeOf(withScalar.newest).toEqualTypeOf<number | null>();

  const both = (await conn.execute(union(select(users.c.name), select(addresses.c.email_address)).orderBy("name").limit(5))).one();
  expectTypeOf(both._tuple()).toEqualTypeOf<[string]>();
}
