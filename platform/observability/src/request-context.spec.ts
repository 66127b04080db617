import { currentScope, formatTraceparent, newRequestScope, parseTraceparent, requestIdFrom, runInScope, setScopeViewer } from './request-context';

describe('request context', () => {
  it('reads a W3C traceparent and refuses malformed or all-zero ones', () => {
    const header = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    expect(parseTraceparent(header)).toEqual({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: '01' });
    expect(formatTraceparent(parseTraceparent(header)!)).toBe(header);
    for (const bad of [undefined, '', 'nonsense', '01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', '00-00000000000000000000000000000000-00f067aa0ba902b7-01', '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01', '00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01']) {
      expect(parseTraceparent(bad)).toBeNull();
    }
  });

  it("keeps a caller's sane x-request-id and replaces anything else", () => {
    expect(requestIdFrom('abc-123_x.y:z')).toBe('abc-123_x.y:z');
    for (const bad of [undefined, '', 'a b', 'x'.repeat(65), '<script>']) expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("continues the caller's trace, or starts one, and carries the viewer's ids through awaits", async () => {
    const scope = newRequestScope({ 'x-request-id': 'r-1', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' });
    expect(scope).toMatchObject({ requestId: 'r-1', traceId: '4bf92f3577b34da6a3ce929d0e0e4736', traceFlags: '01', sqlStatements: 0 });
    expect(scope.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(newRequestScope({}).traceId).toMatch(/^[0-9a-f]{32}$/);
    await runInScope(scope, async () => {
      setScopeViewer({ userId: 'u-1', companyId: 'c-1' });
      await new Promise((resolve) => setImmediate(resolve));
      expect(currentScope()).toMatchObject({ userId: 'u-1', companyId: 'c-1', actorId: null });
    });
    expect(currentScope()).toBeUndefined();
  });
});
