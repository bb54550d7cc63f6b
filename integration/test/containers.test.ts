import { describe, expect, it } from "@jest/globals";
import { containerServers, serversToStart } from "./global-setup.js";

describe("testcontainers fallback", () => {
  it("starts only the databases whose URL is unset, and only with Docker", () => {
    const env = { ALKAHEST_PG_URL: "postgresql://x@h/db" };
    expect(serversToStart(env, true).map((s) => s.envVar)).toEqual(["ALKAHEST_MYSQL_URL", "ALKAHEST_MARIADB_URL"]);
    expect(serversToStart(env, false)).toEqual([]);
  });

  it("never starts containers under CI, which must use the machine's servers", () => {
    expect(serversToStart({ ALKAHEST_CI: "1" }, true)).toEqual([]);
  });

  it("builds URLs the dialects parse, for the images issue 4 names", () => {
    expect(containerServers.map((s) => s.image)).toEqual(["postgres:16", "mysql:8.4", "mariadb:11"]);
    expect(containerServers[0]!.url("localhost", 32768)).toBe("postgresql+pg://postgres:alkahest@localhost:32768/test");
  });
});
