import { describe, expect, it } from "@jest/globals";
import { inspect } from "node:util";
import * as sa from "../../../src/index.js";
import {
  ArgumentError,
  CreateTable,
  IdentifierPreparer,
  SQLCompiler,
  StringType,
  TypeCompiler,
  TypeDecorator,
  type ClauseElement,
  type Compiled,
  type CompileOptions,
  type CompilerDialect,
  type TypeDialect,
  type TypeProcessors,
  type TypeVisitName,
} from "../../../src/index.js";

/** Stores a number shifted by `by`, so a test can see whether this type's processors ran. */
class Shifted extends TypeDecorator<number, number> {
  readonly impl = sa.Integer;
  constructor(readonly by = 21) {
    super();
  }
  override processBindParam(value: number | null): number | null {
    return value === null ? null : value + this.by;
  }
  override processResultValue(value: number | null): number | null {
    return value === null ? null : value - this.by;
  }
}

/** A compile-only dialect answering to `names`, with optional conversions per kind of type. */
function namedDialect(
  names: readonly string[],
  colspecs: Partial<Record<TypeVisitName, TypeProcessors>> = {},
): CompilerDialect & { compile(element: ClauseElement, options?: CompileOptions): Compiled } {
  const dialect = {
    paramStyle: "named" as const,
    identifierPreparer: new IdentifierPreparer(),
    variantNames: names,
    typeCompiler: undefined as unknown as TypeCompiler,
    processorsFor: (name: TypeVisitName) => colspecs[name],
    compile(element: ClauseElement, options?: CompileOptions): Compiled {
      return new SQLCompiler(this, options).compile(element);
    },
  };
  dialect.typeCompiler = new TypeCompiler(dialect);
  return dialect;
}

const mysql = namedDialect(["mysql"]);
const mariadb = namedDialect(["mariadb", "mysql"]);
const sqlite = namedDialect(["sqlite"]);
const nameless: TypeDialect = { processorsFor: () => undefined };

