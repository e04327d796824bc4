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
	};
}

let loaded: Config | undefined;

/** The configuration of this process, read on first use. */
export function config(): Config {
	loaded ??= readConfig();
	return loaded;
}
