import { Directive, Field, ObjectType } from 'type-graphql';
import { PageInfo } from '@hub/subgraph-kit';
import { InvoiceObject } from './invoice.object';
import { InvoicePage, invoiceEntityOf } from './invoice.repository';

@ObjectType('InvoiceEdge')
export class InvoiceEdge {
  @Field()
  cursor: string;

  @Field(() => InvoiceObject)
  node: InvoiceObject;
}

@ObjectType('InvoiceConnection', { description: 'A page of invoices (Relay connection).' })
export class InvoiceConnection {
  @Field(() => [InvoiceEdge])
  edges: InvoiceEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  /** Resolved by InvoiceConnectionResolver.totalCount, only when asked for. */
  count: () => Promise<number>;

  static from(page: InvoicePage): InvoiceConnection {
    const edges = page.rows.map((row) => Object.assign(new InvoiceEdge(), { cursor: page.cursorOf(row), node: InvoiceObject.from(invoiceEntityOf(row)) }));
    return Object.assign(new InvoiceConnection(), {
      edges,
      count: page.totalCount,
      pageInfo: PageInfo.of(page.hasNextPage, edges),
    });
  }
}
