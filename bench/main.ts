// `npm run bench`: what the microservice architecture costs, measured on this machine against a
// monolith doing the same work and against the database itself; writes BENCHMARKS.md.
// For each store (FerretDB on SQLite, FerretDB on PostgreSQL, memory) it starts NATS, the
// database and the nodes, loads a data set through sync, times a change on its way to every
// projection, drives each list endpoint with autocannon (a process of its own, loopback, bounded
// in time) through the services, with the cacher, through the monolith and straight through the
// driver; then it times sync's import of generated data sets at growing scales.
//   npm run bench -- [--data DIR] [--duration S] [--connections N] [--samples N]
//                    [--stores sqlite,postgresql,memory] [--import-scales 1,100]
//                    [--archive memory] [--hop json,msgpack,notepack,nats-balancer]
//                    [--middleware on|off] [--live memory,sqlite]
//                    [--out FILE]
// A list given as "none" (or empty) skips that part.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import Validator from "fastest-validator";
import { MongoClient } from "mongodb";
import type { ServiceBroker } from "moleculer";
import { FEED_SERVICE, type HandlerParams } from "../contracts";
import { syncStatus } from "../contracts/operator-views";
import type { EntityKind } from "../domain/model";
import { openOpenFootballDir, streamOpenFootball } from "../domain/openfootball";
import { MongoDocumentCollection } from "../storage/collections";
import { listPage } from "../mixins/listing";
import { topology } from "../platform/topology";
import { competitionsListParams } from "../services/competitions/competitions.contract";
import { competitionsPageRequest } from "../services/competitions/competitions.query";
import { playersListParams } from "../services/players/players.contract";
import { playersPageRequest } from "../services/players/players.query";
import { resultsListParams, resultsListV2Params } from "../services/results/results.contract";
import { resultsPageRequest } from "../services/results/results.query";
import { listResultsV2 } from "../services/results/results.v2.query";
import { standingsListParams } from "../services/standings/standings.contract";
import { standingsPageRequest } from "../services/standings/standings.query";
import { contentHash, masterKey } from "../services/sync/master-diff";
import { teamsListParams } from "../services/teams/teams.contract";
import { teamsPageRequest } from "../services/teams/teams.query";
import {
	eventually,
	NodeProcess,
	resetDatabases,
	sleep,
	startProbe,
	type TestEnv,
} from "../test/support/cluster";
import { freePort, REPO_ROOT, startTestServers, waitForPort } from "../tools/servers";
import {
	type Ask,
	autocannon,
	callLoad,
	drain,
	type Load,
	type LoadOptions,
	MIN_ANSWERS_PER_CONNECTION,
	percentiles,
	REQUEST_TIMEOUT_SECONDS,
	rssMiB,
	trackPeaks,
	withCpu,
} from "./load";
import { liveLatency, streamed } from "./live";
import { benchMiddlewares, type MiddlewareRow } from "./middleware";
import { startPostgres } from "./postgres";
import { EditableCopy, PropagationListener, type PropagationSample } from "./propagation";
import {
	type ArchiveRow,
	type BenchReport,
	CHEAP_LISTS,
	type EndpointRow,
	type HopRow,
	type LiveRow,
	type ImportRow,
	renderReport,
	type StoreResult,
} from "./report";

type StoreKind = StoreResult["kind"];

/** Every projection service of the production topology: all of them run, one node each. */
const READ_SERVICES = topology()
	.map(group => group.services)
	.filter(services => services !== "api" && services !== FEED_SERVICE);

export interface Endpoint {
	path: string;
	query: Record<string, string>;
	schema: object;
	/** The same query straight through the driver, on the service's own database: the ceiling. */
	direct(client: MongoClient, params: Record<string, unknown>): Promise<unknown>;
}

const on = (client: MongoClient, db: string, name: string) =>
	new MongoDocumentCollection(client.db(db).collection(name));

/** An endpoint whose direct query takes the params as the validator leaves them (defaults filled in). */
function endpoint<S extends object>(e: {
	path: string;
	query: Record<string, string>;
	schema: S;
	direct(client: MongoClient, params: HandlerParams<S>): Promise<unknown>;
}): Endpoint {
	return { ...e, direct: (client, params) => e.direct(client, params as HandlerParams<S>) };
}

