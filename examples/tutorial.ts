/**
 * The SQLAlchemy unified tutorial notebook (shared/seeds), cell by cell, on Alkahest
 * and embedded SQLite. Run it with `npm run demo`; the echo lines match SQLAlchemy's.
 */
import "@alkahest/sqlite";
// `String` is the SQL type here, as in SQLAlchemy code.
import {
  and,
  Column,
  createEngine,
  ForeignKey,
  insert,
  Integer,
  MetaData,
  or,
  select,
  String,
  Table,
  text,
  type Row,
} from "@alkahest/core";
import { Session } from "@alkahest/core/orm";
import { inspect } from "node:util";

// The tutorial runs on SQLite in memory; any other database by URL alone:
//   ALKAHEST_DEMO_URL=postgresql+pg://postgres@127.0.0.1:5432/test npm run demo
const url = process.env.ALKAHEST_DEMO_URL ?? "sqlite+better-sqlite3:///:memory:";

function cell(n: number, title: string): void {
  console.log(`\n# In [${n}]: ${title}`);
}

/** Prints rows the way Python prints a list of tuples: [('hello world',)]. */
function printRows(rows: readonly Row[]): void {
  console.log(`[${rows.join(", ")}]`);
}

cell(1, "Engine");
// Does not connect to the database yet; that happens the first time it is asked
// to perform a task against the database.
const engine = createEngine(url, { echo: true });

cell(2, "No automatic commit");
await engine.connect(async (conn) => {
  const result = await conn.execute(text("select 'hello world'"));
  printRows(result.all());
});

cell(3, "Commit as you go");
await engine.connect(async (conn) => {
  await conn.execute(text("CREATE TABLE some_table (x int, y int)"));
  await conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"), [
    { x: 1, y: 1 },
    { x: 2, y: 4 },
  ]);
  // explicit commit is required
  await conn.commit();
});

cell(4, "Begin once");
await engine.begin(async (conn) => {
  await conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"), [
    { x: 6, y: 8 },
    { x: 9, y: 10 },
  ]);
});

cell(5, "Print rows");
await engine.connect(async (conn) => {
  const result = await conn.execute(text<{ x: number; y: number }>("SELECT x, y FROM some_table"));
  for (const row of result) console.log(`x: ${row.x}  y: ${row.y}`);
  console.log("----");
  // The result was consumed by the loop above, so this prints nothing, as in SQLAlchemy.
  for (const dictRow of result.mappings()) console.log(`x: ${dictRow.x}  y: ${dictRow.y}`);
});

cell(6, "Session");
const stmt = text<{ x: number; y: number }>("SELECT x, y FROM some_table WHERE y > :y ORDER BY x, y");
{
  await using session = new Session(engine);
  const result = await session.execute(stmt, { y: 6 });
  for (const row of result) console.log(`x: ${row.x}  y: ${row.y}`);
  // rolls back automatically at the end of the block; the connection goes back to the pool
}

cell(7, "Session commit");
{
  await using session = new Session(engine);
  await session.execute(text("UPDATE some_table SET y=:y WHERE x=:x"), [
    { x: 9, y: 11 },
    { x: 13, y: 15 },
  ]);
  await session.commit();
}


cell(8, "Database metadata");
// a collection that stores Table objects
const metadataObj = MetaData();

cell(9, "Table");
// The seed's bare `String` (VARCHAR) has no DDL on MySQL/MariaDB, which need a length:
// there it is VARCHAR(255), as SQLAlchemy's `String().with_variant(String(255), "mysql")`.
const varchar = String().withVariant(String(255), "mysql");
const userTable = Table(
  "user_account",
  metadataObj,
  Column("id", Integer, { primaryKey: true }),
  Column("name", String(30)),
  Column("fullname", varchar),
);

cell(10, "user_table.c.name");
console.log(inspect(userTable.c.name));

cell(11, "user_table.c.keys()");
console.log(`[${userTable.c.keys().map((key) => `'${key}'`).join(", ")}]`);

cell(12, "user_table.primary_key");
console.log(inspect(userTable.primaryKey));

cell(13, "ForeignKey");
// user_id has no type of its own: it takes user_account.id's INTEGER.
const addressTable = Table(
  "address",
  metadataObj,
  Column("id", Integer, { primaryKey: true }),
  Column("user_id", ForeignKey("user_account.id"), { nullable: false }),
  Column("email_address", varchar, { nullable: false }),
);

cell(14, "Emit DDL");
await metadataObj.createAll(engine);

cell(20, "Insert");
const insertStmt = insert(userTable).values({ name: "spongebob", fullname: "Spongebob Squarepants" });
console.log(`${insertStmt}`);

cell(21, "compiled.params");
const compiled = insertStmt.compile();
console.log(pyDict(compiled.params));

cell(22, "Execute the INSERT");
const insertResult = await engine.connect(async (conn) => {
  const result = await conn.execute(insertStmt);
  await conn.commit();
  return result;
});

cell(23, "result.inserted_primary_key_rows");
printRows(insertResult.insertedPrimaryKeyRows);

cell(24, "INSERT with a list of parameters (executemany)");
await engine.connect(async (conn) => {
  await conn.execute(insert(userTable), [
    { name: "sandy", fullname: "Sandy Cheeks" },
    { name: "patrick", fullname: "Patrick Star" },
  ]);
  await conn.commit();
});

cell(25, "Select");
const selectStmt = select(userTable).where(userTable.c.name.eq("spongebob"));
console.log(`${selectStmt}`);

cell(26, "Rows");
await engine.connect(async (conn) => {
  for (const row of await conn.execute(selectStmt)) {
    console.log(`<class '${row.constructor.name}'>`);
    console.log(`${row}`);
  }
});

cell(35, "Select some columns");
console.log(`${select(userTable.c.name, userTable.c.fullname)}`);

cell(37, "Where");
console.log(`${userTable.c.name.eq("squidward")}`);

cell(38, "Where, several criteria");
console.log(
  `${select(addressTable.c.email_address).where(
    userTable.c.name.eq("squidward"),
    addressTable.c.user_id.eq(userTable.c.id),
  )}`,
);

cell(39, "and_, or_");
console.log(
  `${select(addressTable.c.email_address).where(
    and(or(userTable.c.name.eq("squidward"), userTable.c.name.eq("sandy")), addressTable.c.user_id.eq(userTable.c.id)),
  )}`,
);

/** A flat object of strings and numbers as Python prints a dict: {'name': 'spongebob'}. */
function pyDict(values: Readonly<Record<string, unknown>>): string {
  const repr = (v: unknown): string => (typeof v === "string" ? `'${v}'` : v === null ? "None" : `${v}`);
  return `{${Object.entries(values)
    .map(([k, v]) => `'${k}': ${repr(v)}`)
    .join(", ")}}`;
}

await engine.dispose();

// A server database is left as it was found (an in-memory one simply vanishes).
if (process.env.ALKAHEST_DEMO_URL !== undefined) {
  const quiet = createEngine(url);
  await metadataObj.dropAll(quiet);
  await quiet.begin((conn) => conn.execute(text("DROP TABLE some_table")));
  await quiet.dispose();
}
