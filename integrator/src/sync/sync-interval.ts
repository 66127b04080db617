import { badUserInput } from '@hub/errors';

/** "hh:mm:ss" → seconds; from 00:00:01 (every second) to 99:59:59 (two digits of hours are the most the pattern takes). */
export function parseSyncInterval(text: string): number {
  const match = /^(\d{2}):([0-5]\d):([0-5]\d)$/.exec(text);
  if (!match) throw badUserInput('An interval is written hh:mm:ss, e.g. "00:05:00".', 'interval');
  const seconds = Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
  if (seconds < 1) throw badUserInput('An interval is between 00:00:01 and 99:59:59.', 'interval');
  return seconds;
}

export function formatSyncInterval(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h, m, s].map((n) => String(n).padStart(2, '0')).join(':');
}
