import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSupergraph, SCHEMA_DIR } from './supergraph';

/** `npm run compose`: writes the SDL files; `--check` only reports whether they are stale. */
async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const { files, errors } = await composeSupergraph();
  if (errors.length > 0) {
    console.error(`Composition failed:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
    process.exit(1);
  }
  let stale = 0;
  for (const [name, content] of Object.entries(files)) {
    const path = join(SCHEMA_DIR, name);
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current === content) continue;
    stale++;
    if (check) console.error(`stale: schema/${name}`);
    else {
      writeFileSync(path, content);
      console.log(`wrote schema/${name}`);
    }
  }
  if (check && stale > 0) process.exit(1);
  if (!check && stale === 0) console.log('schema/ is up to date');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
