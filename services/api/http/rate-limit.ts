// Per-client rate limiting for the gateway: a fixed window per client key, kept in memory on
// each gateway node. The key is the address the request came from; X-Forwarded-For is read
// only when that address is a proxy the operator trusts (TRUST_PROXY), since any client can
// write the header itself. Headers follow the IETF RateLimit fields draft.
import type { IncomingMessage, ServerResponse } from "node:http";

export interface RateLimitSettings {
	/** Requests a client may make per window; 0 turns limiting off. */
	limit: number;
	windowMs: number;
}

export interface RateDecision {
	allowed: boolean;
	headers: Record<string, string>;
}

interface Window {
	count: number;
	resetAt: number;
}

/** Strips the IPv6 prefix Node puts on IPv4 addresses, so that both spellings are one client. */
function normaliseAddress(address: string): string {
	return address.startsWith("::ffff:") ? address.slice(7) : address;
}

/**
 * The client's address: the peer's, unless the peer is a trusted proxy; then the nearest
 * address in X-Forwarded-For (read from the right) that is not itself a trusted proxy.
 */
export function clientKey(
	remoteAddress: string | undefined,
	forwardedFor: string | string[] | undefined,
	trustedProxies: ReadonlySet<string>,
): string {
	const peer = normaliseAddress(remoteAddress ?? "unknown");
	if (!trustedProxies.has(peer) || !forwardedFor) return peer;
	const hops = [forwardedFor]
		.flat()
		.join(",")
		.split(",")
		.map(hop => normaliseAddress(hop.trim()))
		.filter(Boolean);
	for (let i = hops.length - 1; i >= 0; i--) {
		if (!trustedProxies.has(hops[i])) return hops[i];
	}
	return hops[0] ?? peer;
}

export class RateLimiter {
	private readonly windows = new Map<string, Window>();
	private lastSweep = 0;

	constructor(
		private readonly settings: RateLimitSettings,
		private readonly now: () => number = Date.now,
	) {}

	/** Counts one request of `key` and says whether it may go on, with the headers to send. */
	take(key: string): RateDecision {
		const { limit, windowMs } = this.settings;
		const now = this.now();
		this.sweep(now);
		let window = this.windows.get(key);
		if (!window || window.resetAt <= now) {
			window = { count: 0, resetAt: now + windowMs };
			this.windows.set(key, window);
		}
		window.count++;
		const resetSeconds = Math.max(1, Math.ceil((window.resetAt - now) / 1000));
		const headers: Record<string, string> = {
			"RateLimit-Policy": `${limit};w=${Math.ceil(windowMs / 1000)}`,
			"RateLimit-Limit": String(limit),
			"RateLimit-Remaining": String(Math.max(0, limit - window.count)),
			"RateLimit-Reset": String(resetSeconds),
		};
		if (window.count <= limit) return { allowed: true, headers };
		return { allowed: false, headers: { ...headers, "Retry-After": String(resetSeconds) } };
	}

	/** Forgets finished windows now and then, so that memory follows active clients only. */
	private sweep(now: number): void {
		if (now - this.lastSweep < this.settings.windowMs) return;
		this.lastSweep = now;
		for (const [key, window] of this.windows)
			if (window.resetAt <= now) this.windows.delete(key);
	}

	get trackedClients(): number {
		return this.windows.size;
	}
}

/** Probes and scrapers call these often from one address: they are not rate limited. */
const UNLIMITED_PATHS = /^\/(health|metrics)(\/|$|\?)/;

/** Connect-style middleware: counts the request against its client's window, or answers 429. */
export function rateLimit(
	limiter: RateLimiter,
	trusted: ReadonlySet<string>,
	refuse: (res: ServerResponse) => void,
) {
	return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
		if (UNLIMITED_PATHS.test(req.url ?? "")) return next();
		const decision = limiter.take(
			clientKey(req.socket.remoteAddress, req.headers["x-forwarded-for"], trusted),
		);
		for (const [name, value] of Object.entries(decision.headers)) res.setHeader(name, value);
		if (decision.allowed) return next();
		refuse(res);
	};
}
