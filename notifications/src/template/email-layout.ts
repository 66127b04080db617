import mjml from 'mjml';

/** mjml 4 renders synchronously (its bundled types describe mjml-core 5's promise). */
const mjml2html = mjml as unknown as (source: string, options: object) => { html: string; errors: Array<{ formattedMessage: string }> };
import { escapeHtml } from './template-text';

/** What the layout needs of the branding. */
export interface LayoutBranding {
  name: string;
  logoUrl: string | null;
  primaryColor: string;
  accentColor: string;
  legalFooter: string;
  updatedAt: Date;
}

const BODY_MARK = '%%HUB_BODY%%';
const ACTION_MARK = '%%HUB_ACTION%%';
const ACTION_LABEL_MARK = '%%HUB_ACTION_LABEL%%';

interface CompiledLayout {
  withAction: string;
  withoutAction: string;
}

const compiled = new Map<string, CompiledLayout>();

/**
 * The responsive e-mail frame (MJML): logo or name in the brand colour, the message, an optional
 * button, the legal footer. MJML is compiled once per branding version and kept; each message only
 * fills the marks, so sending thousands of messages compiles nothing.
 */
export function brandedLayout(branding: LayoutBranding): CompiledLayout {
  const cacheKey = JSON.stringify(branding);
  const known = compiled.get(cacheKey);
  if (known) return known;
  const header = branding.logoUrl
    ? `<mj-image src="${escapeHtml(branding.logoUrl)}" alt="${escapeHtml(branding.name)}" width="160px" align="left" />`
    : `<mj-text font-size="22px" font-weight="bold" color="#ffffff">${escapeHtml(branding.name)}</mj-text>`;
  const source = (withAction: boolean) => `<mjml>
  <mj-head>
    <mj-title>${escapeHtml(branding.name)}</mj-title>
    <mj-attributes><mj-all font-family="Helvetica, Arial, sans-serif" /><mj-text font-size="15px" line-height="22px" color="#222222" /></mj-attributes>
  </mj-head>
  <mj-body background-color="#f4f4f4">
    <mj-section background-color="${branding.primaryColor}" padding="16px"><mj-column>${header}</mj-column></mj-section>
    <mj-section background-color="#ffffff" padding="24px 16px"><mj-column>
      <mj-text>${BODY_MARK}</mj-text>
      ${withAction ? `<mj-button background-color="${branding.accentColor}" color="#111111" href="${ACTION_MARK}">${ACTION_LABEL_MARK}</mj-button>` : ''}
    </mj-column></mj-section>
    <mj-section padding="12px 16px"><mj-column><mj-text font-size="12px" color="#777777">${escapeHtml(branding.legalFooter)}</mj-text></mj-column></mj-section>
  </mj-body>
</mjml>`;
  const render = (withAction: boolean) => {
    const result = mjml2html(source(withAction), { validationLevel: 'strict', keepComments: false });
    return result.html;
  };
  const layout = { withAction: render(true), withoutAction: render(false) };
  if (compiled.size > 50) compiled.clear();
  compiled.set(cacheKey, layout);
  return layout;
}

/** The HTML of one message: paragraphs of (already filled, not yet escaped) text in the branded frame. */
export function renderEmailHtml(branding: LayoutBranding, body: string, action: { label: string; url: string } | null): string {
  const layout = brandedLayout(branding);
  const paragraphs = body.split(/\n\s*\n/).map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, '<br>')}</p>`).join('');
  const html = action ? layout.withAction : layout.withoutAction;
  return html
    .replace(BODY_MARK, () => paragraphs)
    .replace(ACTION_MARK, () => escapeHtml(action?.url ?? ''))
    .replace(ACTION_LABEL_MARK, () => escapeHtml(action?.label ?? ''));
}

/** The plain-text part: the same words, the link spelled out, the footer. */
export function renderEmailText(branding: LayoutBranding, body: string, action: { label: string; url: string } | null): string {
  return [body.trim(), action ? `${action.label}: ${action.url}` : '', `-- \n${branding.name}\n${branding.legalFooter}`].filter(Boolean).join('\n\n');
}
