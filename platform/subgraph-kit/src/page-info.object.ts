import { Directive, Field, ObjectType } from 'type-graphql';

/** Relay's PageInfo, one shareable type for every subgraph's connections. */
@Directive('@shareable')
@ObjectType('PageInfo')
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;

  /** The page info of a page of edges: its last edge's cursor ends it. */
  static of(hasNextPage: boolean, edges: ReadonlyArray<{ cursor: string }>): PageInfo {
    return Object.assign(new PageInfo(), { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null });
  }
}
