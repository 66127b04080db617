import { BaseContext, declarationsPool, SubgraphRuntime } from '@hub/subgraph-kit';
import { HubTextService } from './hub-text/hub-text.service';
import { BrandingService } from './branding/branding.service';
import { MessageLogService } from './message/message.service';
import { NotificationPreferenceService } from './preference/notification-preference.service';
import { MessageTemplateService } from './template/message-template.service';
import { NewsletterService } from './newsletter/newsletter.service';
import { fileLinkOrigin } from '@hub/subgraph-kit';
import { PaymentReminderScheduleService } from './schedule/payment-reminder-schedule.service';
import { CustomerMessageTemplateService } from './customer-template/customer-message-template.service';

export interface NotificationsContext extends BaseContext {
  services: {
    messageLog: MessageLogService;
    branding: BrandingService;
    preferences: NotificationPreferenceService;
    templates: MessageTemplateService;
    customerTemplates: CustomerMessageTemplateService;
    schedule: PaymentReminderScheduleService;
    newsletters: NewsletterService;
    hubTexts: HubTextService;
  };
}

export function buildNotificationsContext(base: BaseContext, runtime: SubgraphRuntime): NotificationsContext {
  const directory = runtime.modules.find((m) => m.notificationRecipients)?.notificationRecipients ?? null;
  return {
    ...base,
    services: {
      messageLog: new MessageLogService(base.em),
      branding: new BrandingService(base.em),
      preferences: new NotificationPreferenceService(base.em, () => declarationsPool(runtime.databaseUrl), directory),
      templates: new MessageTemplateService(base.em),
      customerTemplates: new CustomerMessageTemplateService(base.em),
      schedule: new PaymentReminderScheduleService(base.em),
      hubTexts: new HubTextService(base.em, runtime.modules.flatMap((m) => m.hubTextKinds ?? []), () => declarationsPool(runtime.databaseUrl)),
      newsletters: new NewsletterService(base.em, {
        pool: () => declarationsPool(runtime.databaseUrl),
        directory,
        audience: runtime.modules.find((m) => m.newsletterAudience)?.newsletterAudience ?? null,
        products: runtime.modules.find((m) => m.newsletterProducts)?.newsletterProducts ?? null,
        secrets: runtime.secrets,
        linkOrigin: fileLinkOrigin(() => runtime.gatewayUrl()),
      }),
    },
  };
}
