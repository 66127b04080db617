import { ViewerTexts } from '@hub/subgraph-kit';
import { CatalogueTrace } from './catalogue-trace';

/**
 * The viewer's texts, telling the catalogue trace which kinds of staff's hub texts went into the
 * answer (no change set reports their edits). Every read of them, `text` included, goes through `overrides`.
 */
export class TracedViewerTexts extends ViewerTexts {
  constructor(private readonly trace: CatalogueTrace, ...args: ConstructorParameters<typeof ViewerTexts>) {
    super(...args);
  }

  override overrides(...args: Parameters<ViewerTexts['overrides']>): ReturnType<ViewerTexts['overrides']> {
    this.trace.sawTexts(args[0]);
    return super.overrides(...args);
  }
}
