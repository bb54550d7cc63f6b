import { TYPE_NAME, type TypeEngine } from "./type-engine.js";

/**
 * Makes a type's SQLAlchemy name (`String`, `Numeric`) out of its class and a factory:
 * callable (`String(30)`), usable bare for its default instance (`Column("x", Integer)`),
 * and usable with `instanceof` like the class, as `isinstance(t, String)` is in Python
 * (`Text() instanceof String` is true, Text being a String).
 */
export function typeName<F extends (...args: never[]) => TypeEngine<unknown>>(
  Class: abstract new (...args: never[]) => TypeEngine<unknown>,
  factory: F,
): F & { readonly prototype: ReturnType<F> } {
  // A function, not an arrow: only functions have a prototype for instanceof to read.
  const name = function (this: unknown, ...args: Parameters<F>) {
    return factory(...args);
  };
  Object.defineProperties(name, {
    prototype: { value: Class.prototype },
    name: { value: Class.name.replace(/(Type|Impl)$/, "") },
    [TYPE_NAME]: { value: true },
  });
  return name as unknown as F & { readonly prototype: ReturnType<F> };
}
