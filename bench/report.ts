// BENCHMARKS.md from one run of `npm run bench`: what was measured, how, and the numbers.
import { existsSync, readFileSync } from "node:fs";
import { cpus, totalmem, type } from "node:os";
import { join } from "node:path";
import type { EntityKind } from "../domain/model";
import { type Load, type LoadOptions, MIN_ANSWERS_PER_CONNECTION } from "./load";
import type { LiveLatencyRow } from "./live";
import type { MiddlewareRow } from "./middleware";

export interface EndpointRow {
	endpoint: string;
	micro: Load;
	/** Absent on FerretDB/PostgreSQL: cache hits never reach the database, so SQLite's run says it. */
	cached?: Load;
	/** The gateway's response cache on (and the services' cacher off); absent where `cached` is. */
	gatewayCached?: Load;
	/** Revalidations answered 304 by the gateway's cache (requests/s counts the 304s). */
	notModified?: Load;
	monolith: Load;
	/** Absent on the memory store: there is no driver to go straight through. */
	ceiling?: Load;
}

export interface StoreResult {
	kind: "sqlite" | "postgresql" | "memory";
	imported: { documents: number; ms: number; rate: number; ceilingRate: number | null };
	convergeMs: number;
	monolithLoadMs: number;
	propagation: Array<{
		kind: EntityKind;
		consumers: number;
		samples: number;
		published: { p50: number; p99: number };
		requested: { p50: number; p99: number };
	}>;
	rows: EndpointRow[];
	/** Single changes that did not reach every projection in time, as the benchmark said so. */
	missedChanges: string[];
	memory: Array<{ process: string; rest: number; peak: number; importPeak: number }>;
}

export interface ImportRow {
	scale: number;
	documents: number;
	ms: number;
	rate: number;
	ceilingRate: number;
	syncPeak: number;
}

export interface ArchiveRow {
	kind: StoreResult["kind"];
	documents: number;
	importMs: number;
	syncPeak: number;
	/** Each projection: ms from its node's start until it had applied the whole log, and its node's peak RSS. */
	projections: Array<{ consumer: string; ms: number; peak: number }>;
}

/** One cheap list through one way of crossing the second hop (memory store, uncached). */
export interface HopRow {
	variant: string;
	endpoint: string;
	load: Load;
}

export interface BenchReport {
	opts: LoadOptions & { samples: number };
	dataLabel: string;
	dataCounts: Record<string, number>;
	stores: StoreResult[];
	imports: ImportRow[];
	archive: ArchiveRow[];
	hop: HopRow[];
	middleware: MiddlewareRow[];
	live: LiveRow[];
	seconds: number;
}

const STORE_NAMES: Record<StoreResult["kind"], string> = {
	sqlite: "FerretDB 1.24.2 on SQLite",
	postgresql: "FerretDB 1.24.2 on PostgreSQL",
	memory: "in memory (moleculer-db's NeDB store, no database server)",
};

function fmt(n: number, digits = 0): string {
	return n.toLocaleString("en-GB", {
		maximumFractionDigits: digits,
		minimumFractionDigits: digits,
	});
}

function load(l: Load | undefined): string {
	return l
		? `${fmt(l.rps, l.rps < 100 ? 1 : 0)}${l.counted ? "†" : ""} (${fmt(l.p50, l.p50 < 10 ? 1 : 0)} / ${fmt(l.p99, l.p99 < 10 ? 1 : 0)})`
		: "n/a";
}

function ratio(a: number | undefined, b: number): string {
	return a !== undefined && b > 0 ? `**${fmt(a / b, 2)}×**` : "n/a";
}

/** CPU microseconds per request of a watched process, or n/a. */
function cpu(l: Load | undefined, process: string): string {
	const value = l?.cpu?.[process];
	return value === undefined ? "n/a" : fmt(value, value < 100 ? 1 : 0);
}

