// The service end of the middleware bench (bench/middleware.ts): a node of its own serving one
// action with v1.competitions.list's params schema and a fixed page for an answer, so that what
// the call costs is Moleculer's path and nothing of ours. Its broker's features come from
// BENCH_FEATURES (JSON), its bus from TRANSPORTER and NAMESPACE.
import { ServiceBroker } from "moleculer";
import { benchBrokerOptions, benchService, type Features } from "./middleware";

async function main(): Promise<void> {
	const features = JSON.parse(process.env.BENCH_FEATURES ?? "{}") as Features;
	const broker = new ServiceBroker(
		benchBrokerOptions(features, {
			nodeID: "bench-service",
			namespace: process.env.NAMESPACE!,
			transporter: process.env.TRANSPORTER!,
		}),
	);
	broker.createService(benchService());
	await broker.start();
	process.once("SIGTERM", () => void broker.stop().then(() => process.exit(0)));
}

void main();
