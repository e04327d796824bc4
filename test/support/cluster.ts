// Runs matchday nodes as separate processes, as production does: one `platform/node.ts`
// per node, on the test NATS and FerretDB. Logs are kept in test-artifacts/logs.
import { type ChildProcess, spawn } from "node:child_process";
import {
	appendFileSync,
	cpSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MongoClient } from "mongodb";
import { type BrokerOptions, ServiceBroker } from "moleculer";
import { freePort, REPO_ROOT, waitForPort } from "../../tools/servers";
import { natsOptions } from "../../platform/nats";
import { newSigningKeys } from "../../contracts/signing";

const LOG_DIR = join(REPO_ROOT, "test-artifacts", "logs");
const STARTED = /ServiceBroker with \d+ service\(s\) started successfully/;

export interface TestEnv {
	transporter: string;
	mongoUri: string;
	/** A namespace of this test file's own, so that files never see each other's nodes. */
	namespace: string;
}

export function testEnv(name: string): TestEnv {
	const transporter = process.env.TRANSPORTER;
	const mongoUri = process.env.MONGO_URI;
	if (!transporter || !mongoUri)
		throw new Error(
			"TRANSPORTER and MONGO_URI must be set (the integration global setup does it)",
		);
	return { transporter, mongoUri, namespace: `${name}-${process.pid}-${Date.now()}` };
}

/** Sync's key pair for this test run: every node verifies with its public half, sync's nodes sign with the private one. */
export const SYNC_KEYS = newSigningKeys();

/** Ingest's key pair for this test run: ingest signs the live events it sends, sync verifies them. */
export const INGEST_KEYS = newSigningKeys();

/** The keys a node gets: a private key only where it runs its signer (all services, or it named). */
function keysFor(services: string | undefined): Record<string, string> {
	const runs = (...names: string[]) =>
		!services || services.split(",").some(name => names.includes(name.trim()));
	return {
		SYNC_VERIFY_KEY: SYNC_KEYS.publicKey,
		INGEST_VERIFY_KEY: INGEST_KEYS.publicKey,
		...(runs("sync", "v1.sync") ? { SYNC_SIGNING_KEY: SYNC_KEYS.privateKey } : {}),
		...(runs("ingest", "v1.ingest") ? { INGEST_SIGNING_KEY: INGEST_KEYS.privateKey } : {}),
	};
}

export class NodeProcess {
	private output = "";
	private readonly child: ChildProcess;

	constructor(
		readonly name: string,
		env: Record<string, string>,
		/** The tree to run the node from: the repository, or a copy of it with changes of a test's own. */
		root: string = REPO_ROOT,
	) {
		this.child = spawn(process.execPath, ["--import", "tsx", "platform/node.ts"], {
			cwd: root,
			env: {
				...process.env,
				LOG_LEVEL: process.env.NODE_LOG_LEVEL ?? "info",
				...keysFor(env.SERVICES),
				...env,
				NODE_ID: name,
			},
			stdio: ["ignore", "pipe", "pipe"],
		});
		// Kept in memory for assertions and written as it comes, so a hung test can be read live.
		mkdirSync(LOG_DIR, { recursive: true });
		const logFile = join(LOG_DIR, `${name}.log`);
		writeFileSync(logFile, "");
		const keep = (chunk: Buffer) => {
			this.output += chunk.toString();
			appendFileSync(logFile, chunk);
		};
		this.child.stdout?.on("data", keep);
		this.child.stderr?.on("data", keep);
	}

	get pid(): number {
		return this.child.pid!;
	}

	get exited(): boolean {
		return this.child.exitCode !== null || this.child.signalCode !== null;
	}

	/** Resolves when the node's broker has started; rejects if it dies first. */
	async started(timeoutMs = 60_000): Promise<this> {
		const deadline = Date.now() + timeoutMs;
		while (!STARTED.test(this.output)) {
			if (this.exited)
				throw new Error(
					`${this.name} exited before starting:\n${this.output.slice(-3000)}`,
				);
			if (Date.now() > deadline)
				throw new Error(
					`${this.name} did not start in ${timeoutMs} ms:\n${this.output.slice(-3000)}`,
				);
			await sleep(50);
		}
		return this;
	}

	logs(): string {
		return this.output;
	}

	/** Stops the node as an orchestrator would (SIGTERM) or kills it outright (SIGKILL). */
	async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
		if (!this.exited) {
			await new Promise<void>(done => {
				const timer = setTimeout(() => this.child.kill("SIGKILL"), 15_000);
				this.child.once("exit", () => {
					clearTimeout(timer);
					done();
				});
				this.child.kill(signal);
			});
		}
	}
}

