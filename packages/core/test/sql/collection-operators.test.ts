import { describe, expect, it } from "@jest/globals";
import * as sa from "../../src/index.js";
import { ArgumentError, CompileError, not, select } from "../../src/index.js";
import { paramStyleDialect } from "./support/param-style-dialect.js";
import { sql } from "./support/tutorial-tables.js";

// ARRAY and JSON operators, as SQLAlchemy's comparators build them. The default string
// dialect prints them in PostgreSQL's form; a dialect whose compiler does not take them
// (core's own SQLCompiler) raises a CompileError naming the way out.

const metadata = sa.MetaData();
const posts = sa.Table(
  "posts",
  metadata,
  sa.Column("id", sa.Integer, { primaryKey: true }),
  sa.Column("title", sa.String(50)),
  sa.Column("tags", sa.ARRAY(sa.String(30))),
  sa.Column("grid", sa.ARRAY(sa.Integer, { dimensions: 2 })),
  sa.Column("doc", sa.JSON<{ title: string; n: number[] }>()),
);

describe("ARRAY operators", () => {
  it("contains / containedBy / overlap: @>, <@, && with the array bound as the column's type", () => {
    const contains = posts.c.tags.contains(["a", "b"]);
    expect(sql(contains)).toBe("posts.tags @> :tags_1");
    expect(contains.compile().params).toEqual({ tags_1: ["a", "b"] });
    expect((contains.right as sa.BindParameter).type).toBe(posts.c.tags.type);
    expect(sql(posts.c.tags.containedBy(["a", "b", "c"]))).toBe("posts.tags <@ :tags_1");
    expect(sql(posts.c.tags.overlap(["a"]))).toBe("posts.tags && :tags_1");
  });

  it("string contains() is still LIKE", () => {
    expect(sql(posts.c.title.contains("ng"))).toBe("posts.title LIKE '%' || :title_1 || '%'");
  });

  it("any / all: the value compared with the elements, bound as the item type", () => {
    const any = posts.c.tags.any("sql");
    expect(sql(any)).toBe(":tags_1 = ANY (posts.tags)");
    expect(String((any.right as sa.BindParameter).type)).toBe("String(length=30)");
    expect(sql(posts.c.grid.all(7))).toBe(":grid_1 = ALL (posts.grid)");
    expect(sql(not(posts.c.tags.any("x")))).toBe("NOT (:tags_1 = ANY (posts.tags))");
    expect(sql(select(posts.c.id).where(posts.c.tags.any("a"), posts.c.id.gt(1)))).toBe(
      "SELECT posts.id \nFROM posts \nWHERE :tags_1 = ANY (posts.tags) AND posts.id > :id_1",
    );
  });

  it("item(i): a[i], typed as the element; a multi-dimensional ARRAY indexes again without parentheses", () => {
    const first = posts.c.tags.item(1);
    expect(sql(first)).toBe("posts.tags[:tags_1]");
    expect(String(first.type)).toBe("String(length=30)");
    const cell = posts.c.grid.item(2).item(1);
    expect(sql(cell)).toBe("posts.grid[:grid_1][:param_1]");
    expect(String(cell.type)).toBe("Integer()");
    expect(sql(posts.c.tags.item(1).eq("a"))).toBe("posts.tags[:tags_1] = :param_1");
    expect(sql(sa.literalColumn("ARRAY[1, 2]", sa.ARRAY(sa.Integer)).item(1))).toBe("(ARRAY[1, 2])[:param_1]");
  });

  it("refuses ARRAY operators on other types, and an index that is not a whole number", () => {
    const title = posts.c.title as unknown as sa.ColumnElement<string[]>;
    expect(() => title.any("x")).toThrow("any() is an ARRAY operator, but this expression is String(length=50); use it on an ARRAY column.");
    expect(() => title.item(1)).toThrow(ArgumentError);
    expect(() => posts.c.tags.item(1.5)).toThrow("item() takes a whole-number index (PostgreSQL arrays start at 1), got 1.5.");
  });

  it("are a CompileError on a database whose compiler has no arrays", () => {
    const qmark = paramStyleDialect("qmark");
    expect(() => qmark.compile(select(posts.c.id).where(posts.c.tags.any("a")))).toThrow(CompileError);
    expect(() => qmark.compile(posts.c.tags.contains(["a"]))).toThrow(
      "The ARRAY operator @> is PostgreSQL SQL, and this database has no arrays; store the list in a JSON column",
    );
    expect(() => qmark.compile(posts.c.tags.item(1))).toThrow("The ARRAY operator item() (a[i]) is PostgreSQL SQL");
  });

  it("cache keys tell the operators apart", () => {
    const keys = [posts.c.tags.contains(["a"]), posts.c.tags.containedBy(["a"]), posts.c.tags.overlap(["a"]), posts.c.tags.any("a"), posts.c.tags.all("a")].map(
      (e) => select(posts.c.id).where(e).cacheKey,
    );
    expect(new Set(keys).size).toBe(5);
  });
});

describe("JSON operators", () => {
  it("get(key): a -> key, grouped inside another operator as SQLAlchemy does; getText(key): a ->> key", () => {
    expect(sql(posts.c.doc.get("title"))).toBe("posts.doc -> :doc_1");
    expect(sql(posts.c.doc.getText("title"))).toBe("posts.doc ->> :doc_1");
    expect(sql(posts.c.doc.getText("title").eq("x"))).toBe("(posts.doc ->> :doc_1) = :param_1");
    expect(sql(posts.c.doc.get("n").get(0))).toBe("(posts.doc -> :doc_1) -> CAST(:param_1 AS INTEGER)");
    expect(String(posts.c.doc.getText("title").type)).toBe("Text()");
    expect(posts.c.doc.get("title").type).toBe(posts.c.doc.type);
  });

  it("an integer key is an array index, cast so that the database does not read it as an object key", () => {
    expect(sql(posts.c.doc.get(0))).toBe("posts.doc -> CAST(:doc_1 AS INTEGER)");
    expect(select(posts.c.doc.get(0)).cacheKey).not.toBe(select(posts.c.doc.get("0")).cacheKey);
  });

  it("refuses other types, and keys that are neither strings nor whole numbers", () => {
    expect(() => posts.c.title.get("x")).toThrow("get() reads a member of a JSON value, but this expression is String(length=50); use it on a JSON or JSONB column.");
    expect(() => posts.c.doc.get(1.5)).toThrow("get() takes an object key (string) or an array index (whole number), got 1.5.");
  });

  it("are a CompileError on a database whose compiler has no JSON operators, naming its JSON functions", () => {
    expect(() => paramStyleDialect("qmark").compile(select(posts.c.doc.get("title")))).toThrow(
      'The JSON operator -> is PostgreSQL SQL; on this database call its JSON functions instead, e.g. func.json_extract(doc, "$.key")',
    );
  });

  it("contains() on plain JSON is LIKE, as SQLAlchemy's JSON comparator (containment is JSONB's)", () => {
    expect(sql(posts.c.doc.contains("x"))).toBe("posts.doc LIKE '%' || :doc_1 || '%'");
    expect(() => posts.c.doc.containedBy({ title: "x", n: [] })).toThrow(ArgumentError);
  });
});
