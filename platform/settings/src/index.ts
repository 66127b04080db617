export { booleanSetting, portSetting, positiveIntegerSetting, wholeNumberSetting } from './env-settings';
