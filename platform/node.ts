// Starts one matchday node: a broker with the services named by SERVICES (all by default).
// `npm start` runs it with nothing configured: every service in one process, in memory.
import { ServiceBroker } from "moleculer";
import brokerConfig from "../moleculer.config";
import { SERVICE_CATALOGUE, selectServices } from "./catalogue";
import { config, ConfigError } from "./config";

async function main(): Promise<void> {
	const settings = config();
	const names = selectServices(settings.services);
	const broker = new ServiceBroker(brokerConfig);
	for (const name of names) broker.createService(SERVICE_CATALOGUE[name]());

	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		broker.logger.info(`${signal} received: stopping (in-flight calls finish first).`);
		broker.stop().then(
			() => process.exit(0),
			err => {
				broker.logger.error("Stopping failed", err);
				process.exit(1);
			},
		);
	};
	process.on("SIGTERM", () => stop("SIGTERM"));
	process.on("SIGINT", () => stop("SIGINT"));

	await broker.start();
	broker.logger.info(`Node ${broker.nodeID} runs ${names.join(", ")}${settings.transporter ? ` on ${settings.transporter}` : " in one process"}; store: ${settings.mongoUri ? "MongoDB" : "in memory"}.`);
	if (names.includes("api")) printUrls(settings.host, settings.port);
}

function printUrls(host: string, port: number): void {
	const base = `http://${host === "0.0.0.0" ? "localhost" : host}:${port}/api/v1`;
	console.log(
		[
			"",
			"matchday is up. Try:",
			`  curl '${base}/players?team=argentina'`,
			`  curl '${base}/players?q=muller'`,
			`  curl '${base}/competitions'`,
			`  curl '${base}/teams?competition=PL&season=2024'`,
			`  curl '${base}/results?competition=WC&season=2022&pageSize=1'`,
			"",
		].join("\n"),
	);
}

main().catch(err => {
	console.error(err instanceof ConfigError ? `Configuration error: ${err.message}` : err);
	process.exit(1);
});
