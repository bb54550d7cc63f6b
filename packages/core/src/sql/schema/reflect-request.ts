import type { MetaData } from "./metadata.js";

/** Options of `metadata.reflect()`. */
export interface ReflectOptions {
  /** The schema to reflect; the connection's default schema when absent. */
  readonly schema?: string;
  /**
   * Only these tables (and the tables their foreign keys refer to, so the keys resolve);
   * every table of the schema when absent. A name the database lacks is an error.
   */
  readonly only?: readonly string[];
  /**
   * Reflect the schema's views (and materialized views) too, each as a Table of its
   * columns, as SQLAlchemy's `views=True`; false by default.
   */
  readonly views?: boolean;
}

/** What `metadata.reflect` asks an Engine or Connection to do. */
export interface ReflectionRequest {
  readonly metadata: MetaData;
  readonly schema: string | null;
  readonly only: readonly string[] | null;
  readonly views: boolean;
}

/**
 * Where reflection runs: an Engine (on a connection of its own) or a Connection (in
 * its current transaction). The engine layer implements it, so the schema objects
 * never import the engine.
 */
export interface ReflectBind {
  runReflection(request: ReflectionRequest): Promise<void>;
}
