export { exitWithParent, ExitWithParentOptions } from './exit-with-parent';
export { processAlive, waitForExit } from './process-state';
export { parseOptionArgs, serveUntilStopped, wholeNumberOption } from './simulator-main';
export { ServiceProcess, ServiceProcessOptions, startServiceProcess } from './service-process';
