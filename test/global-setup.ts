import { buildRenderer } from '../scripts/build-renderer.ts';

// The browser tests drive the real, production-built renderer; (re)build it when sources changed.
export default async function setup(): Promise<void> {
  await buildRenderer();
}
