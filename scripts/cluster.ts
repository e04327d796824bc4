// `npm run cluster`: the production topology (platform/topology.ts: the services found under
// services/ and the replicas each declares; docker-compose.yml is checked against it)
// without Docker. Starts NATS and FerretDB (unless TRANSPORTER and MONGO_URI point at running
// ones), then one process per node, each log line prefixed with its node id. Ctrl-C stops
// every node gracefully, then the servers. `npm run repl` finds the cluster through .cluster/.
// `npm run cluster -- --gateways N` runs N gateways behind HAProxy (tools/servers/haproxy.ts),
// which listens on PORT and checks each gateway's readiness; each gateway on a port of its own.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { nodeIds, topology } from "../platform/topology";
import {
	freePort,
	type Haproxy,
	REPO_ROOT,
	startHaproxy,
	startTestServers,
	type TestServers,
	waitForPort,
} from "../tools/servers";
import { FEED_SERVICE } from "../contracts";
import { newSigningKeys, publicKeyTextOf } from "../contracts/signing";
import { redactedUrl } from "../platform/nats";

export const CLUSTER_DIR = join(REPO_ROOT, ".cluster");
const STARTED = /ServiceBroker with \d+ service\(s\) started successfully/;
const STOP_GRACE_MS = 20_000;
const COLOURS = [36, 33, 35, 32, 34, 91, 96, 93, 95, 92];

interface ClusterNode {
	id: string;
	child: ChildProcess;
	started: boolean;
}

function prefixer(id: string, width: number, colour: number): (line: string) => void {
	const label = id.padEnd(width);
	const prefix = process.stdout.isTTY ? `\x1b[${colour}m${label}\x1b[0m │ ` : `${label} │ `;
	return line => process.stdout.write(`${prefix}${line}\n`);
}

function startNode(
	id: string,
	services: string,
	env: NodeJS.ProcessEnv,
	width: number,
	colour: number,
): ClusterNode {
	// The Node that runs this script (Node 22 under npm), with the same TypeScript loader as `npm start`.
	const child = spawn(process.execPath, ["--import", "tsx", "platform/node.ts"], {
		cwd: REPO_ROOT,
		env: { ...env, NODE_ID: id, SERVICES: services },
		stdio: ["ignore", "pipe", "pipe"],
	});
	const node: ClusterNode = { id, child, started: false };
	const print = prefixer(id, width, colour);
	for (const stream of [child.stdout, child.stderr]) {
		createInterface({ input: stream! }).on("line", line => {
			if (STARTED.test(line)) node.started = true;
			print(line);
		});
	}
	child.once("exit", (code, signal) => print(`exited (${signal ?? `code ${code}`})`));
	return node;
}

function stopNode(node: ClusterNode): Promise<void> {
	const { child } = node;
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise(done => {
		const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
		child.once("exit", () => {
			clearTimeout(timer);
			done();
		});
		child.kill("SIGTERM");
	});
}

/** `--gateways N`: how many gateways to run (1, with no balancer, unless told). */
function gatewaysAsked(argv: string[]): number {
	const at = argv.indexOf("--gateways");
	if (at < 0) return 1;
	const count = Number(argv[at + 1]);
	if (!Number.isInteger(count) || count < 1 || count > 16)
		throw new Error(
			`--gateways takes a whole number from 1 to 16, got "${argv[at + 1] ?? ""}"`,
		);
	return count;
}

