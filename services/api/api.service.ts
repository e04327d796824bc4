// api: the HTTP gateway (moleculer-web); its one verb is moleculer-web's `rest`. It serves the
// public routes the live cluster announces (http/public-routes.ts) and documents them at run
// time (openapi/), and around them: security headers, request ids, rate limits, CORS by
// configuration, one error shape (http/), the docs page, the dashboard, the cluster view,
// health, metrics and the admin route (routes/). Settings come from the node's configuration
// when the service is made; nothing is read at import time.
import type { Server } from "node:http";
import type { Context, ServiceSchema } from "moleculer";
import ApiGateway, { type ApiSettingsSchema } from "moleculer-web";
import {
	EVENTS,
	FEED_ACTION,
	GATEWAY_METRICS,
	nodeConfig,
	type NodeConfig,
	type ProjectionUpdatedPayload,
	projectionUpdatedSchema,
} from "../../contracts";
import { accessLog, logsInfo } from "./http/access-log";
import { hasAdminToken } from "./http/admin-token";
import { corsSettings } from "./http/cors";
import { answerClientError } from "./http/client-errors";
import { body, type HttpError, toHttpError } from "./http/errors";
import {
	type AliasLike,
	frontDoor,
	type FrontDoorOptions,
	methodNotAllowed,
	methodsAt,
	routePath,
} from "./http/front-door";
import {
	type AnnouncedService,
	publicRoutesOf,
	type RefusedDeclaration,
	RouteBook,
} from "./http/public-routes";
import { gatewayAccess, type Refusal } from "./http/gateway-access";
import { type GatewayStore, gatewayStoreFor } from "../../storage/gateway-store";
import { RateLimiter } from "./http/rate-limit";
import { type Req, type Res, sendError } from "./http/reply";
import { requestIdFor } from "./http/security";
import { cacheControlOf, cachedAnswers, type HttpCaching } from "./http/cached-answers";
import { ResponseCache } from "./http/response-cache";
import { buildOpenApi } from "./openapi/document";
import { LiveStreams } from "./http/live-streams";
import { adminRoute } from "./routes/admin-route";
import { liveAliases } from "./routes/live-route";
import { DASHBOARD_PATH, dashboardRoute } from "./routes/dashboard-route";
import { docsAliases } from "./routes/docs-route";
import { opsRoute } from "./routes/ops-route";
import { publicRoute } from "./routes/public-route";

/** The service the live stream reads (services/live). */
const LIVE_SERVICE = "v1.live";

/** The API's version, shown in the OpenAPI document. */
const API_VERSION = "1.0.0";
/**
 * Other nodes answer a joining node's discovery within milliseconds: the gateway waits this long
 * before it calls itself started (and ready), so that its first answers know the cluster's routes.
 */
const DISCOVERY_SETTLE_MS = 1_000;

interface GatewayVars {
	book: RouteBook;
	/** The OpenAPI document as served, serialised when the routes last changed. */
	openApiJson?: string;
	warned: Set<string>;
	/** Past the discovery settle time: readiness may say yes. */
	discovered: boolean;
	admin: boolean;
	/** API keys and rate-limit windows: this gateway's memory, or Redis shared by all gateways. */
	store: GatewayStore;
	caching: HttpCaching;
	/** The live streams this gateway serves (GET /api/v1/live). */
	live: LiveStreams;
}

interface GatewayMethods {
	learnRoutes(): void;
	reportServiceNodes(): void;
	warnOnce(message: string): void;
	authorize(ctx: Context, route: unknown, req: Req): Promise<void>;
	addRoute(options: Record<string, unknown>, toBottom?: boolean): unknown;
}

/** The response for a request the gateway's access check refuses. */
function refusalError(refusal: Refusal): HttpError {
	const headers: Record<string, string> =
		refusal.retryAfter === undefined ? {} : { "Retry-After": String(refusal.retryAfter) };
	return {
		status: refusal.status,
		headers,
		body: body(refusal.status, refusal.type, refusal.message),
	};
}

