import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { ProductObject } from './product.object';

@Directive('@shareable')
@ObjectType('PageInfo')
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

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

  @Field(() => Int, { description: 'How many products match, over all pages.' })
  totalCount: number;
}