const ENDPOINTS: Endpoint[] = [
	endpoint({
		path: "/api/v1/players",
		query: { competition: "WC", pageSize: "20" },
		schema: playersListParams,
		direct: (c, p) => listPage(on(c, "v1-players", "players"), playersPageRequest(p)),
	}),
	endpoint({
		path: "/api/v1/competitions",
		query: {},
		schema: competitionsListParams,
		direct: (c, p) =>
			listPage(on(c, "v1-competitions", "competitions"), competitionsPageRequest(p)),
	}),
	endpoint({
		path: "/api/v1/teams",
		query: { competition: "PL", season: "2024" },
		schema: teamsListParams,
		direct: (c, p) => listPage(on(c, "v1-teams", "teams"), teamsPageRequest(p)),
	}),
	endpoint({
		path: "/api/v1/results",
		query: { competition: "PL", season: "2024" },
		schema: resultsListParams,
		direct: (c, p) => listPage(on(c, "v1-results", "matches"), resultsPageRequest(p)),
	}),
	endpoint({
		path: "/api/v2/results",
		query: { competitions: "PL", season: "2024" },
		schema: resultsListV2Params,
		direct: (c, p) => listResultsV2(on(c, "v2-results", "matches"), p),
	}),
	endpoint({
		path: "/api/v1/standings",
		query: { competition: "PL", season: "2024" },
		schema: standingsListParams,
		direct: (c, p) => listPage(on(c, "v1-standings", "standings"), standingsPageRequest(p)),
	}),
];

interface Options extends LoadOptions {
	dataDir: string;
	samples: number;
	stores: StoreKind[];
	importScales: number[];
	/** The stores on which the whole archive is imported and projected ("" for none). */
	archiveStores: StoreKind[];
	/** The ways of crossing the second hop to measure side by side ("" for none). */
	hopVariants: string[];
	/** Whether to measure Moleculer's per-request features on each end of a call. */
	middleware: boolean;
	/** The stores on which the live path's latency is measured ("" for none). */
	liveStores: StoreKind[];
	out: string;
}

function options(): Options {
	const { values } = parseArgs({
		options: {
			data: { type: "string" },
			duration: { type: "string" },
			connections: { type: "string" },
			samples: { type: "string" },
			stores: { type: "string" },
			"import-scales": { type: "string" },
			archive: { type: "string" },
			hop: { type: "string" },
			middleware: { type: "string" },
			live: { type: "string" },
			out: { type: "string" },
		},
	});
	const storeList = (text: string) => {
		const stores = text.split(",").filter(Boolean) as StoreKind[];
		for (const store of stores)
			if (!["sqlite", "postgresql", "memory"].includes(store))
				throw new Error(`Unknown store ${store}`);
		return stores;
	};
	const stores = storeList(values.stores ?? "sqlite,postgresql,memory");
	return {
		dataDir: values.data ?? join(REPO_ROOT, "data", "openfootball"),
		duration: Number(values.duration ?? "3"),
		// Enough to keep two cores busy on the memory store; more only lengthens FerretDB's queue.
		connections: Number(values.connections ?? "4"),
		samples: Number(values.samples ?? "16"),
		stores,
		importScales: (values["import-scales"] ?? "1,100").split(",").filter(Boolean).map(Number),
		archiveStores: storeList(values.archive ?? "memory"),
		hopVariants: hopVariantList(values.hop ?? Object.keys(HOP_VARIANTS).join(",")),
		middleware: (values.middleware ?? "on") !== "off",
		liveStores: storeList(values.live ?? "memory,sqlite"),
		out: values.out ?? join(REPO_ROOT, "BENCHMARKS.md"),
	};
}

function log(message: string): void {
	process.stderr.write(`bench │ ${new Date().toISOString().slice(11, 19)} ${message}\n`);
}

// ── The servers ─────────────────────────────────────────────────────────────

interface Servers {
	transporter: string;
	mongoUri: string | null;
	/** The database server's own processes, for memory readings. */
	pids: Map<string, number>;
	stop(): Promise<void>;
}

async function startServers(kind: StoreKind): Promise<Servers> {
	if (kind === "postgresql") {
		const postgres = await startPostgres();
		const servers = await startTestServers({ postgresqlUrl: postgres.url });
		return {
			transporter: servers.transporter,
			mongoUri: servers.mongoUri,
			pids: new Map([
				["ferretdb", servers.pids[1]],
				["postgres", postgres.pid],
			]),
			stop: async () => {
				await servers.stop();
				await postgres.stop();
			},
		};
	}
	const servers = await startTestServers();
	// The memory store needs NATS only; FerretDB idles unused.
	return {
		transporter: servers.transporter,
		mongoUri: kind === "memory" ? null : servers.mongoUri,
		pids: kind === "memory" ? new Map() : new Map([["ferretdb", servers.pids[1]]]),
		stop: servers.stop,
	};
}

/** The nodes of one run, each a process of its own, as production runs them. */
class Nodes {
	readonly running = new Map<string, NodeProcess>();

	constructor(
		private readonly env: TestEnv,
		private readonly mongoUri: string | null,
	) {}

	start(name: string, services: string, extra: Record<string, string> = {}): NodeProcess {
		const node = new NodeProcess(`bench-${name}`, {
			TRANSPORTER: this.env.transporter,
			MONGO_URI: this.mongoUri ?? "",
			NAMESPACE: this.env.namespace,
			SERVICES: services,
			LOG_LEVEL: "info",
			LOG_FORMAT: "text",
			// As long as the load generator waits: a slow answer is measured, not turned into a 504.
			REQUEST_TIMEOUT: String(REQUEST_TIMEOUT_SECONDS * 1000),
			...extra,
		});
		this.running.set(name, node);
		return node;
	}

