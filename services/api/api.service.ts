// api: the HTTP gateway (moleculer-web). Maps the public routes to actions; its one verb is
// moleculer-web's `rest`. Nothing else (sync's feed, $node.*) is reachable from outside.
// Around the routes: security headers, per-client rate limits, CORS by configuration, the
// OpenAPI document and its docs page, the dashboard (static files) and its cluster view, health,
// Prometheus metrics and the admin route.
import type { IncomingMessage, ServerResponse } from "node:http";
import { timingSafeEqual } from "node:crypto";
import type { Context, ServiceBroker, ServiceSchema } from "moleculer";
import ApiGateway, { type ApiSettingsSchema } from "moleculer-web";
import { ACTIONS, emitEvent, EVENTS } from "../../contracts";
import { config } from "../../platform/config";
import { type ClusterView, readClusterView, sharedFor } from "./cluster-view";
import { assetReply, type AssetTable, INDEX, loadAssets } from "./dashboard/assets";
import { docsPage } from "./docs-page";
import { toHttpError, type HttpError } from "./http-errors";
import { buildOpenApi, PARAMS_BY_ACTION } from "./openapi";
import { prometheusText, type MetricSeries } from "./prometheus";
import { clientKey, RateLimiter } from "./rate-limit";
import { readinessOf } from "./readiness";
import { DEPRECATED_ROUTES, PUBLIC_ACTIONS, PUBLIC_ROUTES } from "./routes";
import { DASHBOARD_CONTENT_SECURITY_POLICY, requestIdFor, securityHeaders } from "./security";

/** What readiness waits for: every public route's action, and sync (every projection's source). */
const REQUIRED_ACTIONS = [...PUBLIC_ACTIONS, ACTIONS.syncChanges];
/** Where the dashboard is served (dashboardRoute below); `/` sends browsers there. */
const DASHBOARD_PATH = "/dashboard/";
/** Polling dashboards share one reading of the cluster per this many ms (each reading asks every node). */
const CLUSTER_VIEW_SHARED_MS = 1_000;
/** Probes and scrapers call these often from one address: they are not rate limited. */
const UNLIMITED_PATHS = /^\/(health|metrics)(\/|$|\?)/;

type Req = IncomingMessage & { $ctx?: Context; $service?: unknown; $params?: Record<string, unknown>; originalUrl?: string };
type Res = ServerResponse;

function send(res: Res, status: number, body: unknown, headers: Record<string, string> = {}, type = "application/json; charset=utf-8"): void {
	res.setHeader("Content-Type", type);
	for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
	res.writeHead(status);
	res.end(typeof body === "string" ? body : JSON.stringify(body));
}

function sendError(res: Res, error: HttpError): void {
	send(res, error.status, error.body, error.headers);
}

/** One of the dashboard's files, under the dashboard's stricter CSP; an unknown name is a 404 like any other. */
function sendAsset(req: Req, res: Res, assets: AssetTable, name: string): void {
	const reply = assetReply(assets, name, req.headers["if-none-match"]);
	if (!reply) return sendError(res, toHttpError({ code: 404 }));
	res.setHeader("Content-Security-Policy", DASHBOARD_CONTENT_SECURITY_POLICY);
	for (const [header, value] of Object.entries(reply.headers)) res.setHeader(header, value);
	res.writeHead(reply.status);
	res.end(reply.body);
}

