// Trust on the bus, tried as an outsider would on real NATS and FerretDB, every node its own
// process: a node without the bus credentials cannot join; a foreign node *with* them but
// without sync's key broadcasts a well-formed `master.changed` slice with the next sequence
// number and an edited player — and no projection changes, the refusal is logged with its
// sender and counted, and the real next change is still applied. And a projection edited behind
// its back (a document changed, one deleted, a stray one inserted, with the driver) heals itself:
// anti-entropy repairs exactly those three.
import { type ChildProcess, execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MongoClient } from "mongodb";
import { ServiceBroker } from "moleculer";
import { natsOptions } from "../../platform/nats";
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
import { freePort, REPO_ROOT, startNats, stopProcess, waitForPort } from "../../tools/servers";
import {
	eventually,
	getJson,
	type NodeProcess,
	resetDatabases,
	startGateway,
	setShirtNumber,
	startNode,
	startProbe,
	SYNC_KEYS,
	type TestEnv,
	testEnv,
	worldCupDataDir,
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

/** A counter of the players node's, summed over the values labelled `what`, as its own metrics say. */
async function playersCounter(name: string, what: string): Promise<number> {
	const metrics = await probe.call<
		Array<{ name: string; values: Array<{ labels: Record<string, string>; value: number }> }>,
		object
	>("$node.metrics", { includes: [name] }, { nodeID: "players-v1" });
	const values = metrics.find(metric => metric.name === name)?.values ?? [];
	return values
		.filter(value => value.labels.what === what)
		.reduce((sum, value) => sum + value.value, 0);
}

const rejectedSlices = () => playersCounter("matchday.projection.rejected", "slice");
const repairedDocuments = () => playersCounter("matchday.projection.repairs", "document");

beforeAll(async () => {
	env = testEnv("bus-trust");
	await resetDatabases(env.mongoUri);
	dataDir = worldCupDataDir("trust");
	probe = await startProbe(env);
	const sync = startNode(env, "sync", "v1.sync", { DATA_DIR: dataDir, SYNC_INTERVAL: "0" });
	// Anti-entropy every 2 s (half an hour by default), so that a round or two fit in a test.
	const players = startNode(env, "players-v1", "v1.players", { ANTI_ENTROPY_INTERVAL: "2000" });
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

/** Runs a teams node alone on `transporter` until it exits (at most a minute): its status and output. */
function runTeamsNode(transporter: string, namespace: string, nodeId: string) {
	const run = spawnSync(process.execPath, ["--import", "tsx", "platform/node.ts"], {
		cwd: REPO_ROOT,
		encoding: "utf8",
		timeout: 60_000,
		env: {
			...process.env,
			TRANSPORTER: transporter,
			MONGO_URI: env.mongoUri,
			NAMESPACE: namespace,
			SERVICES: "v1.teams",
			NODE_ID: nodeId,
			SYNC_VERIFY_KEY: SYNC_KEYS.publicKey,
		},
	});
	return { status: run.status, output: run.stderr + run.stdout };
}

test("a node without the bus credentials cannot join: it stops at once and says why", () => {
	const bare = env.transporter.replace(/\/\/[^@/]+@/, "//");
	expect(bare).not.toBe(env.transporter);
	const run = runTeamsNode(bare, env.namespace, "intruder");
	expect(run.status).toBe(1);
	expect(run.output).toMatch(
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
	setShirtNumber(dataDir, "Argentina", "Lionel Messi", 19);
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

test("a player edited, another deleted and a stray one inserted in v1-players with the driver: anti-entropy repairs those three and nothing else", async () => {
	const client = await MongoClient.connect(env.mongoUri, { useUnifiedTopology: true });
	try {
		const players = client.db("v1-players").collection("players");
		const [edited, removed] = await players
			.find({ _deleted: false, name: { $in: ["Enzo Fernández", "Rodrigo De Paul"] } })
			.sort({ _id: 1 })
			.toArray();
		expect([edited?.name, removed?.name].sort()).toEqual(["Enzo Fernández", "Rodrigo De Paul"]);
		expect(await repairedDocuments()).toBe(0);

		await players.updateOne(
			{ _id: edited._id },
			{ $set: { name: "Edited By Hand", shirtNumber: 77 } },
		);
		await players.deleteOne({ _id: removed._id });
		const stray = {
			...removed,
			_id: "stray-player",
			id: "stray-player",
			name: "Stray Player",
			_name: "stray player",
		};
		await players.insertOne(stray);
		const search = async (q: string) =>
			(
				await getJson<ListResult<Player>>(
					`${baseUrl}/api/v1/players?q=${encodeURIComponent(q)}`,
				)
			).body;

		await eventually(
			async () => ((await repairedDocuments()) >= 3 ? true : undefined),
			60_000,
			"three repairs",
		);
		// The database equals the master again: the repaired views are the ones the master makes.
		expect(await players.findOne({ _id: edited._id })).toEqual(edited);
		expect(await players.findOne({ _id: removed._id })).toEqual(removed);
		expect(await players.findOne({ _id: "stray-player" })).toMatchObject({ _deleted: true });
		// And so does the API (its cached lists were cleared with the repair).
		await eventually(
			async () => ((await search("stray player")).total === 0 ? true : undefined),
			30_000,
			"the stray gone from the API",
		);
		expect((await search("edited by hand")).total).toBe(0);
		expect((await search(edited.name)).rows.map(p => p.id)).toContain(edited.id);
		expect((await search(removed.name)).rows.map(p => p.id)).toContain(removed.id);
		// Rounds go on; nothing else differed, so the count stays at three.
		await new Promise(done => setTimeout(done, 5_000));
		expect(await repairedDocuments()).toBe(3);
		const repairs = nodes[1]
			.logs()
			.split("\n")
			.filter(line => line.includes("Repaired player"));
		expect(repairs).toHaveLength(3);
	} finally {
		await client.close();
	}
});

describe("NATS over TLS", () => {
	let tlsDir: string;
	let server: ChildProcess;
	let tlsEnv: TestEnv;
	let tlsProbe: ServiceBroker | undefined;
	let node: NodeProcess | undefined;
	const password = "tls-bus-password";

	/** A CA of the test's own and a certificate it signs for 127.0.0.1 (the NATS client checks it as localhost), made by openssl. */
	function makeCertificates(dir: string): void {
		const openssl = (...args: string[]) =>
			execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
		const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
		openssl(
			"req",
			"-x509",
			...ec,
			"-keyout",
			"ca.key",
			"-out",
			"ca.pem",
			"-days",
			"1",
			"-subj",
			"/CN=matchday test CA",
		);
		openssl(
			"req",
			...ec,
			"-keyout",
			"server.key",
			"-out",
			"server.csr",
			"-subj",
			"/CN=127.0.0.1",
		);
		writeFileSync(join(dir, "san.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
		openssl(
			"x509",
			"-req",
			"-in",
			"server.csr",
			"-CA",
			"ca.pem",
			"-CAkey",
			"ca.key",
			"-CAcreateserial",
			"-out",
			"server.pem",
			"-days",
			"1",
			"-extfile",
			"san.cnf",
		);
	}

	beforeAll(async () => {
		tlsDir = mkdtempSync(join(tmpdir(), "matchday-tls-"));
		makeCertificates(tlsDir);
		const port = await freePort();
		server = startNats(port, tlsDir, {}, { user: "matchday", password }, [
			"--tls",
			"--tlscert",
			join(tlsDir, "server.pem"),
			"--tlskey",
			join(tlsDir, "server.key"),
		]);
		await waitForPort(port);
		tlsEnv = {
			...env,
			transporter: `tls://matchday:${password}@127.0.0.1:${port}`,
			namespace: `${env.namespace}-tls`,
		};
	}, 60_000);

	afterAll(async () => {
		await node?.stop();
		await tlsProbe?.stop();
		if (server) await stopProcess(server);
		rmSync(tlsDir, { recursive: true, force: true });
	});

	test("a node given the CA (NATS_TLS_CA) joins over TLS with a tls:// TRANSPORTER", async () => {
		const ca = join(tlsDir, "ca.pem");
		tlsProbe = new ServiceBroker({
			namespace: tlsEnv.namespace,
			nodeID: `tls-probe-${process.pid}`,
			transporter: { type: "NATS", options: natsOptions(tlsEnv.transporter, { ca }) },
			logger: false,
			heartbeatInterval: 1,
			heartbeatTimeout: 4,
		});
		await tlsProbe.start();
		node = startNode(tlsEnv, "teams-tls", "v1.teams", { NATS_TLS_CA: ca });
		await node.started();
		await eventually(
			async () =>
				tlsProbe!.registry.nodes.toArray().some(n => n.id === "teams-tls")
					? true
					: undefined,
			30_000,
			"the node over TLS",
		);
	});

	test("a node that does not trust the server's certificate stops at once and says what to set", () => {
		const run = runTeamsNode(tlsEnv.transporter, tlsEnv.namespace, "untrusting");
		expect(run.status).toBe(1);
		expect(run.output).toMatch(
			/Configuration error: NATS's TLS certificate is not accepted.*NATS_TLS_CA/,
		);
	});
});