/** Where each request's CPU goes: the gateway and the service, uncached; the gateway alone, from its cache and for a 304. */
function cpuTable(store: StoreResult): string[] {
	if (!store.rows.some(r => r.micro.cpu)) return [];
	return [
		"CPU per request, in microseconds (user + system, from /proc; the clock ticks every 10 ms, so a run of a few thousand requests reads to a few µs):",
		"",
		"| Endpoint | Gateway, uncached | Service, uncached | Gateway, with the services' cacher | Service, with the services' cacher | Gateway, its cache | Gateway, 304 |",
		"|---|---|---|---|---|---|---|",
		...store.rows.map(
			r =>
				`| \`${r.endpoint}\` | ${cpu(r.micro, "gateway")} | ${cpu(r.micro, "service")} | ${cpu(r.cached, "gateway")} | ${cpu(r.cached, "service")} | ${cpu(r.gatewayCached, "gateway")} | ${cpu(r.notModified, "gateway")} |`,
		),
		"",
	];
}

function endpointTable(store: StoreResult): string[] {
	return [
		"| Endpoint | Microservices | Monolith | Micro ÷ mono | Cached | Cached ÷ mono | Gateway cache | Gateway cache ÷ mono | 304s | Ceiling (driver) |",
		"|---|---|---|---|---|---|---|---|---|---|",
		...store.rows.map(
			r =>
				`| \`${r.endpoint}\` | ${load(r.micro)} | ${load(r.monolith)} | ${ratio(r.micro.rps, r.monolith.rps)} | ${load(r.cached)} | ${ratio(r.cached?.rps, r.monolith.rps)} | ${load(r.gatewayCached)} | ${ratio(r.gatewayCached?.rps, r.monolith.rps)} | ${load(r.notModified)} | ${load(r.ceiling)} |`,
		),
		"",
		...cpuTable(store),
		...(store.rows.some(r => [r.micro, r.cached, r.monolith].some(l => l?.counted))
			? [
					"† Too slow for a timed run: measured by a fixed number of requests, the rate being answers ÷ the time they took.",
					"",
				]
			: []),
		`Failed requests (non-2xx, errors, timeouts) in these runs: ${fmt(store.rows.reduce((n, r) => n + r.micro.failures + (r.cached?.failures ?? 0) + r.monolith.failures, 0))}.`,
	];
}

function storeSection(store: StoreResult): string[] {
	const imported = store.imported;
	return [
		`## ${STORE_NAMES[store.kind]}`,
		"",
		"Requests per second (p50 / p99 latency in ms):",
		"",
		...endpointTable(store),
		"",
		"Sync and projections:",
		"",
		`- Import into the master log: ${fmt(imported.documents)} documents in ${fmt(imported.ms)} ms = **${fmt(imported.rate)} documents/s**` +
			(imported.ceilingRate
				? ` against a raw bulk insert of the same records at ${fmt(imported.ceilingRate)}/s (**${fmt(imported.rate / imported.ceilingRate, 2)}×** the ceiling).`
				: " (no database: no ceiling to compare with)."),
		`- Every projection built from the log (${fmt(store.convergeMs)} ms from starting their nodes); the monolith loads the same data in ${fmt(store.monolithLoadMs)} ms.`,
		...store.propagation.map(
			p =>
				`- A single ${p.kind} change reaches every projection that keeps it (${p.consumers}): **p50 ${fmt(p.published.p50, 1)} ms, p99 ${fmt(p.published.p99, 1)} ms** from sync publishing it (${p.samples} samples); from asking for a sync, which re-reads the whole source, p50 ${fmt(p.requested.p50)} ms, p99 ${fmt(p.requested.p99)} ms.`,
		),
		...store.missedChanges.map(message => `- **Missed**: ${message}.`),
		"",
		"Memory (RSS, MiB): at rest after loading, peak while building the projections, peak under load:",
		"",
		"| Process | At rest | Peak while loading | Peak under load |",
		"|---|---|---|---|",
		...store.memory.map(
			m =>
				`| ${m.process} | ${fmt(m.rest)} | ${m.importPeak ? fmt(m.importPeak) : "–"} | ${fmt(m.peak)} |`,
		),
		"",
	];
}

