import 'reflect-metadata';
import { join } from 'node:path';
import { SubgraphModule } from '@hub/subgraph-kit';
import { HttpSmsGateway } from '@hub/sms-contract';
import { BrandingEntity } from './branding/branding.entity';
import { buildNotificationsContext, NotificationsContext } from './context';
import { MessageEntity } from './message/message.entity';
import { MessageAttachmentEntity } from './message/message-attachment.entity';
import { NotificationPreferenceEntity } from './preference/notification-preference.entity';
import { RecipientLanguageEntity } from './preference/recipient-language.entity';
import { buildNotificationsSchema } from './schema';
import { HubTextEntity } from './hub-text/hub-text.entity';
import { hubTextStore } from './hub-text/hub-text.store';
import { NewsletterEntity } from './newsletter/newsletter.entity';
import { MessageTemplateEntity } from './template/message-template.entity';
import { PaymentReminderScheduleEntity } from './schedule/payment-reminder-schedule.entity';
import { startNotificationWorker } from './worker/notification-worker';
import { notificationWorkerSettings } from './worker/notification-worker-settings';
import { CustomerMessageTemplateEntity } from './customer-template/customer-message-template.entity';
import { MailboxMessageEntity } from './mailbox/mailbox-message.entity';
import { MailboxAttachmentEntity } from './mailbox/mailbox-attachment.entity';
import { MailboxCursorEntity } from './mailbox/mailbox-cursor.entity';
import { mailboxAttachmentFileRoute } from './mailbox/mailbox-attachment.file-route';
import { startMailboxReader } from './mailbox/mailbox-reader';
import { mailboxSettings } from './mailbox/mailbox-settings';
import { DepartmentEntity } from './task/department.entity';
import { TaskEntity } from './task/task.entity';
import { TaskCommentEntity } from './task/task-comment.entity';

/**
 * Messages: the log, preferences, branding, templates and hub texts (GraphQL); the sending is NotificationWorker's,
 * which runs in this subgraph's process while it serves (HUB_NOTIFICATIONS_WORKER=false: not here).
 * Deployed split, that keeps mail rendering and SMTP off the gateway's CPU, and lets this process
 * bound its heap (launcher/src/node-flags.ts) without bounding the gateway's.
 */
export const notificationsSubgraph: SubgraphModule<NotificationsContext> = {
  name: 'notifications',
  dbSchema: 'notifications',
  entities: [MessageEntity, MessageAttachmentEntity, NotificationPreferenceEntity, RecipientLanguageEntity, BrandingEntity, MessageTemplateEntity, PaymentReminderScheduleEntity, NewsletterEntity, HubTextEntity, CustomerMessageTemplateEntity,
    MailboxMessageEntity, MailboxAttachmentEntity, MailboxCursorEntity, DepartmentEntity, TaskEntity, TaskCommentEntity],
  migrationsPath: join(__dirname, 'migrations'),
  buildSchema: buildNotificationsSchema,
  buildContext: buildNotificationsContext,
  // The branding starts as the built-in default (no row) until staff set it.
  seedDemoData: async () => undefined,
  // Staff's translations of the texts other modules declare (hubTextKinds), and each user's own language.
  hubTextStore,
  fileRoutes: [mailboxAttachmentFileRoute],
  // The sender, and the reader of the distributor's mailbox when HUB_IMAP_* names one (both off with HUB_NOTIFICATIONS_WORKER=false).
  whileServing: async (runtime) => {
    const { enabled, sms, ...settings } = notificationWorkerSettings();
    if (!enabled) return async () => undefined;
    const worker = await startNotificationWorker({
      databaseUrl: runtime.databaseUrl,
      modules: runtime.modules,
      ...settings,
      sms: sms ? { gateway: new HttpSmsGateway({ baseUrl: sms.url, apiKey: sms.apiKey }), from: sms.from } : null,
    });
    const imap = mailboxSettings();
    const reader = imap ? startMailboxReader(imap, runtime.databaseUrl) : null;
    return async () => {
      await reader?.stop();
      await worker.stop();
    };
  },
};

export * from './mail/smtp-mailer';
export * from './mail/local-mail-catcher';
export * from './message/message-status';
export * from './message/message.state-machine';
export * from './message/message.repository';
export * from './template/builtin-templates';
export * from './template/template-text';
export * from './template/message-renderer';
export * from './worker/notification-worker';
export * from './worker/notification-worker-settings';
export * from './newsletter/newsletter.service';
export * from './mailbox/mailbox-reader';
export * from './mailbox/mailbox-settings';
export * from './mailbox/mail-thread';
