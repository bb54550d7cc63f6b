export * from "./type-engine.js";
export * from "./generic.js";
