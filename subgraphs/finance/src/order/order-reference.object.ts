import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { CompanyReference } from '../company/company-reference.object';

/** The orders subgraph owns Order; finance adds its documents to it (invoices, delivery notes, the confirmation). */
@Directive('@key(fields: "id")')
@ObjectType('Order')
export class OrderReference {
  @Field(() => ID)
  id: string;

  /** From the orders subgraph, for `confirmationPdfUrl` (@requires). */
  @Directive('@external')
  @Field(() => String, { nullable: true })
  erpNumber?: string | null;

  /** From the orders subgraph, for `confirmationPdfUrl` (@requires). */
  @Directive('@external')
  @Field(() => CompanyReference)
  company?: CompanyReference;

  static of(id: string, external: { erpNumber?: string | null; company?: { id: string } } = {}): OrderReference {
    const order = Object.assign(new OrderReference(), { id });
    if (external.erpNumber !== undefined) order.erpNumber = external.erpNumber;
    if (external.company && typeof external.company.id === 'string') order.company = CompanyReference.of(external.company.id);
    return order;
  }
}
