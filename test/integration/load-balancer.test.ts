// Two gateways behind a real load balancer, as an operator runs them: `npm run cluster --
// --gateways 2` puts HAProxy (Debian's) in front of two gateway nodes, checking each one's
// readiness. Both serve; then one gateway is killed with SIGKILL under continuous load from
// four clients, and no request fails: HAProxy retries a GET that meets the dead gateway on the
// other, and takes the dead one out after two failed checks (within 2 s, CHECK_INTERVAL_MS).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CHECK_INTERVAL_MS, freePort, REPO_ROOT } from "../../tools/servers";
import {
	eventually,
	getJson,
	resetDatabases,
	sleep,
	testEnv,
	worldCupDataDir,
} from "../support/cluster";

jest.setTimeout(300_000);

/** Where npm run cluster writes which process is which node (scripts/cluster.ts). */
const CLUSTER_DIR = join(REPO_ROOT, ".cluster");

const PATHS = [
	"/api/v1/players?team=argentina&competition=WC",
	"/api/v1/competitions",
	"/api/v2/results?competitions=WC&season=2022&limit=5",
];

let cluster: ChildProcess;
let output = "";
let baseUrl: string;

async function waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void> {
	await eventually(
		async () => {
			if (cluster.exitCode !== null)
				throw new Error(`the cluster exited:\n${output.slice(-3000)}`);
			return pattern.test(output) || undefined;
		},
		timeoutMs,
		`${pattern} in the cluster's output`,
	);
}

beforeAll(async () => {
	const env = testEnv("balancer");
	await resetDatabases(env.mongoUri);
	const port = await freePort();
	baseUrl = `http://127.0.0.1:${port}`;
	cluster = spawn(
		process.execPath,
		["--import", "tsx", "scripts/cluster.ts", "--gateways", "2"],
		{
			cwd: REPO_ROOT,
			env: {
				...process.env,
				TRANSPORTER: env.transporter,
				MONGO_URI: env.mongoUri,
				NAMESPACE: env.namespace,
				PORT: String(port),
				DATA_DIR: worldCupDataDir("balancer"),
				// Four clients from one address, flat out: the per-address limit would refuse them.
				RATE_LIMIT: "0",
				NO_COLOR: "1",
			},
			stdio: ["ignore", "pipe", "pipe"],
			detached: true,
		},
	);
	for (const stream of [cluster.stdout, cluster.stderr])
		stream?.on("data", chunk => (output += String(chunk)));
	await waitForOutput(/matchday cluster is up/, 180_000);
	await eventually(
		async () => {
			const reply = await getJson<{ total: number }>(`${baseUrl}${PATHS[0]}`);
			return reply.status === 200 && reply.body.total === 26 ? true : undefined;
		},
		180_000,
		"the players projection",
	);
});

afterAll(async () => {
	mkdirSync(join(REPO_ROOT, "test-artifacts", "logs"), { recursive: true });
	writeFileSync(join(REPO_ROOT, "test-artifacts", "logs", "cluster-balancer.log"), output);
	if (cluster?.exitCode === null) {
		process.kill(-cluster.pid!, "SIGINT");
		await Promise.race([new Promise(done => cluster.once("exit", done)), sleep(30_000)]);
		if (cluster.exitCode === null) process.kill(-cluster.pid!, "SIGKILL");
	}
});

/** Who answered a request, as HAProxy says (X-Served-By). */
async function servedBy(path: string): Promise<string | null> {
	const reply = await fetch(`${baseUrl}${path}`);
	expect(reply.status).toBe(200);
	await reply.arrayBuffer();
	return reply.headers.get("x-served-by");
}

test("HAProxy sends requests to both gateways", async () => {
	const seen = new Set<string | null>();
	for (let i = 0; i < 20; i++) seen.add(await servedBy(PATHS[i % PATHS.length]));
	expect([...seen].sort()).toEqual(["api-1", "api-2"]);
});

test("a gateway killed with SIGKILL under load fails no request", async () => {
	const nodes = JSON.parse(readFileSync(join(CLUSTER_DIR, "nodes.json"), "utf8")) as Array<{
		id: string;
		pid: number;
	}>;
	const victim = nodes.find(node => node.id === "api-2");
	if (!victim) throw new Error("no api-2 in .cluster/nodes.json");
	const failures: string[] = [];
	const served = new Map<string, number>();
	let done = false;
	let requests = 0;
	let killedAt = 0;
	const client = async (n: number) => {
		for (let i = n; !done; i++) {
			const path = PATHS[i % PATHS.length];
			requests += 1;
			try {
				const reply = await fetch(`${baseUrl}${path}`);
				const body = await reply.text();
				if (reply.status !== 200)
					failures.push(`${reply.status} ${path}: ${body.slice(0, 200)}`);
				const by = reply.headers.get("x-served-by") ?? "?";
				if (killedAt > 0 && Date.now() - killedAt > 2 * CHECK_INTERVAL_MS + 500)
					served.set(by, (served.get(by) ?? 0) + 1);
			} catch (err) {
				failures.push(`${path}: ${(err as Error).message}`);
			}
		}
	};
	const clients = [0, 1, 2, 3].map(client);
	await sleep(3000);
	process.kill(victim.pid, "SIGKILL");
	killedAt = Date.now();
	await sleep(6000);
	done = true;
	await Promise.all(clients);
	// For the record (docs/scaling.md): how much traffic the kill met.
	console.log(
		`${requests} requests by 4 clients over 9 s, api-2 killed at 3 s: ${failures.length} failed`,
	);
	expect(failures).toEqual([]);
	expect(requests).toBeGreaterThan(100);
	// Once the checks have taken it out, only the living gateway answers.
	expect([...served.keys()]).toEqual(["api-1"]);
});
