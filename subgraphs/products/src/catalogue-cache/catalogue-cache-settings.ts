import { booleanSetting, wholeNumberSetting } from '@hub/settings';

export interface CatalogueCacheSettings {
  enabled: boolean;
  maxBytes: number;
}

/** HUB_CATALOGUE_CACHE=false turns the catalogue cache off (default on); HUB_CATALOGUE_CACHE_MB bounds it per products process (default 64). */
export function catalogueCacheSettings(env: NodeJS.ProcessEnv = process.env): CatalogueCacheSettings {
  return {
    enabled: booleanSetting(env, 'HUB_CATALOGUE_CACHE', true),
    maxBytes: wholeNumberSetting(env, 'HUB_CATALOGUE_CACHE_MB', 64) * 1024 * 1024,
  };
}
