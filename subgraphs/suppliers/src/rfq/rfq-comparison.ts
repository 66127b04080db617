import { Decimal } from '@hub/money';

/** One supplier's answer to one line, as compared. */
export interface ComparedAnswer {
  supplierId: string;
  lineNo: number;
  unitPrice: string;
  leadTimeDays: number;
}

export interface LineComparison<A extends ComparedAnswer> {
  lineNo: number;
  answers: A[];
  /** Lowest price; among equal prices the shorter lead time; null without answers. */
  cheapest: A | null;
  /** Shortest lead time; among equal lead times the lower price. */
  fastest: A | null;
}

/** Side by side, per line: every answer (cheapest first), the cheapest and the fastest. Lines nobody answered have empty answers. */
export function compareAnswers<A extends ComparedAnswer>(lineNos: readonly number[], answers: readonly A[]): Array<LineComparison<A>> {
  const byPrice = (a: A, b: A) => new Decimal(a.unitPrice).comparedTo(b.unitPrice) || a.leadTimeDays - b.leadTimeDays || a.supplierId.localeCompare(b.supplierId);
  const byTime = (a: A, b: A) => a.leadTimeDays - b.leadTimeDays || new Decimal(a.unitPrice).comparedTo(b.unitPrice) || a.supplierId.localeCompare(b.supplierId);
  return lineNos.map((lineNo) => {
    const mine = answers.filter((a) => a.lineNo === lineNo).sort(byPrice);
    return { lineNo, answers: mine, cheapest: mine[0] ?? null, fastest: [...mine].sort(byTime)[0] ?? null };
  });
}
