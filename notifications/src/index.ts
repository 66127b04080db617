import 'reflect-metadata';
import { join } from 'node:path';
import { SubgraphModule } from '@hub/subgraph-kit';
import { BrandingEntity } from './branding/branding.entity';
import { buildNotificationsContext, NotificationsContext } from './context';
import { MessageEntity } from './message/message.entity';
import { NotificationPreferenceEntity } from './preference/notification-preference.entity';
import { RecipientLanguageEntity } from './preference/recipient-language.entity';
import { buildNotificationsSchema } from './schema';
import { NewsletterEntity } from './newsletter/newsletter.entity';
import { MessageTemplateEntity } from './template/message-template.entity';
import { PaymentReminderScheduleEntity } from './schedule/payment-reminder-schedule.entity';
import { CustomerMessageTemplateEntity } from './customer-template/customer-message-template.entity';

/** Messages: the log, preferences, branding and templates (GraphQL); the sending is NotificationWorker's. */
export const notificationsSubgraph: SubgraphModule<NotificationsContext> = {
  name: 'notifications',
  dbSchema: 'notifications',
  entities: [MessageEntity, NotificationPreferenceEntity, RecipientLanguageEntity, BrandingEntity, MessageTemplateEntity, PaymentReminderScheduleEntity, NewsletterEntity, CustomerMessageTemplateEntity],
  migrationsPath: join(__dirname, 'migrations'),
  buildSchema: buildNotificationsSchema,
  buildContext: buildNotificationsContext,
  // The branding starts as the built-in default (no row) until staff set it.
  seedDemoData: async () => undefined,
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
export * from './newsletter/newsletter.service';
