import { describe, expect, it } from "@jest/globals";
import * as sa from "../../../src/index.js";
import { BindTypeError, bindparam, select, strDialect, StatementError, TypeMismatchError } from "../../../src/index.js";

const users = sa.Table(
  "users",
  sa.MetaData(),
  sa.Column("id", sa.Integer, { primaryKey: true }),
  sa.Column("mood", sa.Enum(["happy", "sad"], { name: "mood" })),
);

const identity = (value: unknown): unknown => value;

describe("BindTypeError: a typed parameter's value checked before execution", () => {
  it("names the parameter, the value and the type, and shows the SQL", () => {
    const stmt = select(users.c.id).where(users.c.id.eq("five" as unknown as number));
    const compiled = stmt.compile({ dialect: strDialect });
    let thrown: unknown;
    try {
      compiled.positional(undefined, stmt.bindParams, identity);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BindTypeError);
    expect(thrown).toBeInstanceOf(StatementError);
    const error = thrown as BindTypeError;
    expect(error.parameter).toBe("id_1");
    expect(error.value).toBe("five");
    expect(error.typeName).toBe("Integer()");
    expect(error.cause).toBeInstanceOf(TypeMismatchError);
    expect(error.message).toBe(
      "Bind parameter 'id_1': Integer() expects a finite number or bigint, got the string 'five'.\n" +
        "[SQL: SELECT users.id \nFROM users \nWHERE users.id = :id_1]",
    );
  });

  it("checks values passed at execution too, and shows them", () => {
    const stmt = select(users.c.id).where(users.c.mood.eq(bindparam("m", users.c.mood.type)));
    const compiled = stmt.compile({ dialect: strDialect });
    expect(() => compiled.positional({ m: "angry" }, stmt.bindParams, identity)).toThrow(
      "Bind parameter 'm': 'angry' is not among the defined enum values. Enum name: mood. Possible values: 'happy', 'sad'.\n" +
        "[SQL: SELECT users.id \nFROM users \nWHERE users.mood = :m]\n" +
        "[parameters: {'m': 'angry'}]",
    );
    expect(compiled.positional({ m: "sad" }, stmt.bindParams, identity)).toEqual(["sad"]);
  });

  it("lets valid values and NULL through in placeholder order", () => {
    const stmt = select(users.c.id).where(users.c.id.gt(1), users.c.mood.ne("sad"));
    const compiled = stmt.compile({ dialect: strDialect });
    expect(compiled.positional(undefined, stmt.bindParams, identity)).toEqual([1, "sad"]);
    expect(compiled.positional({ id_1: null }, stmt.bindParams, identity)).toEqual([null, "sad"]);
  });

  it("an untyped bindparam() takes the type of the column it is compared with or assigned to, as SQLAlchemy's", () => {
    const where = select(users.c.id).where(users.c.mood.eq(bindparam("m")));
    expect(() => where.compile({ dialect: strDialect }).positional({ m: "angry" }, where.bindParams, identity)).toThrow(
      "Bind parameter 'm': 'angry' is not among the defined enum values",
    );
    const set = sa.update(users).values({ id: bindparam("new_id") });
    const compiled = set.compile({ dialect: strDialect, columnKeys: ["new_id"] });
    expect(() => compiled.positional({ new_id: "7" }, set.bindParams, identity)).toThrow(
      "Bind parameter 'new_id': Integer() expects a finite number or bigint, got the string '7'.",
    );
    // A typed bindparam() keeps its own type.
    const own = select(users.c.id).where(users.c.id.eq(bindparam("x", sa.String())));
    expect(own.compile({ dialect: strDialect }).positional({ x: "7" }, own.bindParams, identity)).toEqual(["7"]);
  });
});
