import { describe, expect, it } from "@jest/globals";
import {
  AmbiguousForeignKeysError,
  and,
  Column,
  ForeignKey,
  Integer,
  InvalidRequestError,
  join,
  MetaData,
  NoForeignKeysError,
  outerjoin,
  select,
  String,
  Table,
} from "../../src/index.js";
import { addresses, sql, users } from "./support/tutorial-tables.js";

const shop = MetaData();
const customers = Table("customer", shop, Column("id", Integer, { primaryKey: true }), Column("name", String));
const orders = Table(
  "orders",
  shop,
  Column("id", Integer, { primaryKey: true }),
  Column("customer_id", ForeignKey("customer.id")),
  Column("referrer_id", ForeignKey("customer.id")),
);
const items = Table("item", shop, Column("id", Integer, { primaryKey: true }), Column("order_id", ForeignKey("orders.id")));
const notes = Table("note", shop, Column("id", Integer, { primaryKey: true }), Column("text", String));

describe("join()", () => {
  it("infers the ON clause from the foreign key, referenced column first", () => {
    expect(sql(join(users, addresses))).toBe("user_account JOIN address ON user_account.id = address.user_id");
    expect(sql(join(addresses, users))).toBe("address JOIN user_account ON user_account.id = address.user_id");
    expect(sql(users.join(addresses))).toBe("user_account JOIN address ON user_account.id = address.user_id");
  });

  it("takes an explicit ON clause, and outer / full joins", () => {
    const on = and(users.c.id.eq(addresses.c.user_id), addresses.c.email_address.ne("x"));
    expect(sql(join(users, addresses, on))).toBe(
      "user_account JOIN address ON user_account.id = address.user_id AND address.email_address != :email_address_1",
    );
    expect(sql(outerjoin(users, addresses))).toBe("user_account LEFT OUTER JOIN address ON user_account.id = address.user_id");
    expect(sql(users.outerjoin(addresses, null, { full: true }))).toBe(
      "user_account FULL OUTER JOIN address ON user_account.id = address.user_id",
    );
  });

  it("chains: the last-joined table is preferred; a join on the right is parenthesized", () => {
    expect(sql(customers.join(orders, customers.c.id.eq(orders.c.customer_id)).join(items))).toBe(
      "customer JOIN orders ON customer.id = orders.customer_id JOIN item ON orders.id = item.order_id",
    );
    expect(sql(customers.join(orders.join(items), customers.c.id.eq(orders.c.customer_id)))).toBe(
      "customer JOIN (orders JOIN item ON orders.id = item.order_id) ON customer.id = orders.customer_id",
    );
  });

  it("errors when no foreign key, or more than one constraint, relates the two", () => {
    expect(() => join(customers, notes)).toThrow(NoForeignKeysError);
    expect(() => join(customers, notes)).toThrow(/Can't find any foreign key relationships between 'customer' and 'note'/);
    expect(() => join(customers, orders)).toThrow(AmbiguousForeignKeysError);
    expect(() => join(customers, orders)).toThrow(/more than one foreign key constraint/);
  });
});

describe("select().join()", () => {
  it("joins from the FROM item of the selected columns; the join replaces both tables", () => {
    expect(sql(select(users.c.name, addresses.c.email_address).join(addresses))).toBe(
      "SELECT user_account.name, address.email_address \nFROM user_account JOIN address ON user_account.id = address.user_id",
    );
  });

  it("finds the left side by foreign key among several FROM items", () => {
    const stmt = select(customers.c.name, items.c.id, notes.c.text).join(orders, customers.c.id.eq(orders.c.customer_id));
    expect(sql(stmt)).toBe(
      "SELECT customer.name, item.id, note.text \nFROM customer JOIN orders ON customer.id = orders.customer_id, item, note",
    );
    expect(sql(select(items.c.id, notes.c.text).join(orders))).toBe(
      "SELECT item.id, note.text \nFROM item JOIN orders ON orders.id = item.order_id, note",
    );
  });

  it("continues a join chain, and outerjoin()", () => {
    const stmt = select(customers.c.name).join(orders, customers.c.id.eq(orders.c.customer_id)).outerjoin(items);
    expect(sql(stmt)).toBe(
      "SELECT customer.name \nFROM customer JOIN orders ON customer.id = orders.customer_id LEFT OUTER JOIN item ON orders.id = item.order_id",
    );
  });

  it("joinFrom() a table already joined joins on that table's foreign keys", () => {
    const stmt = select(customers.c.name)
      .join(notes, customers.c.name.eq(notes.c.text))
      .joinFrom(customers, orders, customers.c.id.eq(orders.c.referrer_id))
      .joinFrom(orders, items);
    expect(sql(stmt)).toBe(
      "SELECT customer.name \nFROM customer JOIN note ON customer.name = note.text " +
        "JOIN orders ON customer.id = orders.referrer_id JOIN item ON orders.id = item.order_id",
    );
  });

  it("selectFrom() and joinFrom() name the left side", () => {
    expect(sql(select(addresses.c.email_address).selectFrom(users).join(addresses))).toBe(
      "SELECT address.email_address \nFROM user_account JOIN address ON user_account.id = address.user_id",
    );
    expect(sql(select(users.c.name).joinFrom(users, addresses).where(addresses.c.email_address.eq("a@b")))).toBe(
      "SELECT user_account.name \nFROM user_account JOIN address ON user_account.id = address.user_id \nWHERE address.email_address = :email_address_1",
    );
  });

  it("errors: several FROM items could join, or none is there", () => {
    const stmt = select(items.c.id, customers.c.name);
    expect(() => stmt.join(orders)).toThrow(InvalidRequestError);
    expect(() => stmt.join(orders)).toThrow(/multiple FROMS which can join/);
    expect(() => select(customers.c.name).join(customers)).toThrow(/No FROM item to join/);
  });

  it("the join is part of the cache key", () => {
    const a = select(users.c.name).join(addresses);
    expect(a.cacheKey).toBe(select(users.c.name).join(addresses).cacheKey);
    expect(a.cacheKey).not.toBe(select(users.c.name).outerjoin(addresses).cacheKey);
  });
});
