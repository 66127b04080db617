import { decodeEvent, encodeEvent, MAX_EVENT_BYTES } from './hub-event';
import { publishEvent } from './publish-event';

describe('hub events', () => {
  it('round-trips topic, key and data', () => {
    const payload = encodeEvent({ topic: 'orderStatusChanged', key: 'a1', data: { status: 'SHIPPED' } });
    expect(JSON.parse(payload)).toEqual({ topic: 'orderStatusChanged', key: 'a1', data: { status: 'SHIPPED' } });
    expect(decodeEvent(payload)).toEqual({ topic: 'orderStatusChanged', key: 'a1', data: { status: 'SHIPPED' } });
    expect(decodeEvent(encodeEvent({ topic: 't', key: 'k' }))).toEqual({ topic: 't', key: 'k' });
  });

  it('refuses bad topics, bad keys and oversized events', () => {
    expect(() => encodeEvent({ topic: '', key: 'k' })).toThrow(/topic/);
    expect(() => encodeEvent({ topic: 'has space', key: 'k' })).toThrow(/topic/);
    expect(() => encodeEvent({ topic: 't', key: '' })).toThrow(/key/);
    expect(() => encodeEvent({ topic: 't', key: 'k', data: 'x'.repeat(MAX_EVENT_BYTES) })).toThrow(/bytes/);
  });

  it('ignores payloads that are not hub events', () => {
    for (const payload of [undefined, '', 'not json', '42', 'null', '{"topic":"t"}', '{"topic":1,"key":"k"}', '{"topic":"t","key":""}']) {
      expect(decodeEvent(payload)).toBeNull();
    }
  });

  it('publishes through a pg client, a MikroORM EntityManager or a function, each with its own placeholders', async () => {
    const calls: Array<[string, unknown[]]> = [];
    const record = async (sql: string, params: unknown[]) => void calls.push([sql, params]);
    await publishEvent({ query: record }, 'orderStatusChanged', { key: 'o1' });
    await publishEvent({ execute: record }, 'orderStatusChanged', { key: 'o2' });
    await publishEvent(record, 'orderStatusChanged', { key: 'o3' });
    expect(calls).toEqual([
      ['select pg_notify($1, $2)', ['hub_events', '{"topic":"orderStatusChanged","key":"o1"}']],
      ['select pg_notify(?, ?)', ['hub_events', '{"topic":"orderStatusChanged","key":"o2"}']],
      ['select pg_notify($1, $2)', ['hub_events', '{"topic":"orderStatusChanged","key":"o3"}']],
    ]);
  });
});
