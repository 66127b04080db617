import { ErpPriceRecord, ErpProductConfigurationRecord, ErpProductRecord } from '@hub/erp-contract';
/**
 * The demo ERP's configurable products (P7): a PVC window and an entrance door, each an item with a
 * base price (price rules like any item's) and a configuration of options, allowed combinations and
 * option prices (the extension kind `productConfigurations`, keyed by SKU).
 */
export declare const CONFIGURABLE_WINDOW_SKU = "WIN-CFG-01";
export declare const CONFIGURABLE_DOOR_SKU = "DOOR-CFG-01";
export declare function configurableProducts(): ErpProductRecord[];
/** Wholesalers buy the configurable items' base at 10 % off (their options cost the same). */
export declare function configurablePrices(): ErpPriceRecord[];
export declare function productConfigurationRecords(): ErpProductConfigurationRecord[];
