/**
 * MikroORM, as its docs show it without decorators: EntitySchema definitions, one
 * MikroORM per database, a forked EntityManager per unit of work, em.create() +
 * flush() for inserts, references + flush() for updates, the QueryBuilder for the join.
 */
import { Collection, EntitySchema, type MikroORM } from "@mikro-orm/core";
import type { SqlEntityManager } from "@mikro-orm/better-sqlite";
import type { DbTarget } from "../db/target.js";
import type { BenchSystem, FixtureRows } from "../system.js";

class User {
  declare id: number;
  declare name: string;
  declare fullname?: string | null;
  addresses = new Collection<Address>(this);
}

class Address {
  declare id: number;
  declare emailAddress: string;
  declare user: User;
}

const UserSchema = new EntitySchema<User>({
  class: User,
  tableName: "user_account",
  properties: {
    id: { type: "number", primary: true, autoincrement: true },
    name: { type: "string", length: 30 },
    fullname: { type: "string", length: 100, nullable: true },
    addresses: { kind: "1:m", entity: () => Address, mappedBy: "user" },
  },
});

const AddressSchema = new EntitySchema<Address>({
  class: Address,
  tableName: "address",
  properties: {
    id: { type: "number", primary: true, autoincrement: true },
    emailAddress: { type: "string", fieldName: "email_address", length: 100 },
    user: { kind: "m:1", entity: () => User, fieldName: "user_id" },
  },
});

async function init(target: DbTarget): Promise<MikroORM> {
  const common = { entities: [UserSchema, AddressSchema], debug: false, allowGlobalContext: false };
  switch (target.name) {
    case "sqlite": {
      const { MikroORM } = await import("@mikro-orm/better-sqlite");
      return MikroORM.init({ ...common, dbName: target.file });
    }
    case "pg": {
      const { MikroORM } = await import("@mikro-orm/postgresql");
      const { database, ...address } = target.server;
      return MikroORM.init({ ...common, ...address, dbName: database });
    }
    case "mysql": {
      const { MikroORM } = await import("@mikro-orm/mariadb");
      const { database, ...address } = target.server;
      return MikroORM.init({ ...common, ...address, dbName: database });
    }
  }
}

export default function mikroorm(target: DbTarget): BenchSystem {
  let orm: MikroORM | undefined;
  /** A fresh unit of work, as a request handler would fork one. */
  const fork = (): SqlEntityManager => {
    if (orm === undefined) throw new Error("setup() was not called");
    return orm.em.fork() as SqlEntityManager;
  };
  const system: BenchSystem = {
    async setup() {
      orm = await init(target);
    },
    async teardown() {
      await orm?.close(true);
    },
    async bulkInsertReturning(users) {
      const em = fork();
      const created = users.map((user) => em.create(User, { name: user.name, fullname: user.fullname }));
      await em.flush();
      return created.map((user) => user.id);
    },
    async shortSelectsRebuilt(ids) {
      const em = fork();
      const names: string[] = [];
      for (const id of ids) names.push((await em.findOneOrFail(User, id)).name);
      return names;
    },
    async largeResultset() {
      return fork().find(User, {});
    },
    async executemanyUpdate(updates) {
      const em = fork();
      for (const u of updates) em.getReference(User, u.id).fullname = u.fullname;
      await em.flush();
    },
    async compileOnly(times) {
      const em = fork();
      let length = 0;
      for (let i = 0; i < times; i++) {
        const qb = em
          .createQueryBuilder(User, "u")
          .select(["u.id", "u.name", "a.emailAddress", "a2.emailAddress"])
          .join("u.addresses", "a")
          .join("u.addresses", "a2")
          .where({ name: `u${i}`, addresses: { emailAddress: { $like: "%@example.com" } } })
          .orderBy({ id: "asc" })
          .limit(10);
        length += qb.getQuery().length + qb.getParams().length;
      }
      return length;
    },
  };
  if (target.name === "sqlite") {
    system.fixtureSql = async (sql, params): Promise<FixtureRows> => {
      const rows: unknown = await fork().getConnection().execute(sql, [...params]);
      return Array.isArray(rows) ? (rows as FixtureRows) : [];
    };
  }
  return system;
}
