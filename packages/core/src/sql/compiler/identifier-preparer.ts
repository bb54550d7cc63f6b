/**
 * Quotes identifiers only where needed, as SQLAlchemy's IdentifierPreparer: reserved
 * words, names that are not lower case (so case-sensitive), and names with characters
 * other than letters, digits, `_` and `$`.
 */
export class IdentifierPreparer {
  private readonly cache = new Map<string, string>();

  constructor(
    readonly reservedWords: ReadonlySet<string> = ANSI_RESERVED_WORDS,
    readonly initialQuote = '"',
    readonly finalQuote = initialQuote,
  ) {}

  /** The identifier as SQL: quoted (with the quote character doubled inside) when required. */
  quote(identifier: string): string {
    let quoted = this.cache.get(identifier);
    if (quoted === undefined) {
      quoted = this.requiresQuotes(identifier) ? this.quoteAlways(identifier) : identifier;
      this.cache.set(identifier, quoted);
    }
    return quoted;
  }

  quoteAlways(identifier: string): string {
    const escaped = identifier.split(this.finalQuote).join(this.finalQuote + this.finalQuote);
    return `${this.initialQuote}${escaped}${this.finalQuote}`;
  }

  requiresQuotes(identifier: string): boolean {
    return (
      this.reservedWords.has(identifier.toLowerCase()) ||
      !LEGAL_CHARACTERS.test(identifier) ||
      identifier !== identifier.toLowerCase()
    );
  }
}

const LEGAL_CHARACTERS = /^[a-z_][a-z0-9_$]*$/i;

/** SQLAlchemy's compiler.RESERVED_WORDS: the ANSI SQL words every dialect quotes. */
export const ANSI_RESERVED_WORDS: ReadonlySet<string> = new Set(
  (
    "all analyse analyze and any array as asc asymmetric authorization between binary both case cast check " +
    "collate column constraint create cross current_date current_role current_time current_timestamp " +
    "current_user default deferrable desc distinct do else end except false for foreign freeze from full " +
    "grant group having ilike in initially inner intersect into is isnull join leading left like limit " +
    "localtime localtimestamp natural new not notnull null off offset old on only or order outer overlaps " +
    "placing primary references right select session_user set similar some symmetric table then to " +
    "trailing true union unique user using verbose when where"
  ).split(" "),
);
