// The `/api` route: every public route the gateway has learnt from the registry (see
// http/public-routes.ts), the OpenAPI document built from them, the docs page and the cluster view.
// Rebuilt whenever the registry changes; moleculer-web replaces a route of the same path.
import type { Context, ServiceBroker } from "moleculer";
import { type ClusterView, readClusterView, sharedFor } from "../cluster-view";
import { type HttpCaching, keepAnswer } from "../http/cached-answers";
import { toHttpError } from "../http/errors";
import { API_PREFIX, type RouteBook } from "../http/public-routes";
import { type Req, type Res, send, sendError } from "../http/reply";
import { OPENAPI_PATH } from "../openapi/document";

/** Polling dashboards share one reading of the cluster per this many ms (each reading asks every node). */
const CLUSTER_VIEW_SHARED_MS = 1_000;

export interface PublicRouteParts {
	book: RouteBook;
	/** The OpenAPI document as it stands, serialised (rebuilt with the routes). */
	openApi: () => string;
	/** The docs page's aliases (its HTML and files). */
	docsAliases: Record<string, unknown>;
	/** The live stream's alias (live-route.ts). */
	liveAliases: Record<string, unknown>;
	/** ETags, Cache-Control and the gateway's response cache (http/cached-answers.ts). */
	caching: HttpCaching;
}

/** The public route's options for moleculer-web's addRoute. */
export function publicRoute(parts: PublicRouteParts): Record<string, unknown> {
	const { book, caching } = parts;
	const aliases: Record<string, unknown> = {};
	// moleculer-web's alias keys are "METHOD /path" relative to the route's own path.
	for (const route of book.all()) aliases[`${route.method} ${route.path}`] = route.action;
	let clusterView: (() => Promise<ClusterView>) | undefined;
	return {
		path: API_PREFIX,
		// Only the actions behind learnt routes can be called, whatever a request says.
		whitelist: book.actions(),
		aliases: {
			...aliases,
			[`GET ${OPENAPI_PATH}`](_req: Req, res: Res) {
				send(res, 200, parts.openApi());
			},
			...parts.docsAliases,
			...parts.liveAliases,
			// Read-only: node ids, service versions, request rates and sync lags (see cluster-view.ts).
			async "GET /cluster"(this: { broker: ServiceBroker }, _req: Req, res: Res) {
				clusterView ??= sharedFor(CLUSTER_VIEW_SHARED_MS, () =>
					readClusterView(this.broker),
				);
				// moleculer-web does not wait for an alias function's promise: its failure is answered here.
				try {
					send(res, 200, await clusterView());
				} catch (err) {
					sendError(res, toHttpError(err));
				}
			},
		},
		mappingPolicy: "restrict",
		autoAliases: false,
		onBeforeCall(
			ctx: Context,
			_route: unknown,
			_req: Req,
			res: Res,
			alias?: { action?: string },
		) {
			// While the gateway caches answers, the services' own cache is passed by: a replica that
			// has not yet heard of a change would hand back an answer the gateway then keeps.
			if (caching.cache.enabled) (ctx.meta as Record<string, unknown>).$cache = false;
			// A service declares its own deprecation; the link is to its successor's route, where served.
			const successor = alias?.action ? book.successorOf(alias.action) : undefined;
			if (successor === undefined) return;
			res.setHeader("Deprecation", "true");
			if (successor) res.setHeader("Link", `<${successor}>; rel="successor-version"`);
		},
		// Serialised here, once, for its ETag and the cache; sent as the text it is.
		onAfterCall(ctx: Context, _route: unknown, req: Req, res: Res, data: unknown) {
			if (req.method !== "GET" || data === null || typeof data !== "object") return data;
			(ctx.meta as Record<string, unknown>).$responseType = "application/json; charset=utf-8";
			return keepAnswer(caching, req, res, data);
		},
		// The public routes read query strings only; a body is never parsed.
		bodyParsers: { json: false, urlencoded: false },
	};
}
