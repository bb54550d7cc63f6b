import { InvalidRequestError } from "../../errors.js";
import type { MetaData } from "./metadata.js";
import type { ReflectBind } from "./reflect-request.js";
import type { TableImpl } from "./table.js";

/**
 * `Table.reflect(name, metadata, bind)`: the table as the database defines it, built
 * into `metadata` (with the tables its foreign keys refer to), as SQLAlchemy's
 * `Table(name, metadata, autoload_with=engine)`. Asynchronous, so a static method
 * rather than a Table() option. A table the MetaData already has is returned as it is.
 *
 * @example
 * const users = await Table.reflect("user_account", metadata, engine);
 * await conn.execute(insert(users).values({ name: "sandy" }));
 */
export async function reflectTable(
  name: string,
  metadata: MetaData,
  bind: ReflectBind,
  options: { readonly schema?: string } = {},
): Promise<TableImpl> {
  const schema = options.schema ?? metadata.options.schema ?? null;
  const fullname = schema === null ? name : `${schema}.${name}`;
  const existing = metadata.tables.get(fullname);
  if (existing !== undefined) return existing;
  await metadata.reflect(bind, { only: [name], ...(schema === null ? {} : { schema }) });
  const table = metadata.tables.get(fullname);
  if (table === undefined) throw new InvalidRequestError(`Reflecting '${fullname}' built no table; this is a bug in the dialect's reflection.`);
  return table;
}
