import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, OperationDefinitionNode, parse, print } from 'graphql';

/** One GraphQL operation of the README and the login its block names (null: `# as anyone`). */
export interface Example {
  who: string | null;
  operation: OperationDefinitionNode;
  text: string;
}

/** Every operation of every ```graphql block in the README; a block must say who it runs as. */
export function readmeExamples(): Example[] {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const examples: Example[] = [];
  for (const [, block] of readme.matchAll(/```graphql\n([\s\S]*?)```/g)) {
    const header = /^# as (\S+)/.exec(block);
    if (!header) throw new Error(`A README GraphQL example does not say who it runs as (first line "# as <e-mail>" or "# as anyone"):\n${block}`);
    const who = header[1] === 'anyone' ? null : header[1];
    for (const definition of parse(block).definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) throw new Error(`Unexpected ${definition.kind} in a README example`);
      examples.push({ who, operation: definition, text: print(definition) });
    }
  }
  return examples;
}