	async stop(names: string[]): Promise<void> {
		await Promise.all(names.map(name => this.running.get(name)?.stop()));
		names.forEach(name => this.running.delete(name));
	}

	pids(): Map<string, number> {
		return new Map([...this.running].map(([name, node]) => [name, node.pid]));
	}
}

const IMPORT_LINE =
	/Sync \(start\): (\d+) changes of \d+ documents read, seq \d+ → \d+, in (\d+) ms/;

/** Starts sync on `dataDir` and waits for its first import; reads what it did from its log. */
async function startSync(
	nodes: Nodes,
	dataDir: string,
	peaks: Map<string, number>,
	extra: Record<string, string> = {},
): Promise<{ documents: number; ms: number }> {
	const sync = nodes.start("sync", "v1.sync", {
		...extra,
		DATA_DIR: dataDir,
		SYNC_INTERVAL: "0",
	});
	await trackPeaks(
		() => new Map([["sync", sync.pid]]),
		peaks,
		() => sync.started(900_000),
	);
	const found = IMPORT_LINE.exec(sync.logs());
	if (!found) throw new Error(`sync did not log its import:\n${sync.logs().slice(-2000)}`);
	return { documents: Number(found[1]), ms: Number(found[2]) };
}

/**
 * Starts every projection service and the gateway with the given cacher and gateway response
 * cache (MB; 0 is none); resolves with the gateway's URL.
 */
async function startReaders(
	nodes: Nodes,
	cacher: string,
	gatewayCacheMb = 0,
	extra: Record<string, string> = {},
): Promise<string> {
	const port = await freePort();
	const readers = READ_SERVICES.map(service =>
		nodes.start(service, service, { CACHER: cacher, ...extra }),
	);
	// Warnings only: one access-log line per request would measure the terminal. So no start-up line either: wait for its port.
	nodes.start("api", "api", {
		...extra,
		CACHER: cacher,
		GATEWAY_CACHE_MB: String(gatewayCacheMb),
		PORT: String(port),
		RATE_LIMIT: "0",
		LOG_LEVEL: "warn",
	});
	await Promise.all(readers.map(node => node.started(300_000)));
	await waitForPort(port, 120_000);
	const base = `http://127.0.0.1:${port}`;
	let readiness = "";
	await eventually(
		async () => {
			const res = await fetch(`${base}/health/ready`);
			readiness = await res.text();
			return res.ok ? true : undefined;
		},
		120_000,
		"the gateway to be ready",
	).catch(err => {
		throw new Error(`${(err as Error).message}: ${readiness}`);
	});
	return base;
}

/**
 * Resolves once every projection has applied sync's whole log, with the time (ms since `since`)
 * at which each consumer was first seen there.
 */
async function converged(probe: ServiceBroker, since = Date.now()): Promise<Map<string, number>> {
	const reached = new Map<string, number>();
	await eventually(
		async () => {
			const status = await syncStatus(probe).catch(() => undefined);
			if (!status || status.head === 0 || status.published < status.head) return undefined;
			for (const c of status.consumers)
				if (c.checkpoint >= status.head && !reached.has(c.consumer))
					reached.set(c.consumer, Date.now() - since);
			return reached.size >= READ_SERVICES.length ? true : undefined;
		},
		3_600_000,
		"every projection to reach sync's head",
	);
	return reached;
}

// ── The ceilings ────────────────────────────────────────────────────────────

/** Master records as sync stores them, built from a data folder. */
function masterRecords(dataDir: string): object[] {
	const records: object[] = [];
	for (const batch of streamOpenFootball(openOpenFootballDir(dataDir))) {
		for (const doc of batch.docs) {
			const body = JSON.stringify(doc);
			records.push({
				_id: masterKey(batch.kind, doc.id),
				kind: batch.kind,
				id: doc.id,
				seq: records.length + 1,
				deleted: false,
				hash: contentHash(body),
				body,
			});
		}
	}
	return records;
}

/** The raw bulk-insert ceiling: sync's records inserted 1,000 at a time into an empty collection, nothing else. */
async function bulkInsertRate(mongoUri: string, dataDir: string): Promise<number> {
	const records = masterRecords(dataDir);
	const client = await MongoClient.connect(mongoUri, { useUnifiedTopology: true });
	try {
		const db = client.db("bench-ceiling");
		await db.dropDatabase();
		const started = performance.now();
		for (let i = 0; i < records.length; i += 1000)
			await db
				.collection("documents")
				.insertMany(records.slice(i, i + 1000), { ordered: true });
		const rate = records.length / ((performance.now() - started) / 1000);
		await db.dropDatabase();
		return rate;
	} finally {
		await client.close();
	}
}

