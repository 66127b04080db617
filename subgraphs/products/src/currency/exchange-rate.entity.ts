import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The ERP's latest rate per currency pair: 1 fromCurrency = rate toCurrency. */
@Entity({ tableName: 'exchange_rate' })
export class ExchangeRateEntity {
  /** `${fromCurrency}:${toCurrency}` */
  @PrimaryKey({ type: 'text' })
  key: string;

  @Property({ type: 'character', length: 3 })
  fromCurrency: string;

  @Property({ type: 'character', length: 3 })
  toCurrency: string;

  @Property({ type: 'decimal', precision: 18, scale: 8 })
  rate: string;

  @Property({ type: 'date' })
  rateDate: string;
}
