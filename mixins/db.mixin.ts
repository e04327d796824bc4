// Gives a service its own store: MongoDB (one database per service, named after it)
// when MONGO_URI is set, moleculer-db's in-memory NeDB store otherwise.
// moleculer-db's CRUD actions are all switched off: a service publishes one verb of its own.
import type { Service, ServiceSchema } from "moleculer";
import DbService, { type DbAdapter } from "moleculer-db";
import MongoDbAdapter from "moleculer-db-adapter-mongo";
import type { Db } from "mongodb";
import { nodeConfig } from "../contracts/node-config";
import {
	conditionalWritesOf,
	type DocumentCollection,
	MongoDocumentCollection,
	type NedbDatastore,
	NedbDocumentCollection,
} from "../storage/collections";

export interface DbMixinOptions {
	/** The service's own database, e.g. `v1-players` (FerretDB allows `[a-zA-Z0-9_-]`). */
	database: string;
	/** Its collections; the first is moleculer-db's main collection. */
	collections: [string, ...string[]];
}

export interface DbMethods {
	/** One of the service's collections; available once the service has started. */
	collection(name: string): DocumentCollection;
}

/** What the mixin keeps on the service instance. */
interface DbState {
	adapter: DbAdapter & { db?: unknown };
	dbCollections?: Map<string, DocumentCollection>;
}

const CRUD_ACTIONS = [
	"find",
	"count",
	"list",
	"create",
	"insert",
	"get",
	"update",
	"remove",
] as const;

/** A new, empty in-memory collection: moleculer-db's NeDB store. */
export async function openMemoryCollection(): Promise<DocumentCollection> {
	const adapter = new DbService.MemoryAdapter();
	await adapter.connect();
	return new NedbDocumentCollection((adapter as unknown as { db: NedbDatastore }).db);
}

function memoryCollection(
	service: Service & DbState,
	name: string,
	main: string,
): Promise<DocumentCollection> {
	if (name === main)
		return Promise.resolve(new NedbDocumentCollection(service.adapter.db as NedbDatastore));
	return openMemoryCollection();
}

/** The mixin; the database name must be unique to the service (and its version). */
export function DbMixin(options: DbMixinOptions): Partial<ServiceSchema> {
	const [main] = options.collections;

	const schema: Partial<ServiceSchema> & Record<string, unknown> = {
		mixins: [DbService as unknown as Partial<ServiceSchema>],
		// The store is chosen when the service is made on a broker, from that node's configuration
		// (moleculer-db reads `adapter` from the schema as it creates the service).
		merged(this: Service, merged: Record<string, unknown>) {
			const { mongoUri } = nodeConfig(this.broker);
			merged.adapter = mongoUri
				? // A server that stops answering fails the operation after 30 s instead of stalling it forever.
					new MongoDbAdapter(
						mongoUri,
						{
							useUnifiedTopology: true,
							socketTimeoutMS: 30_000,
							serverSelectionTimeoutMS: 30_000,
						},
						options.database,
					)
				: new DbService.MemoryAdapter();
		},
		collection: main,
		// Published with the service in the registry: operators (the REPL's `topology`) see which database it owns.
		metadata: { database: options.database },
		actions: Object.fromEntries(CRUD_ACTIONS.map(action => [action, false])),
		methods: {
			collection(this: Service & DbState, name: string): DocumentCollection {
				const found = this.dbCollections?.get(name);
				if (!found)
					throw new Error(
						`Collection "${name}" is not open (is it declared, and has the service started?)`,
					);
				return found;
			},
		},
		/** Called by moleculer-db once connected (it retries every second until the server answers). */
		async afterConnected(this: Service & DbState) {
			const { mongoUri } = nodeConfig(this.broker);
			const collections = new Map<string, DocumentCollection>();
			const db = this.adapter.db as Db;
			const writes = mongoUri ? await conditionalWritesOf(db) : "atomic";
			for (const name of options.collections) {
				collections.set(
					name,
					mongoUri
						? new MongoDocumentCollection(db.collection(name), writes)
						: await memoryCollection(this, name, main),
				);
			}
			this.dbCollections = collections;
		},
	};
	return schema;
}
