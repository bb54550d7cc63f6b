/** Reflection: `inspect(engine)` and the shapes it answers with; `metadata.reflect` builds Tables from them. */
export { inspect, Inspector, type InspectOptions } from "./inspector.js";
export type { DialectReflection } from "./dialect-reflection.js";
export type {
  ReflectedCheckConstraint,
  ReflectedColumn,
  ReflectedForeignKey,
  ReflectedIndex,
  ReflectedPrimaryKey,
  ReflectedTable,
  ReflectedTableComment,
  ReflectedUniqueConstraint,
} from "./reflected.js";
export { tableFromReflection } from "./build-table.js";