function sameToken(given: string, expected: string): boolean {
	const a = Buffer.from(given);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

/** Connect-style middleware: counts the request against its client's window, or answers 429. */
function rateLimit(limiter: RateLimiter, trusted: ReadonlySet<string>) {
	return (req: Req, res: Res, next: () => void) => {
		if (UNLIMITED_PATHS.test(req.url ?? "")) return next();
		const decision = limiter.take(clientKey(req.socket.remoteAddress, req.headers["x-forwarded-for"], trusted));
		for (const [name, value] of Object.entries(decision.headers)) res.setHeader(name, value);
		if (decision.allowed) return next();
		sendError(res, toHttpError({ code: 429, status: 429 }));
	};
}

/**
 * Connect-style middleware: one access-log line per request, with its request id (the id every
 * call it causes carries, on every node: Moleculer passes ctx.requestID along). The query string
 * is left out: it holds what people search for.
 */
function accessLog(this: { logger: { info(...args: unknown[]): void } }, req: Req, res: Res, next: () => void): void {
	const started = process.hrtime.bigint();
	res.once("finish", () => {
		const ms = Number(process.hrtime.bigint() - started) / 1e6;
		const path = (req.originalUrl ?? req.url ?? "").split("?")[0];
		const requestId = String(res.getHeader("X-Request-ID") ?? "-");
		const line = `${req.method} ${path} ${res.statusCode} ${ms.toFixed(1)} ms requestId=${requestId}`;
		// As JSON, the same facts as fields a log store can query.
		if (config().logFormat === "json") this.logger.info({ requestId, method: req.method, path, status: res.statusCode, durationMs: Number(ms.toFixed(1)) }, line);
		else this.logger.info(line);
	});
	next();
}

/** Whether info lines are written at this level: below it, the access log would format lines only to drop them. */
function logsInfo(level: string): boolean {
	return ["info", "debug", "trace"].includes(level);
}

function corsSettings(origins: string[]): ApiSettingsSchema["cors"] {
	if (origins.length === 0) return undefined;
	return {
		origin: origins.includes("*") ? "*" : origins,
		methods: ["GET", "POST", "OPTIONS"],
		allowedHeaders: ["Authorization", "Content-Type", "X-Request-Id"],
		exposedHeaders: ["X-Request-ID", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy"],
		credentials: false,
		maxAge: 600,
	};
}

function gatewaySettings(): ApiSettingsSchema {
	const settings = config();
	const limiter = new RateLimiter({ limit: settings.rateLimit, windowMs: settings.rateLimitWindow });
	const openApi = buildOpenApi({
		routes: PUBLIC_ROUTES,
		paramsByAction: PARAMS_BY_ACTION,
		deprecated: Object.keys(DEPRECATED_ROUTES),
		admin: settings.adminToken !== null,
		version: "1.0.0",
	});
	const docs = docsPage("/api/openapi.json");
	const assets = loadAssets();
	let clusterView: (() => Promise<ClusterView>) | undefined;

	const publicRoute = {
		path: "/api",
		whitelist: PUBLIC_ACTIONS,
		aliases: {
			...PUBLIC_ROUTES,
			"GET /openapi.json"(_req: Req, res: Res) {
				send(res, 200, openApi);
			},
			"GET /docs"(_req: Req, res: Res) {
				send(res, 200, docs, {}, "text/html; charset=utf-8");
			},
			// Read-only: node ids, service versions, request rates and sync lags (see cluster-view.ts).
			async "GET /cluster"(this: { broker: ServiceBroker }, _req: Req, res: Res) {
				clusterView ??= sharedFor(CLUSTER_VIEW_SHARED_MS, () => readClusterView(this.broker));
				// moleculer-web does not wait for an alias function's promise: its failure is answered here.
				try {
					send(res, 200, await clusterView());
				} catch (err) {
					sendError(res, toHttpError(err));
				}
			},
		},
		mappingPolicy: "restrict" as const,
		autoAliases: false,
		onBeforeCall(_ctx: Context, _route: unknown, _req: Req, res: Res, alias?: { method?: string; fullPath?: string }) {
			// fullPath is the alias with the route's prefix: "/api/v1/results".
			const successor = alias ? DEPRECATED_ROUTES[`${alias.method} ${String(alias.fullPath).replace(/^\/api/, "")}`] : undefined;
			if (successor) {
				res.setHeader("Deprecation", "true");
				res.setHeader("Link", `<${successor}>; rel="successor-version"`);
			}
		},
		// The public routes read query strings only; a body is never parsed.
		bodyParsers: { json: false, urlencoded: false },
	};

	const opsRoute = {
		path: "",
		aliases: {
			// The site's root opens the dashboard.
			"GET /"(_req: Req, res: Res) {
				send(res, 302, "", { Location: DASHBOARD_PATH }, "text/plain; charset=utf-8");
			},
			"GET /health/live"(_req: Req, res: Res) {
				send(res, 200, { status: "live" });
			},
			"GET /health/ready"(this: { broker: { registry: { actions: { isAvailable(a: string): boolean } } } }, _req: Req, res: Res) {
				const report = readinessOf(this.broker.registry.actions, REQUIRED_ACTIONS);
				send(res, report.ready ? 200 : 503, { status: report.ready ? "ready" : "not ready", services: report.services }, report.ready ? {} : { "Retry-After": "5" });
			},
			"GET /metrics"(this: { broker: { metrics: { list(): unknown[] } } }, _req: Req, res: Res) {
				send(res, 200, prometheusText(this.broker.metrics.list() as MetricSeries[]), {}, "text/plain; version=0.0.4; charset=utf-8");
			},
		},
		mappingPolicy: "restrict" as const,
		autoAliases: false,
		bodyParsers: { json: false, urlencoded: false },
	};

	// The dashboard: a single page whose views are in the URL's hash, and its files. (A path of
	// its own: moleculer-web keeps one route per path, a second "" would replace the ops route.)
	const dashboardRoute = {
		path: "/dashboard",
		aliases: {
			// /dashboard and /dashboard/ (a trailing slash is optional in aliases).
			"GET /"(req: Req, res: Res) {
				sendAsset(req, res, assets, INDEX);
			},
			"GET /:asset"(req: Req, res: Res) {
				sendAsset(req, res, assets, String(req.$params?.asset ?? ""));
			},
		},
		mappingPolicy: "restrict" as const,
		autoAliases: false,
		bodyParsers: { json: false, urlencoded: false },
	};

	// Off unless ADMIN_TOKEN is set: then its routes exist (and refuse anyone without the token).
	const adminRoute = {
		path: "/api/admin",
		authorization: true,
		aliases: {
			async "POST /sync"(this: { broker: Parameters<typeof emitEvent>[0] }, req: Req, res: Res) {
				// Sync's one action is its feed: a sync is requested by its event, and happens later.
				await emitEvent(this.broker, EVENTS.syncRequested, { reason: "admin route" });
				send(res, 202, { status: "accepted", requestId: req.$ctx?.requestID ?? null });
			},
		},
		mappingPolicy: "restrict" as const,
		autoAliases: false,
		bodyParsers: { json: { limit: settings.maxBodyBytes, strict: true }, urlencoded: false },
	};

	return {
		port: settings.port,
		ip: settings.host,
		// RATE_LIMIT=0 switches limiting off.
		use: [securityHeaders, ...(logsInfo(settings.logLevel) ? [accessLog] : []), ...(settings.rateLimit > 0 ? [rateLimit(limiter, new Set(settings.trustProxy))] : [])],
		cors: corsSettings(settings.corsOrigins),
		// The request id: the client's when it is a plain token, else a new one (moleculer-web
		// would take any header text as it is).
		rootCallOptions(options: Record<string, unknown>, req: Req) {
			options.requestID = requestIdFor(req.headers["x-request-id"]);
		},
		// Errors are answered by onError below; moleculer-web's own logging of each request is noise.
		log4XXResponses: false,
		logRequest: "debug",
		logResponse: "debug",
		routes: settings.adminToken ? [publicRoute, adminRoute, opsRoute, dashboardRoute] : [publicRoute, opsRoute, dashboardRoute],
		onError(_req: Req, res: Res, err: unknown) {
			sendError(res, toHttpError(err));
		},
	} as unknown as ApiSettingsSchema;
}

const ApiService: ServiceSchema<ApiSettingsSchema> = {
	name: "api",
	mixins: [ApiGateway as unknown as Partial<ServiceSchema>],
	// moleculer-web also publishes route-management actions; the gateway's one verb is `rest`.
	// `rest` itself is never retried: it consumes its request (it rewrites req.url), so a retry
	// would answer 404. The calls it makes to services are retried, by the broker's policy.
	actions: { listAliases: false, addRoute: false, removeRoute: false, rest: { retryPolicy: { enabled: false } } },
	settings: gatewaySettings(),
	methods: {
		/** The admin route's check: `Authorization: Bearer <ADMIN_TOKEN>`, compared in constant time. */
		async authorize(_ctx: Context, _route: unknown, req: Req) {
			const expected = config().adminToken;
			const header = req.headers.authorization ?? "";
			const given = header.startsWith("Bearer ") ? header.slice(7).trim() : "";
			if (!expected || !given || !sameToken(given, expected)) {
				throw Object.assign(new Error("unauthorised"), { status: 401 });
			}
		},
	},
};

export default ApiService;
