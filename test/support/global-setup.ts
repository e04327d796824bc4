// Before the integration tests: real NATS and FerretDB. Given ones (TRANSPORTER and MONGO_URI,
// e.g. from `npm run infra:up`) are used as they are; otherwise fresh ones are started here.
import { startTestServers, type TestServers } from "../../tools/servers";

declare global {
	var __matchdayServers: TestServers | undefined;
}

export default async function globalSetup(): Promise<void> {
	if (process.env.TRANSPORTER && process.env.MONGO_URI) return;
	const servers = await startTestServers();
	process.env.TRANSPORTER = servers.transporter;
	process.env.MONGO_URI = servers.mongoUri;
	globalThis.__matchdayServers = servers;
}
