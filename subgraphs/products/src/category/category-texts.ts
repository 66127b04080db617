import { HubTextKindDeclaration } from '@hub/subgraph-kit';

export const CATEGORY_TEXTS = 'CATEGORY';

/** Web category names as hub texts: staff translate the ERP's names per language; the key is the category code. */
export const categoryTexts: HubTextKindDeclaration = {
  kind: CATEGORY_TEXTS,
  description: "Web category names (key: the category's code); the ERP's name where staff gave none.",
  async entries(client) {
    const { rows } = await client.query<{ code: string; name: string }>('select code, name from products.category order by code');
    return rows.map((r) => ({ key: r.code, texts: {}, fallback: r.name }));
  },
};
