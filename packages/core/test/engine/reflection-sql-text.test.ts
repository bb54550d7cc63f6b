import { describe, expect, it } from "@jest/globals";
import { checkCondition, closingParenthesis, sqlTokens, stripOuterParentheses } from "../../src/engine/reflection/sql-text.js";

describe("reading SQL text back (reflection's tokenizer)", () => {
  it("a ) inside a string, a quoted name or a comment is not a parenthesis", () => {
    const tokens = sqlTokens(`(a <> ')' AND "b)" = 1 -- )\n AND c /* ) */ = 2)`);
    expect(tokens.map((t) => t.text)).toEqual(["(", "a", "<", ">", "')'", "AND", '"b)"', "=", "1", "AND", "c", "=", "2", ")"]);
    expect(closingParenthesis(tokens, 0)).toBe(tokens.length - 1);
  });

  it("doubled quotes stay inside the token; backslash escapes only when asked", () => {
    expect(sqlTokens("'it''s' x").map((t) => t.text)).toEqual(["'it''s'", "x"]);
    expect(sqlTokens(String.raw`'a\')' x`, { backslashEscapes: true }).map((t) => t.text)).toEqual([String.raw`'a\')'`, "x"]);
    expect(sqlTokens("[a)b] x", { bracketNames: true }).map((t) => [t.kind, t.text])).toEqual([
      ["quoted", "[a)b]"],
      ["word", "x"],
    ]);
    expect(sqlTokens("a[1]").map((t) => t.text)).toEqual(["a", "[", "1", "]"]);
  });

  it("stripOuterParentheses takes off one pair around the whole, never a pair that closes early", () => {
    expect(stripOuterParentheses("(x > 0)")).toBe("x > 0");
    expect(stripOuterParentheses(" ((a > 1) AND (a < 5)) ")).toBe("(a > 1) AND (a < 5)");
    expect(stripOuterParentheses("(a > 1) OR (b < 2)")).toBe("(a > 1) OR (b < 2)");
    expect(stripOuterParentheses("(a <> ')')")).toBe("a <> ')'");
    expect(stripOuterParentheses("x > 0")).toBe("x > 0");
  });

  it("checkCondition reads pg_get_constraintdef's CHECK, NOT VALID and NO INHERIT after it", () => {
    expect(checkCondition("CHECK ((price > 0))")).toBe("price > 0");
    expect(checkCondition("CHECK (((a > 1) AND (a < 5))) NOT VALID")).toBe("(a > 1) AND (a < 5)");
    expect(checkCondition("CHECK ((label)::text <> 'CHECK ('::text) NO INHERIT")).toBe("(label)::text <> 'CHECK ('::text");
    expect(checkCondition("UNIQUE (a)")).toBeNull();
  });
});
