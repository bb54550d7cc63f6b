/**
 * PostgreSQL's reserved key words, as SQLAlchemy's postgresql dialect lists them
 * (RESERVED_WORDS in dialects/postgresql/base.py): the words PostgreSQL's grammar
 * reserves, plus those reserved only in some positions ("reserved (can be function or
 * type)"), which a column or table name must also quote.
 */
export const POSTGRES_RESERVED_WORDS: ReadonlySet<string> = new Set(
  (
    "all analyse analyze and any array as asc asymmetric both case cast check collate column constraint " +
    "create current_catalog current_date current_role current_time current_timestamp current_user default " +
    "deferrable desc distinct do else end except false fetch for foreign from grant group having in " +
    "initially intersect into leading limit localtime localtimestamp new not null of off offset old on " +
    "only or order placing primary references returning select session_user some symmetric table then to " +
    "trailing true union unique user using variadic when where window with authorization between binary " +
    "cross current_schema freeze full ilike inner is isnull join left like natural notnull outer over " +
    "overlaps right similar verbose"
  ).split(" "),
);
