import { HubTextKindDeclaration } from '@hub/subgraph-kit';
import { ReturnStatus } from './return-status';

export const RETURN_STATUS_TEXTS = 'RETURN_STATUS';
export const RETURN_REASON_TEXTS = 'RETURN_REASON';

/** How a return's status reads to users, built in per language; staff may replace any of them (hub texts). */
export const RETURN_STATUS_LABELS: Readonly<Record<ReturnStatus, Readonly<Record<'en' | 'sv' | 'es' | 'pl', string>>>> = {
  FILED: { en: 'Filed', sv: 'Anmäld', es: 'Solicitada', pl: 'Zgłoszony' },
  ACCEPTED: { en: 'Accepted', sv: 'Godkänd', es: 'Aceptada', pl: 'Przyjęty' },
  REJECTED: { en: 'Rejected', sv: 'Avslagen', es: 'Rechazada', pl: 'Odrzucony' },
  LABEL_ISSUED: { en: 'Label ready', sv: 'Returetikett klar', es: 'Etiqueta lista', pl: 'Etykieta gotowa' },
  IN_TRANSIT: { en: 'On its way', sv: 'På väg', es: 'En camino', pl: 'W drodze' },
  RECEIVED: { en: 'Received', sv: 'Mottagen', es: 'Recibida', pl: 'Odebrany' },
  ASSESSED: { en: 'Assessed', sv: 'Bedömd', es: 'Evaluada', pl: 'Oceniony' },
  CREDITED: { en: 'Credited', sv: 'Krediterad', es: 'Abonada', pl: 'Skorygowany' },
  EXCHANGED: { en: 'Exchanged', sv: 'Utbytt', es: 'Cambiada', pl: 'Wymieniony' },
  CLOSED: { en: 'Closed', sv: 'Avslutad', es: 'Cerrada', pl: 'Zamknięty' },
};

export const returnStatusTexts: HubTextKindDeclaration = {
  kind: RETURN_STATUS_TEXTS,
  description: 'Return (RMA) statuses as users read them (key: the ReturnStatus value, e.g. RECEIVED).',
  entries: async () => Object.values(ReturnStatus).map((status) => ({ key: status, texts: RETURN_STATUS_LABELS[status], fallback: RETURN_STATUS_LABELS[status].en })),
};

/**
 * The return reason dictionary as hub texts (key: the reason code): its own labels are the ones
 * setReturnReason keeps; a staff text of the hub texts API shows before them in its language.
 */
export const returnReasonTexts: HubTextKindDeclaration = {
  kind: RETURN_REASON_TEXTS,
  description: 'Return reasons (key: the reason code); their labels from setReturnReason where no hub text is given.',
  async entries(client) {
    const { rows } = await client.query<{ code: string; labels: Record<string, string> }>(
      `select code, jsonb_object_agg(language, label) as labels from finance.return_reason group by code order by code`,
    );
    return rows.map((r) => ({ key: r.code, texts: r.labels, fallback: r.labels.en ?? Object.values(r.labels)[0] ?? r.code }));
  },
};
