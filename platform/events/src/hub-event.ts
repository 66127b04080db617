/**
 * One notification between hub processes: "something with this key changed in this topic".
 * Events carry keys, not state: whoever receives one reads the current state itself, with its own
 * access rules. That is why a lost or coalesced event never leaves a reader with wrong data, only
 * with data that is as old as the last event it did get.
 */
export interface HubEvent {
  /** What happened, e.g. `orderStatusChanged`. */
  topic: string;
  /** Which thing it happened to, e.g. the order id. */
  key: string;
  /** Small extra facts; never rows, never anything a reader must not see. */
  data?: unknown;
}

/** The one PostgreSQL channel every hub event travels on; topics are inside the payload. */
export const HUB_EVENTS_CHANNEL = 'hub_events';

/**
 * PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. Events carry keys, so a few hundred
 * bytes is normal; anything near this limit is a mistake in the publisher.
 */
export const MAX_EVENT_BYTES = 4000;

const TOPIC_PATTERN = /^[A-Za-z][A-Za-z0-9_.:-]{0,99}$/;
const MAX_KEY_LENGTH = 200;

export function checkTopic(topic: string): void {
  if (typeof topic !== 'string' || !TOPIC_PATTERN.test(topic)) {
    throw new Error(`Event topic "${topic}" must be 1 to 100 letters, digits, "_", ".", ":" or "-", starting with a letter.`);
  }
}

/** The NOTIFY payload of an event; throws on a bad topic or key or an oversized event. */
export function encodeEvent(event: HubEvent): string {
  checkTopic(event.topic);
  if (typeof event.key !== 'string' || event.key.length === 0 || event.key.length > MAX_KEY_LENGTH) {
    throw new Error(`Event key must be a non-empty string of at most ${MAX_KEY_LENGTH} characters.`);
  }
  const payload = JSON.stringify(event.data === undefined ? { topic: event.topic, key: event.key } : { topic: event.topic, key: event.key, data: event.data });
  const bytes = Buffer.byteLength(payload, 'utf8');
  if (bytes > MAX_EVENT_BYTES) {
    throw new Error(`Event ${event.topic} is ${bytes} bytes; events carry keys and at most ${MAX_EVENT_BYTES} bytes.`);
  }
  return payload;
}

/** Reads a NOTIFY payload; null when it is not a hub event (listeners ignore those). */
export function decodeEvent(payload: string | undefined): HubEvent | null {
  if (!payload) return null;
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { topic, key, data } = value as Record<string, unknown>;
  if (typeof topic !== 'string' || !TOPIC_PATTERN.test(topic) || typeof key !== 'string' || key.length === 0) return null;
  return data === undefined ? { topic, key } : { topic, key, data };
}
