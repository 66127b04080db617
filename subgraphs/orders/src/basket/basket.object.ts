import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Decimal, DecimalScalar } from '@hub/money';
import { ProductReference } from '../references/reference.objects';
import { LineConfigurationObject } from '../configured-item/line-configuration.object';
import { Basket, BasketLine } from './basket.repository';
import { AddedLine, RejectedLine } from './basket.service';

const PROBLEMS = { NOT_FOUND: 'NOT_FOUND', NOT_SOLD_TO_YOU: 'NOT_SOLD_TO_YOU', DISCONTINUED: 'DISCONTINUED', BELOW_MINIMUM_QUANTITY: 'BELOW_MINIMUM_QUANTITY', NEEDS_CONFIGURATION: 'NEEDS_CONFIGURATION' } as const;
registerEnumType(PROBLEMS, {
  name: 'BasketLineProblem',
  description: 'Why a line was not added: no such product, not sold to your company, no longer sold, below the product\'s minimum order quantity, or a configurable product added without its options (addConfiguredToBasket).',
});

@ObjectType('BasketLine', { description: 'A product in the basket, priced live at its quantity. Stock: `product { stock { ... } }`, as the company\'s display policy allows.' })
export class BasketLineObject {
  @Field(() => ID)
  id: string;

  @Field(() => ProductReference)
  product: ProductReference;

  @Field()
  sku: string;

  @Field(() => DecimalScalar)
  quantity: string;

  @Field(() => LineConfigurationObject, { nullable: true, description: "A configured product's options (P7); null for other products." })
  configuration: LineConfigurationObject | null;

  /** The stored line and its basket, for the price resolvers. */
  line: BasketLine;
  basket: Basket;

  static from(line: BasketLine, basket: Basket): BasketLineObject {
    return Object.assign(new BasketLineObject(), { id: line.id, product: ProductReference.of(line.productId), sku: line.sku, quantity: new Decimal(line.quantity).toFixed(), configuration: LineConfigurationObject.of(line.configuration ?? null), line, basket });
  }
}

@ObjectType('Basket', { description: "Your current basket: one per user, kept until ordered or cleared, priced live with your company's prices." })
export class BasketObject {
  @Field(() => ID, { description: 'The basket is yours: its id is your user id.' })
  id: string;

  @Field(() => [BasketLineObject], { description: 'In the order first added.' })
  lines: BasketLineObject[];

  @Field(() => Int)
  lineCount: number;

  @Field(() => String, { nullable: true, description: "One of the company's ERP delivery addresses (its code); null: the branch's, else the company's default." })
  deliveryAddressCode: string | null;

  @Field(() => ID, { nullable: true, description: "One of the company's branches." })
  branchId: string | null;

  @Field(() => String, { nullable: true })
  customerReference: string | null;

  @Field(() => String, { nullable: true })
  notes: string | null;

  @Field()
  updatedAt: Date;

  entity: Basket;

  static from(basket: Basket): BasketObject {
    return Object.assign(new BasketObject(), {
      id: basket.userId,
      lines: basket.lines.map((line) => BasketLineObject.from(line, basket)),
      lineCount: basket.lines.length,
      deliveryAddressCode: basket.deliveryAddressCode ?? null,
      branchId: basket.branchId ?? null,
      customerReference: basket.customerReference ?? null,
      notes: basket.notes ?? null,
      updatedAt: basket.updatedAt,
      entity: basket,
    });
  }
}

@ObjectType('BasketAddedLine')
export class BasketAddedLineObject {
  @Field(() => Int, { description: 'Its position in the request (from 0).' })
  index: number;

  @Field()
  sku: string;

  @Field(() => ProductReference)
  product: ProductReference;

  @Field(() => DecimalScalar, { description: 'The quantity added.' })
  quantity: string;

  static from(a: AddedLine): BasketAddedLineObject {
    return Object.assign(new BasketAddedLineObject(), { index: a.index, sku: a.sku, product: ProductReference.of(a.productId), quantity: a.quantity });
  }
}

@ObjectType('BasketRejectedLine')
export class BasketRejectedLineObject {
  @Field(() => Int, { description: 'Its position in the request (from 0).' })
  index: number;

  @Field()
  sku: string;

  @Field(() => DecimalScalar)
  quantity: string;

  @Field(() => PROBLEMS)
  problem: string;

  @Field()
  message: string;

  @Field(() => DecimalScalar, { nullable: true, description: "The product's minimum order quantity (BELOW_MINIMUM_QUANTITY)." })
  minimumQuantity: string | null;

  static from(r: RejectedLine): BasketRejectedLineObject {
    return Object.assign(new BasketRejectedLineObject(), r);
  }
}

@ObjectType('BasketBulkAddResult', { description: 'What a bulk add did: the basket with the good lines in, and a report of the lines left out.' })
export class BasketBulkAddResultObject {
  @Field(() => BasketObject)
  basket: BasketObject;

  @Field(() => [BasketAddedLineObject])
  added: BasketAddedLineObject[];

  @Field(() => [BasketRejectedLineObject])
  rejected: BasketRejectedLineObject[];
}

