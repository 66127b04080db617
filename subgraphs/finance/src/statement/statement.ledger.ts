import { Decimal } from '@hub/money';

export type MovementKind = 'INVOICE' | 'CREDIT_NOTE' | 'PAYMENT';

/** One entry of a customer's account: invoices add to what it owes, credit notes and payments take from it. */
export interface Movement {
  kind: MovementKind;
  documentNumber: string;
  /** The invoice a credit note corrects or a payment pays, if any. */
  invoiceNumber: string | null;
  at: Date;
  currency: string;
  /** Signed: positive for invoices, negative for credit notes and payments. */
  amount: string;
}

export interface StatementLine extends Movement {
  /** The balance after this movement. */
  balance: Decimal;
}

/** The statement of one currency: opening balance, every movement with the running balance, closing balance. */
export interface StatementAccount {
  currency: string;
  opening: Decimal;
  lines: StatementLine[];
  /** Sum of the invoices (positive movements). */
  debits: Decimal;
  /** Sum of the credit notes and payments, as a positive amount. */
  credits: Decimal;
  closing: Decimal;
}

/**
 * The statement's accounts from the balance before the period (per currency) and the period's
 * movements in date order: one account per currency that has an opening balance or a movement.
 */
export function statementAccounts(openings: ReadonlyMap<string, string>, movements: readonly Movement[]): StatementAccount[] {
  const accounts = new Map<string, StatementAccount>();
  const account = (currency: string) => {
    let a = accounts.get(currency);
    if (!a) {
      const opening = new Decimal(openings.get(currency) ?? 0);
      accounts.set(currency, (a = { currency, opening, lines: [], debits: new Decimal(0), credits: new Decimal(0), closing: opening }));
    }
    return a;
  };
  for (const currency of openings.keys()) account(currency);
  for (const m of movements) {
    const a = account(m.currency);
    const amount = new Decimal(m.amount);
    a.closing = a.closing.plus(amount);
    if (amount.isNegative()) a.credits = a.credits.minus(amount);
    else a.debits = a.debits.plus(amount);
    a.lines.push({ ...m, balance: a.closing });
  }
  return [...accounts.values()].sort((x, y) => x.currency.localeCompare(y.currency));
}
