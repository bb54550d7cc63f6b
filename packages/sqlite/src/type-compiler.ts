import { TypeCompiler } from "@alkahest/core/dialect";

/**
 * SQLite's type names: the generic ones, as SQLAlchemy's SQLite dialect renders them.
 * SQLite accepts any type name and derives a column's affinity from it, and each
 * generic name already has the affinity its stored form needs (see types.ts):
 * `INTEGER`/`BIGINT` are INTEGER, `FLOAT` is REAL, `VARCHAR(n)`, `TEXT` and `CHAR(32)`
 * (Uuid) are TEXT, so hex digits never turn into numbers, and `BLOB` keeps bytes;
 * `DATETIME`, `DATE`, `TIME`, `BOOLEAN`, `NUMERIC(p, s)` and `JSON` are NUMERIC, which
 * keeps their text and stores 0/1 and decimals as numbers. Override a visit method
 * here where SQLite needs another name.
 */
export class SQLiteTypeCompiler extends TypeCompiler {}
