/**
 * Python-`repr`-style rendering of bound parameters, so echo logs and error messages
 * read exactly like SQLAlchemy's (`sqlalchemy.sql.util._repr_params`).
 *
 * JavaScript cannot tell `1` from `1.0`, so integral numbers print as Python ints.
 * A `Date` prints as a quoted UTC timestamp, `'2025-11-13 11:19:23.348000'`, the text
 * form SQLAlchemy's SQLite DateTime type binds. Bytes print as Python `b'...'`.
 */

/** Longest repr of one value before its middle is elided. */
const MAX_CHARS = 300;
/** Most values of one parameter set shown before the middle ones are elided. */
const MAX_PARAMS = 100;
/** Most parameter sets of an executemany shown before the middle ones are elided. */
const BATCHES = 10;

/**
 * The Python repr of one bound value, its middle elided past 300 characters.
 *
 * @example
 * reprValue("it's"); // `"it's"`
 * reprValue(null);   // "None"
 */
export function reprValue(value: unknown): string {
  return trunc(value);
}

/**
 * One parameter set as a Python tuple (positional) or dict (named), or with `many`
 * a list of them, elided the way SQLAlchemy elides long sets and long lists.
 *
 * @example
 * reprParams([6], false);              // "(6,)"
 * reprParams([[1, 1], [2, 4]], true);  // "[(1, 1), (2, 4)]"
 * reprParams({ x: 1, y: "a" }, false); // "{'x': 1, 'y': 'a'}"
 */
export function reprParams(
  params: readonly unknown[] | readonly (readonly unknown[])[] | Readonly<Record<string, unknown>>,
  many: boolean,
): string {
  if (!many || !Array.isArray(params)) return reprSet(params);
  const sets: readonly unknown[] = params;
  if (sets.length <= BATCHES) return `[${sets.map(reprSet).join(", ")}]`;
  const head = sets.slice(0, BATCHES - 2).map(reprSet).join(", ");
  const tail = sets.slice(-2).map(reprSet).join(", ");
  // SQLAlchemy joins the three parts with spaces around a message that has its own.
  return `[${head}  ... displaying ${BATCHES} of ${sets.length} total bound parameter sets ...  ${tail}]`;
}

/**
 * One result row as a Python tuple, for `Row (...)` debug lines: like a positional
 * parameter set but never elided by count, as SQLAlchemy's `_repr_row`.
 *
 * @example
 * reprRow([1, "a"]); // "(1, 'a')"
 */
export function reprRow(row: readonly unknown[]): string {
  return `(${row.map(trunc).join(", ")}${row.length === 1 ? "," : ""})`;
}

function reprSet(params: unknown): string {
  if (Array.isArray(params)) {
    if (params.length > MAX_PARAMS) {
      const half = MAX_PARAMS / 2;
      const head = params.slice(0, half).map(trunc).join(", ");
      const tail = params.slice(-half).map(trunc).join(", ");
      return `(${head} ... ${params.length - MAX_PARAMS} parameters truncated ... ${tail})`;
    }
    return reprRow(params);
  }
  if (isPlainObject(params)) {
    const entries = Object.entries(params);
    const item = ([key, value]: [string, unknown]): string => `${reprString(key)}: ${trunc(value)}`;
    if (entries.length > MAX_PARAMS) {
      const half = MAX_PARAMS / 2;
      const head = entries.slice(0, half).map(item).join(", ");
      const tail = entries.slice(-half).map(item).join(", ");
      return `{${head} ... ${entries.length - MAX_PARAMS} parameters truncated ... ${tail}}`;
    }
    return `{${entries.map(item).join(", ")}}`;
  }
  return trunc(params);
}

function trunc(value: unknown): string {
  const rep = repr(value, undefined);
  if (rep.length <= MAX_CHARS) return rep;
  // Python counts code points; only split into them on this rare, long path.
  const points = Array.from(rep);
  if (points.length <= MAX_CHARS) return rep;
  const segment = MAX_CHARS / 2;
  return (
    points.slice(0, segment).join("") +
    ` ... (${points.length - MAX_CHARS} characters truncated) ... ` +
    points.slice(-segment).join("")
  );
}

