// The configuration a node runs with, as services and mixins see it. platform/config.ts reads
// and checks it from the environment once; moleculer.config.ts hands it to the broker, and
// services read it from there (`nodeConfig(this.broker)`): nothing below platform/ reads
// process.env, and nothing below it imports platform/.
import type { KeyObject } from "node:crypto";
import type { Service, ServiceBroker } from "moleculer";

export interface NodeConfig {
	/** Node id in the cluster; defaults to `<host>-<pid>`. */
	nodeId: string;
	/** Moleculer namespace: nodes only see nodes of the same namespace on the transporter. */
	namespace: string;
	/** Moleculer transporter (e.g. `nats://127.0.0.1:4222`); null runs a single-process broker. */
	transporter: string | null;
	/** NATS credentials and TLS files, where not in the TRANSPORTER URL (platform/nats.ts). */
	natsAuth: {
		user: string | null;
		password: string | null;
		token: string | null;
		ca: string | null;
		cert: string | null;
		key: string | null;
	};
	/** Sync's private key, which signs the master data it publishes; only sync's nodes need it. */
	signingKey: KeyObject | null;
	/** Sync's public keys (more than one while its key is rotated): consumers apply only what one verifies (contracts/signing.ts). */
	verifyKeys: KeyObject[];
	/** Ingest's private key, which signs the match events it journals; only ingest's nodes need it. */
	ingestSigningKey: KeyObject | null;
	/** Ingest's public keys: sync folds into the master data only live events one verifies (contracts/live.ts). */
	ingestVerifyKeys: KeyObject[];
	/** MongoDB connection string; null keeps every store in memory (NeDB). */
	mongoUri: string | null;
	/**
	 * Which services this node runs: full names (`v1.players`) or bare names for every version
	 * (`players`), as found in the folders under services/ (platform/discovery.ts); empty means all.
	 */
	services: string[];
	/** Gateway port and interface. */
	port: number;
	host: string;
	/** Folder of openfootball files that sync imports (DATA_SOURCE=folder), and whose paths openfootball-http downloads by default. */
	dataDir: string;
	/** Where sync reads the master data (docs/sources.md). */
	dataSource: DataSourceConfig;
	/** Sync's remote sources: retries after a failed download, the first back-off (ms, doubling), one request's deadline (ms). */
	sourceRetries: number;
	sourceRetryDelay: number;
	sourceTimeout: number;
	logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace";
	logFormat: "text" | "json";
	/** How long a call may take before it fails with a timeout (ms). */
	requestTimeout: number;
	/** How often a projection asks sync for changes it may have missed (ms); events make it faster, this makes it sure. */
	catchUpInterval: number;
	/** How often a projection compares itself with the master and repairs what differs (ms); 0 is never. */
	antiEntropyInterval: number;
	/** How many changes sync puts in one event. */
	publishBatchSize: number;
	/** How often sync re-reads its source (ms); 0 only on start and on request. */
	syncInterval: number;
	/** Chaos for master.changed events on this node (see platform/middlewares/fault-injection.ts); null is off. */
	faultInjection: string | null;
	/** Port of this node's /live and /ready endpoints (on HOST); 0 is off. */
	healthPort: number;
	/** Seconds between a node's heartbeats, and without one before the others count it gone. */
	heartbeatInterval: number;
	heartbeatTimeout: number;
	/** How long a stopping node waits for its in-flight calls (ms). */
	shutdownTimeout: number;
	/** Gateway: requests per window of a client without an API key (by address); 0 is off. */
	rateLimit: number;
	rateLimitWindow: number;
	/** Gateway: requests per window, by address, for the OpenAPI document, the docs page and the dashboard; 0 is off. */
	documentRateLimit: number;
	/** Gateway: requests per window of an API key created without a limit of its own; 0 is unlimited. */
	apiKeyLimit: number;
	/** Gateway: where API keys and rate-limit counts live: `memory` (each gateway alone) or a Redis URL (shared by all gateways). */
	gatewayStore: string;
	/** Gateway: addresses of proxies whose X-Forwarded-For is believed (for the rate limit's client key). */
	trustProxy: string[];
	/** Gateway: origins allowed by CORS (`*` for any); empty sends no CORS headers. */
	corsOrigins: string[];
	/** Gateway: the bearer token of the admin routes; null switches them off. */
	adminToken: string | null;
	/** Largest request body the gateway reads (bytes). */
	maxBodyBytes: number;
	/** Gateway: answers at least this long (bytes) are compressed when the client accepts brotli or gzip. */
	compressionThreshold: number;
	/** Gateway: seconds between the comments that keep an idle live stream open through proxies. */
	liveHeartbeat: number;
	/** Gateway: live streams open at once, in all; more are answered 503. 0 refuses every stream. */
	liveMaxStreams: number;
	/** Gateway: live streams open at once per client (API key or address); more are answered 429. */
	liveMaxStreamsPerClient: number;
	/** Ingest: how often journal entries sync has not confirmed are sent again (ms). */
	liveResendInterval: number;
	/** Moleculer tracing: off, spans written to the log (console), or sent to Zipkin, Jaeger (its Zipkin receiver) or an OTLP/HTTP collector. */
	tracing: "off" | "console" | "zipkin" | "jaeger" | "otlp";
	/** Where zipkin, jaeger and otlp send spans (platform/tracing.ts has the defaults); null is the default. */
	tracingEndpoint: string | null;
	/** How packets are written on the bus; every node of a cluster must use the same. */
	serializer: "JSON" | "MsgPack" | "Notepack";
	/** Who picks the node for a call: Moleculer (its strategy, default) or NATS (queue groups: Moleculer's disableBalancer). */
	balancer: "moleculer" | "nats";
	/** Cache of list actions: memory, off, or a Redis URL. */
	cacher: string;
	/** How long a cached list stays (seconds), in the services' cache and the gateway's; projections also clear it when they change. */
	cacheTtl: number;
	/** Gateway: memory for its response cache (MB); 0 switches it off. */
	gatewayCacheMb: number;
	/** Gateway: `max-age` and `stale-while-revalidate` (seconds) of the API's cacheable answers. */
	httpMaxAge: number;
	httpStaleWhileRevalidate: number;
}

