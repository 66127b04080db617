import 'reflect-metadata';
import { join } from 'node:path';
import { PoolClient } from 'pg';
import { OutboxMessage, OutboxStore } from '@hub/outbox';
import { BaseContext, buildFederatedSchema, FileLinks, fileLinkOrigin, pushToCollection, SubgraphModule, syncKind } from '@hub/subgraph-kit';
import { MemoEntity, MemosOutboxMessageEntity } from './memo.entity';
import { ingestMemos, MEMO_PUBLISHED_TOPIC } from './memo.ingest';
import { MEMO_ACKNOWLEDGED_TOPIC, MemoContext, MemoResolver, findVisibleMemo, memoTextFileRoute } from './memo.resolver';
import { MemoObject } from './memo.object';

/** The ERP's receipt for an acknowledgement lands on the memo, in the transaction that marks the message delivered. */
async function acknowledgeDelivery(client: PoolClient, message: OutboxMessage, receipt: Record<string, unknown>): Promise<void> {
  await client.query('update memos.memo set erp_acknowledgement = $2 where erp_key = $1', [message.payload.memo, String(receipt.documentNumber)]);
}

/**
 * A small extra subgraph that a deployment could add with HUB_MODULES, used by the tests to show that
 * a module's own sync kind, outbox topic and subscription need no edit anywhere else: everything it
 * exchanges with the ERP and announces is declared here.
 */
export const subgraphModule: SubgraphModule<MemoContext> = {
  name: 'memos',
  dbSchema: 'memos',
  entities: [MemoEntity, MemosOutboxMessageEntity],
  migrationsPath: join(__dirname, 'migrations'),
  buildSchema: () =>
    buildFederatedSchema({
      resolvers: [MemoResolver],
      referenceResolvers: {
        // The same tenant rule as `memo(id)`, without the error.
        Memo: {
          __resolveReference: async (ref: { id: string }, ctx: BaseContext) => {
            const memo = await findVisibleMemo(ctx, ref.id);
            return memo ? MemoObject.from(memo) : null;
          },
        },
      },
    }),
  buildContext: (base, runtime) => ({ ...base, links: new FileLinks('memos', runtime.secrets, fileLinkOrigin(runtime.gatewayUrl)) }),
  seedDemoData: async () => undefined,
  sync: { kinds: [syncKind('memos', { ingest: ingestMemos, defaultIntervalSeconds: 3600, description: 'Memos to customers (test extension module)' })] },
  outbox: {
    store: new OutboxStore('memos'),
    topics: [pushToCollection(MEMO_ACKNOWLEDGED_TOPIC, 'memoAcknowledgements', { acknowledge: acknowledgeDelivery })],
  },
  fileRoutes: [memoTextFileRoute],
  events: [
    { topic: MEMO_PUBLISHED_TOPIC, description: 'A memo was published or changed (key: the memo id).', serves: { memoPublished: { keyArg: null, queryField: 'memo', queryArg: 'id' } } },
  ],
};
