import type { BuiltinTemplate } from './builtin-templates';

const SHIPMENT_PLACEHOLDERS = ['shipmentId', 'orderId', 'deliveryNoteNumber', 'carrier', 'parcelNumber', 'trackingUrl', 'deliveredAt', 'signedBy'];
const trackAction = (label: string) => ({ label, url: '{{trackingUrl}}' });
const orderAction = (label: string) => ({ label, url: '{{webUrl}}/orders/{{orderId}}' });

/** The messages of a parcel's way (finance's shipment-notifications.ts sends them). */
export const SHIPMENT_TEMPLATES: Readonly<Record<string, BuiltinTemplate>> = {
  'shipment.shipped': {
    description: 'A delivery was handed to the carrier: its parcel number and tracking link.',
    category: 'shipment.shipped',
    placeholders: SHIPMENT_PLACEHOLDERS,
    texts: {
      en: { subject: 'Shipped: parcel {{parcelNumber}}', body: 'Hello {{recipientName}},\n\nyour goods of delivery note {{deliveryNoteNumber}} are on their way with {{carrier}}, parcel number {{parcelNumber}}.\n\nFollow the parcel: {{trackingUrl}}', action: trackAction('Track the parcel') },
      sv: { subject: 'Skickat: paket {{parcelNumber}}', body: 'Hej {{recipientName}},\n\ndina varor på följesedel {{deliveryNoteNumber}} är på väg med {{carrier}}, paketnummer {{parcelNumber}}.\n\nFölj paketet: {{trackingUrl}}', action: trackAction('Spåra paketet') },
      es: { subject: 'Enviado: paquete {{parcelNumber}}', body: 'Hola {{recipientName}}:\n\nla mercancía del albarán {{deliveryNoteNumber}} va en camino con {{carrier}}, número de paquete {{parcelNumber}}.\n\nSiga el paquete: {{trackingUrl}}', action: trackAction('Seguir el paquete') },
      pl: { subject: 'Wysłano: paczka {{parcelNumber}}', body: 'Dzień dobry {{recipientName}},\n\ntowar z dokumentu WZ {{deliveryNoteNumber}} jest w drodze z {{carrier}}, numer paczki {{parcelNumber}}.\n\nŚledź paczkę: {{trackingUrl}}', action: trackAction('Śledź paczkę') },
    },
  },
  'shipment.delivered': {
    description: 'The carrier delivered a parcel.',
    category: 'shipment.delivered',
    placeholders: SHIPMENT_PLACEHOLDERS,
    texts: {
      en: { subject: 'Delivered: parcel {{parcelNumber}}', body: 'Hello {{recipientName}},\n\nparcel {{parcelNumber}} (delivery note {{deliveryNoteNumber}}) was delivered on {{deliveredAt}}. Signed by: {{signedBy}}.', action: orderAction('View order') },
      sv: { subject: 'Levererat: paket {{parcelNumber}}', body: 'Hej {{recipientName}},\n\npaket {{parcelNumber}} (följesedel {{deliveryNoteNumber}}) levererades {{deliveredAt}}. Kvitterat av: {{signedBy}}.', action: orderAction('Visa order') },
      es: { subject: 'Entregado: paquete {{parcelNumber}}', body: 'Hola {{recipientName}}:\n\nel paquete {{parcelNumber}} (albarán {{deliveryNoteNumber}}) se entregó el {{deliveredAt}}. Firmado por: {{signedBy}}.', action: orderAction('Ver pedido') },
      pl: { subject: 'Doręczono: paczka {{parcelNumber}}', body: 'Dzień dobry {{recipientName}},\n\npaczka {{parcelNumber}} (WZ {{deliveryNoteNumber}}) została doręczona {{deliveredAt}}. Odebrał(a): {{signedBy}}.', action: orderAction('Zobacz zamówienie') },
    },
  },
};
