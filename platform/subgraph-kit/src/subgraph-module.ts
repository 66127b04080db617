import type { ApolloServerPlugin } from '@apollo/server';
import { EntityManager, Options } from '@mikro-orm/postgresql';
import { GraphQLSchema } from 'graphql';
import { AuthSecrets } from '@hub/auth';
import { DemoDataset } from '@hub/demo-data';
import { ErpAdapter } from '@hub/erp-contract';
import { CarrierFeedDeclaration } from './carrier-wiring';
import { FileRoute } from './file-routes';
import { WebhookRoute } from './webhook-routes';
import { EdgeAnswerRuntime, EdgeAnswerStore } from './edge-answer-wiring';
import { BaseContext } from './subgraph-context';
import { EventTopicDeclaration, SubgraphOutbox, SyncIngestDeclaration, SyncKindDeclaration } from './module-wiring';
import { CompanyLanguageDirectory, HubTextKindDeclaration, HubTextStore } from './hub-text-wiring';
import { DebtorDirectory, NewsletterAudience, NewsletterProducts, NotificationCompanyUsers, NotificationDeclaration, NotificationRecipientDirectory, NotificationScheduleDeclaration } from './notification-wiring';

/** What a running subgraph may need from its surroundings. */
export interface SubgraphRuntime {
  secrets: AuthSecrets;
  /** The database the hub runs on (each subgraph uses only its own schema in it). */
  databaseUrl: string;
  /** The gateway's URL, for the rare call a subgraph makes on the caller's behalf (e.g. pricing an order). */
  gatewayUrl(): string;
  /** Every module of this hub, for the one subgraph that serves what the others declare (the integrator's staff API). */
  modules: readonly SubgraphModule<any>[];
  /**
   * The ERP adapter, for the rare read a subgraph makes straight from the ERP at request time (a
   * document's printed original). Null until the launcher has connected the ERP, or when it has none.
   */
  erp?(): ErpAdapter | null;
}

/**
 * What a subgraph package exports so the launcher, the compose script, the integrator and the tests
 * can run it without knowing its insides. One per folder under subgraphs/ (and one for the
 * integrator's staff API); a deployment may add its own (HUB_MODULES).
 */
export interface SubgraphModule<TContext extends BaseContext = BaseContext> {
  /** Name in the supergraph (join__Graph) and in logs. */
  name: string;
  /** The PostgreSQL schema it owns. */
  dbSchema: string;
  entities: NonNullable<Options['entities']>;
  /** Compiled migrations folder (dist/migrations). */
  migrationsPath: string;
  buildSchema(): Promise<GraphQLSchema>;
  buildContext(base: BaseContext, runtime: SubgraphRuntime): TContext;
  /** Loads this subgraph's part of the demo data; does nothing when data is already there. */
  seedDemoData(em: EntityManager, dataset: DemoDataset): Promise<void>;

  /** The ERP data it receives by sync: kinds it owns, and kinds of others it keeps a part of. */
  sync?: {
    kinds?: readonly SyncKindDeclaration<any>[];
    alsoIngests?: readonly SyncIngestDeclaration<any>[];
  };
  /** What it registers with and reads from the parcel carrier (see carrier-wiring.ts). */
  carrier?: CarrierFeedDeclaration;
  /** What it sends to the ERP: its outbox table and the topics written into it. */
  outbox?: SubgraphOutbox;
  /** The event topics it publishes, and the subscription fields they feed. */
  events?: readonly EventTopicDeclaration[];
  /** Messages to users that its events cause (see notification-wiring.ts). */
  notifications?: readonly NotificationDeclaration[];
  /** The module that owns users tells the notifications worker who they are (one module per hub). */
  notificationRecipients?: NotificationRecipientDirectory;
  /** With notificationRecipients: a company's users holding a permission (for notices to "the company"). */
  notificationCompanyUsers?: NotificationCompanyUsers;
  /** With notificationRecipients: who consented to newsletters (the newsletter's audience). */
  newsletterAudience?: NewsletterAudience;
  /** The module that owns the catalogue: products a newsletter shows, by id. */
  newsletterProducts?: NewsletterProducts;
  /** The module that owns companies: who a debtor is, for a debt-collection case (finance). */
  debtorDetails?: DebtorDirectory;
  /** Notices from the calendar (payment reminders, dunning). */
  notificationSchedules?: readonly NotificationScheduleDeclaration[];
  /** Hub-owned texts whose keys this module owns (its statuses, reasons, categories), with its own texts (hub-text-wiring.ts). */
  hubTextKinds?: readonly HubTextKindDeclaration[];
  /** The one module keeping staff's translations of hub texts and users' own languages (notifications). */
  hubTextStore?: HubTextStore;
  /** The module owning users: a user's company's default language. */
  companyLanguage?: CompanyLanguageDirectory;
  /**
   * Downloads it serves behind signed links: its GraphQL fields issue the links (FileLinks), the
   * gateway serves `/files/<name>/<token>` by asking this subgraph's `/files/<token>`.
   */
  fileRoutes?: readonly FileRoute<TContext>[];
  /** Signed callbacks of outside services (a payment provider's webhooks), served at `POST /webhooks/<name>` of the subgraph. */
  webhooks?: readonly WebhookRoute[];
  /**
   * What runs beside the subgraph's server in each process that serves it, started before it takes
   * requests and stopped with it (e.g. the orders subgraph's catalogue-change listener); gives the
   * function that stops it.
   */
  whileServing?(runtime: SubgraphRuntime): Promise<() => Promise<void>>;
  /** Apollo Server plugins of its own, made once per process that serves it (e.g. the products subgraph's catalogue cache). */
  serverPlugins?(runtime: SubgraphRuntime): ApolloServerPlugin<TContext>[];
  /** Whole answers the gateway may keep under this module's rules (edge-answer-wiring.ts); made once per gateway, null when off. */
  edgeAnswers?(runtime: EdgeAnswerRuntime): EdgeAnswerStore | null;
}
