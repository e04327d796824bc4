// Who is asking, and whether they may now: the gateway's first middleware after the security
// headers. A request with `X-Auth-Token` (as football-data.org's clients send it) is counted
// against that API key's own limit; one without is anonymous, counted by address against the
// lower anonymous limit (RATE_LIMIT). An unknown or revoked key is refused with 401, not served
// as anonymous: a client with a typo in its key should hear about it, not be throttled silently.
//
// While the store is unreachable (Redis away): a request with a key cannot be checked and gets
// 503 with Retry-After; counting fails open, so an outage of the store does not stop the API.
import type { IncomingMessage, ServerResponse } from "node:http";
import { type GatewayStore, keyHash } from "../../../storage/gateway-store";
import { clientKey, DOCUMENT_PATHS, type RateLimiter, UNLIMITED_PATHS } from "./rate-limit";

export const API_KEY_HEADER = "x-auth-token";

/** What the gateway answers when it refuses; `retryAfter` in seconds. */
export interface Refusal {
	status: 401 | 429 | 503;
	type: string;
	message: string;
	retryAfter?: number;
}

export interface AccessOptions {
	store: GatewayStore;
	limiter: RateLimiter;
	/** Requests per window without a key; 0 is unlimited. */
	anonymousLimit: number;
	/** Requests per window, per address, for the documents and pages (DOCUMENT_PATHS); 0 is unlimited. */
	documentLimit: number;
	trustedProxies: ReadonlySet<string>;
	refuse(res: ServerResponse, refusal: Refusal): void;
	warn(message: string): void;
}

interface Subject {
	name: string;
	limit: number;
}

/** Connect-style middleware: finds the request's subject, counts it, and lets it on or refuses it. */
export function gatewayAccess(options: AccessOptions) {
	return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
		if (UNLIMITED_PATHS.test(req.url ?? "")) return next();
		void admit(options, req, res).then(
			admitted => admitted && next(),
			err => {
				options.warn(`Access check failed: ${(err as Error).message}`);
				options.refuse(res, unavailable());
			},
		);
	};
}

async function admit(
	options: AccessOptions,
	req: IncomingMessage,
	res: ServerResponse,
): Promise<boolean> {
	const subject = await subjectOf(options, req);
	if ("status" in subject) {
		options.refuse(res, subject);
		return false;
	}
	if (subject.limit === 0) return true;
	let decision;
	try {
		decision = await options.limiter.take(subject.name, subject.limit);
	} catch (err) {
		options.warn(`Rate limit not counted (store unreachable): ${(err as Error).message}`);
		return true;
	}
	for (const [name, value] of Object.entries(decision.headers)) res.setHeader(name, value);
	if (decision.allowed) return true;
	const keyed = subject.name.startsWith("key:");
	options.refuse(res, {
		status: 429,
		type: "RATE_LIMITED",
		message: keyed
			? "Too many requests for this API key; wait as Retry-After says."
			: "Too many requests without an API key; wait as Retry-After says, or send a key in X-Auth-Token.",
		retryAfter: Number(decision.headers["Retry-After"]),
	});
	return false;
}

async function subjectOf(options: AccessOptions, req: IncomingMessage): Promise<Subject | Refusal> {
	const token = req.headers[API_KEY_HEADER];
	const address = () =>
		clientKey(req.socket.remoteAddress, req.headers["x-forwarded-for"], options.trustedProxies);
	// moleculer-web has made `url` relative to the route by now; the path as sent is `originalUrl`.
	const path = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? "";
	if (DOCUMENT_PATHS.test(path))
		return { name: `documents:${address()}`, limit: options.documentLimit };
	if (token === undefined) return { name: `address:${address()}`, limit: options.anonymousLimit };
	const given = [token].flat().join(",").trim();
	let record;
	try {
		record = given ? await options.store.findKey(keyHash(given)) : null;
	} catch (err) {
		options.warn(`API key not checked (store unreachable): ${(err as Error).message}`);
		return unavailable();
	}
	if (!record)
		return {
			status: 401,
			type: "INVALID_API_KEY",
			message:
				"The X-Auth-Token header holds no valid API key (unknown or revoked). Send a valid key, or none for the anonymous limit.",
		};
	return { name: `key:${record.id}`, limit: record.limit };
}

function unavailable(): Refusal {
	return {
		status: 503,
		type: "SERVICE_UNAVAILABLE",
		message: "API keys cannot be checked right now; try again shortly.",
		retryAfter: 5,
	};
}