/** `seen` holds the containers being rendered, so a cycle prints as Python's `[...]`. */
function repr(value: unknown, seen: Set<object> | undefined): string {
  switch (typeof value) {
    case "string":
      return reprString(value);
    case "number":
      return reprNumber(value);
    case "bigint":
      return value.toString();
    case "boolean":
      return value ? "True" : "False";
    case "undefined":
      return "None";
    case "symbol":
      return value.toString();
    case "function":
      return `<function ${value.name || "<anonymous>"}>`;
  }
  if (value === null) return "None";
  const obj = value as object;
  if (obj instanceof Date) return reprDate(obj);
  if (obj instanceof Uint8Array) return reprBytes(obj);
  if (Array.isArray(obj) || isPlainObject(obj)) {
    const open = Array.isArray(obj) ? "[" : "{";
    const close = Array.isArray(obj) ? "]" : "}";
    if (seen?.has(obj)) return `${open}...${close}`;
    const inner = seen ?? new Set<object>();
    inner.add(obj);
    const parts = Array.isArray(obj)
      ? obj.map((item: unknown) => repr(item, inner))
      : Object.entries(obj).map(([k, v]) => `${reprString(k)}: ${repr(v, inner)}`);
    inner.delete(obj);
    return open + parts.join(", ") + close;
  }
  // Class instances with their own text form (decimals, errors) show it; others their class.
  if (obj.toString !== Object.prototype.toString) return String(obj);
  return `<${obj.constructor?.name ?? "Object"} object>`;
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== "object" || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function reprNumber(n: number): string {
  if (Number.isInteger(n)) {
    // Past 1e21 String() switches to exponent form; a Python int never does.
    return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
  }
  if (Number.isNaN(n)) return "nan";
  if (!Number.isFinite(n)) return n > 0 ? "inf" : "-inf";
  // Python's float repr uses an exponent below 1e-4, JavaScript's only below 1e-6.
  if (Math.abs(n) >= 1e-4) return String(n);
  const exp = n.toExponential();
  const e = exp.indexOf("e");
  const sign = exp[e + 1] as string;
  const digits = exp.slice(e + 2);
  return `${exp.slice(0, e)}e${sign}${digits.length < 2 ? "0" + digits : digits}`;
}

/** Characters Python's repr escapes: backslash, quotes, and the non-printable (categories C and Z). */
const STRING_ESCAPES = /[\\'"\p{C}\p{Z}]/gu;

function reprString(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  const body = s.replace(STRING_ESCAPES, (ch) => {
    switch (ch) {
      case " ":
        return ch;
      case "\\":
        return "\\\\";
      case "\n":
        return "\\n";
      case "\r":
        return "\\r";
      case "\t":
        return "\\t";
      case "'":
      case '"':
        return ch === quote ? "\\" + ch : ch;
    }
    return hexEscape(ch.codePointAt(0) as number);
  });
  return quote + body + quote;
}

function hexEscape(code: number): string {
  const hex = code.toString(16);
  if (code < 0x100) return "\\x" + hex.padStart(2, "0");
  if (code < 0x10000) return "\\u" + hex.padStart(4, "0");
  return "\\U" + hex.padStart(8, "0");
}

/** Bytes Python's bytes repr escapes: backslash, quotes and anything outside printable ASCII. */
const BYTE_ESCAPES = /[^ !#-&(-[\]-~]/g;

function reprBytes(bytes: Uint8Array): string {
  // Bytes become a Latin-1 string in chunks, so one native regex pass does the escaping.
  let text = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const body = text.replace(BYTE_ESCAPES, (ch) => {
    switch (ch) {
      case "\\":
        return "\\\\";
      case "\n":
        return "\\n";
      case "\r":
        return "\\r";
      case "\t":
        return "\\t";
      case "'":
      case '"':
        return ch === quote ? "\\" + ch : ch;
    }
    return "\\x" + ch.charCodeAt(0).toString(16).padStart(2, "0");
  });
  return "b" + quote + body + quote;
}

function reprDate(date: Date): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return "'Invalid Date'";
  // toISOString gives "2025-11-13T11:19:23.348Z"; Python's str(datetime) has microseconds.
  const iso = date.toISOString();
  return `'${iso.slice(0, 10)} ${iso.slice(11, 23)}000'`;
}
