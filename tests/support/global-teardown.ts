import { dropDatabase } from '@hub/database';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis.__HUB_TEST__;
  if (!state) return;
  await state.hub.stop();
  await dropDatabase(state.server.serverUrl, state.database);
  await state.server.stop();
}
