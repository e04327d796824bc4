// The gateway's own store: API keys (by hash) and rate-limit windows. In memory, each gateway
// keeps its own (`npm start`, one gateway); in Redis (GATEWAY_STORE=redis://…), every gateway
// shares them, so a key's limit holds across all of them and a key made on one works on all.
import { createHash } from "node:crypto";
import Redis from "ioredis";

/** An API key as stored: never the key itself, only its hash (the record's place) and an id derived from it. */
export interface ApiKeyRecord {
	/** Short name an operator revokes it by: the first 12 hex digits of the key's hash. */
	id: string;
	/** Who it is for, as the operator wrote it. */
	name: string;
	/** Requests per window; 0 is unlimited. */
	limit: number;
	createdAt: string;
}

/** A rate-limit window: requests counted in it, and how long until it ends. */
export interface WindowCount {
	count: number;
	resetMs: number;
}

export interface GatewayStore {
	/** Counts one request of `subject` in its current window (which starts with its first request). */
	hit(subject: string, windowMs: number): Promise<WindowCount>;
	saveKey(hash: string, record: ApiKeyRecord): Promise<void>;
	findKey(hash: string): Promise<ApiKeyRecord | null>;
	listKeys(): Promise<ApiKeyRecord[]>;
	/** Removes the key with this id; false if there is none. */
	revokeKey(id: string): Promise<boolean>;
	connect(): Promise<void>;
	close(): Promise<void>;
}

/** The hash a key is stored under (SHA-256, hex): the key has 256 random bits, so no salt or stretching is needed. */
export function keyHash(key: string): string {
	return createHash("sha256").update(key).digest("hex");
}

export function keyIdOf(hash: string): string {
	return hash.slice(0, 12);
}

/** One gateway's store, in its memory. */
export class MemoryGatewayStore implements GatewayStore {
	private readonly windows = new Map<string, { count: number; endsAt: number }>();
	private readonly keys = new Map<string, ApiKeyRecord>();
	private lastSweep = 0;

	constructor(private readonly now: () => number = Date.now) {}

	async hit(subject: string, windowMs: number): Promise<WindowCount> {
		const now = this.now();
		this.sweep(now, windowMs);
		let window = this.windows.get(subject);
		if (!window || window.endsAt <= now) {
			window = { count: 0, endsAt: now + windowMs };
			this.windows.set(subject, window);
		}
		window.count++;
		return { count: window.count, resetMs: window.endsAt - now };
	}

	async saveKey(hash: string, record: ApiKeyRecord): Promise<void> {
		this.keys.set(hash, record);
	}

	async findKey(hash: string): Promise<ApiKeyRecord | null> {
		return this.keys.get(hash) ?? null;
	}

	async listKeys(): Promise<ApiKeyRecord[]> {
		return [...this.keys.values()];
	}

	async revokeKey(id: string): Promise<boolean> {
		for (const [hash, record] of this.keys) if (record.id === id) return this.keys.delete(hash);
		return false;
	}

	async connect(): Promise<void> {}

	async close(): Promise<void> {}

	/** Forgets finished windows now and then, so that memory follows active clients only. */
	private sweep(now: number, windowMs: number): void {
		if (now - this.lastSweep < windowMs) return;
		this.lastSweep = now;
		for (const [subject, window] of this.windows)
			if (window.endsAt <= now) this.windows.delete(subject);
	}

	get trackedWindows(): number {
		return this.windows.size;
	}
}

/** Keys and windows under this prefix, so that the store can share a Redis with the cache. */
const PREFIX = "matchday:gateway:";
const KEYS = `${PREFIX}keys`;

/**
 * Counts a request and reads its window's end in one step, atomic in Redis: every gateway sees
 * one count. The window starts with its first request and ends `windowMs` later by Redis's clock,
 * so gateways whose clocks differ still agree on it.
 */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { count, ttl }
`;

/** Every gateway's store, in Redis: keys in one hash (field: the key's hash), a counter per window. */
export class RedisGatewayStore implements GatewayStore {
	private readonly redis: Redis;

	constructor(url: string) {
		// Fail fast while Redis is away (no queue of commands waiting for it): the gateway decides
		// what a request gets then (services/api/http/gateway-access.ts), rather than holding it.
		this.redis = new Redis(url, {
			lazyConnect: true,
			enableOfflineQueue: false,
			maxRetriesPerRequest: 1,
		});
		// Reconnects on its own; the failures of the commands meanwhile say enough.
		this.redis.on("error", () => undefined);
	}

	async hit(subject: string, windowMs: number): Promise<WindowCount> {
		const [count, ttl] = (await this.redis.eval(
			HIT_SCRIPT,
			1,
			`${PREFIX}window:${subject}`,
			String(windowMs),
		)) as [number, number];
		return { count, resetMs: ttl };
	}

	async saveKey(hash: string, record: ApiKeyRecord): Promise<void> {
		await this.redis.hset(KEYS, hash, JSON.stringify(record));
	}

	async findKey(hash: string): Promise<ApiKeyRecord | null> {
		const found = await this.redis.hget(KEYS, hash);
		return found ? (JSON.parse(found) as ApiKeyRecord) : null;
	}

	async listKeys(): Promise<ApiKeyRecord[]> {
		return (await this.redis.hvals(KEYS)).map(json => JSON.parse(json) as ApiKeyRecord);
	}

	async revokeKey(id: string): Promise<boolean> {
		const all = await this.redis.hgetall(KEYS);
		const hash = Object.keys(all).find(candidate => keyIdOf(candidate) === id);
		return hash !== undefined && (await this.redis.hdel(KEYS, hash)) > 0;
	}

	connect(): Promise<void> {
		return this.redis.connect();
	}

	async close(): Promise<void> {
		await this.redis.quit().catch(() => this.redis.disconnect());
	}
}

/** The store GATEWAY_STORE names. */
export function gatewayStoreFor(setting: string): GatewayStore {
	return setting === "memory" ? new MemoryGatewayStore() : new RedisGatewayStore(setting);
}
