import { EntityManager } from '@mikro-orm/postgresql';
import { Pool } from 'pg';
import { hasPermission, isStaff, requireNotImpersonating, requireViewer, Viewer } from '@hub/auth';
import { badUserInput, forbidden, notFound } from '@hub/errors';
import { NotificationRecipientDirectory } from '@hub/subgraph-kit';
import { LANGUAGES, notificationCategories } from '../template/builtin-templates';
import { NotificationPreferenceEntity } from './notification-preference.entity';
import { NotificationPreferenceObject } from './notification-preference.object';
import { RecipientLanguageEntity } from './recipient-language.entity';

/**
 * Who gets which notifications: each user for themselves, a company admin (users.manage) for the
 * company's users, staff (staff.users) for anyone. The target's company comes from the users'
 * module (the directory), never from the caller.
 */
export class NotificationPreferenceService {
  constructor(private readonly em: EntityManager, private readonly directoryPool: () => Pool, private readonly directory: NotificationRecipientDirectory | null) {}

  private async targetOf(viewer: Viewer, userId: string | null | undefined): Promise<string> {
    const target = userId ?? viewer.userId;
    if (target === viewer.userId) return target;
    if (isStaff(viewer) && (viewer.permissions.includes('staff.users') || viewer.permissions.includes('staff.admin')) && !viewer.actorId) return target;
    if (viewer.kind !== 'CUSTOMER' || !viewer.companyId || !hasPermission(viewer, 'users.manage')) throw forbidden('You need the "users.manage" permission to set a coworker\'s notifications.');
    if (!this.directory) throw notFound('User', target);
    const client = await this.directoryPool().connect();
    try {
      const [recipient] = await this.directory(client, [target]);
      if (!recipient || recipient.companyId !== viewer.companyId) throw notFound('User', target);
    } finally {
      client.release();
    }
    return target;
  }

  async list(viewer: Viewer | null, userId?: string | null): Promise<NotificationPreferenceObject[]> {
    const target = await this.targetOf(requireViewer(viewer), userId);
    const saved = new Map((await this.em.find(NotificationPreferenceEntity, { userId: target })).map((p) => [p.category, p]));
    return notificationCategories().map(({ category, templates, smsAvailable }) =>
      Object.assign(new NotificationPreferenceObject(), { category, templates, smsAvailable, email: saved.get(category)?.email ?? true, sms: saved.get(category)?.sms ?? false }),
    );
  }

  async set(viewer: Viewer | null, input: { userId?: string | null; category: string; email: boolean; sms?: boolean | null }): Promise<NotificationPreferenceObject[]> {
    const v = requireNotImpersonating(requireViewer(viewer), 'change notification settings');
    const known = notificationCategories();
    const chosen = known.find((c) => c.category === input.category);
    if (!chosen) throw badUserInput(`Unknown category "${input.category}" (known: ${known.map((c) => c.category).join(', ')}).`, 'category');
    if (input.sms && !chosen.smsAvailable) {
      throw badUserInput(`"${input.category}" is not sent as SMS (SMS is available for: ${known.filter((c) => c.smsAvailable).map((c) => c.category).join(', ')}).`, 'sms');
    }
    const target = await this.targetOf(v, input.userId);
    const existing = await this.em.findOne(NotificationPreferenceEntity, { userId: target, category: input.category });
    const preference = existing ?? this.em.create(NotificationPreferenceEntity, { userId: target, category: input.category, email: true, sms: false, changedBy: v.userId });
    preference.email = input.email;
    if (input.sms != null) preference.sms = input.sms;
    preference.changedBy = v.userId;
    await this.em.persist(preference).flush();
    return this.list(v, target);
  }

  async language(viewer: Viewer | null): Promise<string | null> {
    const v = requireViewer(viewer);
    return (await this.em.findOne(RecipientLanguageEntity, { userId: v.userId }))?.language ?? null;
  }

  /** The caller's own message language. */
  async setLanguage(viewer: Viewer | null, language: string): Promise<string> {
    const v = requireViewer(viewer);
    if (!(LANGUAGES as readonly string[]).includes(language)) throw badUserInput(`Language must be one of ${LANGUAGES.join(', ')}.`, 'language');
    const existing = await this.em.findOne(RecipientLanguageEntity, { userId: v.userId });
    const row = existing ?? this.em.create(RecipientLanguageEntity, { userId: v.userId, language });
    row.language = language;
    await this.em.persist(row).flush();
    return language;
  }
}
