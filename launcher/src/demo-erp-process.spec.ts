import { createServer, Server } from 'node:net';
import { startDemoErpProcess } from './demo-erp-process';

describe('startDemoErpProcess', () => {
  let taken: Server;
  afterAll(() => new Promise((resolve) => taken.close(resolve)));

  it('says which port it could not take when another process holds it', async () => {
    taken = createServer();
    const port = await new Promise<number>((resolve) => taken.listen(0, '127.0.0.1', () => resolve((taken.address() as { port: number }).port)));
    await expect(startDemoErpProcess({ scale: 'small', port })).rejects.toThrow(
      `the demo ERP exited before it was ready (exit 1) (is port ${port} taken by another process? HUB_DEMO_ERP_PORT sets another)`,
    );
  });

  it('starts on a free port and stops', async () => {
    const erp = await startDemoErpProcess({ scale: 'small', port: 0 });
    expect((await fetch(`${erp.url}/health`)).status).toBe(200);
    await erp.stop();
    await expect(fetch(`${erp.url}/health`)).rejects.toThrow();
  });
});
