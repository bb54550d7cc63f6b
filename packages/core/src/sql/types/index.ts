export * from "./type-engine.js";
export * from "./generic.js";
export * from "./array.js";