/** Starts a node running `services` (a SERVICES value) with the test servers. */
export function startNode(
	env: TestEnv,
	name: string,
	services: string,
	extra: Record<string, string> = {},
	root?: string,
): NodeProcess {
	return new NodeProcess(
		name,
		{
			TRANSPORTER: env.transporter,
			MONGO_URI: env.mongoUri,
			NAMESPACE: env.namespace,
			SERVICES: services,
			...extra,
		},
		root,
	);
}

/** Starts the gateway on a free port; resolves with its base URL once it listens. */
export async function startGateway(
	env: TestEnv,
	name = "api",
	extra: Record<string, string> = {},
): Promise<{ node: NodeProcess; baseUrl: string }> {
	const port = await freePort();
	const node = startNode(env, name, "api", { ...extra, PORT: String(port) });
	await node.started();
	await waitForPort(port);
	return { node, baseUrl: `http://127.0.0.1:${port}` };
}

/** `npm start` with nothing configured, in its own process: no transporter, no MongoDB, no keys, every service. */
export async function startEmbedded(
	name: string,
	env: Record<string, string> = {},
): Promise<{ node: NodeProcess; port: number }> {
	const port = await freePort();
	// Empty values count as unset; without keys, one process makes sync's pair for itself.
	const node = new NodeProcess(name, {
		TRANSPORTER: "",
		MONGO_URI: "",
		SERVICES: "",
		SYNC_SIGNING_KEY: "",
		SYNC_VERIFY_KEY: "",
		INGEST_SIGNING_KEY: "",
		INGEST_VERIFY_KEY: "",
		PORT: String(port),
		...env,
	});
	await node.started();
	await waitForPort(port);
	return { node, port };
}

/** A service-less broker in the test process, on the same transporter: to ask the registry and call actions. */
export async function startProbe(
	env: TestEnv,
	/** Options the cluster's nodes were given too (a serializer other than JSON, say). */
	extra: Pick<BrokerOptions, "serializer" | "disableBalancer"> = {},
): Promise<ServiceBroker> {
	const broker = new ServiceBroker({
		...extra,
		namespace: env.namespace,
		nodeID: `probe-${process.pid}`,
		transporter: { type: "NATS", options: natsOptions(env.transporter) },
		logger: false,
		requestTimeout: 10_000,
		// The nodes' own rhythm (HEARTBEAT_INTERVAL, HEARTBEAT_TIMEOUT): with Moleculer's default of
		// 10 s, every node would count the probe gone every few seconds and drop it from its registry.
		heartbeatInterval: 1,
		heartbeatTimeout: 4,
	});
	await broker.start();
	return broker;
}

/** Drops every database of the test server but the server's own, so a test starts from nothing. */
export async function resetDatabases(mongoUri: string): Promise<void> {
	const client = await MongoClient.connect(mongoUri, { useUnifiedTopology: true });
	try {
		const { databases } = await client.db("admin").admin().listDatabases();
		for (const { name } of databases as Array<{ name: string }>) {
			if (!["admin", "local", "config"].includes(name)) await client.db(name).dropDatabase();
		}
	} finally {
		await client.close();
	}
}

export function sleep(ms: number): Promise<void> {
	return new Promise(done => setTimeout(done, ms));
}

/** Polls `check` until it returns a value (not undefined) or time runs out; then fails with the last error. */
export async function eventually<T>(
	check: () => Promise<T | undefined>,
	timeoutMs = 60_000,
	what = "condition",
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let lastError: unknown;
	for (;;) {
		try {
			const value = await check();
			if (value !== undefined) return value;
		} catch (err) {
			lastError = err;
		}
		if (Date.now() > deadline)
			throw new Error(
				`Timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ""}`,
			);
		await sleep(250);
	}
}

export interface HttpReply<T = unknown> {
	status: number;
	headers: Headers;
	body: T;
}

export async function getJson<T = unknown>(url: string): Promise<HttpReply<T>> {
	const res = await fetch(url);
	const text = await res.text();
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {
		// not JSON: keep the text, the test says what it expected
	}
	return { status: res.status, headers: res.headers, body: body as T };
}

/** A data folder of its own holding only the bundled World Cup files: small, quick to import, free to edit. */
export function worldCupDataDir(name: string): string {
	const dir = mkdtempSync(join(tmpdir(), `matchday-${name}-data-`));
	cpSync(join(REPO_ROOT, "data", "openfootball", "worldcup"), join(dir, "worldcup"), {
		recursive: true,
	});
	return dir;
}

/** Gives a squad player of a data folder made by `worldCupDataDir` another shirt number: a change for sync to find. */
export function setShirtNumber(
	dataDir: string,
	team: string,
	player: string,
	number: number,
): void {
	const file = join(dataDir, "worldcup", "2026", "worldcup.squads.json");
	const squads = JSON.parse(readFileSync(file, "utf8")) as Array<{
		name: string;
		players: Array<{ name: string; number: number }>;
	}>;
	squads.find(s => s.name === team)!.players.find(p => p.name === player)!.number = number;
	writeFileSync(file, JSON.stringify(squads));
}
