import { describe, expect, it } from "@jest/globals";
import { formatDateTimeUTC, formatDateUTC, parseDateTimeText } from "../../../src/dialect.js";

describe("datetime text (SQLAlchemy's stored layout)", () => {
  it("formats in UTC with microseconds, years below 1000 zero-padded", () => {
    expect(formatDateTimeUTC(new Date(Date.UTC(2025, 10, 13, 11, 19, 23, 48)))).toBe("2025-11-13 11:19:23.048000");
    const early = new Date(0);
    early.setUTCFullYear(44, 2, 15);
    expect(formatDateUTC(early)).toBe("0044-03-15");
  });

  it("parses its own layout, ISO with T, offsets, and a bare date", () => {
    expect(parseDateTimeText("2025-11-13 11:19:23.348000", "X")).toEqual(new Date(Date.UTC(2025, 10, 13, 11, 19, 23, 348)));
    expect(parseDateTimeText("2025-11-13T11:19:23Z", "X")).toEqual(new Date(Date.UTC(2025, 10, 13, 11, 19, 23)));
    expect(parseDateTimeText("2025-11-13 13:19:23+02:00", "X")).toEqual(new Date(Date.UTC(2025, 10, 13, 11, 19, 23)));
    expect(parseDateTimeText("2025-11-13", "X")).toEqual(new Date(Date.UTC(2025, 10, 13)));
  });

  it("names the source and the expected layout when the text is not a datetime", () => {
    expect(() => parseDateTimeText("yesterday", "SQLite")).toThrow(
      "Couldn't parse datetime string 'yesterday' from SQLite: expected 'YYYY-MM-DD HH:MM:SS[.ffffff]'.",
    );
  });
});
