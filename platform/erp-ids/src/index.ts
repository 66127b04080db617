import { hash as oneShotHash } from 'node:crypto';

/**
 * Hub ids of ERP-mastered records, derived from the ERP's own keys (a name-based UUID, RFC 4122
 * version 5 layout). Every subgraph computes the same id from the same key, so ingesting a price
 * for customer "C10001" needs no lookup in the customers subgraph.
 */
export type ErpEntity = 'customer' | 'contact' | 'product' | 'category' | 'supplier' | 'order' | 'invoice' | 'deliveryNote' | 'warehouse';

const NAMESPACE = Buffer.from('6f1c7a9e2d4b4c1e9a3f5b7d8e0c1a2b', 'hex');

/**
 * Ids computed lately: a sync page names the same customer or product many times (a customer's
 * 200 prices; the id hashing was the integrator's largest CPU cost in bench:sync). Emptied when
 * full, so it never holds more than this many.
 */
const MEMO_ENTRIES = 20_000;
const memo = new Map<string, string>();

/** A deployment's own modules name their own entities (any other string). */
export function erpEntityId(entity: ErpEntity | (string & {}), erpKey: string): string {
  const name = `${entity}:${erpKey}`;
  const known = memo.get(name);
  if (known !== undefined) return known;
  const id = nameBasedUuid(name);
  if (memo.size >= MEMO_ENTRIES) memo.clear();
  memo.set(name, id);
  return id;
}

function nameBasedUuid(name: string): string {
  const input = Buffer.allocUnsafe(NAMESPACE.length + Buffer.byteLength(name));
  NAMESPACE.copy(input, 0);
  input.write(name, NAMESPACE.length);
  const hash = oneShotHash('sha1', input, 'buffer') as unknown as Buffer;
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
