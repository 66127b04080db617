import { dropDatabase } from '@hub/database';
import { dropSpecDatabases } from '@hub/database-testing';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis.__HUB_TEST__;
  if (!state) return;
  await state.hive?.stop();
  const code = await state.hub.stop();
  if (code !== 0) console.error(`the hub exited with ${code}:\n${state.hub.output()}`);
  // The repository specs' template and any database a failed spec did not drop.
  await dropSpecDatabases(state.server.serverUrl, state.database);
  await dropDatabase(state.server.serverUrl, state.database);
  await state.server.stop();
  await state.mail.stop();
  await state.imap?.stop();
}