/** The query ceiling: each endpoint's query through the driver, validated as the service does, no HTTP, no broker. */
function directLoad(client: MongoClient, endpoint: Endpoint, opts: LoadOptions): Promise<Load> {
	const check = new Validator({ useNewCustomCheckerFunction: true }).compile(endpoint.schema);
	return callLoad(async () => {
		const params: Record<string, unknown> = { ...endpoint.query };
		if ((await check(params)) !== true)
			throw new Error(`invalid benchmark params for ${endpoint.path}`);
		await endpoint.direct(client, params);
	}, opts);
}

// ── The monolith ────────────────────────────────────────────────────────────

interface Monolith {
	base: string;
	pid: number;
	loadMs: number;
	stop(): Promise<void>;
}

function startMonolith(mongoUri: string | null, dataDir: string): Promise<Monolith> {
	return freePort().then(
		port =>
			new Promise((resolve, reject) => {
				const child: ChildProcess = spawn(
					process.execPath,
					["--import", "tsx", "bench/monolith.ts"],
					{
						cwd: REPO_ROOT,
						env: {
							...process.env,
							MONGO_URI: mongoUri ?? "",
							DATA_DIR: dataDir,
							PORT: String(port),
						},
						stdio: ["ignore", "pipe", "inherit"],
					},
				);
				const stop = () =>
					new Promise<void>(done =>
						child.exitCode === null
							? (child.once("exit", () => done()), child.kill("SIGTERM"))
							: done(),
					);
				child.stdout?.on("data", chunk => {
					const ready = /monolith ready: \d+ documents loaded in (\d+) ms/.exec(
						String(chunk),
					);
					if (ready)
						resolve({
							base: `http://127.0.0.1:${port}`,
							pid: child.pid!,
							loadMs: Number(ready[1]),
							stop,
						});
				});
				child.once("exit", code => reject(new Error(`the monolith exited with ${code}`)));
			}),
	);
}

function urlOf(base: string, endpoint: Endpoint): string {
	const query = new URLSearchParams(endpoint.query).toString();
	return `${base}${endpoint.path}${query ? `?${query}` : ""}`;
}

/** The gateway's response cache in its run, MB: the default of GATEWAY_CACHE_MB. */
const GATEWAY_CACHE_MB = 64;

/** Seconds of load before each measured run, not counted: connections open, code warms up (JIT). */
const WARM_UP_SECONDS = 1;

/**
 * A warm-up, then one measured run, and each time the server's queue worked off before anything
 * else runs. Between them one request alone says how fast the endpoint is once warm (a cache
 * filled by the warm-up included): one so slow that a timed run would see few answers even if
 * the server answered one request at a time (FerretDB's full scans take seconds under load) is
 * measured by a fixed number of requests instead, so that its rate counts every answer and not
 * only those that beat the clock. A timed run that saw few answers all the same (an endpoint
 * fast alone but slow under concurrent load) is run again by count.
 */
async function measure(
	url: string,
	opts: LoadOptions,
	watch: ReadonlyMap<string, number> = new Map(),
	ask: Ask = {},
): Promise<Load> {
	await autocannon(url, { ...opts, duration: WARM_UP_SECONDS }, undefined, ask);
	await drain(url);
	const started = performance.now();
	await drain(url);
	const alone = (performance.now() - started) / 1000;
	const minimum = MIN_ANSWERS_PER_CONNECTION * opts.connections;
	const amount = opts.duration / alone < minimum ? minimum : undefined;
	let load = await withCpu(watch, () => autocannon(url, opts, amount, ask));
	await drain(url);
	if (load.requests < minimum) {
		load = await withCpu(watch, () => autocannon(url, opts, minimum, ask));
		await drain(url);
	}
	return load;
}

