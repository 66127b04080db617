import { HubTextStore } from '@hub/subgraph-kit';

/** What the modules showing hub texts read from this one (declared as notifications' hubTextStore). */
export const hubTextStore: HubTextStore = {
  async overrides(client, kind) {
    const { rows } = await client.query<{ key: string; language: string; text: string }>('select key, language, text from notifications.hub_text where kind = $1', [kind]);
    return rows;
  },
  async userLanguage(client, userId) {
    const { rows } = await client.query<{ language: string }>('select language from notifications.recipient_language where user_id = $1', [userId]);
    return rows[0]?.language ?? null;
  },
};
