import { createServer, Server } from 'node:net';
import { startDemoCarrierProcess } from './demo-carrier-process';
import { loadLauncherConfig } from './config';

describe('startDemoCarrierProcess', () => {
  let taken: Server;
  afterAll(() => new Promise((resolve) => taken.close(resolve)));

  it('says which port it could not take when another process holds it', async () => {
    taken = createServer();
    const port = await new Promise<number>((resolve) => taken.listen(0, '127.0.0.1', () => resolve((taken.address() as { port: number }).port)));
    await expect(startDemoCarrierProcess({ port })).rejects.toThrow(`the demo carrier exited before it was ready (exit 1) (is port ${port} taken by another process? HUB_DEMO_CARRIER_PORT sets another)`);
  });

  it('starts on a free port with the key it is given, and stops', async () => {
    const carrier = await startDemoCarrierProcess({ port: 0, apiKey: 'k1' });
    expect((await fetch(`${carrier.url}/health`, { headers: { authorization: 'Bearer k1' } })).status).toBe(200);
    expect((await fetch(`${carrier.url}/health`, { headers: { authorization: 'Bearer other' } })).status).toBe(401);
    await carrier.stop();
    await expect(fetch(`${carrier.url}/health`)).rejects.toThrow();
  });

  it('is configured from the environment: the demo carrier unless HUB_CARRIER_URL is set', () => {
    expect(loadLauncherConfig({} as NodeJS.ProcessEnv)).toMatchObject({ carrierUrl: undefined, demoCarrierPort: 4011, demoCarrierStepSeconds: 30 });
    expect(loadLauncherConfig({ HUB_CARRIER_URL: 'http://carrier:1', HUB_DEMO_CARRIER_STEP_SECONDS: '0' } as NodeJS.ProcessEnv)).toMatchObject({ carrierUrl: 'http://carrier:1', demoCarrierStepSeconds: 0 });
  });
});
