// Starts one matchday node: a broker with the services named by SERVICES (all by default).
// `npm start` runs it with nothing configured: every service in one process, in memory.
import type { Server } from "node:http";
import { type BrokerOptions, ServiceBroker } from "moleculer";
import { config, ConfigError } from "./config";
import { checkNatsCredentials, natsOptions, redactedUrl } from "./nats";
import { discoverServices, loadService, selectServices, UnknownServiceError } from "./discovery";
import { startHealthServer } from "./health";

async function main(): Promise<void> {
	const settings = config();
	const selected = selectServices(discoverServices(), settings.services);
	const names = selected.map(entry => entry.fullName);
	// A node NATS would refuse says so and stops, rather than retrying for ever (Moleculer's way).
	if (settings.transporter)
		await checkNatsCredentials(natsOptions(settings.transporter, settings.natsAuth));
	// Required here, not imported: the broker's options read the configuration, and a bad value
	// must reach the message below rather than fail the import.
	const brokerConfig = (require("../moleculer.config") as { default: BrokerOptions }).default;
	const broker = new ServiceBroker(brokerConfig);
	for (const entry of selected) broker.createService(loadService(entry));

	let stopping = false;
	let health: Server | undefined;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		broker.logger.info(
			`${signal} received: leaving the cluster (in-flight calls finish first).`,
		);
		// broker.stop(): announce no services, refuse new calls (retryable), finish in-flight ones,
		// stop services (stores disconnect), leave the transporter.
		broker.stop().then(
			() => {
				health?.close();
				process.exit(0);
			},
			err => {
				broker.logger.error("Stopping failed", err);
				process.exit(1);
			},
		);
	};
	// Moleculer's own process handlers are off (skipProcessEventRegistration): a stray rejection is
	// logged here instead of ending the node.
	process.on("unhandledRejection", reason => broker.logger.error("Unhandled rejection", reason));
	process.on("SIGTERM", () => stop("SIGTERM"));
	process.on("SIGINT", () => stop("SIGINT"));

	// Up before the broker: /live answers during a long start, /ready only once it is done.
	if (settings.healthPort > 0)
		health = await startHealthServer(broker, settings.healthPort, settings.host);
	await broker.start();
	retryCallsLostInAnOutage(broker);
	broker.logger.info(
		`Node ${broker.nodeID} runs ${names.join(", ")}${settings.transporter ? ` on ${redactedUrl(settings.transporter)}` : " in one process"}; store: ${settings.mongoUri ? "MongoDB" : "in memory"}.`,
	);
	if (names.includes("api")) printUrls(settings.host, settings.port);
}

function printUrls(host: string, port: number): void {
	const api = `http://${host === "0.0.0.0" ? "localhost" : host}:${port}/api`;
	const base = `${api}/v1`;
	console.log(
		[
			"",
			"matchday is up. Try:",
			`  curl '${base}/players?team=argentina'`,
			`  curl '${base}/players?q=yildiz'`,
			`  curl '${base}/competitions'`,
			`  curl '${base}/teams?competition=PL&season=2024'`,
			`  curl '${base}/results?competition=WC&season=2022&pageSize=1'`,
			`  curl '${base}/standings?competition=PL&season=2024&pageSize=1'`,
			`  curl '${base}/scorers?competition=WC&season=2022&pageSize=3'`,
			`  curl '${api}/v2/matches/wc-2022-final-argentina-france'`,
			"",
		].join("\n"),
	);
}

/**
 * When the bus comes back after an outage, the answers to calls sent before it may be lost with
 * it: rather than wait for each to time out, reject them now with a retryable error, and the
 * retry policy sends them again on the bus that is back. Reads are idempotent, so a call that had
 * been answered meanwhile is only done twice. (Moleculer's NATS transporter lets the NATS client
 * reconnect by itself and says nothing of it: the client's own status tells.)
 */
function retryCallsLostInAnOutage(broker: ServiceBroker): void {
	const transit = broker.transit as unknown as
		| {
				tx: { client?: { status(): AsyncIterable<{ type: string }> } };
				pendingRequests: Map<string, { nodeID?: string }>;
				removePendingRequestByNodeID(nodeID: string): void;
		  }
		| undefined;
	const client = transit?.tx.client;
	if (!transit || !client) return;
	void (async () => {
		for await (const status of client.status()) {
			if (status.type !== "reconnect") continue;
			const nodes = new Set(
				[...transit.pendingRequests.values()]
					.map(request => request.nodeID)
					.filter(Boolean) as string[],
			);
			if (nodes.size > 0)
				broker.logger.warn(
					`The bus is back: ${transit.pendingRequests.size} calls waiting since before it went are sent again.`,
				);
			for (const nodeID of nodes) transit.removePendingRequestByNodeID(nodeID);
		}
	})().catch(err => broker.logger.debug("NATS status stream ended", err));
}

main().catch(err => {
	console.error(
		err instanceof ConfigError || err instanceof UnknownServiceError
			? `Configuration error: ${err.message}`
			: err,
	);
	process.exit(1);
});
