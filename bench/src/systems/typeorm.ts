/**
 * TypeORM, as its docs show it without decorators: EntitySchema definitions, a
 * DataSource per database, repositories and the EntityManager, transactions through
 * dataSource.transaction(), the query builder for the join.
 */
import type { DataSource, DataSourceOptions, EntitySchema as EntitySchemaClass } from "typeorm";
import type { DbTarget } from "../db/target.js";
import type { BenchSystem, FixtureRows } from "../system.js";

class User {
  declare id: number;
  declare name: string;
  declare fullname: string | null;
  declare addresses: Address[];
}

class Address {
  declare id: number;
  declare emailAddress: string;
  declare user: User;
}

function entities(EntitySchema: typeof EntitySchemaClass): [EntitySchemaClass<User>, EntitySchemaClass<Address>] {
  const users = new EntitySchema<User>({
    name: "User",
    target: User,
    tableName: "user_account",
    columns: {
      id: { type: "integer", primary: true, generated: "increment" },
      name: { type: "varchar", length: 30 },
      fullname: { type: "varchar", length: 100, nullable: true },
    },
    relations: { addresses: { type: "one-to-many", target: "Address", inverseSide: "user" } },
  });
  const addresses = new EntitySchema<Address>({
    name: "Address",
    target: Address,
    tableName: "address",
    columns: {
      id: { type: "integer", primary: true, generated: "increment" },
      emailAddress: { name: "email_address", type: "varchar", length: 100 },
    },
    relations: { user: { type: "many-to-one", target: "User", joinColumn: { name: "user_id" }, inverseSide: "addresses" } },
  });
  return [users, addresses];
}

function options(target: DbTarget, schemas: DataSourceOptions["entities"]): DataSourceOptions {
  switch (target.name) {
    case "sqlite":
      return { type: "better-sqlite3", database: target.file, entities: schemas };
    case "pg":
      return { type: "postgres", ...target.server, username: target.server.user, entities: schemas };
    case "mysql":
      return { type: "mariadb", ...target.server, username: target.server.user, entities: schemas };
  }
}

export default function typeorm(target: DbTarget): BenchSystem {
  let dataSource: DataSource | undefined;
  const open = (): DataSource => {
    if (dataSource === undefined) throw new Error("setup() was not called");
    return dataSource;
  };
  const system: BenchSystem = {
    async setup() {
      const { DataSource, EntitySchema } = await import("typeorm");
      dataSource = new DataSource(options(target, entities(EntitySchema)));
      await dataSource.initialize();
    },
    async teardown() {
      await dataSource?.destroy();
    },
    async bulkInsertReturning(users) {
      return open().transaction(async (manager) => {
        const result = await manager.insert(User, [...users]);
        return result.identifiers.map((identifier) => Number(identifier.id));
      });
    },
    async shortSelectsRebuilt(ids) {
      const repository = open().getRepository(User);
      const names: string[] = [];
      for (const id of ids) names.push((await repository.findOneByOrFail({ id })).name);
      return names;
    },
    async largeResultset() {
      return open().getRepository(User).find();
    },
    async executemanyUpdate(updates) {
      await open().transaction(async (manager) => {
        for (const u of updates) await manager.update(User, { id: u.id }, { fullname: u.fullname });
      });
    },
    async compileOnly(times) {
      const repository = open().getRepository(User);
      let length = 0;
      for (let i = 0; i < times; i++) {
        const [sql, params] = repository
          .createQueryBuilder("u")
          .innerJoin("u.addresses", "a")
          .innerJoin("u.addresses", "a2")
          .select(["u.id", "u.name", "a.emailAddress", "a2.emailAddress"])
          .where("u.name = :name", { name: `u${i}` })
          .andWhere("a.emailAddress LIKE :pattern", { pattern: "%@example.com" })
          .orderBy("u.id")
          .limit(10)
          .getQueryAndParameters();
        length += sql.length + params.length;
      }
      return length;
    },
  };
  if (target.name === "sqlite") {
    system.fixtureSql = async (sql, params): Promise<FixtureRows> => {
      const rows: unknown = await open().query(sql, [...params]);
      return Array.isArray(rows) ? (rows as FixtureRows) : [];
    };
  }
  // TypeORM streams on mysql/mariadb; on PostgreSQL it needs pg-query-stream, and not on SQLite.
  if (target.name === "mysql") {
    system.largeResultsetStreamed = async () => {
      let count = 0;
      const stream = await open().getRepository(User).createQueryBuilder("u").stream();
      for await (const _row of stream) count++;
      return count;
    };
  }
  return system;
}
