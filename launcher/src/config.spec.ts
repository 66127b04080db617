import { loadLauncherConfig, subgraphWorkers } from './config';

describe('HUB_SUBGRAPH_WORKERS', () => {
  it('reads worker counts per subgraph, none when unset', () => {
    expect(subgraphWorkers(undefined)).toEqual({});
    expect(subgraphWorkers('')).toEqual({});
    expect(subgraphWorkers('products=2')).toEqual({ products: 2 });
    expect(subgraphWorkers(' products = 3 , orders=2')).toEqual({ products: 3, orders: 2 });
  });

  it.each(['products', 'products=0', 'products=17', 'products=two', 'products=2,products=3', 'Products=2', 'products=2;orders=2'])('refuses %p', (value) => {
    expect(() => subgraphWorkers(value)).toThrow('HUB_SUBGRAPH_WORKERS must look like');
  });

  it('is part of the launcher configuration', () => {
    expect(loadLauncherConfig({ HUB_SUBGRAPH_WORKERS: 'products=2' } as NodeJS.ProcessEnv).subgraphWorkers).toEqual({ products: 2 });
  });
});

describe('HUB_GRAPHQL_IDE', () => {
  it('is part of the launcher configuration: on unless NODE_ENV=production, which it overrides', () => {
    expect(loadLauncherConfig({} as NodeJS.ProcessEnv).graphqlIde).toBe(true);
    expect(loadLauncherConfig({ NODE_ENV: 'production' } as NodeJS.ProcessEnv).graphqlIde).toBe(false);
    expect(loadLauncherConfig({ NODE_ENV: 'production', HUB_GRAPHQL_IDE: 'true' } as NodeJS.ProcessEnv).graphqlIde).toBe(true);
    expect(() => loadLauncherConfig({ HUB_GRAPHQL_IDE: 'yes' } as NodeJS.ProcessEnv)).toThrow('HUB_GRAPHQL_IDE must be');
  });
});

describe('HUB_ERP', () => {
  const tryton = { HUB_ERP: 'tryton', HUB_TRYTON_URL: 'http://127.0.0.1:8000', HUB_TRYTON_DATABASE: 'hub', HUB_TRYTON_USER: 'admin', HUB_TRYTON_PASSWORD: 'secret' };
  it('is the HTTP adapter unless it says tryton, which takes the four Tryton settings', () => {
    expect(loadLauncherConfig({}).tryton).toBeNull();
    expect(loadLauncherConfig(tryton).tryton).toEqual({ kind: 'tryton', url: 'http://127.0.0.1:8000', database: 'hub', user: 'admin', password: 'secret' });
  });
  it('names what is missing or wrong', () => {
    expect(() => loadLauncherConfig({ HUB_ERP: 'tryton', HUB_TRYTON_URL: 'http://x:1' })).toThrow('HUB_ERP=tryton needs HUB_TRYTON_DATABASE, HUB_TRYTON_USER, HUB_TRYTON_PASSWORD');
    expect(() => loadLauncherConfig({ ...tryton, HUB_TRYTON_URL: 'localhost:8000' })).toThrow('HUB_TRYTON_URL must be an http(s) URL, got "localhost:8000".');
    expect(() => loadLauncherConfig({ HUB_ERP: 'odoo' })).toThrow('HUB_ERP must be "http" (the demo ERP or HUB_ERP_URL) or "tryton", got "odoo".');
  });
});

describe('HUB_FIELD_OWNERSHIP', () => {
  it('a bad value stops the start with a message naming it; a good one starts', () => {
    expect(() => loadLauncherConfig({ HUB_FIELD_OWNERSHIP: 'company.balance=HUB' })).toThrow('HUB_FIELD_OWNERSHIP: company.balance cannot be configured');
    expect(() => loadLauncherConfig({ HUB_FIELD_OWNERSHIP: 'company.name=HUB' })).not.toThrow();
  });
});
