import { RETURN_TEMPLATES } from './return-templates';
import { SHIPMENT_TEMPLATES } from './shipment-templates';
import { OFFER_TEMPLATES } from './offer-templates';

/**
 * The hub's own message texts, per template key and language. A key is also the preference
 * category users switch on and off (for keys with `category`). Staff may override any of them per
 * language (messageTemplates / saveMessageTemplate); the placeholders a key allows are those its
 * English text uses plus the ones every message gets (COMMON_PLACEHOLDERS).
 *
 * To add a notification for a new event: declare it in the owning module's `notifications:` and
 * add its key here with at least an English text.
 */
export interface TemplateText {
  subject: string;
  /** Paragraphs separated by blank lines. */
  body: string;
  /** The button of the e-mail (and the link in its text part). */
  action?: { label: string; url: string };
  /** The text message, for users who chose SMS for the category (templates without one are never texted). */
  sms?: string;
}

export interface BuiltinTemplate {
  description: string;
  /** A user preference can switch it off (null: always sent, e.g. a password reset or a newsletter with consent). */
  category: string | null;
  /** The values its notices carry (besides COMMON_PLACEHOLDERS): the only placeholders a text of it may use. */
  placeholders: readonly string[];
  texts: Readonly<Record<string, TemplateText>>;
  /** Staff may give a customer group or one company texts of its own (payment monitoring: a gentler or firmer dunning). */
  perCustomer?: boolean;
}

/** Every message gets these. */
export const COMMON_PLACEHOLDERS = ['recipientName', 'brandName', 'webUrl'] as const;

export const DEFAULT_LANGUAGE = 'en';
export const LANGUAGES = ['en', 'sv', 'es', 'pl'] as const;

const ORDER_PLACEHOLDERS = ['orderId', 'orderNumber', 'status', 'total', 'reason', 'deliveryDate', 'customerReference'];

const PAYMENT_PLACEHOLDERS = ['documentNumber', 'amount', 'dueDate', 'daysOverdue', 'level'];
const invoicesAction = (label: string) => ({ label, url: '{{webUrl}}/invoices' });

const orderAction = (label: string) => ({ label, url: '{{webUrl}}/orders/{{orderId}}' });

