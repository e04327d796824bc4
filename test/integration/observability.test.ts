// Seeing the cluster from an operator's tools: every node of the topology, each its own process
// on real NATS and FerretDB, serves Prometheus metrics on its health port, and every metric the
// Grafana dashboard (deploy/grafana) and the alert rules (deploy/prometheus) name is among them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { nodeIds, topology } from "../../platform/topology";
import { freePort, REPO_ROOT } from "../../tools/servers";
import {
	eventually,
	getJson,
	type NodeProcess,
	resetDatabases,
	startGateway,
	startNode,
	type TestEnv,
	testEnv,
	worldCupDataDir,
} from "../support/cluster";

jest.setTimeout(300_000);

const DEPLOY = join(REPO_ROOT, "deploy");

/** The metric names a PromQL expression uses: ours and Moleculer's. */
function metricsIn(expr: string): string[] {
	return [...expr.matchAll(/\b(?:moleculer|matchday)_[a-z0-9_]+/g)].map(found => found[0]);
}

function dashboardMetrics(): string[] {
	const dashboard = JSON.parse(
		readFileSync(join(DEPLOY, "grafana", "matchday.json"), "utf8"),
	) as {
		panels: Array<{ targets: Array<{ expr: string }> }>;
	};
	return dashboard.panels.flatMap(panel =>
		panel.targets.flatMap(target => metricsIn(target.expr)),
	);
}

function alertMetrics(): string[] {
	const rules = parse(readFileSync(join(DEPLOY, "prometheus", "alerts.yml"), "utf8")) as {
		groups: Array<{ rules: Array<{ alert: string; expr: string }> }>;
	};
	return rules.groups.flatMap(group => group.rules.flatMap(rule => metricsIn(rule.expr)));
}

/** The metric families a /metrics text holds: each `# TYPE` (so a counter not yet counted is there too). */
function families(text: string): Set<string> {
	return new Set([...text.matchAll(/^# TYPE (\S+) /gm)].map(found => found[1]));
}

/** A series name as its family's: histograms are scraped as `_bucket`, `_sum` and `_count`. */
function familyOf(name: string): string {
	return name.replace(/_(bucket|sum|count)$/, "");
}

let env: TestEnv;
const nodes: NodeProcess[] = [];
/** Each node's id and the health port its /metrics is on. */
const scraped: Array<{ id: string; port: number }> = [];
let baseUrl: string;

beforeAll(async () => {
	env = testEnv("observability");
	await resetDatabases(env.mongoUri);
	const dataDir = worldCupDataDir("observability");
	const starting: Array<Promise<unknown>> = [];
	for (const group of topology()) {
		if (group.name === "api") continue;
		// One node a group: the metrics a group exports do not depend on its replicas.
		const [id] = nodeIds(group);
		const port = await freePort();
		const node = startNode(env, id, group.services, {
			HEALTH_PORT: String(port),
			DATA_DIR: dataDir,
			CATCHUP_INTERVAL: "1000",
		});
		nodes.push(node);
		scraped.push({ id, port });
		starting.push(node.started());
	}
	await Promise.all(starting);
	const port = await freePort();
	const gateway = await startGateway(env, "api-1", { HEALTH_PORT: String(port) });
	nodes.push(gateway.node);
	scraped.push({ id: "api-1", port });
	baseUrl = gateway.baseUrl;
	// Traffic, so that every read service has counted requests.
	await eventually(
		async () => (await getJson(`${baseUrl}/health/ready`)).status === 200 || undefined,
		120_000,
		"the gateway ready",
	);
	for (const path of [
		"/api/v1/players?pageSize=1",
		"/api/v1/competitions",
		"/api/v2/results?limit=1",
	])
		await getJson(`${baseUrl}${path}`);
});

afterAll(async () => {
	await Promise.all(nodes.map(node => node.stop()));
});

async function scrape(port: number): Promise<string> {
	const reply = await fetch(`http://127.0.0.1:${port}/metrics`);
	expect(reply.status).toBe(200);
	return reply.text();
}

test("every node of the topology serves its metrics on its health port", async () => {
	expect(scraped.map(node => node.id.replace(/-\d+$/, "")).sort()).toEqual(
		topology()
			.map(group => group.name)
			.sort(),
	);
	for (const { id, port } of scraped) {
		const text = await scrape(port);
		expect({ id, requests: families(text).has("moleculer_request_total") }).toEqual({
			id,
			requests: true,
		});
	}
});

test("every metric the dashboard and the alert rules name is exported by some node", async () => {
	const exported = new Set<string>();
	await eventually(
		async () => {
			for (const { port } of scraped)
				for (const name of families(await scrape(port))) exported.add(name);
			// Sync's consumer lag is set once a projection has read the feed as itself.
			return exported.has("matchday_sync_consumer_lag") || undefined;
		},
		60_000,
		"the consumers' lag",
	);
	const named = [...new Set([...dashboardMetrics(), ...alertMetrics()].map(familyOf))].sort();
	// Else the check below proves nothing.
	expect(named.length).toBeGreaterThanOrEqual(10);
	expect(named.filter(name => !exported.has(name))).toEqual([]);
});

test("the gateway counts each public service's nodes, and sync's lag names every consumer", async () => {
	const gateway = scraped.find(node => node.id === "api-1");
	const sync = scraped.find(node => node.id === "sync-1");
	if (!gateway || !sync) throw new Error("no gateway or sync node");
	const gatewayText = await scrape(gateway.port);
	expect(gatewayText).toMatch(/^matchday_gateway_service_nodes\{service="v1\.players"\} 1$/m);
	expect(gatewayText).toMatch(/^matchday_gateway_service_nodes\{service="v1\.sync"\} 1$/m);
	await eventually(
		async () =>
			/^matchday_sync_consumer_lag\{consumer="v1\.players"\} \d+$/m.test(
				await scrape(sync.port),
			) || undefined,
		60_000,
		"v1.players' lag at sync",
	);
});

test("the compose scrape config names every node group of the topology", () => {
	const config = parse(readFileSync(join(DEPLOY, "prometheus", "prometheus.yml"), "utf8")) as {
		scrape_configs: Array<{ dns_sd_configs: Array<{ names: string[] }> }>;
	};
	const names = config.scrape_configs.flatMap(job => job.dns_sd_configs.flatMap(sd => sd.names));
	expect(names.sort()).toEqual(
		topology()
			.map(group => group.name)
			.sort(),
	);
});
