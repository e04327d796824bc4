// Scaling and zero-downtime replacement, for real: players nodes come and go under continuous
// HTTP traffic through the gateway, on real NATS and FerretDB. Every request is counted. The
// suite runs on a NATS server of its own, so that it can kill the bus and bring it back.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ServiceBroker } from "moleculer";
import type { ListResult, MetricSnapshot } from "../../contracts";
import type { Player } from "../../domain/model";
import {
	eventually,
	getJson,
	type NodeProcess,
	resetDatabases,
	sleep,
	startGateway,
	startNode,
	startProbe,
	type TestEnv,
	testEnv,
} from "../support/cluster";
import { syncStatus } from "../../contracts/operator-views";
import { freePort, waitForPort } from "../../tools/servers";
import {
	type NatsCredentials,
	natsUrl,
	newNatsCredentials,
	startNats,
} from "../../tools/servers/nats";

jest.setTimeout(240_000);

const SQUAD_URL = "/api/v1/players?team=argentina&competition=WC&pageSize=5";

let env: TestEnv;
let probe: ServiceBroker;
let baseUrl: string;
const nodes = new Map<string, NodeProcess>();

/** Starts a node and waits until the probe's registry knows it (a node has started before others hear of it). */
async function start(name: string, services: string): Promise<NodeProcess> {
	const node = startNode(env, name, services, { SYNC_INTERVAL: "0" });
	nodes.set(name, node);
	await node.started();
	await eventually(
		async () =>
			probe.registry
				.getServiceList({ onlyAvailable: true })
				.some(s => s.nodeID === name && s.fullName === services)
				? true
				: undefined,
		30_000,
		`${name} in the registry`,
	);
	return node;
}

/** Stops a node as an orchestrator would (SIGTERM); resolves with its log. */
async function stop(name: string): Promise<string> {
	const node = nodes.get(name);
	if (!node) throw new Error(`No node ${name} to stop`);
	nodes.delete(name);
	await node.stop("SIGTERM");
	return node.logs();
}

/** How many v1.players.list requests a node has handled, as its own metrics count them. */
async function handledBy(nodeID: string): Promise<number> {
	const metrics = await probe.call<MetricSnapshot[], object>(
		"$node.metrics",
		{ includes: ["moleculer.request.total"] },
		{ nodeID },
	);
	const values = metrics.find(m => m.name === "moleculer.request.total")?.values ?? [];
	return values
		.filter(v => v.labels.action === "v1.players.list")
		.reduce((sum, v) => sum + v.value, 0);
}

/** Clients that ask for the same page again and again, and count every answer. */
class Traffic {
	ok = 0;
	readonly failures: string[] = [];
	private running = true;
	private readonly loops: Promise<void>[];

	constructor(concurrency: number) {
		this.loops = Array.from({ length: concurrency }, () => this.loop());
	}

	get total(): number {
		return this.ok + this.failures.length;
	}

	private async loop(): Promise<void> {
		while (this.running) {
			try {
				const reply = await getJson<ListResult<Player>>(`${baseUrl}${SQUAD_URL}`);
				// A wrong answer is a failure too, not only an error status.
				if (reply.status === 200 && reply.body.total === 26 && reply.body.rows.length === 5)
					this.ok++;
				else
					this.failures.push(
						`${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`,
					);
			} catch (err) {
				this.failures.push(`network: ${String(err)}`);
			}
		}
	}

	/** Waits until `count` more requests have been answered. */
	async next(count: number): Promise<void> {
		const target = this.total + count;
		await eventually(
			async () => (this.total >= target ? true : undefined),
			60_000,
			`${count} more requests`,
		);
	}

	async stop(): Promise<void> {
		this.running = false;
		await Promise.all(this.loops);
	}
}

/** The suite's own NATS: its process, port and credentials, to kill it and start it again. */
let bus: { process: ChildProcess; port: number; credentials: NatsCredentials; dir: string };

function startBus(port: number, credentials: NatsCredentials, dir: string): ChildProcess {
	return startNats(port, dir, {}, credentials);
}

beforeAll(async () => {
	const port = await freePort();
	const credentials = newNatsCredentials();
	const dir = mkdtempSync(join(tmpdir(), "matchday-scaling-nats-"));
	bus = { process: startBus(port, credentials, dir), port, credentials, dir };
	await waitForPort(port);
	env = { ...testEnv("scaling"), transporter: natsUrl(port, credentials) };
	await resetDatabases(env.mongoUri);
	probe = await startProbe(env);
	await start("sync-1", "v1.sync");
	await Promise.all([start("players-1", "v1.players"), start("players-2", "v1.players")]);
	// No rate limit: the clients below send far more than a client may per minute by default.
	// No response cache: what is measured here is the replicas behind the gateway, and a cached
	// answer would never reach them.
	const gateway = await startGateway(env, "api", { RATE_LIMIT: "0", GATEWAY_CACHE_MB: "0" });
	nodes.set("api", gateway.node);
	baseUrl = gateway.baseUrl;
	// The players projection has caught up with the whole log (sync's own view says so).
	await eventually(
		async () => {
			const status = await syncStatus(probe);
			const players = status.consumers.find(c => c.consumer === "v1.players");
			return status.head > 5000 && players?.checkpoint === status.head ? true : undefined;
		},
		180_000,
		"the players projection to reach sync's head",
	);
});

