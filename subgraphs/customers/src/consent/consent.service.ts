import { EntityManager } from '@mikro-orm/postgresql';
import { AuthSecrets, requireNotImpersonating, requireViewer, verifyUnsubscribeToken, Viewer } from '@hub/auth';
import { unauthenticated } from '@hub/errors';
import { UserEntity } from '../user/user.entity';
import { ConsentChannelValue, ConsentEventEntity, ConsentSource } from './consent-event.entity';
import { ConsentRepository } from './consent.repository';

export interface ContactPreferences {
  email: boolean;
  sms: boolean;
  newsletter: boolean;
}

const KEYS: Record<ConsentChannelValue, keyof ContactPreferences> = { EMAIL: 'email', SMS: 'sms', NEWSLETTER: 'newsletter' };

/** Contact preferences and consents (C7): a history of changes per user; the latest per channel counts. */
export class ConsentService {
  constructor(private readonly em: EntityManager, private readonly consents: ConsentRepository, private readonly secrets: AuthSecrets) {}

  /** Only the user (or staff) sees a user's consents. */
  private mayRead(viewer: Viewer | null, userId: string): boolean {
    return !!viewer && (viewer.kind === 'STAFF' || viewer.userId === userId);
  }

  async current(viewer: Viewer | null, userId: string): Promise<ContactPreferences | null> {
    if (!this.mayRead(viewer, userId)) return null;
    const prefs: ContactPreferences = { email: false, sms: false, newsletter: false };
    for (const r of await this.consents.latestPerChannel(userId)) prefs[KEYS[r.channel]] = r.granted;
    return prefs;
  }

  async history(viewer: Viewer | null, userId: string): Promise<ConsentEventEntity[] | null> {
    if (!this.mayRead(viewer, userId)) return null;
    return this.em.find(ConsentEventEntity, { userId }, { orderBy: { at: 'desc', id: 'asc' }, limit: 200 });
  }

  /** The signed-in user changes their own consents; staff acting as them may not give consent for them. */
  async set(viewerInput: Viewer | null, changes: Partial<ContactPreferences>): Promise<ContactPreferences> {
    const viewer = requireNotImpersonating(requireViewer(viewerInput), 'change contact consents');
    const user = await this.em.findOne(UserEntity, { id: viewer.userId, active: true });
    if (!user) throw unauthenticated('This account is no longer active.');
    const current = (await this.current(viewer, user.id))!;
    await this.em.transactional(async (tx) => {
      for (const channel of Object.values(ConsentChannelValue)) {
        const wanted = changes[KEYS[channel]];
        if (wanted === undefined || wanted === null || wanted === current[KEYS[channel]]) continue;
        tx.create(ConsentEventEntity, { userId: user.id, channel, granted: wanted, source: ConsentSource.USER });
      }
    });
    return (await this.current(viewer, user.id))!;
  }

  /** Without signing in, from the signed link in a message. Unsubscribing twice changes nothing. */
  async unsubscribe(token: string): Promise<void> {
    const { userId, channel } = await verifyUnsubscribeToken(token, this.secrets);
    if (!(await this.consents.isGranted(userId, channel as ConsentChannelValue))) return;
    await this.em.transactional(async (tx) => {
      tx.create(ConsentEventEntity, { userId, channel: channel as ConsentChannelValue, granted: false, source: ConsentSource.UNSUBSCRIBE_LINK });
    });
  }
}
