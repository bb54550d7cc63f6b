/** One token of SQL text that reflection reads back (a CREATE TABLE, a CHECK clause). */
export interface SQLToken {
  /** `word`: a bare name or keyword; `quoted`: a quoted name; `string`: a string literal; `punct`: any other character. */
  readonly kind: "word" | "quoted" | "string" | "punct";
  readonly text: string;
  /** Where the token starts in the text, and where it ends (exclusive). */
  readonly start: number;
  readonly end: number;
}

export interface SQLTokenOptions {
  /** `\` escapes the next character inside a string literal (MySQL's default sql_mode). */
  readonly backslashEscapes?: boolean;
  /** `[name]` is a quoted name (SQLite, after SQL Server); elsewhere `[` is punctuation. */
  readonly bracketNames?: boolean;
}

const CLOSING_QUOTE: Readonly<Record<string, string>> = { "'": "'", '"': '"', "`": "`", "[": "]" };

/**
 * The tokens of SQL text, comments and whitespace left out: enough to find keywords and
 * matching parentheses without being fooled by a `)` inside a string or a quoted name.
 *
 * @example
 * sqlTokens("CHECK (name <> ')')").map((t) => t.text); // ["CHECK", "(", "name", "<", ">", "')'", ")"]
 */
export function sqlTokens(sql: string, options: SQLTokenOptions = {}): SQLToken[] {
  const tokens: SQLToken[] = [];
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i] as string;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      i = end === -1 ? sql.length : end + 1;
    } else if (ch === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      i = end === -1 ? sql.length : end + 2;
    } else if (CLOSING_QUOTE[ch] !== undefined && (ch !== "[" || options.bracketNames === true)) {
      const end = quotedEnd(sql, i, CLOSING_QUOTE[ch] as string, ch === "'" && options.backslashEscapes === true);
      tokens.push({ kind: ch === "'" ? "string" : "quoted", text: sql.slice(i, end), start: i, end });
      i = end;
    } else if (/[\w$]/.test(ch)) {
      let end = i + 1;
      while (end < sql.length && /[\w$]/.test(sql[end] as string)) end++;
      tokens.push({ kind: "word", text: sql.slice(i, end), start: i, end });
      i = end;
    } else {
      tokens.push({ kind: "punct", text: ch, start: i, end: i + 1 });
      i++;
    }
  }
  return tokens;
}

/** Where a quoted token that opens at `start` ends: past its closing quote (a doubled quote is an escaped one). */
function quotedEnd(sql: string, start: number, close: string, backslashEscapes: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    const ch = sql[i];
    if (backslashEscapes && ch === "\\") {
      i += 2;
    } else if (ch === close) {
      if (close !== "]" && sql[i + 1] === close) i += 2;
      else return i + 1;
    } else {
      i++;
    }
  }
  return sql.length;
}

/** The index of the `)` token that closes the `(` at `open`; -1 when it is never closed. */
export function closingParenthesis(tokens: readonly SQLToken[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const token = tokens[i] as SQLToken;
    if (token.kind !== "punct") continue;
    if (token.text === "(") depth++;
    else if (token.text === ")" && --depth === 0) return i;
  }
  return -1;
}

/**
 * The text without one pair of parentheses around the whole of it, trimmed:
 * `(x > 0)` → `x > 0`, while `(a) OR (b)` stays as it is.
 *
 * @example
 * stripOuterParentheses("((a > 1) AND (a < 5))"); // "(a > 1) AND (a < 5)"
 */
export function stripOuterParentheses(sql: string, options: SQLTokenOptions = {}): string {
  const tokens = sqlTokens(sql, options);
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (first?.text !== "(" || last === undefined || first.kind !== "punct") return sql.trim();
  return closingParenthesis(tokens, 0) === tokens.length - 1 ? sql.slice(first.end, last.start).trim() : sql.trim();
}

/**
 * The condition of `CHECK (condition) [NOT VALID ...]` (PostgreSQL's pg_get_constraintdef
 * text), without parentheses around the whole; null when the text holds no CHECK.
 *
 * @example
 * checkCondition("CHECK ((price > 0)) NOT VALID"); // "price > 0"
 */
export function checkCondition(definition: string, options: SQLTokenOptions = {}): string | null {
  const tokens = sqlTokens(definition, options);
  const check = tokens.findIndex((t, i) => t.kind === "word" && t.text.toUpperCase() === "CHECK" && tokens[i + 1]?.text === "(");
  if (check === -1) return null;
  const close = closingParenthesis(tokens, check + 1);
  if (close === -1) return null;
  const inner = definition.slice((tokens[check + 1] as SQLToken).end, (tokens[close] as SQLToken).start);
  return stripOuterParentheses(inner, options);
}
