import { Directive, Field, ObjectType } from 'type-graphql';
import { PageInfo } from '@hub/subgraph-kit';
import { ProductObject } from './product.object';
import { ProductPage } from './product.repository';

@ObjectType('ProductEdge')
export class ProductEdge {
  @Field()
  cursor: string;

  @Field(() => ProductObject)
  node: ProductObject;
}

@ObjectType('ProductConnection', { description: 'A page of products (Relay connection).' })
export class ProductConnection {
  @Field(() => [ProductEdge])
  edges: ProductEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  /** Resolved by ProductConnectionResolver.totalCount, only when asked for. */
  count: () => Promise<number>;

  static from(page: ProductPage): ProductConnection {
    const edges = page.products.map((p) => Object.assign(new ProductEdge(), { cursor: page.cursorOf(p), node: ProductObject.from(p) }));
    return Object.assign(new ProductConnection(), {
      edges,
      count: page.totalCount,
      pageInfo: PageInfo.of(page.hasNextPage, edges),
    });
  }
}
