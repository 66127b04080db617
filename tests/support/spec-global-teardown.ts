import { adminQuery } from './spec-global-setup';

/** Undoes what `spec-global-setup.ts` made itself (nothing when the mutation run's wrapper provided the server). */
export default async function specGlobalTeardown(): Promise<void> {
  const state = globalThis.__HUB_SPEC_SERVER__;
  if (!state) return;
  globalThis.__HUB_SPEC_SERVER__ = undefined;
  // Jest may run again in this process (Stryker does, once per mutant): the next run sets up afresh.
  delete process.env.HUB_TEST_SERVER_URL;
  delete process.env.HUB_TEST_DATABASE_URL;
  // The run database, the specs' template (`<run>_t_…`) and whatever a failed spec did not drop (`<run>_s_…`).
  const databases = await adminQuery<{ datname: string }>(state.server.serverUrl, 'select datname from pg_database where datname = $1 or starts_with(datname, $2)', [
    state.database,
    `${state.database}_`,
  ]);
  for (const { datname } of databases) {
    await adminQuery(state.server.serverUrl, `alter database "${datname}" is_template false`);
    await adminQuery(state.server.serverUrl, `drop database if exists "${datname}" with (force)`);
  }
  await state.server.stop();
}