function importSection(rows: ImportRow[]): string[] {
	if (rows.length === 0) return [];
	return [
		"## Sync's import at growing scales (FerretDB on SQLite)",
		"",
		"Data sets generated by `npm run dataset -- --scale N` (seed 1); sync imports each into an empty log. The ceiling is the same records inserted 1,000 at a time by the driver, nothing else.",
		"",
		"| Scale | Documents | Import | Documents/s | Raw bulk insert/s | Import ÷ ceiling | Sync's peak RSS (MiB) |",
		"|---|---|---|---|---|---|---|",
		...rows.map(
			r =>
				`| ${r.scale} | ${fmt(r.documents)} | ${fmt(r.ms / 1000, 1)} s | ${fmt(r.rate)} | ${fmt(r.ceilingRate)} | **${fmt(r.rate / r.ceilingRate, 2)}×** | ${fmt(r.syncPeak)} |`,
		),
		"",
	];
}

function archiveSection(rows: ArchiveRow[]): string[] {
	if (rows.length === 0) return [];
	const lines = [
		"## The whole openfootball archive (`data/archive`)",
		"",
		"Sync imports the archive into an empty log (`npm run start:archive` does the same in one process); then every projection service and the gateway start, each a node of its own, and build their views from the log. *Built* is the time from their start until the projection's checkpoint reached sync's head.",
		"",
	];
	for (const row of rows) {
		const last = row.projections.at(-1);
		lines.push(
			`### ${STORE_NAMES[row.kind]}`,
			"",
			`- Sync's import: ${fmt(row.documents)} documents in **${fmt(row.importMs / 1000, 1)} s**, peak RSS **${fmt(row.syncPeak)} MiB**.`,
			`- Every projection built **${fmt((last?.ms ?? 0) / 1000, 1)} s** after the nodes started (the last: ${last?.consumer ?? "none"}).`,
			"",
			"| Projection | Built after | Node's peak RSS (MiB) |",
			"|---|---|---|",
			...row.projections.map(
				p => `| ${p.consumer} | ${fmt(p.ms / 1000, 1)} s | ${p.peak ? fmt(p.peak) : "–"} |`,
			),
			"",
		);
	}
	return lines;
}

/** The lists #16 calls cheap: little to read, so the hop's own cost shows. */
export const CHEAP_LISTS = ["/api/v1/competitions", "/api/v1/standings", "/api/v1/teams"];

/** Each variant of the hop against the baseline (the first) and the in-memory monolith of the same run. */
function hopSection(report: BenchReport): string[] {
	if (report.hop.length === 0) return [];
	const monolith = report.stores.find(s => s.kind === "memory")?.rows;
	const monolithRps = (endpoint: string) =>
		monolith?.find(r => r.endpoint === endpoint)?.monolith.rps;
	const baseline = report.hop[0].variant;
	const baselineRps = (endpoint: string) =>
		report.hop.find(r => r.variant === baseline && r.endpoint === endpoint)?.load.rps ?? 0;
	const vsMonolith = (row: HopRow) => {
		const mono = monolithRps(row.endpoint);
		return mono ? ratio(row.load.rps, mono) : "n/a";
	};
	return [
		"## The second hop, variant by variant (in memory)",
		"",
		"The cheap lists, uncached, through the microservices with every node of the cluster configured the same way: a serializer (`SERIALIZER`), or NATS picking the node (`BALANCER=nats`, Moleculer's `disableBalancer`). Each variant is a cluster of its own on the memory store (sync, every projection, the gateway), so no database shares the cost. *÷ monolith* compares with the in-memory monolith above (same run); *÷ baseline* with the first variant.",
		"",
		"| Variant | Endpoint | Requests/s (p50 / p99 ms) | ÷ baseline | ÷ monolith | Gateway µs/request | Service µs/request |",
		"|---|---|---|---|---|---|---|",
		...report.hop.map(
			r =>
				`| ${r.variant} | \`${r.endpoint}\` | ${load(r.load)} | ${ratio(r.load.rps, baselineRps(r.endpoint))} | ${vsMonolith(r)} | ${cpu(r.load, "gateway")} | ${cpu(r.load, "service")} |`,
		),
		"",
	];
}

/** The live path's latency on one store with a number of clients. */
export interface LiveRow extends LiveLatencyRow {
	store: StoreResult["kind"];
}

