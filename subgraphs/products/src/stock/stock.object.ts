import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Decimal, DecimalScalar } from '@hub/money';
import { StockDisplayPolicyValue } from './stock-display-policy.entity';
import { StockStatusValue, StockView } from './stock-view';
import { ProductStockResult } from './stock.service';

export const StockDisplayPolicyEnum = { QUANTITY: 'QUANTITY', TRAFFIC_LIGHT: 'TRAFFIC_LIGHT', HIDDEN: 'HIDDEN' } as const;
registerEnumType(StockDisplayPolicyEnum, {
  name: 'StockDisplayPolicy',
  description: "What a company's users see of stock: QUANTITY, TRAFFIC_LIGHT (the default) or HIDDEN (nothing).",
});

export const StockStatusEnum = { GREEN: 'GREEN', AMBER: 'AMBER', RED: 'RED' } as const;
registerEnumType(StockStatusEnum, { name: 'StockStatus', description: "Traffic light against the item's minimum stock: RED none available, AMBER below minimum, GREEN enough." });

@ObjectType('WarehouseStock')
export class WarehouseStockObject {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => StockStatusEnum)
  status: StockStatusValue;

  @Field(() => DecimalScalar, { nullable: true, description: 'Available (on hand minus reserved); null unless the policy is QUANTITY.' })
  quantity: string | null;

  @Field(() => String, { nullable: true, description: 'Next open purchase-order receipt (YYYY-MM-DD).' })
  nextReceiptDate: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Null unless the policy is QUANTITY.' })
  nextReceiptQuantity: string | null;

  static fromView(w: StockView['warehouses'][number]): WarehouseStockObject {
    return Object.assign(new WarehouseStockObject(), {
      code: w.code,
      name: w.name,
      status: w.status,
      quantity: w.quantity ? w.quantity.toFixed() : null,
      nextReceiptDate: w.nextReceiptDate,
      nextReceiptQuantity: w.nextReceiptQuantity ? w.nextReceiptQuantity.toFixed() : null,
    });
  }
}

@ObjectType('IncomingSupply', { description: 'Goods on an open purchase order with a supplier, from the ERP.' })
export class IncomingSupplyObject {
  @Field({ description: 'When they are expected (YYYY-MM-DD).' })
  expectedDate: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Null unless the policy is QUANTITY.' })
  quantity: string | null;
}

@ObjectType('ProductStock', { description: "Stock as the signed-in company's display policy allows." })
export class ProductStockObject {
  @Field(() => StockDisplayPolicyEnum)
  policy: StockDisplayPolicyValue;

  @Field(() => StockStatusEnum)
  status: StockStatusValue;

  @Field(() => DecimalScalar, { nullable: true, description: 'Available over all warehouses; null unless the policy is QUANTITY.' })
  quantity: string | null;

  @Field(() => [WarehouseStockObject])
  warehouses: WarehouseStockObject[];

  @Field(() => [IncomingSupplyObject], { description: "Open purchase-order lines (the ERP's), earliest first: the incoming quantities and dates." })
  incoming: IncomingSupplyObject[];

  /** For availableFrom (ProductStockResolver). */
  result: ProductStockResult;

  static from(result: ProductStockResult): ProductStockObject {
    const v = result.view;
    return Object.assign(new ProductStockObject(), {
      policy: v.policy,
      status: v.status,
      quantity: v.quantity ? v.quantity.toFixed() : null,
      warehouses: v.warehouses.map((w) => WarehouseStockObject.fromView(w)),
      incoming: result.incoming.map((i) => Object.assign(new IncomingSupplyObject(), { expectedDate: i.expectedDate, quantity: v.policy === 'QUANTITY' ? new Decimal(i.quantity).toFixed() : null })),
      result,
    });
  }
}

@ObjectType('StockDisplayPolicySetting')
export class StockDisplayPolicySettingObject {
  @Field(() => ID)
  companyId: string;

  @Field(() => StockDisplayPolicyEnum)
  policy: StockDisplayPolicyValue;
}
