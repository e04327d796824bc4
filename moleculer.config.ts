// Broker options for every matchday node, from the configuration (docs/operations.md, "Configuration").
import type { BrokerOptions } from "moleculer";
import { config } from "./platform/config";
import { natsOptions } from "./platform/nats";
import { paramsValidator } from "./platform/validator";
import { tracingOptions } from "./platform/tracing";
import { DetachedDefinitionsMiddleware } from "./platform/middlewares/detached-definitions";
import {
	FaultInjectionMiddleware,
	parseFaultSettings,
} from "./platform/middlewares/fault-injection";

const settings = config();
const {
	nodeId,
	namespace,
	transporter,
	logLevel,
	logFormat,
	requestTimeout,
	faultInjection,
	shutdownTimeout,
	tracing,
	cacher,
	cacheTtl,
	serializer,
	balancer,
} = settings;

function isRetryable(err: Error): boolean {
	return (
		Boolean((err as { retryable?: boolean }).retryable) && err.name !== "RequestTimeoutError"
	);
}

/** List actions are cached per node (memory) or shared (Redis); projections clear their entries when they change. */
function cacherOptions(): BrokerOptions["cacher"] {
	if (cacher === "off") return undefined;
	if (cacher === "memory") return { type: "Memory", options: { ttl: cacheTtl, clone: false } };
	// ioredis takes the URL as it is (its typings in Moleculer only show the options object).
	return {
		type: "Redis",
		options: {
			ttl: cacheTtl,
			prefix: `${namespace}-cache`,
			redis: cacher as unknown as Record<string, unknown>,
		},
	};
}

const brokerConfig: BrokerOptions = {
	namespace,
	nodeID: nodeId,
	// No transporter: one process, local calls only (the embedded default of `npm start`).
	transporter: transporter
		? { type: "NATS", options: natsOptions(transporter, settings.natsAuth) }
		: undefined,
	// JSON unless SERIALIZER says otherwise (`npm run bench -- --hop` measures each of them).
	serializer,
	// With BALANCER=nats, NATS queue groups pick the node of a call instead of Moleculer's strategy.
	disableBalancer: balancer === "nats",
	logger: {
		type: logFormat === "json" ? "Pino" : "Console",
		options: {
			level: logLevel,
			...(logFormat === "text" ? { formatter: "short", colors: process.stdout.isTTY } : {}),
		},
	},
	logLevel,
	requestTimeout,
	// Reads are idempotent, so a call that met a node on its way out (or gone) is safe to retry
	// elsewhere. Timeouts are not retried: a slow service would get the same work again, x4.
	retryPolicy: {
		enabled: true,
		retries: 6,
		delay: 100,
		maxDelay: 2000,
		factor: 2,
		check: isRetryable,
	},
	// Graceful stop (platform/node.ts on SIGTERM/SIGINT): the node first tells the cluster it
	// serves nothing, then (stopDelay 0: no wait) refuses new requests with a retryable error
	// (callers retry on another node) and lets in-flight calls finish, up to shutdownTimeout.
	tracking: { enabled: true, shutdownTimeout },
	registry: { strategy: "RoundRobin", preferLocal: true, stopDelay: 0 },
	// A node that dies without a goodbye (SIGKILL, a lost machine) is counted gone once it has
	// missed its heartbeats for heartbeatTimeout (checked as often): the calls still waiting on it
	// are then rejected with a retryable error and retried on another node (retryPolicy above),
	// and no new call goes to it. Moleculer's defaults (10 s and 30 s) let such calls time out.
	heartbeatInterval: settings.heartbeatInterval,
	heartbeatTimeout: settings.heartbeatTimeout,
	// Signals are handled by platform/node.ts, once.
	skipProcessEventRegistration: true,
	validator: paramsValidator(),
	// Counters and histograms per action; sync adds its head and each consumer's lag. Always on:
	// besides /metrics, sync's operator view (head, each consumer's checkpoint) is its gauges.
	metrics: { enabled: true },
	// One trace per request (gateway → service → feed): to the log (TRACING=console), or to
	// Zipkin, Jaeger or an OTLP collector at TRACING_ENDPOINT (platform/tracing.ts).
	tracing: tracingOptions(tracing, settings.tracingEndpoint),
	cacher: cacherOptions(),
	middlewares: [
		// Whole definitions for the other nodes (platform/middlewares/detached-definitions.ts).
		DetachedDefinitionsMiddleware(),
		...(faultInjection ? [FaultInjectionMiddleware(parseFaultSettings(faultInjection))] : []),
	],
};

// What services read of the configuration (contracts/node-config.ts): they never import platform/.
// Not enumerable: `$node.options`, which any node of the cluster may call, answers the broker's
// options as JSON, and this holds the admin token and the bus credentials.
Object.defineProperty(brokerConfig, "matchday", { value: settings, enumerable: false });

export default brokerConfig;
