import { BaseContext, declarationsPool, SubgraphRuntime } from '@hub/subgraph-kit';
import { HubTextService } from './hub-text/hub-text.service';
import { BrandingService } from './branding/branding.service';
import { MessageLogService } from './message/message.service';
import { NotificationPreferenceService } from './preference/notification-preference.service';
import { MessageTemplateService } from './template/message-template.service';
import { NewsletterService } from './newsletter/newsletter.service';
import { FileLinks, fileLinkOrigin, fileLinkTtlSeconds } from '@hub/subgraph-kit';
import { TaskService } from './task/task.service';
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
    tasks: TaskService;
  };
  /** Signed download links (mailbox attachments). */
  links: FileLinks;
}

/** One link issuer per runtime: links point at the gateway (or HUB_PUBLIC_URL). */
const linkIssuers = new WeakMap<SubgraphRuntime, FileLinks>();
function fileLinks(runtime: SubgraphRuntime): FileLinks {
  let links = linkIssuers.get(runtime);
  if (!links) linkIssuers.set(runtime, (links = new FileLinks('notifications', runtime.secrets, fileLinkOrigin(runtime.gatewayUrl), fileLinkTtlSeconds())));
  return links;
}

export function buildNotificationsContext(base: BaseContext, runtime: SubgraphRuntime): NotificationsContext {
  const directory = runtime.modules.find((m) => m.notificationRecipients)?.notificationRecipients ?? null;
  return {
    ...base,
    links: fileLinks(runtime),
    services: {
      tasks: new TaskService(base.em, base.viewer, () => declarationsPool(runtime.databaseUrl), directory),
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
