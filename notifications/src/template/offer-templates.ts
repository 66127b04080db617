import type { BuiltinTemplate } from './builtin-templates';

const OFFER_PLACEHOLDERS = ['offerId', 'offerNumber', 'version', 'title', 'total', 'validUntil', 'fileName'];
const offerAction = (label: string) => ({ label, url: '{{webUrl}}/offers/{{offerId}}' });

/** A sales rep's offer to a customer's users (orders' offer-notifications.ts sends it, the file attached). */
export const OFFER_TEMPLATES: Readonly<Record<string, BuiltinTemplate>> = {
  'offer.sent': {
    description: 'A sales rep sent the company an offer (its PDF or XLSX attached).',
    category: 'offer.sent',
    placeholders: OFFER_PLACEHOLDERS,
    texts: {
      en: { subject: 'Offer {{offerNumber}}: {{title}}', body: 'Hello {{recipientName}},\n\nplease find our offer {{offerNumber}} (version {{version}}, {{total}}) attached as {{fileName}}. It is valid until {{validUntil}}; you can accept it wholly or in part in your customer panel.', action: offerAction('View the offer') },
      sv: { subject: 'Offert {{offerNumber}}: {{title}}', body: 'Hej {{recipientName}},\n\nbifogat finns vår offert {{offerNumber}} (version {{version}}, {{total}}) som {{fileName}}. Den gäller till {{validUntil}}; du kan anta den helt eller delvis i kundpanelen.', action: offerAction('Visa offerten') },
      es: { subject: 'Oferta {{offerNumber}}: {{title}}', body: 'Hola {{recipientName}}:\n\nle adjuntamos nuestra oferta {{offerNumber}} (versión {{version}}, {{total}}) como {{fileName}}. Es válida hasta el {{validUntil}}; puede aceptarla total o parcialmente en su panel de cliente.', action: offerAction('Ver la oferta') },
      pl: { subject: 'Oferta {{offerNumber}}: {{title}}', body: 'Dzień dobry {{recipientName}},\n\nw załączniku przesyłamy ofertę {{offerNumber}} (wersja {{version}}, {{total}}) jako {{fileName}}. Jest ważna do {{validUntil}}; można ją przyjąć w całości lub częściowo w panelu klienta.', action: offerAction('Zobacz ofertę') },
    },
  },
};
