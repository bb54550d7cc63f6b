// One jest run for every workspace. Tests import workspace packages from their
// TypeScript sources (no build needed) and swc strips the types.
const path = require("node:path");
const src = (p) => path.join(__dirname, p);

module.exports = {
  testEnvironment: "node",
  testMatch: ["<rootDir>/packages/*/test/**/*.test.ts", "<rootDir>/integration/test/**/*.test.ts"],
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      {
        jsc: { parser: { syntax: "typescript" }, target: "es2022" },
        module: { type: "commonjs" },
      },
    ],
  },
  moduleNameMapper: {
    "^@alkahest/core$": src("packages/core/src/index.ts"),
    "^@alkahest/core/dialect$": src("packages/core/src/dialect.ts"),
    "^@alkahest/core/orm$": src("packages/core/src/orm/index.ts"),
    "^@alkahest/sqlite$": src("packages/sqlite/src/index.ts"),
    "^@alkahest/mysql$": src("packages/mysql/src/index.ts"),
    "^@alkahest/postgres$": src("packages/postgres/src/index.ts"),
    "^@alkahest/conformance$": src("integration/src/index.ts"),
    "^(\\.{1,2}/.*)\\.js$": "$1",
  },
  testTimeout: 30000,
  // Starts PostgreSQL/MySQL/MariaDB with testcontainers where a URL is unset and Docker exists.
  globalSetup: "<rootDir>/integration/test/global-setup.ts",
  globalTeardown: "<rootDir>/integration/test/global-teardown.ts",
};
