/**
 * The SQLAlchemy unified tutorial notebook (shared/seeds), cell by cell, on Alkahest
 * and embedded SQLite. Run it with `npm run demo`; the echo lines match SQLAlchemy's.
 */
import "@alkahest/sqlite";
import { createEngine, text, type Row } from "@alkahest/core";
import { Session } from "@alkahest/core/orm";

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
const engine = createEngine("sqlite+better-sqlite3:///:memory:", { echo: true });

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

await engine.dispose();
