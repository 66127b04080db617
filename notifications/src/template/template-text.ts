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

/** A template's texts as staff save them: subject (one line), body, and an optional action (both label and URL, the URL a web address). */
export function checkTemplateTexts(input: { subject: string; body: string; actionLabel?: string | null; actionUrl?: string | null }, allowed: readonly string[]): void {
  checkTemplateText('subject', input.subject, allowed);
  if (/[\r\n]/.test(input.subject)) throw badUserInput('The subject must be one line.', 'subject');
  checkTemplateText('body', input.body, allowed);
  if ((input.actionLabel == null) !== (input.actionUrl == null)) throw badUserInput('Give both actionLabel and actionUrl, or neither.', 'actionUrl');
  if (input.actionLabel != null) checkTemplateText('actionLabel', input.actionLabel, allowed);
  if (input.actionUrl != null) {
    checkTemplateText('actionUrl', input.actionUrl, allowed);
    if (!/^(https?:\/\/|\{\{webUrl\}\})/.test(input.actionUrl)) throw badUserInput('actionUrl must start with http(s):// or {{webUrl}}.', 'actionUrl');
  }
}

/** Fills the placeholders; one without a value becomes empty (checked templates never have any). */
export function fillTemplate(text: string, values: Readonly<Record<string, string>>, escape: (value: string) => string = (v) => v): string {
  return text.replace(PLACEHOLDER, (_, name: string) => escape(values[name] ?? ''));
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
