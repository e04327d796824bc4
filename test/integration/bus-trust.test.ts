// Trust on the bus, tried as an outsider would on real NATS and FerretDB, every node its own
// process: a node without the bus credentials cannot join; a foreign node *with* them but
// without sync's key broadcasts a well-formed `master.changed` slice with the next sequence
// number and an edited player — and no projection changes, the refusal is logged with its
// sender and counted, and the real next change is still applied.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ServiceBroker } from "moleculer";
import {
	CHANGE_SCHEMA_VERSION,
	FEED_ACTION,
	type ListResult,
	type MasterChangedPayload,
	newSigningKeys,
	privateKeyFrom,
	publicKeyFrom,
	signSlice,
	type SyncChangesResult,
	verifyPage,
} from "../../contracts";
import type { Player } from "../../domain/model";
import { REPO_ROOT } from "../../tools/servers";
import {
	eventually,
	getJson,
	type NodeProcess,
	resetDatabases,
	startGateway,
	startNode,
	startProbe,
	SYNC_KEYS,
	type TestEnv,
	testEnv,
} from "../support/cluster";

jest.setTimeout(300_000);

const ADMIN_TOKEN = "bus-trust-admin-token-0123456789";

let env: TestEnv;
let dataDir: string;
let probe: ServiceBroker;
let baseUrl: string;
const nodes: NodeProcess[] = [];

const messi = async (): Promise<Player | undefined> =>
	(await getJson<ListResult<Player>>(`${baseUrl}/api/v1/players?q=lionel%20messi`)).body.rows[0];

/** The players node's count of refused slices, as its own metrics say. */
async function rejectedSlices(): Promise<number> {
	const metrics = await probe.call<
		Array<{ name: string; values: Array<{ labels: Record<string, string>; value: number }> }>,
		object
	>("$node.metrics", { includes: ["matchday.projection.rejected"] }, { nodeID: "players-v1" });
	const values =
		metrics.find(metric => metric.name === "matchday.projection.rejected")?.values ?? [];
	return values
		.filter(value => value.labels.what === "slice")
		.reduce((sum, value) => sum + value.value, 0);
}

beforeAll(async () => {
	env = testEnv("bus-trust");
	await resetDatabases(env.mongoUri);
	dataDir = mkdtempSync(join(tmpdir(), "matchday-trust-data-"));
	cpSync(join(REPO_ROOT, "data", "openfootball", "worldcup"), join(dataDir, "worldcup"), {
		recursive: true,
	});
	probe = await startProbe(env);
	const sync = startNode(env, "sync", "v1.sync", { DATA_DIR: dataDir, SYNC_INTERVAL: "0" });
	const players = startNode(env, "players-v1", "v1.players");
	nodes.push(sync, players);
	await Promise.all([sync.started(), players.started()]);
	const gateway = await startGateway(env, "api", { ADMIN_TOKEN, RATE_LIMIT: "0" });
	nodes.push(gateway.node);
	baseUrl = gateway.baseUrl;
	await eventually(
		async () => ((await messi())?.shirtNumber === 10 ? true : undefined),
		120_000,
		"the players projection",
	);
}, 240_000);

afterAll(async () => {
	await Promise.all(nodes.map(node => node.stop()));
	await probe?.stop();
	rmSync(dataDir, { recursive: true, force: true });
});

