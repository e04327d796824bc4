// The gateway's front door: what every HTTP request meets before moleculer-web routes it, for the
// parts of HTTP that moleculer-web leaves out or gets wrong.
// - Security headers and the request id, on every answer (those made here included).
// - HEAD is GET without the body (moleculer-web answers 404 to HEAD on GET routes).
// - OPTIONS that is not a CORS preflight answers 204 with `Allow` (moleculer-web runs the GET
//   action for it); a method a path does not have answers 405 with `Allow`, not 404.
// - A request from the server's own origin is not a cross-origin one: its `Origin` header is
//   set aside before moleculer-web's CORS check, which would refuse it when CORS_ORIGINS is set.
// - Bodies are compressed as Accept-Encoding allows, and a revalidation's If-None-Match is read
//   without the encoding suffix of a compressed answer's ETag (compression.ts).
// - The access check (API keys, rate limits) and the access log run here, for every request, and
//   then the gateway's response cache may answer before moleculer-web: a cached answer is
//   counted and logged like any other, and costs no broker context.
import type { IncomingMessage, ServerResponse } from "node:http";
import { body, type HttpError } from "./errors";
import { etagWithoutEncoding, finishBodies, negotiateEncoding } from "./compression";
import { sendError } from "./reply";
import { requestIdFor, SECURITY_HEADERS } from "./security";

/** What moleculer-web knows of an alias: its method (`*` for any) and a matcher of its path. */
export interface AliasLike {
	method: string;
	match(url: string): unknown;
}

export interface FrontDoorOptions {
	/** moleculer-web's aliases as they stand now (they change when routes are learnt). */
	aliases: () => readonly AliasLike[];
	/** Whether CORS is on: then an OPTIONS with Access-Control-Request-Method is a preflight for moleculer-web. */
	cors: boolean;
	/** Bodies shorter than this are sent as they are. */
	compressionThreshold: number;
	/** Whether the request may go on (false: it has been answered, refused). */
	admit?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
	/** May answer the request itself (true) before moleculer-web sees it. */
	answer?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

/** The path as moleculer-web matches it: no query, no trailing slash. */
export function routePath(url: string | undefined): string {
	const path = (url ?? "/").split("?")[0];
	return path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path;
}

/** The methods the routes give a path, HEAD with GET and OPTIONS with any; empty when no route has the path. */
export function methodsAt(aliases: readonly AliasLike[], path: string): string[] {
	const methods = new Set<string>();
	for (const alias of aliases) {
		if (!alias.match(path)) continue;
		if (alias.method === "*")
			return ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
		methods.add(alias.method);
	}
	if (methods.size === 0) return [];
	if (methods.has("GET")) methods.add("HEAD");
	methods.add("OPTIONS");
	return [...methods];
}

/** Whether `Origin` names this very server, as the client reached it (`Host`). */
export function isOwnOrigin(req: IncomingMessage): boolean {
	const origin = req.headers.origin;
	const host = req.headers.host;
	if (!origin || !host) return false;
	const secure = "encrypted" in req.socket && Boolean(req.socket.encrypted);
	const forwarded = String(req.headers["x-forwarded-proto"] ?? "")
		.split(",")[0]
		.trim();
	const schemes = new Set([secure ? "https" : "http", ...(forwarded ? [forwarded] : [])]);
	return [...schemes].some(
		scheme => origin.toLowerCase() === `${scheme}://${host}`.toLowerCase(),
	);
}

/** Requests that came as HEAD (and go on as GET): an answer that never ends (a stream) ends at its headers. */
export const HEAD_REQUESTS = new WeakSet<IncomingMessage>();

/** The answer to a method a path does not have. */
export function methodNotAllowed(method: string, allowed: string[]): HttpError {
	return {
		status: 405,
		headers: { Allow: allowed.join(", ") },
		body: body(
			405,
			"METHOD_NOT_ALLOWED",
			`This route does not take ${method}; it takes ${allowed.join(", ")}.`,
		),
	};
}

/** The request handler to put in front of moleculer-web's. */
export function frontDoor(next: Handler, options: FrontDoorOptions): Handler {
	return (req, res) => {
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
		// One id for the request, whoever answers it; moleculer-web reads the header again.
		const requestId = requestIdFor(req.headers["x-request-id"]);
		req.headers["x-request-id"] = requestId;
		res.setHeader("X-Request-ID", requestId);
		finishBodies(
			res,
			negotiateEncoding(req.headers["accept-encoding"]),
			options.compressionThreshold,
		);
		const ifNoneMatch = req.headers["if-none-match"];
		if (ifNoneMatch)
			req.headers["if-none-match"] = ifNoneMatch
				.split(",")
				.map(etagWithoutEncoding)
				.join(",");
		if (isOwnOrigin(req)) delete req.headers.origin;

		const method = req.method ?? "GET";
		const preflight =
			method === "OPTIONS" && options.cors && req.headers["access-control-request-method"];
		if (method !== "GET" && !preflight) {
			const allowed = methodsAt(options.aliases(), routePath(req.url));
			// No route has the path: moleculer-web answers (404, in the API's error shape).
			if (allowed.length > 0) {
				if (method === "OPTIONS") {
					res.setHeader("Allow", allowed.join(", "));
					res.writeHead(204);
					return res.end();
				}
				if (!allowed.includes(method))
					return sendError(res, methodNotAllowed(method, allowed));
			}
			// Node leaves out the body of an answer to HEAD by itself: the rest is GET's path.
			if (method === "HEAD") {
				req.method = "GET";
				HEAD_REQUESTS.add(req);
			}
		}
		const onward = () => {
			if (!options.answer?.(req, res)) void next(req, res);
		};
		if (!options.admit) return onward();
		void options.admit(req, res).then(admitted => admitted && onward());
	};
}
