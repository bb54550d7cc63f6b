// The tutorial's tables, with the address → user_account foreign key, for the SELECT tests.
import { Column, ForeignKey, Integer, MetaData, String, Table } from "../../../src/index.js";

const metadata = MetaData();

export const users = Table(
  "user_account",
  metadata,
  Column("id", Integer, { primaryKey: true }),
  Column("name", String(30), { nullable: false }),
  Column("fullname", String),
);

export const addresses = Table(
  "address",
  metadata,
  Column("id", Integer, { primaryKey: true }),
  Column("user_id", ForeignKey("user_account.id"), { nullable: false }),
  Column("email_address", String, { nullable: false }),
);

/** `String` is the SQL type in these tests: print statements with a template literal. */
export const sql = (element: object): string => `${element}`;