/** What the gateway reads of moleculer-web's own state. */
interface WebService {
	aliases: AliasLike[];
	resolveAlias(url: string, method: string): { alias: { action?: string } } | false;
	server: Server;
	httpHandler: (req: Req, res: Res) => unknown;
}

/** What a request sent for a parameter: its query string as parsed (the validator converts `$params` in place), else its path. */
function sentBy(req: Req): (field: string) => unknown {
	const query = (req as Req & { query?: Record<string, unknown> }).query ?? {};
	return field => (field in query ? query[field] : req.$params?.[field]);
}

/** A path that no route of this method has, but routes of other methods do: 405 with `Allow`, not 404. */
function withAllowedMethods(req: Req, error: HttpError, web: WebService): HttpError {
	if (error.status !== 404 || error.body.error.type !== "NOT_FOUND") return error;
	const allowed = methodsAt(web.aliases, routePath(req.originalUrl ?? req.url));
	return allowed.length === 0 ? error : methodNotAllowed(req.method ?? "GET", allowed);
}

/** ETags, Cache-Control and the response cache, from configuration; `routeAt` asks moleculer-web's aliases. */
function httpCaching(web: WebService, book: RouteBook, config: NodeConfig): HttpCaching {
	return {
		cache: new ResponseCache({
			maxBytes: config.gatewayCacheMb * 1024 * 1024,
			ttlMs: config.cacheTtl * 1000,
			// On a bus, opened once the cluster knows this gateway hears invalidations ($broker.started).
			closed: true,
		}),
		cacheControl: cacheControlOf(config.httpMaxAge, config.httpStaleWhileRevalidate),
		compressionThreshold: config.compressionThreshold,
		routeAt(path) {
			const found = web.resolveAlias(path, "GET");
			const action = found ? found.alias.action : undefined;
			return action ? book.routeOf(action) : undefined;
		},
	};
}

/** The access log (at info and below) and the access check, as one step of the front door. */
function admission(
	config: NodeConfig,
	store: GatewayStore,
	logger: { info(...args: unknown[]): void; warn(message: string): void },
): (req: Req, res: Res) => Promise<boolean> {
	const log = logsInfo(config.logLevel) ? accessLog(config.logFormat) : undefined;
	const access = gatewayAccess({
		store,
		limiter: new RateLimiter(store, config.rateLimitWindow),
		// RATE_LIMIT=0 switches the anonymous limit off.
		anonymousLimit: config.rateLimit,
		documentLimit: config.documentRateLimit,
		trustedProxies: new Set(config.trustProxy),
		refuse: (res, refusal) => sendError(res, refusalError(refusal)),
		warn: throttled(message => logger.warn(message)),
	});
	return (req, res) =>
		new Promise(resolve => {
			log?.call({ logger }, req, res, () => undefined);
			// A refusal answers and never calls on: its end settles the question.
			res.once("close", () => resolve(false));
			access(req, res, () => resolve(true));
		});
}

/** Puts the front door before moleculer-web's handler, and answers what Node refuses in the API's shape. */
function openFrontDoor(web: WebService, parts: Omit<FrontDoorOptions, "aliases">): void {
	const handler = web.httpHandler;
	web.server.removeAllListeners("request");
	web.server.on("request", frontDoor(handler, { ...parts, aliases: () => web.aliases }));
	web.server.on("clientError", answerClientError);
}

/** A warning at most every 10 s: while the store is away, every request would repeat it. */
function throttled(warn: (message: string) => void): (message: string) => void {
	let last = 0;
	return message => {
		if (Date.now() - last < 10_000) return;
		last = Date.now();
		warn(message);
	};
}

/** moleculer-web's settings for this node: the fixed routes (the public one is added as learnt). */
function gatewaySettings(settings: NodeConfig, store: GatewayStore): ApiSettingsSchema {
	return {
		port: settings.port,
		ip: settings.host,
		// Security headers, the request id, the access log and the access check are the front
		// door's (http/front-door.ts): they run before moleculer-web, for every request.
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
		routes: [
			...(settings.adminToken
				? [
						adminRoute({
							maxBodyBytes: settings.maxBodyBytes,
							store,
							defaultKeyLimit: settings.apiKeyLimit,
						}),
					]
				: []),
			opsRoute(DASHBOARD_PATH),
			dashboardRoute(),
		],
		onError(req: Req, res: Res, err: unknown) {
			sendError(
				res,
				withAllowedMethods(
					req,
					toHttpError(err, sentBy(req)),
					this as unknown as WebService,
				),
			);
		},
	} as unknown as ApiSettingsSchema;
}

