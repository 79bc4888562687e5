import { TestInfrastructure } from '../infrastructure';

export default async function globalTeardown(): Promise<void> {
  const infrastructure = (globalThis as { __obolusInfrastructure?: TestInfrastructure }).__obolusInfrastructure;
  await infrastructure?.stop();
}
