/** Loads a system's adapter file (systems/<name>.ts) only when it runs. */
import { SYSTEM_NAMES, type SystemFactory, type SystemName } from "./system.js";

export function isSystemName(name: string): name is SystemName {
  return (SYSTEM_NAMES as readonly string[]).includes(name);
}

export async function loadSystem(name: string): Promise<SystemFactory> {
  if (!isSystemName(name)) throw new Error(`unknown system '${name}'; known: ${SYSTEM_NAMES.join(", ")}`);
  const module = (await import(`./systems/${name}.js`)) as { default: SystemFactory };
  return module.default;
}
