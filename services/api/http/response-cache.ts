// The gateway's response cache: a repeated request is answered from the gateway's memory, without
// crossing NATS twice. An entry belongs to the service that answered it and is dropped when that
// service's projection moves (`projection.updated`, which every gateway hears), so that no
// gateway serves an answer older than a change its projection has applied:
// - a service is one version (`v1.results` and `v2.results` are two), whatever its replicas;
// - an answer is stored only if no change of its service was heard while it was on its way
//   (the ticket's generation), so a reply read before a change cannot outlive it;
// - the gateway asks with Moleculer's cache bypassed (`$cache: false`) while this cache is on:
//   a replica that has not yet heard of the change cannot hand back its own stale entry.
// - a gateway's cache stays closed (answers and keeps nothing) until the cluster knows this
//   gateway listens for `projection.updated`: until then a change would be broadcast past it, and
//   an answer it kept could outlive that change (see the api service's `$broker.started`).
// Entries also expire (a safety net, CACHE_TTL) and the least recently used go first past a
// memory budget (GATEWAY_CACHE_MB).
import { createHash } from "node:crypto";
import { compress, type Encoding } from "./compression";

export interface CachedAnswer {
	service: string;
	/** The strong ETag of `body` (a hash of its bytes). */
	etag: string;
	body: Buffer;
	/** Headers of the route's own (Deprecation, Link) to answer with again. */
	headers: Record<string, string>;
}

interface Entry extends CachedAnswer {
	expiresAt: number;
	/** Compressed bodies, made on first demand. */
	encoded: Partial<Record<Encoding, Buffer>>;
	bytes: number;
}

/** Where a request stood when it went to its service: its answer is stored only if nothing changed since. */
export interface Ticket {
	key: string;
	service: string;
	generation: number;
}

export interface CacheOptions {
	maxBytes: number;
	ttlMs: number;
	now?: () => number;
	/** Starts closed: nothing is answered or kept until `open()`. */
	closed?: boolean;
}

/** A strong ETag for a body: the first 27 characters of its SHA-256 in base64url (160 bits). */
export function strongEtag(body: Buffer | string): string {
	return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** One key per path and set of parameters, whatever their order: `?b=2&a=1` is `?a=1&b=2`. */
export function cacheKey(path: string, query: string): string {
	if (!query) return path;
	const pairs = query.split("&").filter(Boolean).sort();
	return `${path}?${pairs.join("&")}`;
}

/** Does If-None-Match name this ETag (or any, `*`)? Weak comparison, as RFC 9110 asks for GET. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
	if (!header) return false;
	const bare = etag.replace(/^W\//, "");
	return header
		.split(",")
		.map(tag => tag.trim().replace(/^W\//, ""))
		.some(tag => tag === "*" || tag === bare);
}

export class ResponseCache {
	private readonly entries = new Map<string, Entry>();
	private readonly generations = new Map<string, number>();
	/** Moves when everything is dropped (the routes changed): a ticket from before stores nothing. */
	private epoch = 0;
	private bytes = 0;
	private readonly now: () => number;
	private isOpen: boolean;

	constructor(private readonly options: CacheOptions) {
		this.now = options.now ?? Date.now;
		this.isOpen = !options.closed;
	}

	/** Whether the cache answers and keeps answers: it has a budget and it is open. */
	get enabled(): boolean {
		return this.options.maxBytes > 0 && this.isOpen;
	}

	/** From now on the cache answers and keeps answers. */
	open(): void {
		this.isOpen = true;
	}

	get size(): number {
		return this.entries.size;
	}

	ticket(key: string, service: string): Ticket {
		return { key, service, generation: this.generationOf(service) };
	}

	/** Keeps an answer, unless its service changed while it was on its way; says whether it kept it. */
	store(ticket: Ticket, answer: CachedAnswer): boolean {
		if (!this.enabled || ticket.generation !== this.generationOf(ticket.service)) return false;
		const bytes = answer.body.length + ticket.key.length;
		if (bytes > this.options.maxBytes) return false;
		this.remove(ticket.key);
		const entry: Entry = {
			...answer,
			expiresAt: this.now() + this.options.ttlMs,
			encoded: {},
			bytes,
		};
		this.entries.set(ticket.key, entry);
		this.bytes += bytes;
		this.evict();
		return true;
	}

	/** The answer for a key, if it is there and fresh; it becomes the most recently used. */
	lookup(key: string): CachedAnswer | undefined {
		const entry = this.entries.get(key);
		if (!entry) return undefined;
		if (entry.expiresAt <= this.now()) {
			this.remove(key);
			return undefined;
		}
		this.entries.delete(key);
		this.entries.set(key, entry);
		return entry;
	}

	/** The body in an encoding, compressed once per entry. */
	encoded(key: string, encoding: Encoding): Buffer | undefined {
		const entry = this.entries.get(key);
		if (!entry) return undefined;
		let body = entry.encoded[encoding];
		if (!body) {
			body = compress(entry.body, encoding);
			entry.encoded[encoding] = body;
			entry.bytes += body.length;
			this.bytes += body.length;
			this.evict();
		}
		return body;
	}

	/** A service's projection moved: its answers are stale, and so is any on its way. */
	invalidate(service: string): void {
		this.generations.set(service, this.generationOf(service) + 1);
		for (const [key, entry] of this.entries) if (entry.service === service) this.remove(key);
	}

	clear(): void {
		this.epoch++;
		this.entries.clear();
		this.bytes = 0;
	}

	private generationOf(service: string): number {
		return (this.generations.get(service) ?? 0) + this.epoch * 2 ** 32;
	}

	private remove(key: string): void {
		const entry = this.entries.get(key);
		if (!entry) return;
		this.entries.delete(key);
		this.bytes -= entry.bytes;
	}

	private evict(): void {
		for (const key of this.entries.keys()) {
			if (this.bytes <= this.options.maxBytes) return;
			this.remove(key);
		}
	}
}
