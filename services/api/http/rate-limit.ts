// Rate limiting for the gateway: a fixed window per subject, counted in the gateway's store
// (gateway-store.ts: in memory per gateway, or in Redis shared by all). A subject is an API key,
// or for a client without one the address the request came from; X-Forwarded-For is read only
// when that address is a proxy the operator trusts (TRUST_PROXY), since any client can write the
// header itself. Headers follow the IETF RateLimit fields draft.
import type { GatewayStore, WindowCount } from "../../../storage/gateway-store";

export interface RateDecision {
	allowed: boolean;
	headers: Record<string, string>;
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

/** Counts requests per subject (an address or an API key) in windows of the gateway's store. */
export class RateLimiter {
	constructor(
		private readonly store: GatewayStore,
		private readonly windowMs: number,
	) {}

	/** Counts one request of `subject` and says whether it may go on under `limit`, with the headers to send. */
	async take(subject: string, limit: number): Promise<RateDecision> {
		return rateDecision(limit, this.windowMs, await this.store.hit(subject, this.windowMs));
	}
}

/** The IETF RateLimit fields for a window, and whether the request fits in it. */
export function rateDecision(limit: number, windowMs: number, window: WindowCount): RateDecision {
	const resetSeconds = Math.max(1, Math.ceil(window.resetMs / 1000));
	const headers: Record<string, string> = {
		"RateLimit-Policy": `${limit};w=${Math.ceil(windowMs / 1000)}`,
		"RateLimit-Limit": String(limit),
		"RateLimit-Remaining": String(Math.max(0, limit - window.count)),
		"RateLimit-Reset": String(resetSeconds),
	};
	if (window.count <= limit) return { allowed: true, headers };
	return { allowed: false, headers: { ...headers, "Retry-After": String(resetSeconds) } };
}

/** Probes and scrapers call these often from one address: they are not rate limited. */
export const UNLIMITED_PATHS = /^\/(health|metrics)(\/|$|\?)/;

/**
 * The API's documents and pages (the OpenAPI document, the docs page, the dashboard's files):
 * counted on a budget of their own, so that a tool that hit the API's limit can still read the
 * schema that tells it what the limit is.
 */
export const DOCUMENT_PATHS = /^\/(api\/openapi\.json|api\/docs|dashboard)(\/|$|\?)/i;