/** The gateway's process and the one of the service behind an endpoint, for CPU per request. */
function cpuWatch(nodes: Nodes, endpoint: Endpoint, withService = true): Map<string, number> {
	const pids = new Map(nodes.pids());
	const service = endpoint.path.replace(/^\/api\//, "").replace("/", ".");
	const watch = new Map([["gateway", pids.get("api")!]]);
	if (withService && pids.has(service)) watch.set("service", pids.get(service)!);
	return watch;
}

/** The ETag an endpoint answers with now, uncompressed (as autocannon asks). */
async function etagOf(url: string): Promise<string> {
	const res = await fetch(url, { headers: { "Accept-Encoding": "identity" } });
	await res.arrayBuffer();
	const etag = res.headers.get("etag");
	if (!etag) throw new Error(`${url} answered no ETag`);
	return etag;
}

/** The comparison is fair only if both answer the same, byte for byte. */
async function assertSameAnswers(micro: string, monolith: string): Promise<void> {
	for (const endpoint of ENDPOINTS) {
		const [a, b] = await Promise.all(
			[micro, monolith].map(base => fetch(urlOf(base, endpoint)).then(res => res.text())),
		);
		if (a !== b)
			throw new Error(
				`The monolith and the services answer ${endpoint.path} differently:\n${a.slice(0, 300)}\n${b.slice(0, 300)}`,
			);
	}
}

// ── One store ───────────────────────────────────────────────────────────────

async function propagation(
	env: TestEnv,
	copy: EditableCopy,
	samples: number,
): Promise<{ samples: PropagationSample[]; missed: string[] }> {
	const listener = new PropagationListener(env.transporter, env.namespace);
	await listener.start();
	try {
		await sleep(1000); // the registry learns of the listener, and it of the projections
		const results: PropagationSample[] = [];
		// A change that does not arrive in time is reported, not the end of the benchmark.
		const missed: string[] = [];
		for (let i = 0; i < samples; i++) {
			const kind: EntityKind = i % 2 === 0 ? "match" : "player";
			try {
				results.push(
					await listener.sample(kind, () =>
						kind === "match" ? copy.scoreMatch(i) : copy.renumberPlayer(i),
					),
				);
			} catch (err) {
				log(`propagation: ${(err as Error).message}`);
				missed.push((err as Error).message);
			}
		}
		return { samples: results, missed };
	} finally {
		await listener.stop();
	}
}

async function benchStore(kind: StoreKind, opts: Options): Promise<StoreResult> {
	log(
		`── ${kind}: starting NATS${kind === "memory" ? "" : ", FerretDB"}${kind === "postgresql" ? ", PostgreSQL" : ""}`,
	);
	const servers = await startServers(kind);
	const env: TestEnv = {
		transporter: servers.transporter,
		mongoUri: servers.mongoUri ?? "",
		namespace: `bench-${kind}-${process.pid}`,
	};
	const nodes = new Nodes(env, servers.mongoUri);
	const client = servers.mongoUri
		? await MongoClient.connect(servers.mongoUri, { useUnifiedTopology: true })
		: null;
	const probe = await startProbe(env);
	const copy = new EditableCopy(opts.dataDir);
	const importPeaks = new Map<string, number>();
	const rest = new Map<string, number>();
	const peaks = new Map<string, number>();
	let monolith: Monolith | undefined;
	try {
		// The ceiling first, on an idle server (sync goes on publishing after its import).
		const ceilingRate = servers.mongoUri
			? await bulkInsertRate(servers.mongoUri, copy.dir)
			: null;
		const imported = await startSync(nodes, copy.dir, importPeaks);
		log(`${kind}: sync imported ${imported.documents} documents in ${imported.ms} ms`);

		const convergeStarted = Date.now();
		let base = await trackPeaks(
			() => nodes.pids(),
			importPeaks,
			async () => {
				const url = await startReaders(nodes, "off");
				await converged(probe);
				return url;
			},
		);
		const convergeMs = Date.now() - convergeStarted;
		log(`${kind}: ${READ_SERVICES.length} projections built in ${convergeMs} ms`);
		await sleep(2000);
		for (const [name, pid] of [...nodes.pids(), ...servers.pids]) rest.set(name, rssMiB(pid));

		log(`${kind}: ${opts.samples} single changes on their way to every projection`);
		const { samples, missed } = await propagation(env, copy, opts.samples);

		const rows: EndpointRow[] = ENDPOINTS.map(
			endpoint => ({ endpoint: urlOf("", endpoint) }) as EndpointRow,
		);
		const watched = () => new Map([...nodes.pids(), ...servers.pids]);
		for (const [i, endpoint] of ENDPOINTS.entries()) {
			log(`${kind}: microservices ${endpoint.path}`);
			rows[i].micro = await trackPeaks(watched, peaks, () =>
				measure(urlOf(base, endpoint), opts, cpuWatch(nodes, endpoint)),
			);
		}
		// Cache hits never reach the database: one database-backed store says what the cacher does.
		if (kind !== "postgresql") {
			log(`${kind}: restarting the projections and the gateway with the cacher on`);
			await nodes.stop([...READ_SERVICES, "api"]);
			base = await startReaders(nodes, "memory");
			await converged(probe);
			for (const [i, endpoint] of ENDPOINTS.entries()) {
				log(`${kind}: cached ${endpoint.path}`);
				rows[i].cached = await trackPeaks(watched, peaks, () =>
					measure(urlOf(base, endpoint), opts, cpuWatch(nodes, endpoint)),
				);
			}
			log(
				`${kind}: restarting the projections and the gateway with the gateway's response cache`,
			);
			await nodes.stop([...READ_SERVICES, "api"]);
			base = await startReaders(nodes, "off", GATEWAY_CACHE_MB);
			await converged(probe);
			for (const [i, endpoint] of ENDPOINTS.entries()) {
				const url = urlOf(base, endpoint);
				log(`${kind}: gateway cache ${endpoint.path}`);
				rows[i].gatewayCached = await trackPeaks(watched, peaks, () =>
					measure(url, opts, cpuWatch(nodes, endpoint)),
				);
				log(`${kind}: revalidated (304) ${endpoint.path}`);
				const etag = await etagOf(url);
				rows[i].notModified = await trackPeaks(watched, peaks, () =>
					measure(url, opts, cpuWatch(nodes, endpoint, false), {
						headers: { "If-None-Match": etag },
						answer: "304",
					}),
				);
			}
		}
		if (client) {
			for (const [i, endpoint] of ENDPOINTS.entries()) {
				log(`${kind}: ceiling ${endpoint.path}`);
				rows[i].ceiling = await directLoad(client, endpoint, opts);
			}
		}
		monolith = await startMonolith(servers.mongoUri, copy.dir);
		log(`${kind}: monolith loaded in ${monolith.loadMs} ms`);
		await assertSameAnswers(base, monolith.base);
		// The monolith runs alone, as the services did.
		await nodes.stop([...nodes.running.keys()]);
		rest.set("monolith", rssMiB(monolith.pid));
		const monolithPids = new Map([["monolith", monolith.pid], ...servers.pids]);
		for (const [i, endpoint] of ENDPOINTS.entries()) {
			log(`${kind}: monolith ${endpoint.path}`);
			rows[i].monolith = await trackPeaks(
				() => monolithPids,
				peaks,
				() => measure(urlOf(monolith!.base, endpoint), opts),
			);
		}
		const ofKind = (k: EntityKind) => samples.filter(s => s.kind === k);
		return {
			kind,
			imported: { ...imported, rate: imported.documents / (imported.ms / 1000), ceilingRate },
			convergeMs,
			monolithLoadMs: monolith.loadMs,
			missedChanges: missed,
			propagation: (["match", "player"] as EntityKind[]).map(k => ({
				kind: k,
				consumers: ofKind(k)[0]?.consumers ?? 0,
				samples: ofKind(k).length,
				published: percentiles(ofKind(k).map(s => s.published)),
				requested: percentiles(ofKind(k).map(s => s.requested)),
			})),
			rows,
			memory: [...rest.keys()].map(name => ({
				process: name,
				rest: rest.get(name) ?? 0,
				peak: peaks.get(name) ?? 0,
				importPeak: importPeaks.get(name) ?? 0,
			})),
		};
	} finally {
		await monolith?.stop();
		await probe.stop();
		await client?.close();
		await nodes.stop([...nodes.running.keys()]);
		await servers.stop();
		copy.remove();
	}
}

// ── The second hop, variant by variant ──────────────────────────────────────

/**
 * Ways of crossing the hop (gateway → NATS → service), each given to every node as its
 * configuration: Moleculer's serializers and NATS picking the node (disableBalancer). Metrics are
 * not among them: sync's operator view is its gauges, so they stay on. The first is the default
 * configuration, the baseline.
 */
const HOP_VARIANTS: Record<string, { label: string; env: Record<string, string> }> = {
	json: { label: "JSON (the default)", env: {} },
	msgpack: { label: "MsgPack (msgpack5)", env: { SERIALIZER: "MsgPack" } },
	notepack: { label: "Notepack (notepack.io)", env: { SERIALIZER: "Notepack" } },
	"nats-balancer": { label: "JSON, NATS picks the node", env: { BALANCER: "nats" } },
};

function hopVariantList(text: string): string[] {
	const names = text.split(",").filter(name => name && name !== "none");
	for (const name of names)
		if (!(name in HOP_VARIANTS))
			throw new Error(
				`Unknown hop variant ${name} (${Object.keys(HOP_VARIANTS).join(", ")})`,
			);
	return names;
}

/** The probe speaks as the nodes do: same serializer, same balancing. */
function probeOptions(env: Record<string, string>) {
	return {
		serializer: (env.SERIALIZER ?? "JSON") as "JSON",
		disableBalancer: env.BALANCER === "nats",
	};
}

/**
 * On the memory store (the hop's cost alone, no database), the cheap lists uncached through each
 * variant: a cluster of its own per variant (sync, every projection, the gateway), since every
 * node must speak the same serializer.
 */
async function benchHop(opts: Options): Promise<HopRow[]> {
	const rows: HopRow[] = [];
	if (opts.hopVariants.length === 0) return rows;
	log("── the second hop: starting NATS");
	const servers = await startServers("memory");
	const cheap = ENDPOINTS.filter(e => CHEAP_LISTS.includes(e.path));
	try {
		for (const name of opts.hopVariants) {
			const variant = HOP_VARIANTS[name];
			const env: TestEnv = {
				transporter: servers.transporter,
				mongoUri: "",
				namespace: `bench-hop-${name}-${process.pid}`,
			};
			const nodes = new Nodes(env, null);
			const probe = await startProbe(env, probeOptions(variant.env));
			try {
				await startSync(nodes, opts.dataDir, new Map(), variant.env);
				const base = await startReaders(nodes, "off", 0, variant.env);
				await converged(probe);
				for (const endpoint of cheap) {
					log(`hop ${name}: ${endpoint.path}`);
					rows.push({
						variant: variant.label,
						endpoint: urlOf("", endpoint),
						load: await measure(urlOf(base, endpoint), opts, cpuWatch(nodes, endpoint)),
					});
				}
			} finally {
				await probe.stop();
				await nodes.stop([...nodes.running.keys()]);
			}
		}
	} finally {
		await servers.stop();
	}
	return rows;
}

// ── Moleculer's per-request features ───────────────────────────────────────

async function benchMiddlewareCost(opts: Options): Promise<MiddlewareRow[]> {
	if (!opts.middleware) return [];
	log("── middlewares: starting NATS");
	const servers = await startServers("memory");
	try {
		return await benchMiddlewares(servers.transporter, opts, log);
	} finally {
		await servers.stop();
	}
}

// ── The live path: a POST to the change on SSE clients ──────────────────────

const LIVE_TOKEN = "bench-live-admin-token-0123456789";
/** A group match of the bundled 2022 World Cup, played again goal after goal. */
const LIVE_MATCH = "wc-2022-matchday-13-cameroon-brazil";

async function benchLivePath(kind: StoreKind, opts: Options): Promise<LiveRow[]> {
	log(`── live path on ${kind}: starting the servers`);
	const servers = await startServers(kind);
	const env: TestEnv = {
		transporter: servers.transporter,
		mongoUri: servers.mongoUri ?? "",
		namespace: `bench-live-${kind}-${process.pid}`,
	};
	if (servers.mongoUri) await resetDatabases(servers.mongoUri);
	const nodes = new Nodes(env, servers.mongoUri);
	try {
		await startSync(nodes, opts.dataDir, new Map());
		const port = await freePort();
		const started = [
			nodes.start("ingest", "v1.ingest"),
			nodes.start("live", "v1.live"),
			nodes.start("matches", "v2.matches"),
			nodes.start("api", "api", {
				PORT: String(port),
				ADMIN_TOKEN: LIVE_TOKEN,
				RATE_LIMIT: "0",
				LOG_LEVEL: "warn",
				LIVE_MAX_STREAMS_PER_CLIENT: "5000",
			}),
		];
		await Promise.all(started.slice(0, 3).map(node => node.started(300_000)));
		await waitForPort(port, 120_000);
		const base = `http://127.0.0.1:${port}`;
		const match = LIVE_MATCH;
		await eventually(
			async () => ((await fetch(`${base}/api/v2/matches/${match}`)).ok ? true : undefined),
			300_000,
			"the match to play",
		);
		// Ingest knows the match once its own projection has it.
		await eventually(
			async () => {
				const res = await fetch(`${base}/api/admin/matches/${match}/events`, {
					method: "POST",
					headers: {
						"Content-Type": "application/json",
						Authorization: `Bearer ${LIVE_TOKEN}`,
					},
					body: JSON.stringify({ id: "kick-off", type: "KICK_OFF" }),
				});
				return res.status === 202 ? true : undefined;
			},
			300_000,
			"the kick-off",
		);
		// v1.live builds its projection from the whole log first (on FerretDB, a while).
		await streamed(base, match, 600_000);
		const rows: LiveRow[] = [];
		for (const [clients, goals, gapMs] of LIVE_ROUNDS) {
			log(`live path on ${kind}: ${clients} client(s), ${goals} goals`);
			const row = await liveLatency({
				base,
				token: LIVE_TOKEN,
				match,
				clients,
				goals,
				gapMs,
				round: `c${clients}`,
			});
			rows.push({ store: kind, ...row });
		}
		return rows;
	} finally {
		await nodes.stop([...nodes.running.keys()]);
		await servers.stop();
	}
}

/** Clients on one gateway, goals posted, ms between two goals. */
const LIVE_ROUNDS: Array<[number, number, number]> = [
	[1, 40, 10],
	[1000, 20, 10],
];

// ── Sync's import at growing scales ─────────────────────────────────────────

function generateDataSet(scale: number): Promise<string> {
	const out = mkdtempSync(join(tmpdir(), `matchday-scale-${scale}-`));
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			["--import", "tsx", "scripts/dataset.ts", "--scale", String(scale), "--out", out],
			{ cwd: REPO_ROOT, stdio: ["ignore", "ignore", "inherit"] },
		);
		child.once("exit", code =>
			code === 0
				? resolve(out)
				: reject(new Error(`the dataset generator exited with ${code}`)),
		);
	});
}