async function main(): Promise<void> {
	const port = Number(process.env.PORT ?? "3000");
	const gateways = gatewaysAsked(process.argv.slice(2));
	const namespace = process.env.NAMESPACE ?? "matchday";
	let servers: TestServers | undefined;
	let transporter = process.env.TRANSPORTER;
	let mongoUri = process.env.MONGO_URI;
	if (!transporter || !mongoUri) {
		// Detached: Ctrl-C reaches the whole terminal group, and the servers must outlive the nodes' goodbyes.
		servers = await startTestServers({ detached: true });
		({ transporter, mongoUri } = servers);
		console.log(`cluster │ NATS ${redactedUrl(transporter)}, FerretDB ${mongoUri}`);
	}
	// Sync's key pair: given (SYNC_SIGNING_KEY / SYNC_VERIFY_KEY), or made for this run.
	const made = process.env.SYNC_SIGNING_KEY ? undefined : newSigningKeys();
	const signingKey = process.env.SYNC_SIGNING_KEY ?? made!.privateKey;
	const verifyKey = process.env.SYNC_VERIFY_KEY ?? made?.publicKey ?? publicKeyTextOf(signingKey);
	// Ingest's, the same way (INGEST_SIGNING_KEY / INGEST_VERIFY_KEY).
	const madeForIngest = process.env.INGEST_SIGNING_KEY ? undefined : newSigningKeys();
	const ingestKey = process.env.INGEST_SIGNING_KEY ?? madeForIngest!.privateKey;
	const ingestVerifyKey =
		process.env.INGEST_VERIFY_KEY ?? madeForIngest?.publicKey ?? publicKeyTextOf(ingestKey);

	const env = {
		...process.env,
		TRANSPORTER: transporter,
		MONGO_URI: mongoUri,
		NAMESPACE: namespace,
		PORT: String(port),
	};
	const groups = topology().map(group =>
		group.services === "api" ? { ...group, replicas: gateways } : group,
	);
	// Behind a balancer, each gateway listens on a port of its own and HAProxy on PORT.
	const ids = await Promise.all(
		groups.flatMap(group =>
			nodeIds(group).map(async id => ({
				id,
				services: group.services,
				port: group.services === "api" && gateways > 1 ? await freePort() : port,
			})),
		),
	);
	const width = Math.max(...ids.map(({ id }) => id.length), "cluster".length);
	// Only sync's nodes hold its private key, only ingest's ingest's; the public halves go to all.
	const keysOf = (services: string) => ({
		SYNC_SIGNING_KEY: services === FEED_SERVICE ? signingKey : "",
		SYNC_VERIFY_KEY: verifyKey,
		INGEST_SIGNING_KEY: services === "v1.ingest" ? ingestKey : "",
		INGEST_VERIFY_KEY: ingestVerifyKey,
	});
	const nodes = ids.map(({ id, services, port: own }, i) =>
		startNode(
			id,
			services,
			{
				...env,
				...keysOf(services),
				PORT: String(own),
				// Behind HAProxy, a gateway believes its X-Forwarded-For: limits count clients, not HAProxy.
				...(gateways > 1 && services === "api"
					? { TRUST_PROXY: process.env.TRUST_PROXY ?? "127.0.0.1" }
					: {}),
			},
			width,
			COLOURS[i % COLOURS.length],
		),
	);

	let stopping = false;
	let balancer: Haproxy | undefined;
	const stopAll = async (signal: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`cluster │ ${signal}: stopping ${nodes.length} nodes gracefully…`);
		await Promise.all(nodes.map(stopNode));
		await balancer?.stop();
		await servers?.stop();
		rmSync(CLUSTER_DIR, { recursive: true, force: true });
		console.log("cluster │ stopped cleanly.");
		process.exit(0);
	};
	process.on("SIGINT", () => void stopAll("Ctrl-C"));
	process.on("SIGTERM", () => void stopAll("SIGTERM"));

	// Where the REPL finds this cluster.
	mkdirSync(CLUSTER_DIR, { recursive: true });
	if (gateways > 1) {
		const backends = ids
			.filter(node => node.services === "api")
			.map(node => ({ name: node.id, port: node.port }));
		balancer = await startHaproxy(CLUSTER_DIR, process.env.HOST ?? "127.0.0.1", port, backends);
		console.log(
			`cluster │ HAProxy on port ${port} in front of ${backends.map(b => `${b.name} (port ${b.port})`).join(", ")}`,
		);
	}
	// Which process is which node: for operators, and the tests that kill one.
	writeFileSync(
		join(CLUSTER_DIR, "nodes.json"),
		JSON.stringify(
			nodes.map((node, i) => ({ id: node.id, pid: node.child.pid, port: ids[i].port })),
			null,
			2,
		),
	);
	writeFileSync(
		join(CLUSTER_DIR, "env.json"),
		JSON.stringify(
			{ TRANSPORTER: transporter, NAMESPACE: namespace, API: `http://127.0.0.1:${port}` },
			null,
			2,
		),
		// It holds the bus credentials.
		{ mode: 0o600 },
	);

	await waitForPort(port, 120_000);
	while (!stopping && !nodes.every(node => node.started)) {
		if (nodes.some(node => node.child.exitCode !== null)) {
			console.error("cluster │ a node exited while starting; see its lines above.");
			await stopAll("failure");
			return;
		}
		await new Promise(r => setTimeout(r, 200));
	}
	console.log(
		[
			`cluster │ matchday cluster is up: ${nodes.length} nodes (${nodes.map(n => n.id).join(", ")}).`,
			`cluster │   curl 'http://127.0.0.1:${port}/api/v1/players?team=argentina'`,
			`cluster │   curl 'http://127.0.0.1:${port}/api/v2/results?competitions=WC&season=2022&limit=1'`,
			"cluster │ Live calls: npm run repl (in another terminal). Stop: Ctrl-C.",
		].join("\n"),
	);
}

main().catch(err => {
	console.error(err);
	process.exit(1);
});
