// HTTP caching of the public GET routes, in two steps around the call to the service:
// - before (in the front door, after the access check, so that a cached answer is still counted
//   and keyed like any other): a fresh entry of the response cache answers at once, 304 when
//   the client's If-None-Match names it; else the request takes a ticket and goes on;
// - after (the route's onAfterCall): the answer is serialised once, gets a strong ETag from its
//   bytes and `Cache-Control` from configuration, and is kept if its ticket is still good.
// Without the response cache (GATEWAY_CACHE_MB=0) the ETag and 304 still work, after the call.
import type { IncomingMessage, ServerResponse } from "node:http";
import { negotiateEncoding, etagWithEncoding } from "./compression";
import type { PublicRoute } from "./public-routes";
import {
	type CachedAnswer,
	cacheKey,
	ifNoneMatchHits,
	type ResponseCache,
	strongEtag,
	type Ticket,
} from "./response-cache";

export interface HttpCaching {
	cache: ResponseCache;
	/** `Cache-Control` of a cacheable answer. */
	cacheControl: string;
	/** Bodies at least this long are sent compressed when the client accepts it. */
	compressionThreshold: number;
	/** The public route a path is, if any (GET only). */
	routeAt(path: string): PublicRoute | undefined;
}

type CachingRequest = IncomingMessage & {
	originalUrl?: string;
	$cacheTicket?: Ticket;
};

/** `max-age` and `stale-while-revalidate` in seconds; both 0 asks clients to revalidate every time. */
export function cacheControlOf(maxAge: number, staleWhileRevalidate: number): string {
	return `public, max-age=${maxAge}, stale-while-revalidate=${staleWhileRevalidate}`;
}

/** The route-relative URL and the query moleculer-web leaves on the request, as one cache key. */
function keyOf(req: CachingRequest): { path: string; key: string } {
	const url = req.originalUrl ?? req.url ?? "/";
	const mark = url.indexOf("?");
	const rawPath = mark === -1 ? url : url.slice(0, mark);
	const path = rawPath.length > 1 && rawPath.endsWith("/") ? rawPath.slice(0, -1) : rawPath;
	return { path, key: cacheKey(path, mark === -1 ? "" : url.slice(mark + 1)) };
}

function answerFromCache(
	caching: HttpCaching,
	key: string,
	answer: CachedAnswer,
	req: IncomingMessage,
	res: ServerResponse,
): void {
	res.setHeader("Content-Type", "application/json; charset=utf-8");
	res.setHeader("Cache-Control", caching.cacheControl);
	res.setHeader("X-Cache", "HIT");
	for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
	if (ifNoneMatchHits(req.headers["if-none-match"], answer.etag)) {
		res.setHeader("ETag", answer.etag);
		res.statusCode = 304;
		return void res.end();
	}
	const encoding =
		answer.body.length >= caching.compressionThreshold
			? negotiateEncoding(req.headers["accept-encoding"])
			: undefined;
	const body = encoding ? caching.cache.encoded(key, encoding) : undefined;
	res.statusCode = 200;
	if (encoding && body) {
		res.setHeader("Content-Encoding", encoding);
		res.setHeader("ETag", etagWithEncoding(answer.etag, encoding));
		return void res.end(body);
	}
	res.setHeader("ETag", answer.etag);
	res.end(answer.body);
}

/** The step before the call: answers from the cache (true), or gives the request its ticket. */
export function cachedAnswers(caching: HttpCaching) {
	return (req: CachingRequest, res: ServerResponse): boolean => {
		// A cross-origin request goes the whole way: moleculer-web checks and writes CORS, and a
		// cached answer must not step around that check.
		if (req.method !== "GET" || !caching.cache.enabled || req.headers.origin) return false;
		const { path, key } = keyOf(req);
		const route = caching.routeAt(path);
		if (!route) return false;
		const answer = caching.cache.lookup(key);
		if (answer) {
			answerFromCache(caching, key, answer, req, res);
			return true;
		}
		req.$cacheTicket = caching.cache.ticket(key, route.service);
		return false;
	};
}

/** Headers a route sets of its own, kept with its answer. */
const ROUTE_HEADERS = ["Deprecation", "Link"];

/** After the call: the answer as bytes with its ETag and Cache-Control, kept if its ticket still holds. */
export function keepAnswer(
	caching: HttpCaching,
	req: CachingRequest,
	res: ServerResponse,
	data: unknown,
): string {
	const body = JSON.stringify(data);
	const etag = strongEtag(body);
	res.setHeader("ETag", etag);
	res.setHeader("Cache-Control", caching.cacheControl);
	const ticket = req.$cacheTicket;
	if (ticket) {
		const headers: Record<string, string> = {};
		for (const name of ROUTE_HEADERS) {
			const value = res.getHeader(name);
			if (typeof value === "string") headers[name] = value;
		}
		caching.cache.store(ticket, {
			service: ticket.service,
			etag,
			body: Buffer.from(body),
			headers,
		});
		res.setHeader("X-Cache", "MISS");
	}
	return body;
}
