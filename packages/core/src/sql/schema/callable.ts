/**
 * Makes a schema class callable without `new`, so schema code reads like SQLAlchemy's
 * (`Table("user_account", metadata, Column("id", Integer))`), while `new Table(...)`
 * and `instanceof Table` keep working. `build` turns SQLAlchemy's loose argument list
 * into an instance.
 */
export function callable<A extends unknown[], R extends object>(
  Class: abstract new (...args: never[]) => R,
  build: (...args: A) => R,
): { (...args: A): R; new (...args: A): R; prototype: R } {
  // A constructor that returns an object makes `new` yield that object.
  function construct(...args: A): R {
    return build(...args);
  }
  construct.prototype = Class.prototype;
  Object.defineProperty(construct, "name", { value: Class.name.replace(/Impl$/, "") });
  return construct as unknown as { (...args: A): R; new (...args: A): R; prototype: R };
}
