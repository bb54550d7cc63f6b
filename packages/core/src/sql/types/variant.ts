/**
 * Type variants, as SQLAlchemy's `TypeEngine.with_variant`: a type that is itself on
 * every database but another type on the named ones. The variant replaces the type
 * wherever the dialect meets it (DDL, CAST, bind and result processing); everything
 * else (repr, operators, the TypeScript value type) stays the base type's.
 */
import { ArgumentError } from "../../errors.js";
import type { Processor, TypeEngine } from "./type-engine.js";

/**
 * What chooses a type's variant: the names the dialect answers to, most specific first.
 * A dialect answers to its `name` (`"sqlite"`, `"postgresql"`); MySQL's MariaDB flavour
 * answers to `"mariadb"`, then `"mysql"`. Without names (the str dialect) no variant applies.
 */
export interface VariantDialect {
  readonly variantNames?: readonly string[];
}

/**
 * The processor of a variant that has none, where the base type's signature promises
 * one (ARRAY, TypeDecorator): values pass as they are.
 */
export const asIs: Processor = (value) => value;

/** The variants of a type made without withVariant: none. */
export const NO_VARIANTS: ReadonlyMap<string, TypeEngine<unknown>> = new Map<string, TypeEngine<unknown>>();

/**
 * A copy of `base` (same class, same parameters, so the same repr) whose `variants` map
 * each of `dialectNames` to `variant`, added to those `base` already has.
 * Throws ArgumentError as SQLAlchemy does: no names, a name already mapped, or a variant
 * that has variants of its own.
 */
export function copyWithVariant<X extends TypeEngine<unknown>>(base: X, variant: TypeEngine<unknown>, dialectNames: readonly string[]): X {
  if (dialectNames.length === 0) {
    throw new ArgumentError(`withVariant() needs at least one dialect name, e.g. ${String(base)}.withVariant(type, "mysql").`);
  }
  const variants = new Map<string, TypeEngine<unknown>>(base.variants);
  for (const name of dialectNames) {
    if (variants.has(name)) {
      throw new ArgumentError(
        `Dialect '${name}' is already present in the variants of this ${String(base)}: ` +
          `call withVariant() once per dialect name.`,
      );
    }
    variants.set(name, variant);
  }
  if (variant.variants.size > 0) {
    throw new ArgumentError(
      `Can't pass a type that already has variants (${String(variant)}) as a dialect-level type to withVariant(): ` +
        `give the plain type, e.g. String(255).`,
    );
  }
  const copy = Object.assign(Object.create(Object.getPrototypeOf(base) as object) as X, base);
  // Subclasses (and users' TypeDecorators) override the `cacheKey` getter, so the copy
  // keeps its key, the base type's plus its variants', as its own property; `variants`
  // likewise shadows the prototype's empty map. Both are fixed: types are immutable.
  Object.defineProperties(copy, {
    variants: { value: variants },
    cacheKey: { value: `${ownCacheKey(base)}+variants(${variantKeys(variants)})` },
  });
  return copy;
}

/** The variant of `type` for `dialect`, or `type` itself. */
export function variantFor(type: TypeEngine<unknown>, dialect: VariantDialect): TypeEngine<unknown> {
  const { variants } = type;
  if (variants.size === 0 || dialect.variantNames === undefined) return type;
  for (const name of dialect.variantNames) {
    const variant = variants.get(name);
    if (variant !== undefined) return variant;
  }
  return type;
}

/** The key the type's class computes (without variants, which the copy adds). */
function ownCacheKey(type: TypeEngine<unknown>): string {
  return Reflect.get(Object.getPrototypeOf(type) as object, "cacheKey", type) as string;
}

function variantKeys(variants: ReadonlyMap<string, TypeEngine<unknown>>): string {
  return [...variants]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, variant]) => `${name}=${variant.cacheKey}`)
    .join(",");
}
