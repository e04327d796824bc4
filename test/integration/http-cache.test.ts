// HTTP caching across a cluster: two gateways, two replicas of v1.players, v1.results and
// v2.results side by side, sync on a data folder of the test's own, all on NATS and FerretDB.
// Both gateways cache answers; a change is made in the source and synced, and once each
// projection has applied it (its projection.updated event, heard here), no gateway serves the old
// body, and the old ETag gets 200 with the new one. The gateways hear the same broadcast as this
// test, but not at the same instant: each gets a short bound to have heard it.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Context, ServiceBroker } from "moleculer";
import { EVENTS, type ProjectionUpdatedPayload } from "../../contracts";
import { natsOptions } from "../../platform/nats";
import {
	eventually,
	type NodeProcess,
	resetDatabases,
	startGateway,
	setShirtNumber,
	startNode,
	testEnv,
	worldCupDataDir,
} from "../support/cluster";

jest.setTimeout(240_000);

const env = testEnv("http-cache");
const ADMIN_TOKEN = "http-cache-admin-token-0123456789";
const dataDir = worldCupDataDir("http-cache");
const nodes: NodeProcess[] = [];
const gateways: string[] = [];
/** The checkpoints each consumer announced, as this test heard them. */
const announced = new Map<string, number>();
/** How long a gateway may take to hear a broadcast this test has heard. */
const HEARD_WITHIN_MS = 5_000;
let listener: ServiceBroker;

const PLAYERS = "/api/v1/players?team=argentina&pageSize=100";
const FINAL_V1 = "/api/v1/results?competition=WC&season=2022&stage=FINAL";
const FINAL_V2 = "/api/v2/results?competition=WC&season=2022&stage=FINAL";

interface Reply {
	status: number;
	etag: string | null;
	cache: string | null;
	text: string;
}

async function get(
	base: string,
	path: string,
	headers: Record<string, string> = {},
): Promise<Reply> {
	const res = await fetch(`${base}${path}`, { headers });
	return {
		status: res.status,
		etag: res.headers.get("etag"),
		cache: res.headers.get("x-cache"),
		text: await res.text(),
	};
}

beforeAll(async () => {
	await resetDatabases(env.mongoUri);
	listener = new ServiceBroker({
		namespace: env.namespace,
		nodeID: `http-cache-listener-${process.pid}`,
		transporter: { type: "NATS", options: natsOptions(env.transporter) },
		logger: false,
		heartbeatInterval: 1,
		heartbeatTimeout: 4,
	});
	listener.createService({
		name: "http-cache-listener",
		events: {
			[EVENTS.projectionUpdated]: (ctx: Context<ProjectionUpdatedPayload>) => {
				const { consumer, checkpoint } = ctx.params;
				announced.set(consumer, Math.max(announced.get(consumer) ?? 0, checkpoint));
			},
		},
	});
	await listener.start();
	nodes.push(startNode(env, "sync", "v1.sync", { DATA_DIR: dataDir, SYNC_INTERVAL: "0" }));
	for (const replica of ["a", "b"])
		nodes.push(startNode(env, `players-${replica}`, "v1.players"));
	nodes.push(startNode(env, "results", "v1.results,v2.results"));
	for (const name of ["api-a", "api-b"]) {
		const gateway = await startGateway(env, name, { ADMIN_TOKEN, HTTP_MAX_AGE: "0" });
		nodes.push(gateway.node);
		gateways.push(gateway.baseUrl);
	}
	await Promise.all(nodes.map(node => node.started()));
	for (const base of gateways)
		await eventually(
			async () => {
				const [players, v1, v2] = await Promise.all([
					get(base, PLAYERS),
					get(base, FINAL_V1),
					get(base, FINAL_V2),
				]);
				return players.text.includes("Lionel Messi") &&
					v1.text.includes("argentina") &&
					v2.text.includes("argentina")
					? true
					: undefined;
			},
			120_000,
			`the data on ${base}`,
		);
});

