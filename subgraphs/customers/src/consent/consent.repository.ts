import { EntityManager } from '@mikro-orm/postgresql';
import { ConsentChannelValue } from './consent-event.entity';

/** Reads of the consent history: a channel's state is its latest event. */
export class ConsentRepository {
  constructor(private readonly em: EntityManager) {}

  /** The latest event of each channel the user has any for (ties on time broken by id). */
  latestPerChannel(userId: string): Promise<Array<{ channel: ConsentChannelValue; granted: boolean }>> {
    return this.em.execute('select distinct on (channel) channel, granted from customers.consent_event where user_id = ? order by channel, at desc, id', [userId]);
  }

  /** Whether the channel is granted now; null when the user never had an event for it. */
  async isGranted(userId: string, channel: ConsentChannelValue): Promise<boolean | null> {
    const rows: Array<{ granted: boolean }> = await this.em.execute(
      'select granted from customers.consent_event where user_id = ? and channel = ? order by at desc, id limit 1',
      [userId, channel],
    );
    return rows[0]?.granted ?? null;
  }
}
