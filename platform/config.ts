// Configuration: read once from the environment, typed and checked at start-up.
// Every variable is documented in docs/operations.md; nothing below platform/ reads process.env
// (services get this through the broker: contracts/node-config.ts).
import { hostname } from "node:os";
import { createPublicKey, type KeyObject } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { DataSourceConfig, NodeConfig } from "../contracts/node-config";
import { openOpenFootballDir } from "../domain/openfootball";
import { newSigningKeys, privateKeyFrom, publicKeyFrom } from "../contracts/signing";

/** Kept as the name platform code knows; the shape lives in contracts (services read it from the broker). */
export type Config = NodeConfig;

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
	return (text(env, name) ?? "")
		.split(",")
		.map(item => item.trim())
		.filter(Boolean);
}

/** A token short enough to guess is refused: the admin route would be open to anyone patient. */
function adminToken(env: Env): string | null {
	const token = text(env, "ADMIN_TOKEN");
	if (token !== null && token.length < 16)
		throw new ConfigError("ADMIN_TOKEN must be at least 16 characters long");
	return token;
}

function gatewayStore(env: Env): string {
	const raw = text(env, "GATEWAY_STORE") ?? "memory";
	if (raw === "memory" || /^rediss?:\/\//.test(raw)) return raw;
	throw new ConfigError(`GATEWAY_STORE must be memory or a redis:// URL, got "${raw}"`);
}

function cacher(env: Env): string {
	const raw = text(env, "CACHER") ?? "memory";
	if (raw === "memory" || raw === "off" || /^rediss?:\/\//.test(raw)) return raw;
	throw new ConfigError(`CACHER must be memory, off or a redis:// URL, got "${raw}"`);
}

/** A path that must name a readable file. */
function file(env: Env, name: string): string | null {
	const path = text(env, name);
	if (path !== null && !existsSync(path))
		throw new ConfigError(`${name} names no file: "${path}"`);
	return path;
}

/**
 * Keys given as text (NAME) or in a file (NAME_FILE), several separated by commas, each parsed by
 * `parse`; a bad one stops the node naming the variable.
 */
function keys(env: Env, name: string, parse: (text: string) => KeyObject): KeyObject[] {
	const inline = text(env, name);
	const path = file(env, `${name}_FILE`);
	const raw = inline ?? (path ? readFileSync(path, "utf8").trim() : null);
	if (raw === null) return [];
	// PEM blocks and base64 hold no comma: a comma separates keys.
	return raw.split(",").map(one => {
		try {
			const parsed = parse(one.trim());
			if (parsed.asymmetricKeyType !== "ed25519")
				throw new Error(`an ${parsed.asymmetricKeyType} key`);
			return parsed;
		} catch (err) {
			throw new ConfigError(
				`${inline !== null ? name : `${name}_FILE`} is not an Ed25519 key (PEM, or base64 DER): ${(err as Error).message}`,
			);
		}
	});
}

/**
 * Sync's signing key and the public keys consumers accept. One process (`npm start`, no
 * TRANSPORTER) with no keys makes a pair of its own: both ends are in it. A cluster needs them
 * given (npm run cluster and the tests make a pair; `npm run keys` prints one). Several public
 * keys are accepted at once, so that sync's key can be rotated with no refused slice
 * (docs/sync.md).
 */
function signingKeys(env: Env): { signingKey: KeyObject | null; verifyKeys: KeyObject[] } {
	return keyPair(env, "SYNC", "sync");
}

/**
 * Ingest's key pair, as sync's: ingest signs each journal entry it sends, and sync folds into
 * the master data only what one of INGEST_VERIFY_KEY's keys verifies (contracts/live.ts).
 */
function ingestKeys(env: Env): {
	ingestSigningKey: KeyObject | null;
	ingestVerifyKeys: KeyObject[];
} {
	const { signingKey, verifyKeys } = keyPair(env, "INGEST", "ingest");
	return { ingestSigningKey: signingKey, ingestVerifyKeys: verifyKeys };
}

/** `<prefix>_SIGNING_KEY` and `<prefix>_VERIFY_KEY`; one process with neither makes a pair of its own. */
function keyPair(
	env: Env,
	prefix: string,
	signer: string,
): { signingKey: KeyObject | null; verifyKeys: KeyObject[] } {
	const [signingKey = null, ...more] = keys(env, `${prefix}_SIGNING_KEY`, privateKeyFrom);
	if (more.length > 0)
		throw new ConfigError(`${prefix}_SIGNING_KEY holds one key: ${signer} signs with one`);
	const given = keys(env, `${prefix}_VERIFY_KEY`, publicKeyFrom);
	const verifyKeys = given.length > 0 ? given : signingKey ? [createPublicKey(signingKey)] : [];
	if (signingKey || verifyKeys.length > 0 || text(env, "TRANSPORTER"))
		return { signingKey, verifyKeys };
	const made = newSigningKeys();
	return {
		signingKey: privateKeyFrom(made.privateKey),
		verifyKeys: [publicKeyFrom(made.publicKey)],
	};
}

const DATA_SOURCES = ["folder", "openfootball-http", "football-data"] as const;

/** openfootball's own repositories, by the top folder of the bundled layout. */
const OPENFOOTBALL_URLS =
	"football=https://raw.githubusercontent.com/openfootball/football.json/master," +
	"worldcup=https://raw.githubusercontent.com/openfootball/worldcup.json/master";

/** football-data.org's free plan: these competitions, each season its current one. */
const FOOTBALL_DATA_COMPETITIONS = "PL,BL1,PD,SA,FL1,CL,WC";

/** DATA_SOURCE and its variables: each checked here, so a bad one stops the node, not its first sync. */
function dataSource(env: Env): DataSourceConfig {
	const kind = oneOf(env, "DATA_SOURCE", DATA_SOURCES, "folder");
	if (kind === "openfootball-http") {
		const urls = (text(env, "OPENFOOTBALL_URLS") ?? OPENFOOTBALL_URLS).split(",").map(entry => {
			const [, folder = null, raw] = /^(?:([a-z0-9_.-]+)=)?(.+)$/i.exec(entry.trim()) ?? [];
			if (!raw || !/^https?:\/\/./.test(raw))
				throw new ConfigError(
					`OPENFOOTBALL_URLS holds "<folder>=<http(s) URL>" or "<http(s) URL>" entries, got "${entry.trim()}"`,
				);
			return { folder, url: raw };
		});
		const given = list(env, "OPENFOOTBALL_FILES");
		const dir = resolve(text(env, "DATA_DIR") ?? DEFAULT_DATA_DIR);
		const files =
			given.length > 0 ? given : existsSync(dir) ? openOpenFootballDir(dir).paths : [];
		if (files.length === 0)
			throw new ConfigError(
				"OPENFOOTBALL_FILES is empty, and DATA_DIR holds no file to follow",
			);
		return { kind, urls, files };
	}
	if (kind === "football-data") {
		const token = text(env, "FOOTBALL_DATA_TOKEN") ?? fileText(env, "FOOTBALL_DATA_TOKEN_FILE");
		if (!token)
			throw new ConfigError(
				"DATA_SOURCE=football-data needs FOOTBALL_DATA_TOKEN (or FOOTBALL_DATA_TOKEN_FILE): football-data.org's API token",
			);
		const seasons = list(env, "FOOTBALL_DATA_SEASONS").map(year => {
			if (!/^\d{4}$/.test(year))
				throw new ConfigError(
					`FOOTBALL_DATA_SEASONS holds start years (2024), got "${year}"`,
				);
			return Number(year);
		});
		const competitions = (text(env, "FOOTBALL_DATA_COMPETITIONS") ?? FOOTBALL_DATA_COMPETITIONS)
			.split(",")
			.map(code => code.trim().toUpperCase())
			.filter(Boolean);
		for (const code of competitions)
			if (!/^[A-Z0-9]+$/.test(code))
				throw new ConfigError(
					`FOOTBALL_DATA_COMPETITIONS holds codes (PL, BL1), got "${code}"`,
				);
		return {
			kind,
			url:
				url(env, "FOOTBALL_DATA_URL", ["http", "https"]) ??
				"https://api.football-data.org/v4",
			token,
			competitions,
			seasons,
		};
	}
	return { kind };
}

/** The trimmed content of the file a variable names, or null when it is unset. */
function fileText(env: Env, name: string): string | null {
	const path = file(env, name);
	return path ? readFileSync(path, "utf8").trim() || null : null;
}

/** Reads and checks the configuration; throws ConfigError naming the variable at fault. */
export function readConfig(env: Env = process.env): Config {
	return {
		nodeId: text(env, "NODE_ID") ?? `${hostname()}-${process.pid}`,
		namespace: text(env, "NAMESPACE") ?? "matchday",
		transporter: url(env, "TRANSPORTER", ["nats", "tls"]),
		natsAuth: {
			user: text(env, "NATS_USER"),
			password: text(env, "NATS_PASSWORD"),
			token: text(env, "NATS_TOKEN"),
			ca: file(env, "NATS_TLS_CA"),
			cert: file(env, "NATS_TLS_CERT"),
			key: file(env, "NATS_TLS_KEY"),
		},
		...signingKeys(env),
		...ingestKeys(env),
		mongoUri: url(env, "MONGO_URI", ["mongodb", "mongodb+srv"]),
		services: (text(env, "SERVICES") ?? "")
			.split(",")
			.map(s => s.trim())
			.filter(Boolean),
		port: integer(env, "PORT", 3000, 0, 65535),
		host: text(env, "HOST") ?? "127.0.0.1",
		dataDir: resolve(text(env, "DATA_DIR") ?? DEFAULT_DATA_DIR),
		dataSource: dataSource(env),
		sourceRetries: integer(env, "SOURCE_RETRIES", 4, 0, 20),
		sourceRetryDelay: integer(env, "SOURCE_RETRY_DELAY", 1_000, 1, 600_000),
		sourceTimeout: integer(env, "SOURCE_TIMEOUT", 30_000, 100, 600_000),
		logLevel: oneOf(env, "LOG_LEVEL", LOG_LEVELS, "info"),
		logFormat: oneOf(env, "LOG_FORMAT", ["text", "json"] as const, "text"),
		requestTimeout: integer(env, "REQUEST_TIMEOUT", 10_000, 100, 600_000),
		catchUpInterval: integer(env, "CATCHUP_INTERVAL", 5_000, 100, 3_600_000),
		antiEntropyInterval: integer(env, "ANTI_ENTROPY_INTERVAL", 1_800_000, 0, 86_400_000),
		publishBatchSize: integer(env, "PUBLISH_BATCH", 200, 1, 1_000),
		syncInterval: integer(env, "SYNC_INTERVAL", 300_000, 0, 86_400_000),
		faultInjection: text(env, "FAULT_INJECTION"),
		healthPort: integer(env, "HEALTH_PORT", 0, 0, 65535),
		shutdownTimeout: integer(env, "SHUTDOWN_TIMEOUT", 10_000, 0, 600_000),
		heartbeatInterval: integer(env, "HEARTBEAT_INTERVAL", 1, 1, 60),
		heartbeatTimeout: integer(env, "HEARTBEAT_TIMEOUT", 4, 2, 300),
		rateLimit: integer(env, "RATE_LIMIT", 600, 0, 1_000_000),
		rateLimitWindow: integer(env, "RATE_LIMIT_WINDOW", 60_000, 1_000, 3_600_000),
		documentRateLimit: integer(env, "DOCS_RATE_LIMIT", 600, 0, 1_000_000),
		apiKeyLimit: integer(env, "API_KEY_LIMIT", 6_000, 0, 1_000_000),
		gatewayStore: gatewayStore(env),
		trustProxy: list(env, "TRUST_PROXY"),
		corsOrigins: list(env, "CORS_ORIGINS"),
		adminToken: adminToken(env),
		maxBodyBytes: integer(env, "MAX_BODY_BYTES", 16_384, 0, 10_485_760),
		compressionThreshold: integer(env, "COMPRESSION_THRESHOLD", 1_024, 0, 10_485_760),
		tracing: oneOf(
			env,
			"TRACING",
			["off", "console", "zipkin", "jaeger", "otlp"] as const,
			"off",
		),
		tracingEndpoint: url(env, "TRACING_ENDPOINT", ["http", "https"]),
		serializer: oneOf(env, "SERIALIZER", ["JSON", "MsgPack", "Notepack"] as const, "JSON"),
		balancer: oneOf(env, "BALANCER", ["moleculer", "nats"] as const, "moleculer"),
		cacher: cacher(env),
		cacheTtl: integer(env, "CACHE_TTL", 30, 1, 86_400),
		gatewayCacheMb: integer(env, "GATEWAY_CACHE_MB", 64, 0, 65_536),
		httpMaxAge: integer(env, "HTTP_MAX_AGE", 5, 0, 86_400),
		httpStaleWhileRevalidate: integer(env, "HTTP_STALE_WHILE_REVALIDATE", 30, 0, 86_400),
		liveHeartbeat: integer(env, "LIVE_HEARTBEAT", 15, 1, 3_600),
		liveMaxStreams: integer(env, "LIVE_MAX_STREAMS", 10_000, 0, 1_000_000),
		liveMaxStreamsPerClient: integer(env, "LIVE_MAX_STREAMS_PER_CLIENT", 10, 1, 1_000_000),
		liveResendInterval: integer(env, "LIVE_RESEND_INTERVAL", 2_000, 100, 600_000),
	};
}

let loaded: Config | undefined;

/** The configuration of this process, read on first use. */
export function config(): Config {
	loaded ??= readConfig();
	return loaded;
}
