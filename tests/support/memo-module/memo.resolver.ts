import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { canSeeCompany, requireViewer } from '@hub/auth';
import { badUserInput, forbidden, notFound } from '@hub/errors';
import { BaseContext, FileLinks, FileRoute, isUuid, servedByTheGateway } from '@hub/subgraph-kit';
import { MemoEntity, MemosOutboxMessageEntity } from './memo.entity';
import { MemoObject } from './memo.object';

export const MEMO_ACKNOWLEDGED_TOPIC = 'memo.acknowledged';

/** The module's context: the base one and its issuer of download links. */
export interface MemoContext extends BaseContext {
  links: FileLinks;
}

/** Its own download, declared on its module: a memo as a text file, for its company only. */
export const memoTextFileRoute: FileRoute<MemoContext> = {
  name: 'memo-text',
  serve: async (ref, ctx) => {
    requireViewer(ctx.viewer);
    const memo = typeof ref === 'string' ? await findVisibleMemo(ctx, ref) : null;
    if (!memo) throw notFound('Memo');
    return { body: Buffer.from(`${memo.text}\n`, 'utf8'), contentType: 'text/plain; charset=utf-8', fileName: `Memo ${memo.erpKey}.txt`, disposition: 'attachment' };
  },
};

/** The memo if the viewer's company may see it (staff: any); null otherwise, as for a missing one. */
export async function findVisibleMemo(ctx: BaseContext, id: string): Promise<MemoEntity | null> {
  if (!isUuid(id)) return null;
  const memo = await ctx.em.findOne(MemoEntity, { id });
  return memo && canSeeCompany(ctx.viewer, memo.companyId) ? memo : null;
}

@Resolver(() => MemoObject)
export class MemoResolver {
  @Query(() => [MemoObject], { nullable: true, description: "Your company's memos, newest first." })
  async memos(@Ctx() ctx: BaseContext): Promise<MemoObject[]> {
    const viewer = requireViewer(ctx.viewer);
    if (!viewer.companyId) throw forbidden('Only customer users have memos.');
    return (await ctx.em.find(MemoEntity, { companyId: viewer.companyId }, { orderBy: { publishedAt: 'desc' } })).map(MemoObject.from);
  }

  @Query(() => MemoObject, { nullable: true })
  async memo(@Arg('id', () => ID) id: string, @Ctx() ctx: BaseContext): Promise<MemoObject> {
    requireViewer(ctx.viewer);
    if (!isUuid(id)) throw badUserInput('Memo id must be a UUID.', 'id');
    const memo = await findVisibleMemo(ctx, id);
    if (!memo) throw notFound('Memo', id);
    return MemoObject.from(memo);
  }

  @Mutation(() => MemoObject, { description: 'Acknowledge a memo; the ERP hears of it through the outbox.' })
  async acknowledgeMemo(@Arg('id', () => ID) id: string, @Ctx() ctx: BaseContext): Promise<MemoObject> {
    const viewer = requireViewer(ctx.viewer);
    if (!isUuid(id)) throw badUserInput('Memo id must be a UUID.', 'id');
    return ctx.em.transactional(async (em) => {
      const memo = await em.findOne(MemoEntity, { id });
      if (!memo || !canSeeCompany(viewer, memo.companyId)) throw notFound('Memo', id);
      if (!memo.acknowledgedAt) {
        memo.acknowledgedAt = new Date();
        em.create(MemosOutboxMessageEntity, { topic: MEMO_ACKNOWLEDGED_TOPIC, key: `memo-ack:${memo.id}`, payload: { memo: memo.erpKey, by: viewer.userId } });
      }
      return MemoObject.from(memo);
    });
  }

  @FieldResolver(() => String, { nullable: true, description: 'A short-lived link to the memo as a text file.' })
  textFileUrl(@Root() memo: MemoObject, @Ctx() ctx: MemoContext): Promise<string> {
    return ctx.links.url(requireViewer(ctx.viewer), memoTextFileRoute.name, memo.id);
  }

  @Subscription(() => MemoObject, { description: 'Each memo published to your company.', subscribe: servedByTheGateway })
  memoPublished(): MemoObject {
    return servedByTheGateway();
  }
}
