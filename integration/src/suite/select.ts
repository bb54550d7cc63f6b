import { Column, Integer, MetaData, select, String, Table, text } from "@alkahest/core";
import { beforeEach, describe, expect, it } from "@jest/globals";
import { useEngine, type ConformanceConfig } from "../config.js";

const metadata = MetaData();
const users = Table(
  "user_account",
  metadata,
  Column("id", Integer, { primaryKey: true }),
  Column("name", String(30), { nullable: false }),
  Column("fullname", String(100)),
);

/** SELECT built with the expression language, against rows in the database (test_select). */
export function selectTests(config: ConformanceConfig): void {
  describe("select", () => {
    const db = useEngine(config);

    beforeEach(async () => {
      await db.engine.begin(async (conn) => {
        await conn.execDriverSql("DROP TABLE IF EXISTS user_account");
        await conn.execDriverSql("CREATE TABLE user_account (id INTEGER PRIMARY KEY, name VARCHAR(30) NOT NULL, fullname VARCHAR(100))");
        await conn.execute(text("INSERT INTO user_account (id, name, fullname) VALUES (:id, :name, :fullname)"), [
          { id: 1, name: "spongebob", fullname: "Spongebob Squarepants" },
          { id: 2, name: "sandy", fullname: "Sandy Cheeks" },
          { id: 3, name: "patrick", fullname: null },
        ]);
      });
      db.log.clear();
    });

    it("selects a table's rows with named access by column key", async () => {
      const rows = await db.engine.connect(async (conn) =>
        (await conn.execute(select(users).where(users.c.name.eq("spongebob")))).all(),
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]!._tuple()).toEqual([1, "spongebob", "Spongebob Squarepants"]);
      expect(rows[0]!.fullname).toBe("Spongebob Squarepants");
      expect(db.log.lines[2]).toMatch(/^\[generated in \d\.\d{5}s\] \('spongebob',\)$/);
    });

    it("a second statement of the same shape is a cache hit with its own values", async () => {
      const names = await db.engine.connect(async (conn) => [
        (await conn.execute(select(users.c.name).where(users.c.id.eq(2)))).scalarOne(),
        (await conn.execute(select(users.c.name).where(users.c.id.eq(3)))).scalarOne(),
      ]);
      expect(names).toEqual(["sandy", "patrick"]);
      expect(db.log.lines.filter((l) => l.startsWith("[cached since"))).toHaveLength(1);
    });

    it("IS NULL from eq(null), and labels name result columns", async () => {
      const rows = await db.engine.connect(async (conn) =>
        (await conn.execute(select(users.c.name.label("who")).where(users.c.fullname.eq(null)))).all(),
      );
      expect(rows.map((r) => r.who)).toEqual(["patrick"]);
    });
  });
}