/** From a POST of a match event to its frame on SSE clients (#17's target). */
function liveSection(report: BenchReport): string[] {
	if (report.live.length === 0) return [];
	return [
		"## The live path: a POSTed event on SSE clients",
		"",
		"Every node its own process (sync, v1.ingest, v1.live, v2.matches, the gateway). A match is kicked off, then goals are posted one after another; each SSE client of `GET /api/v1/live?match=…` records when each goal's frame arrives. Latency is from the moment the POST is sent to the frame's arrival, on the benchmark's clock (so it includes the 202).",
		"",
		"| Store | SSE clients | Frames | p50 ms | p99 ms | max ms | Missing |",
		"|---|---|---|---|---|---|---|",
		...report.live.map(
			r =>
				`| ${STORE_NAMES[r.store].replace(/ \(.*\)$/, "")} | ${fmt(r.clients)} | ${fmt(r.samples)} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ${fmt(r.max, 1)} | ${fmt(r.missing)} |`,
		),
		"",
	];
}

/** Each per-request feature of Moleculer's, switched off on both ends, against the default. */
function middlewareSection(report: BenchReport): string[] {
	if (report.middleware.length === 0) return [];
	const baseline = (path: MiddlewareRow["path"]) => report.middleware.find(r => r.path === path)!;
	const saved = (row: MiddlewareRow) => {
		const base = baseline(row.path);
		const total = (r: MiddlewareRow) => r.callerMicros + (r.serviceMicros ?? 0);
		return row === base ? "—" : fmt(total(base) - total(row));
	};
	return [
		"## Moleculer's per-request features, end by end",
		"",
		`One action with v1.competitions.list's params schema and a fixed 1.7 KB page for an answer (no work of ours), called by ${report.opts.connections} concurrent callers for ${report.opts.duration} s after 1 s of warm-up; each variant ran three times, interleaved with the others, and the run of median CPU is shown. *NATS*: the caller is one process and the service a node of its own, each end's CPU read from its process; *one process*: caller and service on one broker, no hop. Each variant switches a feature off on both ends; *µs saved* is the default's CPU per call (both ends) minus the variant's. Moleculer always creates a context, so *all three off* is the context and the call path alone.`,
		"",
		"| Path | Variant | Calls/s (p50 / p99 ms) | Caller µs/call | Service µs/call | µs saved |",
		"|---|---|---|---|---|---|",
		...report.middleware.map(
			r =>
				`| ${r.path} | ${r.variant} | ${load(r.load)} | ${fmt(r.callerMicros)} | ${r.serviceMicros === null ? "(same process)" : fmt(r.serviceMicros)} | ${saved(r)} |`,
		),
		"",
	];
}

/** The issue's targets, each with the figures that decide it. */
function targetsSection(report: BenchReport): string[] {
	const lines = ["## Targets", "", "| Target | Store | Result |", "|---|---|---|"];
	for (const store of report.stores) {
		const name = STORE_NAMES[store.kind].replace(/ \(.*\)$/, "");
		const uncached = store.rows.map(r => r.micro.rps / r.monolith.rps);
		const met = (ratios: number[], min: number) =>
			`${ratios.filter(r => r >= min).length} of ${ratios.length} endpoints (${fmt(Math.min(...ratios), 2)}× – ${fmt(Math.max(...ratios), 2)}×)`;
		lines.push(
			`| Uncached ≥ 0.6× the monolith's requests/s | ${name} | ${met(uncached, 0.6)} |`,
		);
		const cheap = store.rows
			.filter(r => CHEAP_LISTS.some(path => r.endpoint.startsWith(path)))
			.map(r => r.micro.rps / r.monolith.rps);
		if (cheap.length > 0)
			lines.push(
				`| Cheap lists (competitions, standings, teams) uncached ≥ 0.5× the monolith | ${name} | ${met(cheap, 0.5)} |`,
			);
		const cached = store.rows.filter(r => r.cached).map(r => r.cached!.rps / r.monolith.rps);
		if (cached.length > 0)
			lines.push(
				`| With the services' cacher ≥ 1× the monolith | ${name} | ${met(cached, 1)} |`,
			);
		const gatewayCached = store.rows
			.filter(r => r.gatewayCached)
			.map(r => r.gatewayCached!.rps / r.monolith.rps);
		if (gatewayCached.length > 0)
			lines.push(
				`| With the gateway cache, every endpoint ≥ 1× the monolith | ${name} | ${met(gatewayCached, 1)} |`,
			);
		const shares = store.rows
			.filter(r => r.notModified?.cpu?.gateway !== undefined && r.micro.cpu?.gateway)
			.map(r => r.notModified!.cpu!.gateway / r.micro.cpu!.gateway);
		if (shares.length > 0)
			lines.push(
				`| A 304 costs < 1/10 of a full answer's CPU at the gateway | ${name} | ${shares.filter(s => s < 0.1).length} of ${shares.length} endpoints (${fmt(Math.min(...shares), 3)} – ${fmt(Math.max(...shares), 3)} of an uncached answer's) |`,
			);
		const p99 = Math.max(...store.propagation.map(p => p.published.p99));
		lines.push(
			`| A single change reaches every projection in < 50 ms p99 | ${name} | ${p99 < 50 && store.missedChanges.length === 0 ? "met" : "not met"}: worst p99 ${fmt(p99, 1)} ms${store.missedChanges.length > 0 ? `, ${store.missedChanges.length} change(s) missed` : ""} |`,
		);
		if (store.imported.ceilingRate) {
			const share = store.imported.rate / store.imported.ceilingRate;
			lines.push(
				`| Import ≥ 0.5× the raw bulk insert | ${name} | ${share >= 0.5 ? "met" : "not met"}: ${fmt(share, 2)}× |`,
			);
		}
	}
	if (report.imports.length > 1) {
		const first = report.imports[0];
		const last = report.imports[report.imports.length - 1];
		lines.push(
			`| No node's memory grows with the data set during import | FerretDB on SQLite | sync: ${fmt(first.syncPeak)} MiB at ${fmt(first.documents)} documents, ${fmt(last.syncPeak)} MiB at ${fmt(last.documents)} (${fmt(last.documents / first.documents)}× the data; see the findings below) |`,
		);
	}
	return [...lines, ""];
}

