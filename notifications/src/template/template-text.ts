import { badUserInput } from '@hub/errors';

/** `{{name}}` placeholders; nothing else is special, so a template can never run code. */
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

/** The placeholder names a text uses. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/**
 * Refuses a template text that would fail or show garbage when sent: stray `{{` / `}}`, or a
 * placeholder the template's event never provides. Called when staff save a template.
 */
export function checkTemplateText(field: string, text: string, allowed: readonly string[]): void {
  if (text.trim().length === 0) throw badUserInput(`The ${field} must not be empty.`, field);
  const stripped = text.replace(PLACEHOLDER, '');
  if (stripped.includes('{{') || stripped.includes('}}')) throw badUserInput(`The ${field} has an unclosed or malformed {{placeholder}}.`, field);
  const unknown = placeholdersOf(text).filter((name) => !allowed.includes(name));
  if (unknown.length > 0) {
    throw badUserInput(`The ${field} uses unknown placeholders: ${[...new Set(unknown)].join(', ')} (allowed: ${allowed.join(', ')}).`, field);
  }
}

/** Fills the placeholders; one without a value becomes empty (checked templates never have any). */
export function fillTemplate(text: string, values: Readonly<Record<string, string>>, escape: (value: string) => string = (v) => v): string {
  return text.replace(PLACEHOLDER, (_, name: string) => escape(values[name] ?? ''));
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
