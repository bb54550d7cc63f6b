// Jest globalTeardown: stops the containers global-setup.ts started, if any.
interface Stoppable {
  stop(): Promise<unknown>;
}

export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as { alkahestContainers?: Stoppable[] }).alkahestContainers ?? [];
  await Promise.all(started.map((container) => container.stop()));
}