export function renderReport(report: BenchReport): string {
	const cpu = cpus();
	const { opts } = report;
	return [
		"# Benchmarks",
		"",
		`Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}; the run took ${fmt(report.seconds / 60, 1)} minutes. Every figure on this page comes from that one run.`,
		"",
		`- **Machine**: ${cpu.length} × ${cpu[0]?.model ?? "unknown CPU"}, ${fmt(totalmem() / 2 ** 30, 1)} GiB, ${type()}, Node ${process.versions.node}.`,
		`- **Data**: ${Object.entries(report.dataCounts)
			.map(([kind, n]) => `${fmt(n)} ${kind}`)
			.join(", ")} (\`${report.dataLabel}\`).`,
		`- **Load**: autocannon in a process of its own, ${opts.connections} connections, ${opts.duration} s per run after 1 s of warm-up, loopback; after each run the server's queue is worked off before the next starts. An endpoint too slow to answer ${MIN_ANSWERS_PER_CONNECTION} times per connection in a run (judged by one request alone after the warm-up, and by the run itself) is measured by a count of ${MIN_ANSWERS_PER_CONNECTION * opts.connections} requests instead (†). Rates count 2xx answers only; the nodes wait for an answer as long as autocannon does (\`REQUEST_TIMEOUT\` 60 s), so a slow answer is measured, not turned into a 504.`,
		"- **Paths**: *Microservices* = gateway (moleculer-web) → NATS → the service → its own database, one node per service, cacher off. *Cached* = the same with Moleculer's memory cacher on. *Gateway cache* = the gateway's response cache on (services' cacher off): a repeated request is answered by the gateway; *304s* = revalidations with the answer's ETag, answered by the gateway. *Monolith* = `bench/monolith.ts`: one process, one database, no broker, the same validation schemas, projection code and queries (its answers are checked byte for byte against the gateway's before it is measured). *Ceiling* = the same queries straight through the MongoDB driver, no HTTP.",
		"",
		...targetsSection(report),
		...report.stores.flatMap(storeSection),
		...importSection(report.imports),
		...archiveSection(report.archive),
		...hopSection(report),
		...middlewareSection(report),
		...liveSection(report),
		...findings(),
	].join("\n");
}

/** The hand-written part: what profiling found and what each change bought (bench/findings.md). */
function findings(): string[] {
	const path = join(__dirname, "findings.md");
	return existsSync(path) ? [readFileSync(path, "utf8")] : [];
}
