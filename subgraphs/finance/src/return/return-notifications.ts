import { PoolClient } from 'pg';
import { NotificationDeclaration, NotificationNotice } from '@hub/subgraph-kit';
import { RETURN_STATUS_CHANGED_TOPIC } from './return-events';
import { ReturnStatus } from './return-status';

/** The template (and preference category) for a return reaching a status; statuses not here send nothing. */
const TEMPLATE_OF_STATUS: Partial<Record<ReturnStatus, string>> = {
  [ReturnStatus.FILED]: 'return.filed',
  [ReturnStatus.LABEL_ISSUED]: 'return.accepted',
  [ReturnStatus.REJECTED]: 'return.rejected',
  [ReturnStatus.RECEIVED]: 'return.received',
  [ReturnStatus.CREDITED]: 'return.credited',
  [ReturnStatus.EXCHANGED]: 'return.exchanged',
};

/**
 * What a return's status event tells: its filer, and the company's administrators (the users the
 * company names for its returns: users.manage; each can switch a category off for themselves or,
 * as admin, for a coworker). Sent when it is filed, accepted with its label, rejected with the
 * reason, received, and credited (with the credit note's number) or exchanged. The ref names the
 * return and status, so an event announced twice mails once.
 */
export async function returnNotices(client: PoolClient, event: { key: string }): Promise<NotificationNotice[]> {
  const { rows } = await client.query<{
    id: string; number: string; status: ReturnStatus; status_reason: string | null; company_id: string; filed_by_user_id: string;
    delivery_note_number: string; credit_note_number: string | null;
  }>(
    `select id, number, status, status_reason, company_id, filed_by_user_id, delivery_note_number, credit_note_number
       from finance.return_request where id = $1`,
    [event.key],
  );
  const request = rows[0];
  const template = request ? TEMPLATE_OF_STATUS[request.status] : undefined;
  if (!request || !template) return [];
  return [
    {
      ref: `return:${request.id}:${request.status}`,
      template,
      recipientUserIds: [request.filed_by_user_id],
      recipientCompany: { companyId: request.company_id, permission: 'users.manage' },
      values: {
        returnId: request.id,
        rmaNumber: request.number,
        status: request.status,
        reason: request.status_reason ?? '',
        deliveryNoteNumber: request.delivery_note_number,
        creditNoteNumber: request.credit_note_number ?? '',
      },
    },
  ];
}

export const RETURN_NOTIFICATIONS: readonly NotificationDeclaration[] = [{ topic: RETURN_STATUS_CHANGED_TOPIC, notices: returnNotices }];
