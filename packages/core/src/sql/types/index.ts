export * from "./type-engine.js";
export * from "./generic.js";
export * from "./array.js";
export type { VariantDialect } from "./variant.js";
