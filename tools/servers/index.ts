// Starts real NATS (with authentication: the TRANSPORTER it gives carries the credentials) and
// FerretDB (MongoDB wire protocol, SQLite backend) on loopback, on free ports, with data in a
// temporary folder. Used by `npm run infra:up`, `npm run cluster`, the
// benchmark and the tests; the one place all of them take their servers from.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type FerretDbOptions, startFerretDb } from "./ferretdb";
import { natsUrl, newNatsCredentials, startNats } from "./nats";
import { freePort, waitForPort } from "./ports";
import { stopProcess } from "./processes";

export { ferretDbBinary } from "./ferretdb";
export { natsServerBinary, startNats } from "./nats";
export { stopProcess } from "./processes";
export { REPO_ROOT } from "./paths";
export { freePort, waitForPort } from "./ports";
export { type RedisServer, redisServerBinary, startRedis } from "./redis";
export {
	type Backend,
	CHECK_INTERVAL_MS,
	type Haproxy,
	haproxyBinary,
	haproxyConfig,
	startHaproxy,
} from "./haproxy";
export { type Jaeger, jaegerBinary, startJaeger } from "./jaeger";

export interface TestServers {
	transporter: string;
	mongoUri: string;
	dataDir: string;
	pids: number[];
	stop(): Promise<void>;
}

/** How the servers run: attached or `detached` (infra:up), FerretDB on SQLite or on `postgresqlUrl`. */
export type StartOptions = FerretDbOptions;

/** Starts NATS and FerretDB; `stop()` ends both and removes the data folder. */
export async function startTestServers(options: StartOptions = {}): Promise<TestServers> {
	const dataDir = mkdtempSync(join(tmpdir(), "matchday-servers-"));
	const [natsPort, mongoPort] = await Promise.all([freePort(), freePort()]);
	const credentials = newNatsCredentials();
	const nats = startNats(natsPort, dataDir, options, credentials);
	const ferret = startFerretDb(mongoPort, dataDir, options);
	const stop = async () => {
		await Promise.all([stopProcess(nats), stopProcess(ferret)]);
		rmSync(dataDir, { recursive: true, force: true });
	};
	try {
		await Promise.all([waitForPort(natsPort), waitForPort(mongoPort)]);
	} catch (err) {
		await stop();
		throw err;
	}
	return {
		transporter: natsUrl(natsPort, credentials),
		mongoUri: `mongodb://127.0.0.1:${mongoPort}/`,
		dataDir,
		pids: [nats.pid!, ferret.pid!],
		stop,
	};
}
