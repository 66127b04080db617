/** A positive integer from the environment; undefined when unset or empty; a clear error for anything else. */
export function positiveIntegerSetting(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^[1-9][0-9]*$/.test(raw.trim())) throw new Error(`${name} must be a positive integer, not "${raw}".`);
  return Number(raw.trim());
}

/** true or false from the environment; `fallback` when unset or empty; a clear error for anything else. */
export function booleanSetting(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw !== 'true' && raw !== 'false') throw new Error(`${name} must be true or false, not "${raw}".`);
  return raw === 'true';
}
