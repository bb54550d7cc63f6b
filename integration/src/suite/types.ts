import { Boolean, DateTime, Date as DateType, text } from "@alkahest/core";
import { describe, expect, it } from "@jest/globals";
import { useEngine, type ConformanceConfig } from "../config.js";
import { typeRoundtripTests } from "./type-roundtrip.js";
import { typeVariantTests } from "./type-variants.js";

/**
 * Values whose storage differs by database come back as the JavaScript values that
 * went in (test_types): declared result columns of text(), and every type through
 * INSERT and SELECT (type-roundtrip.ts).
 */
export function typeTests(config: ConformanceConfig): void {
  typeRoundtripTests(config);
  typeVariantTests(config);
  describe("types", () => {
    const db = useEngine(config);

    it("booleans, datetimes and dates round-trip through declared result columns", async () => {
      const at = new Date(Date.UTC(2025, 10, 13, 11, 19, 23, 348));
      const day = new Date(Date.UTC(2025, 10, 13));
      const row = await db.engine.connect(async (conn) => {
        await conn.execDriverSql("CREATE TABLE typed (ok BOOLEAN, notok BOOLEAN, at TIMESTAMP(6), day DATE, missing BOOLEAN)");
        await conn.execute(text("INSERT INTO typed (ok, notok, at, day, missing) VALUES (:ok, :notok, :at, :day, :missing)"), {
          ok: true,
          notok: false,
          at,
          day,
          missing: null,
        });
        const stmt = text("SELECT ok, notok, at, day, missing FROM typed").columns({
          ok: Boolean,
          notok: Boolean,
          at: DateTime,
          day: DateType,
          missing: Boolean,
        });
        return (await conn.execute(stmt)).one();
      });
      expect(row.ok).toBe(true);
      expect(row.notok).toBe(false);
      expect(row.at).toEqual(at);
      expect(row.day).toEqual(day);
      expect(row.missing).toBeNull();
    });
  });
}