export const BUILTIN_TEMPLATES: Readonly<Record<string, BuiltinTemplate>> = {
  ...RETURN_TEMPLATES,
  ...SHIPMENT_TEMPLATES,
  ...OFFER_TEMPLATES,
  newsletter: {
    description: 'A newsletter staff composed (sent only to users who consented to newsletters).',
    category: null,
    placeholders: ['title', 'intro', 'productList', 'discountCodes', 'unsubscribeUrl'],
    texts: {
      en: { subject: '{{title}}', body: 'Hello {{recipientName}},\n\n{{intro}}\n\n{{productList}}\n\n{{discountCodes}}\n\nNo more newsletters? Unsubscribe: {{unsubscribeUrl}}', action: { label: 'Visit the shop', url: '{{webUrl}}' } },
      sv: { subject: '{{title}}', body: 'Hej {{recipientName}},\n\n{{intro}}\n\n{{productList}}\n\n{{discountCodes}}\n\nInga fler nyhetsbrev? Avregistrera: {{unsubscribeUrl}}', action: { label: 'Till butiken', url: '{{webUrl}}' } },
    },
  },
  'order.placed': {
    description: 'An order was placed and is on its way to the ERP.',
    category: 'order.placed',
    placeholders: ORDER_PLACEHOLDERS,
    texts: {
      en: { subject: 'Order {{orderNumber}} received', body: 'Hello {{recipientName}},\n\nthank you for your order {{orderNumber}} ({{total}}). We will confirm it shortly.', action: orderAction('View order') },
      sv: { subject: 'Order {{orderNumber}} mottagen', body: 'Hej {{recipientName}},\n\ntack för din order {{orderNumber}} ({{total}}). Vi bekräftar den inom kort.', action: orderAction('Visa order') },
      es: { subject: 'Pedido {{orderNumber}} recibido', body: 'Hola {{recipientName}}:\n\ngracias por su pedido {{orderNumber}} ({{total}}). Lo confirmaremos en breve.', action: orderAction('Ver pedido') },
      pl: { subject: 'Zamówienie {{orderNumber}} przyjęte', body: 'Dzień dobry {{recipientName}},\n\ndziękujemy za zamówienie {{orderNumber}} ({{total}}). Wkrótce je potwierdzimy.', action: orderAction('Zobacz zamówienie') },
    },
  },
  'order.approved': {
    description: 'A coworker approved an order; it is on its way to the ERP.',
    category: 'order.approval',
    placeholders: ORDER_PLACEHOLDERS,
    texts: {
      en: { subject: 'Order {{orderNumber}} approved', body: 'Hello {{recipientName}},\n\nyour order {{orderNumber}} ({{total}}) was approved and sent on.', action: orderAction('View order') },
      sv: { subject: 'Order {{orderNumber}} godkänd', body: 'Hej {{recipientName}},\n\ndin order {{orderNumber}} ({{total}}) har godkänts och skickats vidare.', action: orderAction('Visa order') },
      es: { subject: 'Pedido {{orderNumber}} aprobado', body: 'Hola {{recipientName}}:\n\nsu pedido {{orderNumber}} ({{total}}) ha sido aprobado y enviado.', action: orderAction('Ver pedido') },
      pl: { subject: 'Zamówienie {{orderNumber}} zatwierdzone', body: 'Dzień dobry {{recipientName}},\n\nzamówienie {{orderNumber}} ({{total}}) zostało zatwierdzone i przekazane dalej.', action: orderAction('Zobacz zamówienie') },
    },
  },
  'order.awaiting-approval': {
    description: 'An order waits for a coworker with orders.approve.',
    category: 'order.approval',
    placeholders: ORDER_PLACEHOLDERS,
    texts: {
      en: { subject: 'Order {{orderNumber}} waits for approval', body: 'Hello {{recipientName}},\n\nyour order {{orderNumber}} ({{total}}) waits for a coworker to approve it.', action: orderAction('View order') },
      sv: { subject: 'Order {{orderNumber}} väntar på godkännande', body: 'Hej {{recipientName}},\n\ndin order {{orderNumber}} ({{total}}) väntar på att en kollega godkänner den.', action: orderAction('Visa order') },
      es: { subject: 'El pedido {{orderNumber}} espera aprobación', body: 'Hola {{recipientName}}:\n\nsu pedido {{orderNumber}} ({{total}}) espera la aprobación de un compañero.', action: orderAction('Ver pedido') },
      pl: { subject: 'Zamówienie {{orderNumber}} czeka na zatwierdzenie', body: 'Dzień dobry {{recipientName}},\n\nzamówienie {{orderNumber}} ({{total}}) czeka na zatwierdzenie przez współpracownika.', action: orderAction('Zobacz zamówienie') },
    },
  },
  'order.held': {
    description: "The distributor's hold rules hold an order for review.",
    category: 'order.held',
    placeholders: ORDER_PLACEHOLDERS,
    texts: {
      en: { subject: 'Order {{orderNumber}} is being reviewed', body: 'Hello {{recipientName}},\n\nyour order {{orderNumber}} ({{total}}) is held for a review by our staff. We will be in touch.', action: orderAction('View order') },
      sv: { subject: 'Order {{orderNumber}} granskas', body: 'Hej {{recipientName}},\n\ndin order {{orderNumber}} ({{total}}) granskas av vår personal. Vi hör av oss.', action: orderAction('Visa order') },
      es: { subject: 'El pedido {{orderNumber}} está en revisión', body: 'Hola {{recipientName}}:\n\nsu pedido {{orderNumber}} ({{total}}) está retenido para revisión. Nos pondremos en contacto.', action: orderAction('Ver pedido') },
      pl: { subject: 'Zamówienie {{orderNumber}} jest sprawdzane', body: 'Dzień dobry {{recipientName}},\n\nzamówienie {{orderNumber}} ({{total}}) zostało wstrzymane do sprawdzenia. Skontaktujemy się.', action: orderAction('Zobacz zamówienie') },
    },
  },
  'order.rejected': {
    description: 'An order was rejected (by the approving coworker or by staff).',
    category: 'order.rejected',
    placeholders: ORDER_PLACEHOLDERS,
    texts: {
      en: { subject: 'Order {{orderNumber}} rejected', body: 'Hello {{recipientName}},\n\nyour order {{orderNumber}} was rejected: {{reason}}', action: orderAction('View order') },
      sv: { subject: 'Order {{orderNumber}} avvisad', body: 'Hej {{recipientName}},\n\ndin order {{orderNumber}} avvisades: {{reason}}', action: orderAction('Visa order') },
      es: { subject: 'Pedido {{orderNumber}} rechazado', body: 'Hola {{recipientName}}:\n\nsu pedido {{orderNumber}} fue rechazado: {{reason}}', action: orderAction('Ver pedido') },
      pl: { subject: 'Zamówienie {{orderNumber}} odrzucone', body: 'Dzień dobry {{recipientName}},\n\nzamówienie {{orderNumber}} zostało odrzucone: {{reason}}', action: orderAction('Zobacz zamówienie') },
    },
  },
  'order.confirmed': {
    description: 'The ERP confirmed an order.',
    category: 'order.confirmed',
    placeholders: ORDER_PLACEHOLDERS,
    texts: {
      en: { subject: 'Order {{orderNumber}} confirmed', body: 'Hello {{recipientName}},\n\nyour order {{orderNumber}} ({{total}}) is confirmed. Expected delivery: {{deliveryDate}}.', action: orderAction('View order'), sms: '{{brandName}}: order {{orderNumber}} ({{total}}) is confirmed, delivery {{deliveryDate}}.' },
      sv: { subject: 'Order {{orderNumber}} bekräftad', body: 'Hej {{recipientName}},\n\ndin order {{orderNumber}} ({{total}}) är bekräftad. Beräknad leverans: {{deliveryDate}}.', action: orderAction('Visa order'), sms: '{{brandName}}: order {{orderNumber}} ({{total}}) är bekräftad, leverans {{deliveryDate}}.' },
      es: { subject: 'Pedido {{orderNumber}} confirmado', body: 'Hola {{recipientName}}:\n\nsu pedido {{orderNumber}} ({{total}}) está confirmado. Entrega prevista: {{deliveryDate}}.', action: orderAction('Ver pedido'), sms: '{{brandName}}: pedido {{orderNumber}} ({{total}}) confirmado, entrega {{deliveryDate}}.' },
      pl: { subject: 'Zamówienie {{orderNumber}} potwierdzone', body: 'Dzień dobry {{recipientName}},\n\nzamówienie {{orderNumber}} ({{total}}) zostało potwierdzone. Przewidywana dostawa: {{deliveryDate}}.', action: orderAction('Zobacz zamówienie'), sms: '{{brandName}}: zamówienie {{orderNumber}} ({{total}}) potwierdzone, dostawa {{deliveryDate}}.' },
    },
  },
  'order.invoiced': {
    description: 'An order was invoiced by the ERP.',
    category: 'order.invoiced',
    placeholders: ORDER_PLACEHOLDERS,
    texts: {
      en: { subject: 'Order {{orderNumber}} invoiced', body: 'Hello {{recipientName}},\n\nyour order {{orderNumber}} ({{total}}) has been invoiced. The invoice is in your account.', action: orderAction('View order') },
      sv: { subject: 'Order {{orderNumber}} fakturerad', body: 'Hej {{recipientName}},\n\ndin order {{orderNumber}} ({{total}}) har fakturerats. Fakturan finns på ditt konto.', action: orderAction('Visa order') },
      es: { subject: 'Pedido {{orderNumber}} facturado', body: 'Hola {{recipientName}}:\n\nsu pedido {{orderNumber}} ({{total}}) ha sido facturado. La factura está en su cuenta.', action: orderAction('Ver pedido') },
      pl: { subject: 'Zamówienie {{orderNumber}} zafakturowane', body: 'Dzień dobry {{recipientName}},\n\nzamówienie {{orderNumber}} ({{total}}) zostało zafakturowane. Faktura jest na Twoim koncie.', action: orderAction('Zobacz zamówienie') },
    },
  },
  'order.ready-for-pickup': {
    description: 'An order to be collected in a store is ready there (with the pick-up code to show at the counter).',
    category: 'order.ready-for-pickup',
    placeholders: [...ORDER_PLACEHOLDERS, 'storeName', 'pickupCode'],
    texts: {
      en: { subject: 'Order {{orderNumber}} is ready for pick-up', body: 'Hello {{recipientName}},\n\nyour order {{orderNumber}} is ready for pick-up at {{storeName}}.\n\nShow the pick-up code {{pickupCode}} at the counter.', action: orderAction('View order') },
      sv: { subject: 'Order {{orderNumber}} kan hämtas', body: 'Hej {{recipientName}},\n\ndin order {{orderNumber}} kan nu hämtas i {{storeName}}.\n\nVisa hämtkoden {{pickupCode}} i disken.', action: orderAction('Visa order') },
      es: { subject: 'El pedido {{orderNumber}} está listo para recoger', body: 'Hola {{recipientName}}:\n\nsu pedido {{orderNumber}} está listo para recoger en {{storeName}}.\n\nMuestre el código de recogida {{pickupCode}} en el mostrador.', action: orderAction('Ver pedido') },
      pl: { subject: 'Zamówienie {{orderNumber}} czeka na odbiór', body: 'Dzień dobry {{recipientName}},\n\nzamówienie {{orderNumber}} czeka na odbiór w {{storeName}}.\n\nPokaż kod odbioru {{pickupCode}} przy ladzie.', action: orderAction('Zobacz zamówienie') },
    },
  },
  'order.late': {
    description: "An open order's promised delivery date has passed.",
    category: 'order.late',
    placeholders: ORDER_PLACEHOLDERS,
    texts: {
      en: { subject: 'Order {{orderNumber}} is late', body: 'Hello {{recipientName}},\n\nyour order {{orderNumber}} was promised for {{deliveryDate}} and has not been delivered yet. We are sorry for the delay.', action: orderAction('View order'), sms: '{{brandName}}: order {{orderNumber}} was promised for {{deliveryDate}} and is late. Sorry for the delay.' },
      sv: { subject: 'Order {{orderNumber}} är försenad', body: 'Hej {{recipientName}},\n\ndin order {{orderNumber}} utlovades till {{deliveryDate}} och har ännu inte levererats. Vi ber om ursäkt för förseningen.', action: orderAction('Visa order'), sms: '{{brandName}}: order {{orderNumber}} utlovades till {{deliveryDate}} och är försenad. Vi ber om ursäkt.' },
      es: { subject: 'El pedido {{orderNumber}} se retrasa', body: 'Hola {{recipientName}}:\n\nsu pedido {{orderNumber}} estaba previsto para el {{deliveryDate}} y aún no se ha entregado. Disculpe el retraso.', action: orderAction('Ver pedido') },
      pl: { subject: 'Zamówienie {{orderNumber}} jest opóźnione', body: 'Dzień dobry {{recipientName}},\n\nzamówienie {{orderNumber}} miało zostać dostarczone {{deliveryDate}} i jeszcze nie dotarło. Przepraszamy za opóźnienie.', action: orderAction('Zobacz zamówienie') },
    },
  },
  'payment.reminder': {
    description: 'An invoice falls due in a few days (payment monitoring schedule).',
    category: 'payment.reminder',
    perCustomer: true,
    placeholders: PAYMENT_PLACEHOLDERS,
    texts: {
      en: { subject: 'Invoice {{documentNumber}} is due on {{dueDate}}', body: 'Hello {{recipientName}},\n\na friendly reminder: invoice {{documentNumber}} ({{amount}}) is due on {{dueDate}}.', action: invoicesAction('Your invoices'), sms: '{{brandName}}: invoice {{documentNumber}} ({{amount}}) is due on {{dueDate}}.' },
      sv: { subject: 'Faktura {{documentNumber}} förfaller {{dueDate}}', body: 'Hej {{recipientName}},\n\nen vänlig påminnelse: faktura {{documentNumber}} ({{amount}}) förfaller {{dueDate}}.', action: invoicesAction('Dina fakturor'), sms: '{{brandName}}: faktura {{documentNumber}} ({{amount}}) förfaller {{dueDate}}.' },
      es: { subject: 'La factura {{documentNumber}} vence el {{dueDate}}', body: 'Hola {{recipientName}}:\n\nle recordamos que la factura {{documentNumber}} ({{amount}}) vence el {{dueDate}}.', action: invoicesAction('Sus facturas') },
      pl: { subject: 'Termin faktury {{documentNumber}}: {{dueDate}}', body: 'Dzień dobry {{recipientName}},\n\nprzypominamy: termin płatności faktury {{documentNumber}} ({{amount}}) mija {{dueDate}}.', action: invoicesAction('Twoje faktury') },
    },
  },
  'payment.dunning': {
    description: 'An invoice is overdue: one message per dunning level of the schedule.',
    category: null,
    perCustomer: true,
    placeholders: PAYMENT_PLACEHOLDERS,
    texts: {
      en: { subject: 'Payment overdue: invoice {{documentNumber}} (reminder {{level}})', body: 'Hello {{recipientName}},\n\ninvoice {{documentNumber}} ({{amount}}) was due on {{dueDate}} and is {{daysOverdue}} days overdue. Please pay it now.', action: invoicesAction('Your invoices') },
      sv: { subject: 'Betalningspåminnelse {{level}}: faktura {{documentNumber}}', body: 'Hej {{recipientName}},\n\nfaktura {{documentNumber}} ({{amount}}) förföll {{dueDate}} och är {{daysOverdue}} dagar försenad. Vänligen betala nu.', action: invoicesAction('Dina fakturor') },
      es: { subject: 'Pago vencido: factura {{documentNumber}} (aviso {{level}})', body: 'Hola {{recipientName}}:\n\nla factura {{documentNumber}} ({{amount}}) venció el {{dueDate}} y lleva {{daysOverdue}} días de retraso. Le rogamos que la pague.', action: invoicesAction('Sus facturas') },
      pl: { subject: 'Zaległa płatność: faktura {{documentNumber}} (wezwanie {{level}})', body: 'Dzień dobry {{recipientName}},\n\nfaktura {{documentNumber}} ({{amount}}) była płatna {{dueDate}} i jest opóźniona o {{daysOverdue}} dni. Prosimy o zapłatę.', action: invoicesAction('Twoje faktury') },
    },
  },
  'payment.thanks': {
    description: 'A payment was recorded in the ERP.',
    category: 'payment.thanks',
    perCustomer: true,
    placeholders: PAYMENT_PLACEHOLDERS,
    texts: {
      en: { subject: 'Thank you for your payment', body: 'Hello {{recipientName}},\n\nwe received your payment of {{amount}} for invoice {{documentNumber}}. Thank you.' },
      sv: { subject: 'Tack för din betalning', body: 'Hej {{recipientName}},\n\nvi har tagit emot din betalning på {{amount}} för faktura {{documentNumber}}. Tack.' },
      es: { subject: 'Gracias por su pago', body: 'Hola {{recipientName}}:\n\nhemos recibido su pago de {{amount}} de la factura {{documentNumber}}. Gracias.' },
      pl: { subject: 'Dziękujemy za płatność', body: 'Dzień dobry {{recipientName}},\n\notrzymaliśmy płatność {{amount}} za fakturę {{documentNumber}}. Dziękujemy.' },
    },
  },
};

/** The placeholders a template key may use. */
export function allowedPlaceholders(key: string): string[] {
  return [...COMMON_PLACEHOLDERS, ...(BUILTIN_TEMPLATES[key]?.placeholders ?? [])];
}

/** Only templates with an SMS text are ever texted. */
export function hasSmsText(key: string): boolean {
  return Object.values(BUILTIN_TEMPLATES[key]?.texts ?? {}).some((t) => !!t.sms);
}

/** The categories a user can switch off, with what they cover and whether any of it can come as a text. */
export function notificationCategories(): Array<{ category: string; templates: string[]; smsAvailable: boolean }> {
  const byCategory = new Map<string, string[]>();
  for (const [key, template] of Object.entries(BUILTIN_TEMPLATES)) {
    if (template.category) byCategory.set(template.category, [...(byCategory.get(template.category) ?? []), key]);
  }
  return [...byCategory].map(([category, templates]) => ({ category, templates, smsAvailable: templates.some(hasSmsText) }));
}