const ApiService: ServiceSchema<ApiSettingsSchema, GatewayMethods, GatewayVars> = {
	name: "api",
	mixins: [ApiGateway as unknown as Partial<ServiceSchema>],
	metadata: { deployment: { replicas: 1 } },
	// moleculer-web also publishes route-management actions; the gateway's one verb is `rest`.
	// `rest` itself is never retried: it consumes its request (it rewrites req.url), so a retry
	// would answer 404. The calls it makes to services are retried, by the broker's policy.
	actions: {
		listAliases: false,
		addRoute: false,
		removeRoute: false,
		rest: { retryPolicy: { enabled: false } },
	},

	// moleculer-web reads its settings as the service is created: they are made here, from this
	// node's configuration, rather than when the module is imported.
	merged(schema) {
		// Over moleculer-web's defaults (merged in from the mixin), never instead of them.
		const config = nodeConfig(this.broker);
		const store = gatewayStoreFor(config.gatewayStore);
		(this as unknown as GatewayVars).store = store;
		schema.settings = {
			...(schema.settings as object),
			...gatewaySettings(config, store),
		};
	},

	events: {
		// Every service of this node has started. Other nodes learn which events a node listens
		// for from its INFO packet, which Moleculer sends a second after the last service starts
		// (its debounce): a change broadcast within that second would pass this gateway by, and an
		// answer kept meanwhile would outlive it. So the node announces itself now, and only then
		// does the response cache open.
		async "$broker.started"() {
			if (this.broker.transit) await this.broker.registry.discoverer.sendLocalNodeInfo();
			this.caching.cache.open();
		},
		// A node came or went, or announced new services: learn the routes it brings.
		"$services.changed"() {
			this.learnRoutes();
			this.reportServiceNodes();
			// A route whose service has no node answers 503, as documented, not from the cache.
			for (const route of this.book.all())
				if (!this.broker.registry.actions.isAvailable(route.action))
					this.caching.cache.invalidate(route.service);
		},
		// Some projection applied changes: the answers of its service are stale (every gateway hears it).
		[EVENTS.projectionUpdated]: {
			params: projectionUpdatedSchema,
			handler(ctx: Context<ProjectionUpdatedPayload>) {
				this.caching.cache.invalidate(ctx.params.consumer);
				if (ctx.params.consumer === LIVE_SERVICE) this.live.changed();
			},
		},
	},

	methods: {
		/**
		 * How many nodes serve each service behind a public route (and sync), as a gauge: the
		 * gateway sees the whole registry, so its metrics say when a public service has no node
		 * left (deploy/prometheus/alerts.yml), and how many of each version run.
		 */
		reportServiceNodes() {
			if (!this.broker.isMetricsEnabled()) return;
			const catalog = this.broker.registry.actions as unknown as {
				get(action: string): { endpoints: Array<{ isAvailable: boolean }> } | undefined;
			};
			for (const action of [...this.book.actions(), FEED_ACTION]) {
				const nodes =
					catalog.get(action)?.endpoints.filter(ep => ep.isAvailable).length ?? 0;
				this.broker.metrics.set(GATEWAY_METRICS.serviceNodes, nodes, {
					service: action.replace(/\.[^.]+$/, ""),
				});
			}
		},

		/** Reads the registry, remembers the public routes it announces, and rebuilds the /api route and the document if they changed. */
		learnRoutes() {
			const announced = this.broker.registry.getServiceList({
				withActions: true,
			}) as unknown as AnnouncedService[];
			const unservable: RefusedDeclaration[] = [];
			const { changed, added, refused } = this.book.learn(
				publicRoutesOf(announced, unservable),
			);
			for (const { action, reason } of unservable)
				this.warnOnce(`${action} is not served: ${reason}.`);
			for (const route of refused)
				this.warnOnce(
					`${route.action} may not take ${route.method} /api${route.path}: another action serves it.`,
				);
			if (!changed && this.openApiJson) return;
			try {
				const document = buildOpenApi({
					routes: this.book.all(),
					admin: this.admin,
					version: API_VERSION,
					onConflict: (name, action) =>
						this.warnOnce(
							`${action} documents a schema "${name}" unlike another service's; the first is kept.`,
						),
					onSkip: (action, reason) =>
						this.warnOnce(`${action} is left out of the API document: ${reason}.`),
				});
				// Serialised once per change, not per request.
				const json = JSON.stringify(document);
				this.addRoute(
					publicRoute({
						book: this.book,
						openApi: () => json,
						docsAliases: docsAliases(),
						liveAliases: liveAliases(
							this.live,
							new Set(nodeConfig(this.broker).trustProxy),
						),
						caching: this.caching,
					}),
					false,
				);
				// What the routes answered may have changed shape with them.
				this.caching.cache.clear();
				this.openApiJson = json;
			} catch (err) {
				// The routes served so far stay as they are; the next change of the registry tries again.
				this.logger.error(
					"The public routes could not be rebuilt; the previous ones are kept.",
					err,
				);
				return;
			}
			if (added.length > 0)
				this.logger.info(
					`New public routes: ${added.map(route => `${route.method} /api${route.path} → ${route.action}`).join(", ")}.`,
				);
		},

		/** Says a thing once per gateway: the registry changes often, and each change would repeat it. */
		warnOnce(message: string) {
			if (this.warned.has(message)) return;
			this.warned.add(message);
			this.logger.warn(message);
		},

		/** The admin route's check: `Authorization: Bearer <ADMIN_TOKEN>`, compared in constant time. */
		async authorize(_ctx: Context, _route: unknown, req: Req) {
			if (!hasAdminToken(req.headers.authorization, nodeConfig(this.broker).adminToken)) {
				throw Object.assign(new Error("unauthorised"), { status: 401 });
			}
		},
	},

	created() {
		this.book = new RouteBook();
		this.warned = new Set();
		this.discovered = false;
		this.admin = nodeConfig(this.broker).adminToken !== null;
		// moleculer-web has made its server by now (its created hook runs before this one).
		const config = nodeConfig(this.broker);
		if (this.broker.isMetricsEnabled())
			this.broker.metrics.register({
				type: "gauge",
				name: GATEWAY_METRICS.serviceNodes,
				description:
					"Nodes serving each service behind a public route, as this gateway's registry sees them",
				labelNames: ["service"],
			});
		this.caching = httpCaching(this as unknown as WebService, this.book, config);
		this.live = new LiveStreams({
			read: params => this.broker.call(`${LIVE_SERVICE}.since`, params),
			heartbeatMs: config.liveHeartbeat * 1000,
			maxStreams: config.liveMaxStreams,
			maxPerClient: config.liveMaxStreamsPerClient,
			warn: message => this.logger.warn(message),
		});
		openFrontDoor(this as unknown as WebService, {
			cors: config.corsOrigins.length > 0,
			compressionThreshold: config.compressionThreshold,
			admit: admission(config, this.store, this.logger),
			answer: cachedAnswers(this.caching),
		});
	},

	async started() {
		// A store that is away now is not fatal: counting fails open and keyed requests get 503 until it is back.
		await this.store
			.connect()
			.catch(err =>
				this.logger.warn(
					`The gateway store (${nodeConfig(this.broker).gatewayStore === "memory" ? "memory" : "Redis"}) is not reachable yet: ${(err as Error).message}`,
				),
			);
		if (this.broker.transit) await new Promise(done => setTimeout(done, DISCOVERY_SETTLE_MS));
		this.learnRoutes();
		this.reportServiceNodes();
		this.discovered = true;
	},

	async stopped() {
		// Clients reconnect (to another gateway) with Last-Event-ID and miss nothing.
		this.live.closeAll();
		await this.store.close();
	},
};

export default ApiService;
