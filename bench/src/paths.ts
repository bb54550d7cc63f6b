import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** bench/ (this file runs from bench/dist/). */
export const BENCH_DIR = fileURLToPath(new URL("..", import.meta.url));
export const RESULTS_DIR = join(BENCH_DIR, "results");
export const README = join(BENCH_DIR, "README.md");
export const CHILD_SCRIPT = fileURLToPath(new URL("./child.js", import.meta.url));

/** The installed version of a package, found the way Node resolves it from bench/. */
export function packageVersion(name: string): string {
  for (let dir = BENCH_DIR; ; dir = dirname(dir)) {
    const file = join(dir, "node_modules", name, "package.json");
    if (existsSync(file)) return String((JSON.parse(readFileSync(file, "utf8")) as { version?: unknown }).version);
    if (dirname(dir) === dir) return "?";
  }
}
