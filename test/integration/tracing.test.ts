// Traces in a real backend: Jaeger (built from tools/jaeger, in memory) receives the spans of
// every node, and one request through the gateway is one trace holding the gateway's span and the
// service's, found through Jaeger's query API as its UI finds them. TRACING=jaeger (Moleculer's
// Zipkin exporter to Jaeger's Zipkin receiver) on a cluster, every node its own process;
// TRACING=otlp (our OTLP/HTTP exporter) on one embedded node.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Jaeger, startJaeger } from "../../tools/servers";
import {
	eventually,
	getJson,
	type NodeProcess,
	resetDatabases,
	startEmbedded,
	startGateway,
	startNode,
	type TestEnv,
	testEnv,
	worldCupDataDir,
} from "../support/cluster";

jest.setTimeout(240_000);

interface JaegerTrace {
	traceID: string;
	spans: Array<{
		spanID: string;
		operationName: string;
		processID: string;
		references: unknown[];
	}>;
	processes: Record<string, { serviceName: string }>;
}

let jaeger: Jaeger;
const nodes: NodeProcess[] = [];

beforeAll(async () => {
	jaeger = await startJaeger(mkdtempSync(join(tmpdir(), "matchday-jaeger-")));
});

afterAll(async () => {
	await Promise.all(nodes.map(node => node.stop()));
	await jaeger?.stop();
});

/** The trace Jaeger holds for the request to `path`, once it holds spans of every service named. */
async function traceOf(path: string, services: string[]): Promise<JaegerTrace> {
	return eventually(
		async () => {
			const reply = await getJson<{ data: JaegerTrace[] }>(
				`${jaeger.queryUrl}/api/traces?service=${services[1]}&limit=50&lookback=1h`,
			);
			// The gateway's span is named after the request, query included.
			const found = (reply.body.data ?? []).find(trace =>
				trace.spans.some(span => span.operationName === `GET ${path}`),
			);
			if (!found) return undefined;
			const seen = new Set(
				found.spans.map(span => found.processes[span.processID]?.serviceName),
			);
			return services.every(service => seen.has(service)) ? found : undefined;
		},
		60_000,
		`a trace of GET ${path} with spans of ${services.join(" and ")}`,
	);
}

/** GETs Argentina's players (`pageSize` makes the request one the test can find), once they are there. */
async function request(baseUrl: string, pageSize: number): Promise<string> {
	const path = `/api/v1/players?team=argentina&competition=WC&pageSize=${pageSize}`;
	await eventually(
		async () => {
			const reply = await getJson<{ total?: number }>(`${baseUrl}${path}`);
			return reply.status === 200 && reply.body.total === 26 ? true : undefined;
		},
		120_000,
		"the players of Argentina",
	);
	return path;
}

/** Every span but the first hangs from another of the same trace: one tree, not spans side by side. */
function expectOneTree(trace: JaegerTrace): void {
	const roots = trace.spans.filter(span => span.references.length === 0);
	expect(roots).toHaveLength(1);
	expect(new Set(trace.spans.map(span => span.spanID)).size).toBe(trace.spans.length);
}

test("TRACING=jaeger: a request is one trace across the gateway and the service, each its own process", async () => {
	const env: TestEnv = testEnv("tracing");
	await resetDatabases(env.mongoUri);
	const tracing = { TRACING: "jaeger", TRACING_ENDPOINT: jaeger.zipkinUrl };
	const sync = startNode(env, "sync", "v1.sync", {
		...tracing,
		DATA_DIR: worldCupDataDir("tracing"),
	});
	nodes.push(sync);
	await sync.started();
	const players = startNode(env, "players", "v1.players", {
		...tracing,
		CATCHUP_INTERVAL: "1000",
	});
	nodes.push(players);
	await players.started();
	const gateway = await startGateway(env, "api", tracing);
	nodes.push(gateway.node);
	const path = await request(gateway.baseUrl, 37);
	const trace = await traceOf(path, ["api", "v1.players"]);
	expect(trace.spans.some(span => span.operationName.includes("v1.players.list"))).toBe(true);
	expectOneTree(trace);
	// The projections' catch-up is traced too: its calls of sync's feed reach Jaeger as v1.sync's.
	await eventually(
		async () => {
			const reply = await getJson<{ data: JaegerTrace[] }>(
				`${jaeger.queryUrl}/api/traces?service=v1.sync&limit=5`,
			);
			return (
				(reply.body.data ?? []).some(t =>
					t.spans.some(s => s.operationName.includes("v1.sync.changes")),
				) || undefined
			);
		},
		60_000,
		"a span of the feed",
	);
});

test("TRACING=otlp: the same, through OpenTelemetry's protocol", async () => {
	const { node, port } = await startEmbedded("tracing-otlp", {
		TRACING: "otlp",
		TRACING_ENDPOINT: jaeger.otlpUrl,
	});
	nodes.push(node);
	const path = await request(`http://127.0.0.1:${port}`, 38);
	const trace = await traceOf(path, ["api", "v1.players"]);
	expectOneTree(trace);
});
