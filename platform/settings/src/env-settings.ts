/**
 * Settings from the environment. Unset or empty gives the fallback (or undefined); anything else
 * that is not the kind asked for is an error naming the variable and the value, so a mistyped
 * setting stops the start instead of being silently replaced by a default.
 */
type Env = NodeJS.ProcessEnv | Readonly<Record<string, string | undefined>>;

function given(env: Env, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
}

function wholeNumber(env: Env, name: string, least: number, most: number, kind: string): number | undefined {
  const raw = given(env, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < least || value > most) throw new Error(`${name} must be ${kind}, not "${env[name]}".`);
  return value;
}

/** 1 or more; undefined when unset. */
export function positiveIntegerSetting(env: Env, name: string): number | undefined {
  return wholeNumber(env, name, 1, Number.MAX_SAFE_INTEGER, 'a positive integer');
}

/** 0 or more (0 usually meaning "off" or "every time"); `fallback` when unset. */
export function wholeNumberSetting(env: Env, name: string, fallback: number): number {
  return wholeNumber(env, name, 0, Number.MAX_SAFE_INTEGER, 'a whole number (0 or more)') ?? fallback;
}

/** A TCP port, 0 (any free one) to 65535; `fallback` when unset. */
export function portSetting(env: Env, name: string, fallback: number): number {
  return wholeNumber(env, name, 0, 65535, 'a port number (0 to 65535)') ?? fallback;
}

/** true or false; `fallback` when unset. */
export function booleanSetting(env: Env, name: string, fallback: boolean): boolean {
  const raw = given(env, name);
  if (raw === undefined) return fallback;
  if (raw !== 'true' && raw !== 'false') throw new Error(`${name} must be true or false, not "${env[name]}".`);
  return raw === 'true';
}