test("a node without the bus credentials cannot join: it stops at once and says why", () => {
	const bare = env.transporter.replace(/\/\/[^@/]+@/, "//");
	expect(bare).not.toBe(env.transporter);
	const run = spawnSync(process.execPath, ["--import", "tsx", "platform/node.ts"], {
		cwd: REPO_ROOT,
		encoding: "utf8",
		timeout: 60_000,
		env: {
			...process.env,
			TRANSPORTER: bare,
			MONGO_URI: env.mongoUri,
			NAMESPACE: env.namespace,
			SERVICES: "v1.teams",
			NODE_ID: "intruder",
		},
	});
	expect(run.status).toBe(1);
	expect(run.stderr + run.stdout).toMatch(
		/Configuration error: NATS refused this node \('?Authorization Violation/,
	);
	// And nobody of that name joined.
	expect(probe.registry.nodes.toArray().map(node => node.id)).not.toContain("intruder");
});

test("a foreign node with the credentials but not sync's key cannot forge master data, and the real next change still applies", async () => {
	const before = (await messi())!;
	// What an outsider can read: the log's epoch and head, and the player's current document.
	const page = await probe.call<SyncChangesResult, object>(FEED_ACTION, { since: 0, limit: 1 });
	const forgedDoc = { ...before, name: "Forged Name", shirtNumber: 99 };
	const slice = {
		schemaVersion: CHANGE_SCHEMA_VERSION as typeof CHANGE_SCHEMA_VERSION,
		epoch: page.epoch,
		from: page.head,
		to: page.head + 1,
		changes: [
			{
				seq: page.head + 1,
				kind: "player" as const,
				id: before.id,
				deleted: false,
				doc: forgedDoc,
			},
		],
	};
	const otherKey = privateKeyFrom(newSigningKeys().privateKey);
	const forgeries: MasterChangedPayload[] = [
		slice,
		{ ...slice, signature: signSlice(otherKey, slice) },
		{ ...slice, signature: "bm90IGEgc2lnbmF0dXJl" },
	];
	for (const payload of forgeries) await probe.broadcast("master.changed", payload);

	await eventually(
		async () => ((await rejectedSlices()) >= forgeries.length ? true : undefined),
		30_000,
		"the refusals to be counted",
	);
	expect(await rejectedSlices()).toBe(forgeries.length);
	expect(await messi()).toEqual(before);
	const refusals = nodes[1]
		.logs()
		.split("\n")
		.filter(line => line.includes("Refused a master.changed slice"));
	expect(refusals).toHaveLength(forgeries.length);
	for (const line of refusals) expect(line).toContain(`from node ${probe.nodeID}`);

	// The real change that takes that sequence number is applied: the checkpoint did not move.
	const file = join(dataDir, "worldcup", "2026", "worldcup.squads.json");
	const squads = JSON.parse(readFileSync(file, "utf8")) as Array<{
		name: string;
		players: Array<{ name: string; number: number }>;
	}>;
	squads.find(s => s.name === "Argentina")!.players.find(p => p.name === "Lionel Messi")!.number =
		19;
	writeFileSync(file, JSON.stringify(squads));
	const accepted = await fetch(`${baseUrl}/api/admin/sync`, {
		method: "POST",
		headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
	});
	expect(accepted.status).toBe(202);
	await eventually(
		async () => ((await messi())?.shirtNumber === 19 ? true : undefined),
		60_000,
		"the real change",
	);
	expect((await messi())!.name).toBe(before.name);
	const after = await probe.call<SyncChangesResult, object>(FEED_ACTION, {
		since: page.head,
		limit: 10,
	});
	expect(after.changes.map(change => change.seq)).toEqual([page.head + 1]);
});

test("feed pages are signed for the request they answer: a page replayed for another request does not verify", async () => {
	const key = publicKeyFrom(SYNC_KEYS.publicKey);
	const page = await probe.call<SyncChangesResult, object>(FEED_ACTION, {
		since: 0,
		limit: 5,
		kinds: ["player"],
	});
	const content = {
		epoch: page.epoch,
		lastSeq: page.lastSeq,
		head: page.head,
		changes: page.changes,
	};
	expect(verifyPage(key, { ...content, since: 0, kinds: ["player"] }, page.signature)).toBe(true);
	expect(verifyPage(key, { ...content, since: 1, kinds: ["player"] }, page.signature)).toBe(
		false,
	);
	expect(verifyPage(key, { ...content, since: 0, kinds: null }, page.signature)).toBe(false);
});
