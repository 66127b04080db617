import { HubTextKindDeclaration } from '@hub/subgraph-kit';
import { OrderStatus } from './order-status';

export const ORDER_STATUS_TEXTS = 'ORDER_STATUS';

/** How an order's status reads to users, built in per language; staff may replace any of them (hub texts). */
export const ORDER_STATUS_LABELS: Readonly<Record<OrderStatus, Readonly<Record<'en' | 'sv' | 'es' | 'pl', string>>>> = {
  AWAITING_PAYMENT: { en: 'Awaiting payment', sv: 'Väntar på betalning', es: 'Pendiente de pago', pl: 'Oczekuje na płatność' },
  AWAITING_APPROVAL: { en: 'Awaiting approval', sv: 'Väntar på godkännande', es: 'Pendiente de aprobación', pl: 'Oczekuje na akceptację' },
  ON_HOLD: { en: 'On hold', sv: 'Pausad för granskning', es: 'Retenido', pl: 'Wstrzymane' },
  REJECTED: { en: 'Rejected', sv: 'Avvisad', es: 'Rechazado', pl: 'Odrzucone' },
  PENDING: { en: 'Sent to processing', sv: 'Skickad för behandling', es: 'Enviado a tramitación', pl: 'Przekazane do realizacji' },
  ERP_REFUSED: { en: 'Needs attention', sv: 'Behöver åtgärd', es: 'Requiere atención', pl: 'Wymaga uwagi' },
  CONFIRMED: { en: 'Confirmed', sv: 'Bekräftad', es: 'Confirmado', pl: 'Potwierdzone' },
  PICKED: { en: 'Picked', sv: 'Plockad', es: 'Preparado', pl: 'Skompletowane' },
  READY_FOR_PICKUP: { en: 'Ready for pick-up', sv: 'Klar att hämta', es: 'Listo para recoger', pl: 'Gotowe do odbioru' },
  COLLECTED: { en: 'Collected', sv: 'Hämtad', es: 'Recogido', pl: 'Odebrane' },
  SHIPPED: { en: 'Shipped', sv: 'Skickad', es: 'Enviado', pl: 'Wysłane' },
  DELIVERED: { en: 'Delivered', sv: 'Levererad', es: 'Entregado', pl: 'Dostarczone' },
  INVOICED: { en: 'Invoiced', sv: 'Fakturerad', es: 'Facturado', pl: 'Zafakturowane' },
  CANCELLED: { en: 'Cancelled', sv: 'Makulerad', es: 'Cancelado', pl: 'Anulowane' },
};

export const orderStatusTexts: HubTextKindDeclaration = {
  kind: ORDER_STATUS_TEXTS,
  description: "Order statuses as users read them (key: the OrderStatus value, e.g. SHIPPED).",
  entries: async () => Object.values(OrderStatus).map((status) => ({ key: status, texts: ORDER_STATUS_LABELS[status], fallback: ORDER_STATUS_LABELS[status].en })),
};