async function importAtScale(scale: number): Promise<ImportRow> {
	log(`── import at scale ${scale}: generating the data set`);
	const dataDir = await generateDataSet(scale);
	const servers = await startTestServers();
	const env: TestEnv = {
		transporter: servers.transporter,
		mongoUri: servers.mongoUri,
		namespace: `bench-import-${scale}-${process.pid}`,
	};
	const nodes = new Nodes(env, servers.mongoUri);
	const peaks = new Map<string, number>();
	try {
		const ceilingRate = await bulkInsertRate(servers.mongoUri, dataDir);
		const imported = await startSync(nodes, dataDir, peaks);
		log(
			`scale ${scale}: ${imported.documents} documents in ${imported.ms} ms (raw bulk insert: ${Math.round(ceilingRate)}/s)`,
		);
		return {
			scale,
			documents: imported.documents,
			ms: imported.ms,
			rate: imported.documents / (imported.ms / 1000),
			ceilingRate,
			syncPeak: peaks.get("sync") ?? 0,
		};
	} finally {
		await nodes.stop([...nodes.running.keys()]);
		await servers.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
}

// ── The whole archive ───────────────────────────────────────────────────────

const ARCHIVE_DIR = join(REPO_ROOT, "data", "archive");

/**
 * Sync imports the whole openfootball archive into an empty log; then every projection and the
 * gateway start and build their views from the log, as a new cluster on the archive would.
 */
async function benchArchive(kind: StoreKind): Promise<ArchiveRow> {
	log(`── archive on ${kind}: starting the servers`);
	const servers = await startServers(kind);
	const env: TestEnv = {
		transporter: servers.transporter,
		mongoUri: servers.mongoUri ?? "",
		namespace: `bench-archive-${kind}-${process.pid}`,
	};
	const nodes = new Nodes(env, servers.mongoUri);
	const probe = await startProbe(env);
	const syncPeaks = new Map<string, number>();
	const readerPeaks = new Map<string, number>();
	try {
		const imported = await startSync(nodes, ARCHIVE_DIR, syncPeaks);
		log(
			`archive on ${kind}: sync imported ${imported.documents} documents in ${imported.ms} ms`,
		);
		const started = Date.now();
		const reached = await trackPeaks(
			() => nodes.pids(),
			readerPeaks,
			async () => {
				await startReaders(nodes, "off");
				return converged(probe, started);
			},
		);
		const projections = [...reached]
			.map(([consumer, ms]) => ({ consumer, ms }))
			.sort((a, b) => a.ms - b.ms);
		log(`archive on ${kind}: every projection built in ${projections.at(-1)?.ms} ms`);
		return {
			kind,
			documents: imported.documents,
			importMs: imported.ms,
			syncPeak: syncPeaks.get("sync") ?? 0,
			projections: projections.map(p => ({
				...p,
				// A consumer goes by its service's name, and the bench names each node after its service.
				peak: readerPeaks.get(p.consumer) ?? 0,
			})),
		};
	} finally {
		await probe.stop();
		await nodes.stop([...nodes.running.keys()]);
		await servers.stop();
	}
}

// ── Main ────────────────────────────────────────────────────────────────────

const PLURAL: Record<EntityKind, string> = {
	competition: "competitions",
	team: "teams",
	player: "players",
	match: "matches",
};

async function main(): Promise<void> {
	const opts = options();
	const began = Date.now();
	const stores: StoreResult[] = [];
	for (const kind of opts.stores) stores.push(await benchStore(kind, opts));
	const imports: ImportRow[] = [];
	for (const scale of opts.importScales) imports.push(await importAtScale(scale));
	const archive: ArchiveRow[] = [];
	for (const kind of opts.archiveStores) archive.push(await benchArchive(kind));
	const hop = await benchHop(opts);
	const middleware = await benchMiddlewareCost(opts);
	const live: LiveRow[] = [];
	for (const kind of opts.liveStores) live.push(...(await benchLivePath(kind, opts)));
	const dataCounts: Record<string, number> = {};
	for (const batch of streamOpenFootball(openOpenFootballDir(opts.dataDir)))
		dataCounts[PLURAL[batch.kind]] = (dataCounts[PLURAL[batch.kind]] ?? 0) + batch.docs.length;
	const report: BenchReport = {
		opts,
		dataCounts,
		dataLabel: opts.dataDir.startsWith(REPO_ROOT)
			? opts.dataDir.slice(REPO_ROOT.length + 1)
			: "a data set given with --data",
		stores,
		imports,
		archive,
		hop,
		middleware,
		live,
		seconds: (Date.now() - began) / 1000,
	};
	const text = renderReport(report);
	writeFileSync(opts.out, text);
	log(`written to ${opts.out} in ${Math.round(report.seconds)} s`);
}

main().then(
	() => process.exit(0),
	err => {
		console.error(err);
		process.exit(1);
	},
);
