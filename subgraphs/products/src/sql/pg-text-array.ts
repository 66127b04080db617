/**
 * A PostgreSQL array literal for a `?::text[]` (or `?::uuid[]`) binding: knex would expand a JS
 * array binding into a list of parameters.
 */
export function pgTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}
