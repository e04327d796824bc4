// Configuration: read once from the environment, typed and checked at start-up.
// Every variable is documented in the README; handlers never read process.env.
import { hostname } from "node:os";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export interface Config {
	/** Node id in the cluster; defaults to `<host>-<pid>`. */
	nodeId: string;
	/** Moleculer namespace: nodes only see nodes of the same namespace on the transporter. */
	namespace: string;
	/** Moleculer transporter (e.g. `nats://127.0.0.1:4222`); null runs a single-process broker. */
	transporter: string | null;
	/** MongoDB connection string; null keeps every store in memory (NeDB). */
	mongoUri: string | null;
	/** Which services this node runs (names from the catalogue); empty means all. */
	services: string[];
	/** Gateway port and interface. */
	port: number;
	host: string;
	/** Folder of openfootball files that sync imports. */
	dataDir: string;
	logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace";
	logFormat: "text" | "json";
	/** How long a call may take before it fails with a timeout (ms). */
	requestTimeout: number;
	/** How often a projection asks sync for changes it may have missed (ms); events make it faster, this makes it sure. */
	catchUpInterval: number;
	/** How many changes sync puts in one event. */
	publishBatchSize: number;
	/** How often sync re-reads its source (ms); 0 only on start and on request. */
	syncInterval: number;
	/** Chaos for master.changed events on this node (see platform/middlewares/fault-injection.ts); null is off. */
	faultInjection: string | null;
	/** Port of this node's /live and /ready endpoints (on HOST); 0 is off. */
	healthPort: number;
	/** How long a stopping node waits for its in-flight calls (ms). */
	shutdownTimeout: number;
	/** Gateway: requests per client per window; 0 is off. */
	rateLimit: number;
	rateLimitWindow: number;
	/** Gateway: addresses of proxies whose X-Forwarded-For is believed (for the rate limit's client key). */
	trustProxy: string[];
	/** Gateway: origins allowed by CORS (`*` for any); empty sends no CORS headers. */
	corsOrigins: string[];
	/** Gateway: the bearer token of the admin routes; null switches them off. */
	adminToken: string | null;
	/** Largest request body the gateway reads (bytes). */
	maxBodyBytes: number;
	/** Moleculer tracing: off, or spans written to the log (console). */
	tracing: "off" | "console";
	/** Cache of list actions: memory, off, or a Redis URL. */
	cacher: string;
	/** How long a cached list stays (seconds); projections also clear it when they change. */
	cacheTtl: number;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace"] as const;
/** The project folder (the nearest with a package.json), from sources and from the compiled dist/ alike. */
function projectRoot(from: string = __dirname): string {
	for (let dir = from; ; dir = dirname(dir)) {
		if (existsSync(join(dir, "package.json"))) return dir;
		if (dirname(dir) === dir) return from;
	}
}

const DEFAULT_DATA_DIR = join(projectRoot(), "data", "openfootball");

function text(env: Env, name: string): string | null {
	const value = env[name]?.trim();
	return value ? value : null;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
	const raw = text(env, name);
	if (raw === null) return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < min || value > max) {
		throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
	}
	return value;
}

function oneOf<T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T {
	const raw = text(env, name);
	if (raw === null) return fallback;
	if (!(values as readonly string[]).includes(raw)) {
		throw new ConfigError(`${name} must be one of ${values.join(", ")}, got "${raw}"`);
	}
	return raw as T;
}

function url(env: Env, name: string, schemes: string[]): string | null {
	const raw = text(env, name);
	if (raw === null) return null;
	const scheme = raw.split("://")[0];
	if (!raw.includes("://") || !schemes.includes(scheme)) {
		throw new ConfigError(`${name} must be a ${schemes.join(" or ")} URL, got "${raw}"`);
	}
	return raw;
}

function list(env: Env, name: string): string[] {
	return (text(env, name) ?? "").split(",").map(item => item.trim()).filter(Boolean);
}

/** A token short enough to guess is refused: the admin route would be open to anyone patient. */
function adminToken(env: Env): string | null {
	const token = text(env, "ADMIN_TOKEN");
	if (token !== null && token.length < 16) throw new ConfigError("ADMIN_TOKEN must be at least 16 characters long");
	return token;
}

function cacher(env: Env): string {
	const raw = text(env, "CACHER") ?? "memory";
	if (raw === "memory" || raw === "off" || /^rediss?:\/\//.test(raw)) return raw;
	throw new ConfigError(`CACHER must be memory, off or a redis:// URL, got "${raw}"`);
}

/** Reads and checks the configuration; throws ConfigError naming the variable at fault. */
export function readConfig(env: Env = process.env): Config {
	return {
		nodeId: text(env, "NODE_ID") ?? `${hostname()}-${process.pid}`,
		namespace: text(env, "NAMESPACE") ?? "matchday",
		transporter: url(env, "TRANSPORTER", ["nats"]),
		mongoUri: url(env, "MONGO_URI", ["mongodb", "mongodb+srv"]),
		services: (text(env, "SERVICES") ?? "").split(",").map(s => s.trim()).filter(Boolean),
		port: integer(env, "PORT", 3000, 0, 65535),
		host: text(env, "HOST") ?? "127.0.0.1",
		dataDir: resolve(text(env, "DATA_DIR") ?? DEFAULT_DATA_DIR),
		logLevel: oneOf(env, "LOG_LEVEL", LOG_LEVELS, "info"),
		logFormat: oneOf(env, "LOG_FORMAT", ["text", "json"] as const, "text"),
		requestTimeout: integer(env, "REQUEST_TIMEOUT", 10_000, 100, 600_000),
		catchUpInterval: integer(env, "CATCHUP_INTERVAL", 5_000, 100, 3_600_000),
		publishBatchSize: integer(env, "PUBLISH_BATCH", 200, 1, 1_000),
		syncInterval: integer(env, "SYNC_INTERVAL", 300_000, 0, 86_400_000),
		faultInjection: text(env, "FAULT_INJECTION"),
		healthPort: integer(env, "HEALTH_PORT", 0, 0, 65535),
		shutdownTimeout: integer(env, "SHUTDOWN_TIMEOUT", 10_000, 0, 600_000),
		rateLimit: integer(env, "RATE_LIMIT", 600, 0, 1_000_000),
		rateLimitWindow: integer(env, "RATE_LIMIT_WINDOW", 60_000, 1_000, 3_600_000),
		trustProxy: list(env, "TRUST_PROXY"),
		corsOrigins: list(env, "CORS_ORIGINS"),
		adminToken: adminToken(env),
		maxBodyBytes: integer(env, "MAX_BODY_BYTES", 16_384, 0, 10_485_760),
		tracing: oneOf(env, "TRACING", ["off", "console"] as const, "off"),
		cacher: cacher(env),
		cacheTtl: integer(env, "CACHE_TTL", 30, 1, 86_400),
	};
}

let loaded: Config | undefined;

/** The configuration of this process, read on first use. */
export function config(): Config {
	loaded ??= readConfig();
	return loaded;
}
