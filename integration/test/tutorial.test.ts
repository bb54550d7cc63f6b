import "@alkahest/mysql";
import "@alkahest/postgres";
import { createEngine, inspect } from "@alkahest/core";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { execFile } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { mysqlWorkerDatabase, type WorkerDatabase } from "../src/servers/mysql.js";
import { postgresWorkerDatabase } from "../src/servers/postgres.js";
import { describeSkipped, serverUrlFromEnv } from "../src/servers/server-url.js";

// examples/tutorial.ts (the seed notebook, cell by cell) runs unchanged on every database
// by its URL alone. It is an ES module with top-level await, so it runs as built, in a
// child process, as `npm run demo` runs it: build first (`npx turbo run build`).

const examples = join(__dirname, "..", "..", "examples");
const script = join(examples, "dist", "tutorial.js");

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runTutorial(url?: string): Promise<Run> {
  const source = join(examples, "tutorial.ts");
  if (!existsSync(script) || statSync(script).mtimeMs < statSync(source).mtimeMs) {
    throw new Error(`${script} is missing or older than examples/tutorial.ts: run \`npx turbo run build\` first.`);
  }
  const env = { ...process.env };
  delete env.ALKAHEST_DEMO_URL;
  if (url !== undefined) env.ALKAHEST_DEMO_URL = url;
  return new Promise((resolve) => {
    execFile(process.execPath, [script], { env, timeout: 25_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : null, stdout, stderr });
    });
  });
}

/** The output with what changes from run to run (log timestamps, timings) replaced. */
function normalized(output: string): string {
  return output
    .replace(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3} /gm, "<time> ")
    .replace(/\[generated in [\d.]+s\]/g, "[generated in Xs]")
    .replace(/\[cached since [\d.]+s ago\]/g, "[cached since Xs ago]")
    .replace(/\[no key [\d.]+s\]/g, "[no key Xs]");
}

/** What the tutorial prints itself (not its echo lines), the same on every database, in order. */
const printedLines = [
  "# In [2]: No automatic commit",
  "[('hello world',)]",
  "# In [5]: Print rows",
  "x: 1  y: 1",
  "x: 2  y: 4",
  "x: 6  y: 8",
  "x: 9  y: 10",
  "----",
  "# In [6]: Session",
  "x: 6  y: 8",
  "x: 9  y: 10",
  "# In [10]: user_table.c.name",
  "Column('name', String(length=30), table=<user_account>)",
  "['id', 'name', 'fullname']",
  "PrimaryKeyConstraint(Column('id', Integer(), table=<user_account>, primary_key=True, nullable=False))",
  "# In [14]: Emit DDL",
  "# In [20]: Insert",
  "INSERT INTO user_account (name, fullname) VALUES (:name, :fullname)",
  "{'name': 'spongebob', 'fullname': 'Spongebob Squarepants'}",
  "# In [23]: result.inserted_primary_key_rows",
  "[(1,)]",
  "# In [26]: Rows",
  "<class 'Row'>",
  "(1, 'spongebob', 'Spongebob Squarepants')",
  "# In [39]: and_, or_",
  "WHERE (user_account.name = :name_1 OR user_account.name = :name_2) AND address.user_id = user_account.id",
];

/** Asserts `expected` occur in `lines` in this order (other lines may come between). */
function expectInOrder(lines: readonly string[], expected: readonly string[]): void {
  let at = 0;
  for (const line of expected) {
    const found = lines.indexOf(line, at);
    if (found === -1) throw new Error(`the tutorial did not print ${JSON.stringify(line)} after line ${at}:\n${lines.join("\n")}`);
    at = found + 1;
  }
}

describe("examples/tutorial.ts on SQLite (memory)", () => {
  it("prints the seed notebook's output: the expected text, line for line", async () => {
    const run = await runTutorial();
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(normalized(run.stdout)).toBe(readFileSync(join(examples, "tutorial.sqlite.expected.txt"), "utf8"));
  });
});

interface Server {
  readonly label: string;
  readonly envVar: string;
  readonly database: (baseUrl: string) => WorkerDatabase;
  /** How In [14] renders the seed's bare String columns there. */
  readonly fullnameDDL: string;
}

const servers: readonly Server[] = [
  {
    label: "PostgreSQL",
    envVar: "ALKAHEST_PG_URL",
    database: (url) => postgresWorkerDatabase(url, "alkahest_tutorial"),
    fullnameDDL: "\tfullname VARCHAR, ",
  },
  {
    label: "MariaDB",
    envVar: "ALKAHEST_MARIADB_URL",
    database: (url) => mysqlWorkerDatabase(url, "alkahest_tutorial"),
    // MySQL/MariaDB have no VARCHAR without a length: the column's "mysql" variant.
    fullnameDDL: "\tfullname VARCHAR(255), ",
  },
];

for (const server of servers) {
  const baseUrl = serverUrlFromEnv(server.envVar, `${server.label} (tutorial)`);
  if (baseUrl === null) {
    describeSkipped(`examples/tutorial.ts on ${server.label}`, server.envVar);
    continue;
  }
  describe(`examples/tutorial.ts on ${server.label}, by its URL alone`, () => {
    // A database of this worker's own: the tutorial creates some_table, user_account and
    // address, and drops them again when given ALKAHEST_DEMO_URL.
    const database = server.database(baseUrl);
    beforeAll(() => database.create());
    afterAll(() => database.drop());

    it("completes, prints the seed's rows, and leaves no table behind", async () => {
      const run = await runTutorial(database.url);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const lines = run.stdout.split("\n");
      expectInOrder(lines, printedLines);
      expectInOrder(lines, ["CREATE TABLE user_account (", server.fullnameDDL, "CREATE TABLE address ("]);

      const engine = createEngine(database.url);
      try {
        expect(await (await inspect(engine)).getTableNames()).toEqual([]);
      } finally {
        await engine.dispose();
      }
    });
  });
}