afterAll(async () => {
	await Promise.all(nodes.map(node => node.stop()));
	await listener?.stop();
});

/** Asks sync to re-read its source now, and the head it reached. */
async function syncNow(): Promise<void> {
	const res = await fetch(`${gateways[0]}/api/admin/sync`, {
		method: "POST",
		headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
	});
	expect(res.status).toBe(202);
}

/** Runs the check on a gateway until it passes, or the bound to hear a broadcast has passed. */
async function onceHeard(check: () => Promise<void>): Promise<void> {
	await eventually(
		async () => {
			await check();
			return true;
		},
		HEARD_WITHIN_MS,
		"the gateway to hear the change",
	);
}

/** Waits until every consumer named has announced a checkpoint beyond the ones given. */
async function applied(consumers: string[], before: Map<string, number>): Promise<void> {
	await eventually(
		async () =>
			consumers.every(c => (announced.get(c) ?? 0) > (before.get(c) ?? 0)) ? true : undefined,
		60_000,
		`${consumers.join(", ")} to apply the change`,
	);
}

test("a repeated request is answered by the gateway, with a strong ETag; If-None-Match is 304", async () => {
	for (const base of gateways) {
		for (const path of [PLAYERS, FINAL_V1, FINAL_V2]) {
			const first = await get(base, path);
			const second = await get(base, path);
			expect({ base, path, cache: second.cache }).toEqual({ base, path, cache: "HIT" });
			// fetch asks for gzip: the ETag of the compressed answer says so.
			expect(second.etag).toMatch(/^"[A-Za-z0-9_-]{27}(-gzip)?"$/);
			expect(second.etag).toBe(first.etag);
			expect(second.text).toBe(first.text);
			const revalidated = await get(base, path, { "If-None-Match": second.etag! });
			expect([revalidated.status, revalidated.text]).toEqual([304, ""]);
		}
	}
});

test("once a player change is applied, no gateway serves the old body, and the old ETag gets the new one", async () => {
	const old = await get(gateways[0], PLAYERS);
	for (const base of gateways) expect((await get(base, PLAYERS)).cache).toBe("HIT");
	setShirtNumber(dataDir, "Argentina", "Lionel Messi", 99);
	const before = new Map(announced);
	await syncNow();
	await applied(["v1.players"], before);
	for (const base of gateways)
		await onceHeard(async () => {
			const now = await get(base, PLAYERS, { "If-None-Match": old.etag! });
			expect({ base, status: now.status }).toEqual({ base, status: 200 });
			expect(now.text).not.toBe(old.text);
			expect(now.text).toContain('"shirtNumber":99');
			expect(now.etag).not.toBe(old.etag);
		});
});

test("with v1 and v2 side by side, a match change reaches both versions' answers on every gateway", async () => {
	const old = await Promise.all([get(gateways[0], FINAL_V1), get(gateways[0], FINAL_V2)]);
	const file = join(dataDir, "worldcup", "2022", "worldcup.json");
	const content = JSON.parse(readFileSync(file, "utf8")) as {
		matches: Array<{ round: string; score: { ht: number[] } }>;
	};
	const final = content.matches.find(m => m.round === "Final")!;
	final.score.ht = [1, 0];
	writeFileSync(file, JSON.stringify(content));
	const before = new Map(announced);
	await syncNow();
	await applied(["v1.results", "v2.results"], before);
	for (const base of gateways)
		await onceHeard(async () => {
			const [v1, v2] = await Promise.all([get(base, FINAL_V1), get(base, FINAL_V2)]);
			expect([v1.text === old[0].text, v2.text === old[1].text]).toEqual([false, false]);
			expect(v1.text).toContain('"halfTime":{"home":1,"away":0}');
			expect(v2.text).toContain('"halfTime":{"home":1,"away":0}');
		});
});
