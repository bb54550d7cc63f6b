import { Column, ForeignKey, insert, Integer, MetaData, String, Table } from "@alkahest/core";
import { beforeAll } from "@jest/globals";
import type { EngineFixture } from "../config.js";
import { dropTables } from "./insert.js";

/** The tables the test_select and test_cte groups read; filled once per group, never changed. */
const selectMetadata = MetaData();

export const people = Table(
  "sel_people",
  selectMetadata,
  Column("id", Integer, { primaryKey: true }),
  Column("name", String(30), { nullable: false }),
  Column("fullname", String(100)),
  Column("score", Integer),
);

export const emails = Table(
  "sel_emails",
  selectMetadata,
  Column("id", Integer, { primaryKey: true }),
  Column("person_id", Integer, ForeignKey("sel_people.id"), { nullable: false }),
  Column("address", String(100), { nullable: false }),
);

export const staff = Table(
  "sel_staff",
  selectMetadata,
  Column("id", Integer, { primaryKey: true }),
  Column("name", String(30), { nullable: false }),
  Column("manager_id", Integer, ForeignKey("sel_staff.id")),
);

export const PEOPLE = [
  { id: 1, name: "spongebob", fullname: "Spongebob Squarepants", score: 10 },
  { id: 2, name: "sandy", fullname: "Sandy Cheeks", score: 20 },
  { id: 3, name: "patrick", fullname: null, score: 30 },
  { id: 4, name: "squidward", fullname: "Squidward Tentacles", score: null },
  // `%` and `_` in a name: LIKE patterns match them literally only when escaped.
  { id: 5, name: "100%_real", fullname: "Real", score: 10 },
];

export const EMAILS = [
  { id: 1, person_id: 1, address: "sb@bikini.bottom" },
  { id: 2, person_id: 1, address: "spongebob@krusty.krab" },
  { id: 3, person_id: 2, address: "sandy@tree.dome" },
  { id: 4, person_id: 3, address: "patrick@rock.bottom" },
];

// krabs → squidward, spongebob → gary; plankton → karen.
export const STAFF = [
  { id: 1, name: "krabs", manager_id: null },
  { id: 2, name: "squidward", manager_id: 1 },
  { id: 3, name: "spongebob", manager_id: 1 },
  { id: 4, name: "gary", manager_id: 3 },
  { id: 5, name: "plankton", manager_id: null },
  { id: 6, name: "karen", manager_id: 5 },
];

/** Creates and fills the tables before the group's tests, drops them after. */
export function useSelectTables(db: EngineFixture): void {
  beforeAll(async () => {
    await dropTables(db.engine, selectMetadata.sortedTables);
    await selectMetadata.createAll(db.engine, { checkfirst: false });
    await db.engine.begin(async (conn) => {
      await conn.execute(insert(people), PEOPLE);
      await conn.execute(insert(emails), EMAILS);
      await conn.execute(insert(staff), STAFF);
    });
  });
  db.beforeDispose(async () => {
    await dropTables(db.engine, selectMetadata.sortedTables);
  });
}
