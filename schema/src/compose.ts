import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { composeSupergraph, SCHEMA_DIR } from './supergraph';
import { hubModules } from './subgraph-modules';

/**
 * `npm run compose`: writes every module's SDL and the supergraph into schema/; `--check` only
 * reports whether they are stale; `--out <dir>` writes elsewhere (a deployment with HUB_MODULES
 * composes its own supergraph there and points HUB_SUPERGRAPH at it).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const outIndex = args.indexOf('--out');
  const dir = outIndex >= 0 ? resolve(args[outIndex + 1] ?? '') : SCHEMA_DIR;
  if (outIndex >= 0 && !args[outIndex + 1]) throw new Error('--out needs a folder');
  const { files, errors } = await composeSupergraph(hubModules());
  if (errors.length > 0) {
    console.error(`Composition failed:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
    process.exit(1);
  }
  mkdirSync(dir, { recursive: true });
  let stale = 0;
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current === content) continue;
    stale++;
    if (check) console.error(`stale: ${path}`);
    else {
      writeFileSync(path, content);
      console.log(`wrote ${path}`);
    }
  }
  if (check && stale > 0) process.exit(1);
  if (!check && stale === 0) console.log(`${dir} is up to date`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
