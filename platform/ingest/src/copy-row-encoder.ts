import { CopyValue, encodeCopyValue } from './copy-text-format';
import { MergeTarget, RowOf, StagingType } from './merge-target';

/**
 * Turns rows keyed by column name into COPY lines, in a fixed column order. A row whose keys do
 * not match the columns is refused instead of loading nulls into (or dropping) a column.
 */
export class CopyRowEncoder<R extends object> {
  readonly columns: readonly string[];
  private readonly json: readonly boolean[];
  private readonly declared: ReadonlySet<string>;

  /** `table` names the target in error messages. */
  constructor(
    private readonly table: string,
    columns: Readonly<Record<string, StagingType>>,
  ) {
    this.columns = Object.keys(columns);
    this.json = this.columns.map((c) => columns[c] === 'jsonb');
    this.declared = new Set(this.columns);
  }

  /**
   * Throws unless `row` has exactly the declared columns. Checked on the first row of a batch
   * only: the rows of a batch come from one mapping function, and `encode` still refuses any
   * row that lacks a column.
   */
  checkColumns(row: R, what = 'row'): void {
    for (const column of Object.keys(row)) {
      if (!this.declared.has(column)) throw new Error(`${this.table}: ${what} has column "${column}", which the merge target does not declare`);
    }
    for (const column of this.columns) {
      if (!(column in row)) throw new Error(`${this.table}: ${what} lacks column "${column}"`);
    }
  }

  /** The row's COPY line; `suffix` (e.g. `\t` and an ordinal) is appended to the values. */
  encode(row: R, suffix = ''): string {
    const values = row as Record<string, unknown>;
    let line = '';
    for (let c = 0; c < this.columns.length; c++) {
      const value = values[this.columns[c]];
      // undefined would load as null: a misspelt or forgotten property, not "no value".
      if (value === undefined) throw new Error(`${this.table}: column "${this.columns[c]}" is undefined in a row (use null for no value)`);
      line += c === 0 ? encodeCopyValue(value as CopyValue, this.json[c]) : `\t${encodeCopyValue(value as CopyValue, this.json[c])}`;
    }
    return `${line}${suffix}\n`;
  }
}

/** The encoder of a target's rows (all its columns, in declaration order). */
export function rowEncoderFor<T extends MergeTarget>(target: T): CopyRowEncoder<RowOf<T>> {
  return new CopyRowEncoder(`${target.schema}.${target.table}`, target.columns);
}