describe("withVariant: a type that is another type on the named dialects", () => {
  const fullname = sa.String().withVariant(sa.String(255), "mysql");

  it("is a new type of the same class and repr; the base type is unchanged", () => {
    const base = sa.String();
    const varied = base.withVariant(sa.String(255), "mysql");
    expect(varied).not.toBe(base);
    expect(varied).toBeInstanceOf(StringType);
    expect(varied).toBeInstanceOf(sa.String);
    expect(`${varied}`).toBe("String()");
    expect(varied.length).toBeNull();
    expect(base.variants.size).toBe(0);
    expect([...varied.variants.keys()]).toEqual(["mysql"]);
    expect(`${varied.variants.get("mysql")}`).toBe("String(length=255)");
  });

  it("a shared bare type (Integer) stays without variants", () => {
    sa.Integer().withVariant(new Shifted(), "mysql");
    expect(sa.Integer().variants.size).toBe(0);
    expect(`${sa.Integer()}`).toBe("Integer()");
  });

  it("a column of it prints as SQLAlchemy's: the base type only", () => {
    const users = sa.Table("user_account", sa.MetaData(), sa.Column("fullname", fullname));
    expect(inspect(users.c.fullname)).toBe("Column('fullname', String(), table=<user_account>)");
  });

  it("DDL: the variant on a dialect with its name, the type itself elsewhere and without a dialect", () => {
    expect(mysql.typeCompiler.process(fullname)).toBe("VARCHAR(255)");
    expect(mariadb.typeCompiler.process(fullname)).toBe("VARCHAR(255)");
    expect(sqlite.typeCompiler.process(fullname)).toBe("VARCHAR");
    expect(new TypeCompiler().process(fullname)).toBe("VARCHAR");
  });

  it("the dialect's most specific name wins: a mariadb variant over a mysql one, on MariaDB only", () => {
    const type = sa.String().withVariant(sa.String(100), "mysql").withVariant(sa.String(200), "mariadb");
    expect(mysql.typeCompiler.process(type)).toBe("VARCHAR(100)");
    expect(mariadb.typeCompiler.process(type)).toBe("VARCHAR(200)");
    expect(sqlite.typeCompiler.process(type)).toBe("VARCHAR");
  });

  it("one variant for several names, as SQLAlchemy 2.0's with_variant(type, 'mysql', 'mariadb')", () => {
    const type = sa.Text().withVariant(sa.Text(65535), "mysql", "sqlite");
    expect(mysql.typeCompiler.process(type)).toBe("TEXT(65535)");
    expect(sqlite.typeCompiler.process(type)).toBe("TEXT(65535)");
    expect(namedDialect(["postgresql"]).typeCompiler.process(type)).toBe("TEXT");
  });

  it("CREATE TABLE renders each column's variant for the dialect", () => {
    const users = sa.Table(
      "user_account",
      sa.MetaData(),
      sa.Column("id", sa.Integer, { primaryKey: true }),
      sa.Column("fullname", fullname),
    );
    expect(new CreateTable(users).compile({ dialect: mysql }).sql).toBe(
      "\nCREATE TABLE user_account (\n\tid INTEGER NOT NULL, \n\tfullname VARCHAR(255), \n\tPRIMARY KEY (id)\n)\n\n",
    );
    expect(new CreateTable(users).compile({ dialect: sqlite }).sql).toContain("\tfullname VARCHAR, \n");
    expect(`${new CreateTable(users)}`).toContain("\tfullname VARCHAR, \n");
  });

  it("CAST renders the variant", () => {
    const stmt = sa.select(sa.cast(sa.literalColumn("x"), fullname));
    expect(stmt.compile({ dialect: mysql }).sql).toBe("SELECT CAST(x AS VARCHAR(255)) AS anon_1");
    expect(stmt.compile({ dialect: sqlite }).sql).toBe("SELECT CAST(x AS VARCHAR) AS anon_1");
  });

  it("bind and result processing are the variant's on its dialects, the type's own elsewhere", () => {
    const type = sa.Integer().withVariant(Shifted, "mysql");
    expect(type.bindProcessor(mysql)!(21)).toBe(42);
    expect(type.resultProcessor(mysql)!(42)).toBe(21);
    const run = (processor: sa.Processor | null, value: unknown) => (processor === null ? value : processor(value));
    expect(run(type.bindProcessor(sqlite), 21)).toBe(21);
    expect(run(type.resultProcessor(sqlite), 42)).toBe(42);
    expect(run(type.bindProcessor(nameless), 21)).toBe(21);
    // The type's own check still applies off its variants' dialects.
    const checked = sa.String().withVariant(sa.String(10), "mysql");
    expect(() => checked.bindProcessor(sqlite)!(5)).toThrow("String() expects a string, got the number 5.");
  });

  it("the variant takes the dialect's conversion for its own kind of type", () => {
    const upper = { bind: (v: unknown) => (v as string).toUpperCase(), result: (v: unknown) => (v as string).toLowerCase() };
    const dialect = namedDialect(["mysql"], { text: upper });
    const type = sa.String(30).withVariant(sa.Text(), "mysql");
    expect(type.bindProcessor(dialect)!("ab")).toBe("AB");
    expect(type.resultProcessor(dialect)!("AB")).toBe("ab");
    expect(sa.String(30).bindProcessor(dialect)!("ab")).toBe("ab");
  });

  it("an ARRAY stored as JSON on the dialects without arrays", () => {
    const tags = sa.ARRAY(sa.Integer).withVariant(sa.JSON<number[]>(), "mysql", "sqlite");
    expect(sqlite.typeCompiler.process(tags)).toBe("JSON");
    expect(tags.bindProcessor(sqlite)!([1, 2])).toBe("[1,2]");
    expect(tags.resultProcessor(sqlite)!("[1,2]")).toEqual([1, 2]);
    expect(() => namedDialect(["other"]).typeCompiler.process(tags)).toThrow("has no array types");
  });

  it("a TypeDecorator with a variant is replaced whole on its dialect, and an impl's variant applies inside one", () => {
    const decorated = new Shifted().withVariant(sa.Integer, "sqlite");
    expect(decorated.bindProcessor(sqlite)(21)).toBe(21);
    expect(decorated.bindProcessor(mysql)(21)).toBe(42);
    expect(`${decorated}`).toBe("Shifted()");

    class Wide extends TypeDecorator<string, string> {
      readonly impl = sa.String().withVariant(sa.String(255), "mysql");
    }
    expect(mysql.typeCompiler.process(new Wide())).toBe("VARCHAR(255)");
    expect(sqlite.typeCompiler.process(new Wide())).toBe("VARCHAR");
  });

  it("cache keys include the variants, so statements differing only in them never share a compiled form", () => {
    expect(sa.String().cacheKey).toBe("string");
    expect(fullname.cacheKey).toBe("string+variants(mysql=string(255))");
    expect(sa.String().withVariant(sa.String(255), "mysql").cacheKey).toBe(fullname.cacheKey);
    expect(sa.String().withVariant(sa.String(100), "mysql").cacheKey).not.toBe(fullname.cacheKey);
    // Sorted by dialect name, so the order of the calls does not matter.
    const ab = sa.String().withVariant(sa.String(1), "a").withVariant(sa.String(2), "b");
    const ba = sa.String().withVariant(sa.String(2), "b").withVariant(sa.String(1), "a");
    expect(ab.cacheKey).toBe("string+variants(a=string(1),b=string(2))");
    expect(ba.cacheKey).toBe(ab.cacheKey);
    expect(new Shifted().withVariant(sa.Integer, "x").cacheKey).toMatch(/^decorated#\d+\(integer\)\+variants\(x=integer\)$/);
    const bind = (type: sa.TypeEngine<string>) => sa.select(sa.literal("v", type)).cacheKey;
    expect(bind(fullname)).not.toBe(bind(sa.String()));
  });

  it("rejects what SQLAlchemy's with_variant rejects, naming the fix", () => {
    expect(() => fullname.withVariant(sa.String(10), "mysql")).toThrow(ArgumentError);
    expect(() => fullname.withVariant(sa.String(10), "mysql")).toThrow(
      "Dialect 'mysql' is already present in the variants of this String(): call withVariant() once per dialect name.",
    );
    expect(() => sa.String().withVariant(fullname, "sqlite")).toThrow(
      "Can't pass a type that already has variants (String()) as a dialect-level type to withVariant(): give the plain type, e.g. String(255).",
    );
    const noNames = sa.String().withVariant as (type: sa.TypeEngine<string>) => unknown;
    expect(() => noNames.call(sa.String(), sa.String(1))).toThrow(
      'withVariant() needs at least one dialect name, e.g. String().withVariant(type, "mysql").',
    );
  });
});
