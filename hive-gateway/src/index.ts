export { hubAssertionPlugin } from './hub-assertion-plugin';
export { checkedInSupergraph, HivePlanner, hubHiveGatewayConfig, HubHiveGatewayOptions, supergraphAt } from './hive-gateway-config';
export { RunningHiveGateway, startHiveGateway } from './hive-gateway-server';
export { HiveGatewayProcessOptions, startHiveGatewayProcess } from './hive-gateway-process';