afterAll(async () => {
	await probe?.stop();
	await Promise.all([...nodes.values()].map(node => node.stop()));
	bus?.process.kill("SIGTERM");
	rmSync(bus?.dir ?? "", { recursive: true, force: true });
});

describe("replicas and rolling replacement under load", () => {
	test("when two players nodes run, then both serve requests", async () => {
		await eventually(
			async () =>
				probe.registry
					.getServiceList({ onlyAvailable: true })
					.filter(s => s.fullName === "v1.players").length === 2
					? true
					: undefined,
			30_000,
			"two players nodes in the registry",
		);
		const before = { one: await handledBy("players-1"), two: await handledBy("players-2") };

		const traffic = new Traffic(4);
		await traffic.next(120);
		await traffic.stop();

		const served = {
			one: (await handledBy("players-1")) - before.one,
			two: (await handledBy("players-2")) - before.two,
		};
		expect(traffic.failures).toEqual([]);
		expect(served.one).toBeGreaterThan(20);
		expect(served.two).toBeGreaterThan(20);
		// Round robin: neither replica gets almost everything.
		expect(served.one + served.two).toBeGreaterThanOrEqual(120);
	});

	test("when the old players node is stopped and a new one started under traffic, then no request fails", async () => {
		// Two nodes serve now; replace players-1 by players-3, then players-2 by players-4, as a rolling upgrade would.
		const traffic = new Traffic(4);
		await traffic.next(50);

		await start("players-3", "v1.players");
		await traffic.next(50);
		const logs = [await stop("players-1")];
		await traffic.next(50);

		await start("players-4", "v1.players");
		await traffic.next(50);
		const servedBy4 = await handledBy("players-4");
		logs.push(await stop("players-2"));
		await traffic.next(100);
		await sleep(500);
		await traffic.stop();

		expect(traffic.failures).toEqual([]);
		expect(traffic.ok).toBeGreaterThanOrEqual(300);
		// Both left gracefully: in-flight calls finished in time, the broker said goodbye.
		for (const log of logs) {
			expect(log).toMatch(/ServiceBroker is stopped\. Good bye\./);
			expect(log).not.toMatch(/GracefulStopTimeoutError/);
		}
		// The new nodes took over: they answered after the old ones left.
		expect(await handledBy("players-4")).toBeGreaterThan(servedBy4);
		expect(await handledBy("players-3")).toBeGreaterThan(0);
		// The old nodes left the registry.
		const players = probe.registry
			.getServiceList({ onlyAvailable: true })
			.filter(s => s.fullName === "v1.players");
		expect(players.map(s => s.nodeID).sort()).toEqual(["players-3", "players-4"]);
	});

	test("when one of two players nodes dies hard (SIGKILL) under 4 clients, then no request fails", async () => {
		await start("players-5", "v1.players");
		const traffic = new Traffic(4);
		await traffic.next(100);
		const killedAt = traffic.total;
		const victim = nodes.get("players-4")!;
		nodes.delete("players-4");
		await victim.stop("SIGKILL");
		// Long enough for the registry to notice (heartbeats) and for any call sent to it to be retried.
		await traffic.next(200);
		await sleep(6_000);
		await traffic.next(50);
		await traffic.stop();
		console.log(
			`SIGKILL of one of two nodes: ${traffic.failures.length} of ${traffic.total} requests failed (${traffic.total - killedAt} after the kill).`,
		);
		expect(traffic.failures).toEqual([]);
		expect(traffic.ok).toBeGreaterThanOrEqual(350);
		expect(await handledBy("players-5")).toBeGreaterThan(0);
	});

	test("when NATS is killed and back 3 s later under 4 clients, then the cluster answers right again by itself, and no request fails", async () => {
		const traffic = new Traffic(4);
		await traffic.next(100);
		const before = traffic.total;
		bus.process.kill("SIGKILL");
		await new Promise(done => bus.process.once("exit", done));
		await sleep(3_000);
		const duringOutage = traffic.total - before;
		bus.process = startBus(bus.port, bus.credentials, bus.dir);
		await waitForPort(bus.port);
		const back = Date.now();
		// The bound: answers flow again within 10 s of the bus's return (the request timeout).
		await traffic.next(100);
		const recoveredMs = Date.now() - back;
		await traffic.next(300);
		await traffic.stop();
		console.log(
			`NATS killed for 3 s: ${traffic.failures.length} of ${traffic.total} requests failed; ${duringOutage} answered during the outage; answers again ${recoveredMs} ms after NATS returned.`,
		);
		expect(recoveredMs).toBeLessThan(10_000);
		expect(traffic.failures).toEqual([]);
	});
});
