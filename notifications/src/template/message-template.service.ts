import { EntityManager } from '@mikro-orm/postgresql';
import { requireStaffPermission, Viewer } from '@hub/auth';
import { badUserInput } from '@hub/errors';
import { allowedPlaceholders, BUILTIN_TEMPLATES, LANGUAGES } from './builtin-templates';
import { MessageTemplateEntity } from './message-template.entity';
import { MessageTemplateInput, MessageTemplateObject } from './message-template.object';
import { checkTemplateTexts } from './template-text';

/** Staff read and override template texts; a bad text is refused here, when saved, never when sent. */
export class MessageTemplateService {
  constructor(private readonly em: EntityManager) {}

  async list(viewer: Viewer | null, key?: string | null): Promise<MessageTemplateObject[]> {
    requireStaffPermission(viewer, 'staff.users');
    const overrides = new Map((await this.em.find(MessageTemplateEntity, key ? { key } : {})).map((t) => [`${t.key}/${t.language}`, t]));
    const out: MessageTemplateObject[] = [];
    for (const [templateKey, template] of Object.entries(BUILTIN_TEMPLATES)) {
      if (key && key !== templateKey) continue;
      for (const language of LANGUAGES) {
        const override = overrides.get(`${templateKey}/${language}`);
        const builtin = template.texts[language];
        if (!override && !builtin) continue;
        out.push(Object.assign(new MessageTemplateObject(), {
          key: templateKey, language, description: template.description,
          subject: override?.subject ?? builtin.subject, body: override?.body ?? builtin.body,
          actionLabel: override ? override.actionLabel : builtin.action?.label ?? null, actionUrl: override ? override.actionUrl : builtin.action?.url ?? null,
          placeholders: allowedPlaceholders(templateKey), overridden: !!override,
        }));
      }
    }
    return out;
  }

  async save(viewer: Viewer | null, input: MessageTemplateInput): Promise<MessageTemplateObject> {
    const v = requireStaffPermission(viewer, 'staff.users');
    if (!BUILTIN_TEMPLATES[input.key]) throw badUserInput(`Unknown template "${input.key}".`, 'key');
    if (!(LANGUAGES as readonly string[]).includes(input.language)) throw badUserInput(`Language must be one of ${LANGUAGES.join(', ')}.`, 'language');
    checkTemplateTexts(input, allowedPlaceholders(input.key));
    const existing = await this.em.findOne(MessageTemplateEntity, { key: input.key, language: input.language });
    const row = existing ?? this.em.create(MessageTemplateEntity, { key: input.key, language: input.language, subject: input.subject, body: input.body, changedBy: v.userId });
    Object.assign(row, { subject: input.subject, body: input.body, actionLabel: input.actionLabel ?? null, actionUrl: input.actionUrl ?? null, changedBy: v.userId });
    await this.em.persist(row).flush();
    return (await this.list(v, input.key)).find((t) => t.language === input.language)!;
  }
}
