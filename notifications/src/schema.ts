import { GraphQLSchema } from 'graphql';
import { HubTextResolver } from './hub-text/hub-text.resolver';
import { buildFederatedSchema } from '@hub/subgraph-kit';
import { BrandingResolver } from './branding/branding.resolver';
import { NotificationsContext } from './context';
import { MessageLogResolver } from './message/message.resolver';
import { NotificationPreferenceResolver } from './preference/notification-preference.resolver';
import { MessageTemplateResolver } from './template/message-template.resolver';
import { NewsletterResolver } from './newsletter/newsletter.resolver';
import { PaymentReminderScheduleResolver } from './schedule/payment-reminder-schedule.resolver';
import { MailboxAttachmentResolver, MailboxMessageResolver } from './mailbox/mailbox.resolver';
import { DepartmentResolver, TaskResolver } from './task/task.resolver';
import { OfferTasksResolver, OrderTasksResolver, ReturnRequestTasksResolver } from './task/task-links.resolver';
import { resolveOfferTasksReference, resolveOrderTasksReference, resolveReturnRequestTasksReference } from './task/task-links.reference';
import { NotificationsStaffDashboardResolver } from './staff-dashboard/staff-dashboard.resolver';
import { StaffDashboardObject } from './staff-dashboard/staff-dashboard.object';
import { resolveStaffDashboardReference } from './staff-dashboard/staff-dashboard.reference';
import { CustomerMessageTemplateResolver } from './customer-template/customer-message-template.resolver';

export function buildNotificationsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<NotificationsContext>({
    resolvers: [MessageLogResolver, BrandingResolver, NotificationPreferenceResolver, MessageTemplateResolver, PaymentReminderScheduleResolver, NewsletterResolver, HubTextResolver, CustomerMessageTemplateResolver, MailboxMessageResolver, MailboxAttachmentResolver, TaskResolver, DepartmentResolver, NotificationsStaffDashboardResolver, OrderTasksResolver, ReturnRequestTasksResolver, OfferTasksResolver],
    // Reached only through `_entities` (orders owns the query).
    orphanedTypes: [StaffDashboardObject],
    referenceResolvers: {
      StaffDashboard: { __resolveReference: resolveStaffDashboardReference },
      Order: { __resolveReference: resolveOrderTasksReference },
      ReturnRequest: { __resolveReference: resolveReturnRequestTasksReference },
      Offer: { __resolveReference: resolveOfferTasksReference },
    },
  });
}
