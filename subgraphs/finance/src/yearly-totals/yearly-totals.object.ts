import { Field, Int, ObjectType } from 'type-graphql';
import { MoneyObject } from '@hub/money';
import { CompanyReference } from '../company/company-reference.object';
import { CompanyYearlyTotal, YearlyTotals } from './yearly-totals.service';

@ObjectType('CompanyYearlyTotal', { description: "A company's operations in the year: invoices less credit notes, taxes included." })
export class CompanyYearlyTotalObject {
  @Field(() => CompanyReference)
  company: CompanyReference;

  @Field(() => MoneyObject)
  total: MoneyObject;

  @Field(() => [MoneyObject], { description: 'The four quarters, Q1 first.' })
  quarters: MoneyObject[];

  static from(c: CompanyYearlyTotal, currency: string): CompanyYearlyTotalObject {
    return Object.assign(new CompanyYearlyTotalObject(), {
      company: CompanyReference.of(c.companyId), total: MoneyObject.of(c.total, currency), quarters: c.quarters.map((q) => MoneyObject.of(q, currency)),
    });
  }
}

@ObjectType('YearlyTotals', { description: "Yearly totals of operations per customer for tax declarations (Spain's form 347)." })
export class YearlyTotalsObject {
  @Field(() => Int)
  year: number;

  @Field(() => MoneyObject, { description: 'Only companies above this total are listed (configuration: HUB_YEARLY_TOTALS_THRESHOLD, HUB_YEARLY_TOTALS_CURRENCY). Documents in other currencies are not counted.' })
  threshold: MoneyObject;

  @Field(() => [CompanyYearlyTotalObject], { description: 'Largest total first.' })
  companies: CompanyYearlyTotalObject[];

  static from(t: YearlyTotals): YearlyTotalsObject {
    const c = t.threshold.currency;
    return Object.assign(new YearlyTotalsObject(), { year: t.year, threshold: MoneyObject.of(t.threshold.amount, c), companies: t.companies.map((x) => CompanyYearlyTotalObject.from(x, c)) });
  }
}
