import { Field, InputType, registerEnumType } from 'type-graphql';
import { Decimal, DecimalScalar } from '@hub/money';
import { ProductSortField, SortDirection } from './product.repository';

export const ProductSortFieldEnum = { RELEVANCE: 'RELEVANCE', SKU: 'SKU', NAME: 'NAME', LIST_PRICE: 'LIST_PRICE' } as const;
registerEnumType(ProductSortFieldEnum, {
  name: 'ProductSortField',
  description: 'RELEVANCE (words in the name first; the default when searching), SKU (the default otherwise), NAME or LIST_PRICE.',
});

export const SortDirectionEnum = { ASC: 'ASC', DESC: 'DESC' } as const;
registerEnumType(SortDirectionEnum, { name: 'SortDirection' });

@InputType('SpecificationFilter', { description: 'Products whose specification `name` has exactly `value`.' })
export class SpecificationFilterInput {
  @Field()
  name: string;

  @Field()
  value: string;
}

@InputType('ProductFilter')
export class ProductFilterInput {
  @Field(() => Boolean, { nullable: true, description: 'true: only items available in some warehouse; false: only items available nowhere.' })
  inStock?: boolean | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'List price at least this (in the product currency).' })
  minListPrice?: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true })
  maxListPrice?: Decimal | null;

  @Field(() => [String], { nullable: true, description: 'Only these SKUs (at most 100).' })
  skus?: string[] | null;

  @Field(() => [SpecificationFilterInput], { nullable: true })
  specifications?: SpecificationFilterInput[] | null;
}

@InputType('ProductSort')
export class ProductSortInput {
  @Field(() => ProductSortFieldEnum)
  field: ProductSortField;

  @Field(() => SortDirectionEnum, { defaultValue: 'ASC' })
  direction: SortDirection;
}
