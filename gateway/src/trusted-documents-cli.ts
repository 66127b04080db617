import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildTrustedDocumentManifest } from './trusted-documents';

/**
 * `npm run trusted-documents -- <folder> [<output.json>]`: the manifest of every operation in the
 * `.graphql` files under a frontend's folder, for HUB_TRUSTED_DOCUMENTS. Prints it without an output path.
 */
function graphqlFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(path).isDirectory()) return graphqlFiles(path);
    return name.endsWith('.graphql') || name.endsWith('.gql') ? [path] : [];
  });
}

const [folder, output] = process.argv.slice(2);
if (!folder) {
  console.error('usage: npm run trusted-documents -- <folder with .graphql files> [<output.json>]');
  process.exit(2);
}
const files = graphqlFiles(folder).sort();
const manifest = buildTrustedDocumentManifest(files.map((file) => ({ file: relative(process.cwd(), file), text: readFileSync(file, 'utf8') })));
const json = `${JSON.stringify(manifest, null, 2)}\n`;
if (output) {
  writeFileSync(output, json);
  console.error(`${manifest.operations.length} operations from ${files.length} files written to ${output}`);
} else {
  process.stdout.write(json);
}
