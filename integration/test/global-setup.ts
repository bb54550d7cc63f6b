// Jest globalSetup: for each database whose ALKAHEST_*_URL is unset, start it with
// testcontainers when a Docker engine is there, and export its URL; the test workers
// inherit the environment. Without Docker nothing starts and the suites for those
// databases say loudly that they were skipped (see servers/server-url.ts).
// Self-contained: jest loads this file outside its module system, so relative
// imports of TypeScript sources would not resolve here.

import { existsSync } from "node:fs";

/** A database server the suite can start in Docker when its URL is not set. */
export interface ContainerServer {
  /** The environment variable the suite reads the server's URL from. */
  readonly envVar: string;
  readonly image: string;
  readonly port: number;
  readonly environment: Readonly<Record<string, string>>;
  /** The server's URL once it listens on `host:port`. */
  url(host: string, port: number): string;
}

/** The images issue 4 names; docker-compose.yml starts the same ones. */
export const containerServers: readonly ContainerServer[] = [
  {
    envVar: "ALKAHEST_PG_URL",
    image: "postgres:16",
    port: 5432,
    environment: { POSTGRES_PASSWORD: "alkahest", POSTGRES_DB: "test" },
    url: (host, port) => `postgresql+pg://postgres:alkahest@${host}:${port}/test`,
  },
  {
    envVar: "ALKAHEST_MYSQL_URL",
    image: "mysql:8.4",
    port: 3306,
    environment: { MYSQL_ROOT_PASSWORD: "alkahest", MYSQL_DATABASE: "test" },
    url: (host, port) => `mysql+mysql2://root:alkahest@${host}:${port}/test`,
  },
  {
    envVar: "ALKAHEST_MARIADB_URL",
    image: "mariadb:11",
    port: 3306,
    environment: { MARIADB_ROOT_PASSWORD: "alkahest", MARIADB_DATABASE: "test" },
    url: (host, port) => `mariadb+mysql2://root:alkahest@${host}:${port}/test`,
  },
];

/** Whether a Docker engine looks reachable: DOCKER_HOST, or the default socket. */
export function dockerAvailable(): boolean {
  return Boolean(process.env.DOCKER_HOST) || existsSync("/var/run/docker.sock");
}

/** The servers to start: those whose URL is unset, when Docker is there and CI is not. */
export function serversToStart(env: NodeJS.ProcessEnv = process.env, docker = dockerAvailable()): ContainerServer[] {
  // CI points every URL at the machine's own servers and must never fall back.
  if (env.ALKAHEST_CI || !docker) return [];
  return containerServers.filter((server) => !env[server.envVar]);
}

interface Stoppable {
  stop(): Promise<unknown>;
}

export default async function globalSetup(): Promise<void> {
  const servers = serversToStart();
  if (servers.length === 0) return;
  const { GenericContainer, Wait } = await import("testcontainers");
  const started: Stoppable[] = [];
  (globalThis as { alkahestContainers?: Stoppable[] }).alkahestContainers = started;
  for (const server of servers) {
    process.stderr.write(`\nStarting ${server.image} for ${server.envVar} (testcontainers)...\n`);
    const container = await new GenericContainer(server.image)
      .withEnvironment({ ...server.environment })
      .withExposedPorts(server.port)
      .withWaitStrategy(Wait.forListeningPorts())
      .start();
    started.push(container);
    process.env[server.envVar] = server.url(container.getHost(), container.getMappedPort(server.port));
  }
}
