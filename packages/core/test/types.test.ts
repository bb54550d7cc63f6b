import { describe, expect, it } from "@jest/globals";
import { readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ts from "typescript";

// Compile-time tests: each `*.types.ts` file under test/ must type-check. They use
// expect-type's expectTypeOf and `@ts-expect-error`, so a type that regresses (wider,
// narrower, or accepting what it should reject) fails here.

const testDir = __dirname;
const typeTestFiles = readdirSync(testDir, { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".types.ts"))
  .map((file) => join(testDir, file));

function loadCompilerOptions(): ts.CompilerOptions {
  const configPath = join(dirname(testDir), "tsconfig.json");
  const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  return ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(configPath)).options;
}

describe("compile-time type tests", () => {
  const program = ts.createProgram(typeTestFiles, { ...loadCompilerOptions(), noEmit: true });

  it("finds the type test files", () => {
    expect(typeTestFiles.length).toBeGreaterThan(0);
  });

  it.each(typeTestFiles.map((file) => [relative(testDir, file), file]))("%s type-checks", (_name, file) => {
    const diagnostics = ts.getPreEmitDiagnostics(program, program.getSourceFile(file));
    const messages = diagnostics.map((d) => {
      const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : null;
      const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
      return where ? `${relative(testDir, d.file!.fileName)}:${where.line + 1}: ${text}` : text;
    });
    expect(messages).toEqual([]);
  });
});