/** DATA_SOURCE and the variables of the source it names. */
export type DataSourceConfig =
	| { kind: "folder" }
	| {
			kind: "openfootball-http";
			/** OPENFOOTBALL_URLS: the base URL of each top folder (`football=…`), or of every path. */
			urls: Array<{ folder: string | null; url: string }>;
			/** OPENFOOTBALL_FILES: the paths to download, as the bundled folder lays them out. */
			files: string[];
	  }
	| {
			kind: "football-data";
			/** FOOTBALL_DATA_URL, the API's root (`…/v4`). */
			url: string;
			/** FOOTBALL_DATA_TOKEN: sent as X-Auth-Token; kept off the registry like every key. */
			token: string;
			/** FOOTBALL_DATA_COMPETITIONS: competition codes. */
			competitions: string[];
			/** FOOTBALL_DATA_SEASONS: start years; empty is each competition's current season. */
			seasons: number[];
	  };

declare module "moleculer" {
	interface BrokerOptions {
		/** matchday's configuration of this node (see contracts/node-config.ts). */
		matchday?: NodeConfig;
	}
	// Moleculer calls `merged(schema)` once the mixins are merged, before the service is created
	// (src/service.js); its typings leave the hook out. Where a mixin reads its settings from the
	// schema as it is created (moleculer-db's adapter, moleculer-web's routes), this is where the
	// node's configuration goes in.
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	interface ServiceSchema<TSettings, TMethods, TVars, TThis> {
		merged?: (this: Service, schema: ServiceSchema & Record<string, unknown>) => void;
	}
}

/** The configuration of the node a service runs on; a broker made without one is a mistake worth a clear message. */
export function nodeConfig(broker: Pick<ServiceBroker, "options">): NodeConfig {
	const found = broker.options.matchday;
	if (!found)
		throw new Error(
			"This broker has no matchday configuration: create it with the options of moleculer.config.ts (or brokerOptions()).",
		);
	return found;
}
