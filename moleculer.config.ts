// Broker options for every matchday node, from the configuration (see README, "Configuration").
import type { BrokerOptions } from "moleculer";
import { config } from "./platform/config";
import { FaultInjectionMiddleware, parseFaultSettings } from "./platform/middlewares/fault-injection";

const { nodeId, namespace, transporter, logLevel, logFormat, requestTimeout, faultInjection, shutdownTimeout } = config();

const brokerConfig: BrokerOptions = {
	namespace,
	nodeID: nodeId,
	// No transporter: one process, local calls only (the embedded default of `npm start`).
	transporter: transporter ? { type: "NATS", options: { url: transporter } } : undefined,
	serializer: "JSON",
	logger: {
		type: logFormat === "json" ? "Pino" : "Console",
		options: { level: logLevel, ...(logFormat === "text" ? { formatter: "short", colors: process.stdout.isTTY } : {}) },
	},
	logLevel,
	requestTimeout,
	// Reads are idempotent, so a call that met a dead node is safe to retry elsewhere.
	retryPolicy: { enabled: false, retries: 3, delay: 100, maxDelay: 1000, factor: 2, check: err => Boolean((err as { retryable?: boolean }).retryable) },
	// Graceful stop (platform/node.ts on SIGTERM/SIGINT): the node first tells the cluster it
	// serves nothing, waits `stopDelay` for that news to travel, then refuses new requests with
	// a retryable error (callers retry on another node) and lets in-flight calls finish.
	tracking: { enabled: true, shutdownTimeout },
	registry: { strategy: "RoundRobin", preferLocal: true, stopDelay: 0 },
	// Signals are handled by platform/node.ts, once.
	skipProcessEventRegistration: true,
	validator: true,
	// Counters and histograms per action; sync adds its head and each consumer's lag.
	metrics: { enabled: true },
	middlewares: faultInjection ? [FaultInjectionMiddleware(parseFaultSettings(faultInjection))] : [],
};

export default brokerConfig;
