import { expect, it } from "@jest/globals";
import * as sa from "@alkahest/core";
import { ArrayType, BindTypeError, EnumType, insert, inspect, select, Table, TypeDecorator } from "@alkahest/core";
import { useLoggingDatabase } from "./logging-database.js";
import { describeServer } from "./server.js";

/** Labels with a quote and a comma, so the CREATE TYPE literal and the array text are both tested. */
const Mood = sa.Enum(["happy", "sad", "it's, ok"], { name: "pg_ea_mood" });
/** A name format_type() quotes (`"Pg EA Level"[]`): reflection must take pg_type's name, not parse it. */
const Level = sa.Enum(["low", "high"], { name: "Pg EA Level" });

/** ARRAY of a TypeDecorator over an Enum: createAll finds the enum through both. */
class LevelName extends TypeDecorator<string, string> {
  readonly impl = Level;
}
/** A TypeDecorator over an ARRAY of an Enum. */
class Tags extends TypeDecorator<string[], string[]> {
  readonly impl = sa.ARRAY(sa.Enum(["red", "blue"], { name: "pg_ea_tag" }));
}

/** What createAll runs first for enumArrayMetadata(): the types in the order their columns come. */
const CREATE_TYPES = [
  "CREATE TYPE pg_ea_mood AS ENUM ('happy', 'sad', 'it''s, ok')",
  `CREATE TYPE "Pg EA Level" AS ENUM ('low', 'high')`,
  "CREATE TYPE pg_ea_tag AS ENUM ('red', 'blue')",
];

function enumArrayMetadata() {
  const metadata = sa.MetaData();
  const person = Table(
    "pg_ea_person",
    metadata,
    sa.Column("id", sa.Integer, { primaryKey: true }),
    sa.Column("moods", sa.ARRAY(Mood)),
    sa.Column("levels", sa.ARRAY(LevelName)),
    sa.Column("tags", Tags),
    sa.Column("grid", sa.ARRAY(Mood, { dimensions: 2 })),
  );
  // The plain enum column of a second table shares the type: created once, dropped once.
  Table("pg_ea_pet", metadata, sa.Column("id", sa.Integer, { primaryKey: true }), sa.Column("mood", Mood));
  return { metadata, person };
}

describeServer("PostgreSQL ARRAY of native enums on the server", () => {
  const db = useLoggingDatabase("pg_enum_arrays");
  const enumTypes = (): Promise<unknown[]> =>
    db.engine.connect(async (conn) =>
      (await conn.execDriverSql("SELECT typname FROM pg_catalog.pg_type WHERE typtype = 'e' ORDER BY typname")).scalars().all(),
    );

  it("createAll creates the enum types of ARRAY(Enum) columns (through TypeDecorators) before the tables; dropAll drops them after", async () => {
    const { metadata, person } = enumArrayMetadata();
    db.clearLog();
    await metadata.createAll(db.engine);
    try {
      expect(db.statements()).toEqual([...CREATE_TYPES, "CREATE TABLE pg_ea_person (", "CREATE TABLE pg_ea_pet ("]);
      const row = { moods: ["it's, ok", null, "happy"], levels: ["high"], tags: ["blue", "red"], grid: [["sad"], ["happy"]] };
      await db.engine.begin((conn) => conn.execute(insert(person).values(row as never)));
      const stored = await db.engine.connect(async (conn) => (await conn.execute(select(person))).one()._mapping);
      expect({ ...stored }).toEqual({ id: 1, ...row });
    } finally {
      db.clearLog();
      await metadata.dropAll(db.engine);
    }
    expect(db.statements()).toEqual([
      "DROP TABLE pg_ea_pet",
      "DROP TABLE pg_ea_person",
      "DROP TYPE pg_ea_mood",
      `DROP TYPE "Pg EA Level"`,
      "DROP TYPE pg_ea_tag",
    ]);
    expect(await enumTypes()).toEqual([]);
  });

  it("getColumns reflects an enum array as ARRAY(Enum) with the element type's name and labels in their order", async () => {
    const { metadata } = enumArrayMetadata();
    await metadata.createAll(db.engine);
    try {
      const columns = await (await inspect(db.engine)).getColumns("pg_ea_person");
      const byName = new Map(columns.map((c) => [c.name, c]));
      const item = (name: string): EnumType<string> => {
        const type = byName.get(name)?.type;
        expect(type).toBeInstanceOf(ArrayType);
        const itemType = (type as ArrayType).itemType;
        expect(itemType).toBeInstanceOf(EnumType);
        return itemType as EnumType<string>;
      };
      expect([item("moods").name, item("moods").values]).toEqual(["pg_ea_mood", ["happy", "sad", "it's, ok"]]);
      expect([item("levels").name, item("levels").values]).toEqual(["Pg EA Level", ["low", "high"]]);
      expect([item("tags").name, item("tags").values]).toEqual(["pg_ea_tag", ["red", "blue"]]);
      // PostgreSQL does not record dimensions: a 2-D column reflects as one ARRAY.
      expect(String(byName.get("grid")?.type)).toBe("ARRAY(Enum('happy', 'sad', 'it's, ok', name='pg_ea_mood'))");
      expect(byName.get("moods")?.rawType).toBe("pg_ea_mood[]");
      expect(byName.get("levels")?.rawType).toBe(`"Pg EA Level"[]`);
      // The plain enum column still reflects as Enum.
      expect(String((await (await inspect(db.engine)).getColumns("pg_ea_pet"))[1]?.type)).toBe(
        "Enum('happy', 'sad', 'it's, ok', name='pg_ea_mood')",
      );
    } finally {
      await metadata.dropAll(db.engine);
    }
  });

  it("a reflected table converts enum arrays both ways, and its MetaData creates the types again", async () => {
    const { metadata } = enumArrayMetadata();
    await metadata.createAll(db.engine);
    const reflected = sa.MetaData();
    const person = await Table.reflect("pg_ea_person", reflected, db.engine);
    await metadata.dropAll(db.engine);
    expect(await enumTypes()).toEqual([]);

    db.clearLog();
    await reflected.createAll(db.engine);
    try {
      expect(db.statements()).toEqual([...CREATE_TYPES, "CREATE TABLE pg_ea_person ("]);
      await db.engine.begin((conn) => conn.execute(insert(person).values({ moods: ["sad", "it's, ok"], levels: ["low", null] } as never)));
      const stored = await db.engine.connect(async (conn) => (await conn.execute(select(person))).one()._tuple());
      expect(stored).toEqual([1, ["sad", "it's, ok"], ["low", null], null, null]);
      // The reflected labels check bound values, as a declared Enum does.
      const bad = db.engine.begin((conn) => conn.execute(insert(person).values({ moods: ["angry"] } as never)));
      await expect(bad).rejects.toThrow(BindTypeError);
      await expect(bad).rejects.toThrow("Bind parameter 'moods': 'angry' is not among the defined enum values. Enum name: pg_ea_mood.");
    } finally {
      await reflected.dropAll(db.engine);
    }
    expect(await enumTypes()).toEqual([]);
  });
});
