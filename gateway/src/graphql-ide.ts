import express, { Request, Response, Router } from 'express';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Whether the gateway serves GraphiQL to browsers: on in development, off with NODE_ENV=production
 * (partners' programs use the API there, and an IDE is one more page to keep safe);
 * HUB_GRAPHQL_IDE=true|false decides over both.
 */
export function graphqlIdeEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.HUB_GRAPHQL_IDE;
  if (value === undefined || value === '') return env.NODE_ENV !== 'production';
  if (value === 'true' || value === 'false') return value === 'true';
  throw new Error(`HUB_GRAPHQL_IDE must be "true" or "false", got "${value}".`);
}

/** Where the page's scripts and styles are served: by the gateway, from files installed from npm. */
export const GRAPHQL_IDE_ASSETS_PATH = '/graphql-ide';

interface IdeAsset {
  file: string;
  type: string;
  url: string;
}

/** A file a package ships, found through its package.json: "exports" hides the UMD builds (graphql-ws). */
function packageFile(name: string, file: string): string {
  return join(dirname(require.resolve(`${name}/package.json`)), file);
}

function ideAsset(file: string, type: string): IdeAsset {
  // The content's hash in the URL lets browsers keep a file for a year: another version gets another URL.
  const hash = createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
  return { file, type, url: `${GRAPHQL_IDE_ASSETS_PATH}/${hash}/${basename(file)}` };
}

// Scripts only from this origin, none inline. GraphiQL's components insert <style> elements and
// style attributes, and its CSS embeds its fonts as data: URLs. 'self' covers ws:/wss: on this host (CSP Level 3).
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  // The page names the assets by hash: always ask again for it, never for them.
  'Cache-Control': 'no-cache',
};

function page(styles: IdeAsset[], scripts: IdeAsset[]): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GraphiQL · ERP integration hub</title>
${styles.map((s) => `<link rel="stylesheet" href="${s.url}">`).join('\n')}
<style>body { margin: 0; } #graphiql { height: 100vh; height: 100dvh; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<noscript>GraphiQL needs JavaScript.</noscript>
${scripts.map((s) => `<script src="${s.url}"></script>`).join('\n')}
</body>
</html>
`;
}

/** Apollo's rule for its landing page: a GET whose Accept prefers HTML to every GraphQL response type is a browser's. */
function prefersHtml(req: Request): boolean {
  return req.accepts(['application/json', 'application/graphql-response+json', 'multipart/mixed', 'text/html']) === 'text/html';
}

function ideOff(res: Response): void {
  res
    .status(404)
    .vary('Accept')
    .json({ errors: [{ message: 'This server has no GraphQL IDE; send GraphQL requests as POST with a JSON body.', extensions: { code: 'NOT_FOUND' } }] });
}

export interface GraphqlIdeOptions {
  enabled: boolean;
  /** The GraphQL endpoint's path, where browsers get the IDE. */
  path: string;
}

/**
 * Browsers' GETs of the GraphQL path get GraphiQL (or, when it is off, a GraphQL error as JSON);
 * every other request goes on to the GraphQL server. Mount before it.
 */
export function graphqlIde(options: GraphqlIdeOptions): Router {
  const router = express.Router();
  if (!options.enabled) {
    router.get(options.path, (req, res, next) => (prefersHtml(req) ? ideOff(res) : next()));
    return router;
  }
  const styles = [ideAsset(packageFile('graphiql', 'graphiql.min.css'), 'text/css; charset=utf-8')];
  const scripts = [
    ideAsset(packageFile('react', 'umd/react.production.min.js'), 'text/javascript; charset=utf-8'),
    ideAsset(packageFile('react-dom', 'umd/react-dom.production.min.js'), 'text/javascript; charset=utf-8'),
    ideAsset(packageFile('graphiql', 'graphiql.min.js'), 'text/javascript; charset=utf-8'),
    ideAsset(packageFile('graphql-ws', 'umd/graphql-ws.min.js'), 'text/javascript; charset=utf-8'),
    // From gateway/src in tests and gateway/dist when built: the folder beside both.
    ideAsset(join(__dirname, '../assets/graphql-ide-client.js'), 'text/javascript; charset=utf-8'),
  ];
  const html = page(styles, scripts);

  router.get(options.path, (req, res, next) => {
    if (!prefersHtml(req)) return next();
    res.set(PAGE_HEADERS).vary('Accept').type('html').send(html);
  });
  for (const asset of [...styles, ...scripts]) {
    router.get(asset.url, (_req, res, next) => {
      res.set('X-Content-Type-Options', 'nosniff').type(asset.type);
      res.sendFile(asset.file, { maxAge: '1y', immutable: true }, (error) => {
        // A browser that went away mid-file is no error of ours.
        if (error && !res.headersSent) next(error);
      });
    });
  }
  return router;
}
