// Broker options for every matchday node, from the configuration (see README, "Configuration").
import type { BrokerOptions } from "moleculer";
import { config } from "./platform/config";
import { FaultInjectionMiddleware, parseFaultSettings } from "./platform/middlewares/fault-injection";

const { nodeId, namespace, transporter, logLevel, logFormat, requestTimeout, faultInjection } = config();

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
	retryPolicy: { enabled: true, retries: 3, delay: 100, maxDelay: 1000, factor: 2, check: err => Boolean((err as { retryable?: boolean }).retryable) },
	// Let in-flight calls finish before a node leaves.
	tracking: { enabled: true, shutdownTimeout: 5000 },
	registry: { strategy: "RoundRobin", preferLocal: true },
	validator: true,
	// Counters and histograms per action; sync adds its head and each consumer's lag.
	metrics: { enabled: true },
	middlewares: faultInjection ? [FaultInjectionMiddleware(parseFaultSettings(faultInjection))] : [],
};

export default brokerConfig;
