import type { BuiltinTemplate } from './builtin-templates';

const RETURN_PLACEHOLDERS = ['returnId', 'rmaNumber', 'status', 'reason', 'deliveryNoteNumber', 'creditNoteNumber'];
const returnAction = (label: string) => ({ label, url: '{{webUrl}}/returns/{{returnId}}' });

/** The messages of a return's steps (finance's return-notifications.ts sends them). */
export const RETURN_TEMPLATES: Readonly<Record<string, BuiltinTemplate>> = {
  'return.filed': {
    description: 'A return (RMA) was filed and waits for the distributor to accept it.',
    category: 'return.filed',
    placeholders: RETURN_PLACEHOLDERS,
    texts: {
      en: { subject: 'Return {{rmaNumber}} received', body: 'Hello {{recipientName}},\n\nwe received return {{rmaNumber}} for delivery note {{deliveryNoteNumber}}. We will check it and tell you when it is accepted.', action: returnAction('View return') },
      sv: { subject: 'Retur {{rmaNumber}} mottagen', body: 'Hej {{recipientName}},\n\nvi har tagit emot retur {{rmaNumber}} för följesedel {{deliveryNoteNumber}}. Vi granskar den och meddelar dig när den är godkänd.', action: returnAction('Visa retur') },
      es: { subject: 'Devolución {{rmaNumber}} recibida', body: 'Hola {{recipientName}}:\n\nhemos recibido la devolución {{rmaNumber}} del albarán {{deliveryNoteNumber}}. La revisaremos y le avisaremos cuando esté aceptada.', action: returnAction('Ver devolución') },
      pl: { subject: 'Zwrot {{rmaNumber}} przyjęty do rozpatrzenia', body: 'Dzień dobry {{recipientName}},\n\notrzymaliśmy zwrot {{rmaNumber}} do dokumentu WZ {{deliveryNoteNumber}}. Sprawdzimy go i damy znać, gdy zostanie zaakceptowany.', action: returnAction('Zobacz zwrot') },
    },
  },
  'return.accepted': {
    description: 'A return was accepted; its label is ready to print.',
    category: 'return.accepted',
    placeholders: RETURN_PLACEHOLDERS,
    texts: {
      en: { subject: 'Return {{rmaNumber}} accepted: print your label', body: 'Hello {{recipientName}},\n\nreturn {{rmaNumber}} is accepted. Print its label, put it on the parcel and send the goods or hand them in at one of our stores.', action: returnAction('Print the label') },
      sv: { subject: 'Retur {{rmaNumber}} godkänd: skriv ut etiketten', body: 'Hej {{recipientName}},\n\nretur {{rmaNumber}} är godkänd. Skriv ut etiketten, sätt den på paketet och skicka varorna eller lämna dem i en av våra butiker.', action: returnAction('Skriv ut etiketten') },
      es: { subject: 'Devolución {{rmaNumber}} aceptada: imprima la etiqueta', body: 'Hola {{recipientName}}:\n\nla devolución {{rmaNumber}} está aceptada. Imprima la etiqueta, péguela en el paquete y envíe la mercancía o entréguela en una de nuestras tiendas.', action: returnAction('Imprimir la etiqueta') },
      pl: { subject: 'Zwrot {{rmaNumber}} zaakceptowany: wydrukuj etykietę', body: 'Dzień dobry {{recipientName}},\n\nzwrot {{rmaNumber}} został zaakceptowany. Wydrukuj etykietę, naklej ją na paczkę i wyślij towar lub oddaj go w jednym z naszych sklepów.', action: returnAction('Wydrukuj etykietę') },
    },
  },
  'return.rejected': {
    description: 'A return was rejected, with the reason.',
    category: 'return.rejected',
    placeholders: RETURN_PLACEHOLDERS,
    texts: {
      en: { subject: 'Return {{rmaNumber}} rejected', body: 'Hello {{recipientName}},\n\nwe cannot accept return {{rmaNumber}}: {{reason}}', action: returnAction('View return') },
      sv: { subject: 'Retur {{rmaNumber}} avslagen', body: 'Hej {{recipientName}},\n\nvi kan inte godkänna retur {{rmaNumber}}: {{reason}}', action: returnAction('Visa retur') },
      es: { subject: 'Devolución {{rmaNumber}} rechazada', body: 'Hola {{recipientName}}:\n\nno podemos aceptar la devolución {{rmaNumber}}: {{reason}}', action: returnAction('Ver devolución') },
      pl: { subject: 'Zwrot {{rmaNumber}} odrzucony', body: 'Dzień dobry {{recipientName}},\n\nnie możemy przyjąć zwrotu {{rmaNumber}}: {{reason}}', action: returnAction('Zobacz zwrot') },
    },
  },
  'return.received': {
    description: "A return's goods arrived at the distributor.",
    category: 'return.received',
    placeholders: RETURN_PLACEHOLDERS,
    texts: {
      en: { subject: 'Return {{rmaNumber}}: goods received', body: 'Hello {{recipientName}},\n\nthe goods of return {{rmaNumber}} have arrived. We will assess them and credit or replace them.', action: returnAction('View return') },
      sv: { subject: 'Retur {{rmaNumber}}: varorna har kommit', body: 'Hej {{recipientName}},\n\nvarorna i retur {{rmaNumber}} har kommit fram. Vi bedömer dem och krediterar eller ersätter dem.', action: returnAction('Visa retur') },
      es: { subject: 'Devolución {{rmaNumber}}: mercancía recibida', body: 'Hola {{recipientName}}:\n\nla mercancía de la devolución {{rmaNumber}} ha llegado. La revisaremos y la abonaremos o sustituiremos.', action: returnAction('Ver devolución') },
      pl: { subject: 'Zwrot {{rmaNumber}}: towar dotarł', body: 'Dzień dobry {{recipientName}},\n\ntowar ze zwrotu {{rmaNumber}} dotarł do nas. Ocenimy go i wystawimy korektę lub wymienimy towar.', action: returnAction('Zobacz zwrot') },
    },
  },
  'return.credited': {
    description: 'A return was credited: the ERP issued a credit note.',
    category: 'return.credited',
    placeholders: RETURN_PLACEHOLDERS,
    texts: {
      en: { subject: 'Return {{rmaNumber}} credited', body: 'Hello {{recipientName}},\n\nreturn {{rmaNumber}} is credited with credit note {{creditNoteNumber}}. You find it with your invoices.', action: returnAction('View return') },
      sv: { subject: 'Retur {{rmaNumber}} krediterad', body: 'Hej {{recipientName}},\n\nretur {{rmaNumber}} är krediterad med kreditnota {{creditNoteNumber}}. Du hittar den bland dina fakturor.', action: returnAction('Visa retur') },
      es: { subject: 'Devolución {{rmaNumber}} abonada', body: 'Hola {{recipientName}}:\n\nla devolución {{rmaNumber}} se ha abonado con la nota de crédito {{creditNoteNumber}}. La encontrará junto a sus facturas.', action: returnAction('Ver devolución') },
      pl: { subject: 'Zwrot {{rmaNumber}} rozliczony', body: 'Dzień dobry {{recipientName}},\n\nzwrot {{rmaNumber}} został rozliczony fakturą korygującą {{creditNoteNumber}}. Znajdziesz ją wśród swoich faktur.', action: returnAction('Zobacz zwrot') },
    },
  },
  'return.exchanged': {
    description: 'A return was settled by replacement goods.',
    category: 'return.exchanged',
    placeholders: RETURN_PLACEHOLDERS,
    texts: {
      en: { subject: 'Return {{rmaNumber}}: replacement on its way', body: 'Hello {{recipientName}},\n\nfor return {{rmaNumber}} we are sending you replacement goods.', action: returnAction('View return') },
      sv: { subject: 'Retur {{rmaNumber}}: ersättning på väg', body: 'Hej {{recipientName}},\n\nför retur {{rmaNumber}} skickar vi ersättningsvaror till dig.', action: returnAction('Visa retur') },
      es: { subject: 'Devolución {{rmaNumber}}: sustitución en camino', body: 'Hola {{recipientName}}:\n\npara la devolución {{rmaNumber}} le enviamos mercancía de sustitución.', action: returnAction('Ver devolución') },
      pl: { subject: 'Zwrot {{rmaNumber}}: towar zastępczy w drodze', body: 'Dzień dobry {{recipientName}},\n\nw ramach zwrotu {{rmaNumber}} wysyłamy towar zastępczy.', action: returnAction('Zobacz zwrot') },
    },
  },
};
