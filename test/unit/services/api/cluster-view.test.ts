// GET /api/cluster's shaping: nodes with their services and request rates, sync's lags, and the
// sharing of one reading between dashboards polling at once.
import { SYNC_METRICS } from "../../../../contracts";
import {
	actionRatesFrom,
	clusterViewFrom,
	type RatedSnapshot,
	sharedFor,
} from "../../../../services/api/cluster-view";

const REQUESTS = "moleculer.request.total";

describe("actionRatesFrom", () => {
	test("when a node handled calls from several callers, then each action's handled requests are added up; calls it made elsewhere and $node's own are left out", () => {
		const rates = actionRatesFrom([
			{
				name: REQUESTS,
				type: "counter",
				values: [
					{
						labels: { action: "v1.players.list", type: "local", caller: "api" },
						value: 10,
						rate: 30,
					},
					{
						labels: { action: "v1.players.list", type: "local", caller: "repl" },
						value: 2,
						rate: 1.25,
					},
					{
						labels: { action: "v1.teams.list", type: "remote", caller: "api" },
						value: 99,
						rate: 99,
					},
					{
						labels: { action: "$node.metrics", type: "local", caller: "api" },
						value: 5,
						rate: 5,
					},
					{
						labels: {
							action: "api.rest",
							type: "local",
							caller: null as unknown as string,
						},
						value: 4,
					},
				],
			},
		]);
		expect(rates).toEqual([
			{ action: "api.rest", total: 4, perMinute: 0 },
			{ action: "v1.players.list", total: 12, perMinute: 31.3 },
		]);
	});

	test("when a node has handled nothing yet, then there are no rates", () => {
		expect(actionRatesFrom([])).toEqual([]);
	});
});

describe("clusterViewFrom", () => {
	const services = [
		{ name: "api", fullName: "api", nodeID: "api-1" },
		{
			name: "players",
			version: 1,
			fullName: "v1.players",
			nodeID: "players-1",
			metadata: { database: "v1-players" },
		},
		{
			name: "players",
			version: 1,
			fullName: "v1.players",
			nodeID: "players-2",
			metadata: { database: "v1-players" },
		},
		{ name: "sync", version: 1, fullName: "v1.sync", nodeID: "sync-1" },
	];
	const nodes = [
		{ id: "sync-1", available: true, local: false, cpu: 12.345, client: { version: "0.15.2" } },
		{ id: "api-1", available: true, local: true, cpu: null, client: { version: "0.15.2" } },
		{ id: "players-1", available: true, local: false, cpu: 3 },
		{ id: "players-2", available: false, local: false },
	];
	const syncMetrics = [
		{ name: SYNC_METRICS.head, type: "gauge", values: [{ labels: {}, value: 120 }] },
		{ name: SYNC_METRICS.published, type: "gauge", values: [{ labels: {}, value: 120 }] },
		{
			name: SYNC_METRICS.checkpoint,
			type: "gauge",
			values: [{ labels: { consumer: "v1.players" }, value: 100 }],
		},
		{
			name: SYNC_METRICS.lag,
			type: "gauge",
			values: [{ labels: { consumer: "v1.players" }, value: 20 }],
		},
	];
	const playersMetrics = [
		{
			name: REQUESTS,
			type: "counter",
			values: [{ labels: { action: "v1.players.list", type: "local" }, value: 7, rate: 6 }],
		},
		{
			name: "matchday.projection.repairs",
			type: "counter",
			values: [{ labels: { consumer: "v1.players", what: "document" }, value: 3 }],
		},
	];

	test("when nodes run services and sync reports lags, then each node lists its services and rates, and sync its consumers", () => {
		const view = clusterViewFrom({
			nodes,
			services,
			metricsByNode: new Map<string, RatedSnapshot[]>([
				["sync-1", syncMetrics],
				["players-1", playersMetrics],
				["api-1", []],
			]),
			now: new Date("2026-01-02T03:04:05Z"),
		});
		expect(view.generatedAt).toBe("2026-01-02T03:04:05.000Z");
		expect(view.nodes).toEqual([
			{
				id: "api-1",
				available: true,
				local: true,
				cpu: null,
				moleculerVersion: "0.15.2",
				services: [{ name: "api", version: "-" }],
				requestsPerMinute: 0,
				actions: [],
			},
			{
				id: "players-1",
				available: true,
				local: false,
				cpu: 3,
				moleculerVersion: null,
				services: [{ name: "v1.players", version: "v1" }],
				requestsPerMinute: 6,
				actions: [{ action: "v1.players.list", total: 7, perMinute: 6 }],
			},
			// Its metrics could not be read (it is unavailable): its rates are unknown, not zero.
			{
				id: "players-2",
				available: false,
				local: false,
				cpu: null,
				moleculerVersion: null,
				services: [{ name: "v1.players", version: "v1" }],
				requestsPerMinute: null,
				actions: null,
			},
			{
				id: "sync-1",
				available: true,
				local: false,
				cpu: 12.3,
				moleculerVersion: "0.15.2",
				services: [{ name: "v1.sync", version: "v1" }],
				requestsPerMinute: 0,
				actions: [],
			},
		]);
		expect(view.services).toEqual([
			{ service: "api", version: "-", nodes: ["api-1"] },
			{ service: "v1.players", version: "v1", nodes: ["players-1", "players-2"] },
			{ service: "v1.sync", version: "v1", nodes: ["sync-1"] },
		]);
		expect(view.sync).toEqual({
			node: "sync-1",
			head: 120,
			published: 120,
			lastSync: 0,
			consumers: [{ consumer: "v1.players", checkpoint: 100, lag: 20, repairs: 3 }],
		});
	});

	test("when no node runs sync, or its metrics did not come, then sync is null", () => {
		const withoutSync = services.filter(service => service.fullName !== "v1.sync");
		expect(
			clusterViewFrom({
				nodes,
				services: withoutSync,
				metricsByNode: new Map(),
				now: new Date(),
			}).sync,
		).toBeNull();
		expect(
			clusterViewFrom({ nodes, services, metricsByNode: new Map(), now: new Date() }).sync,
		).toBeNull();
	});

	test("what leaves the gateway is ids, versions and numbers: no addresses, host names or configuration", () => {
		const registryNode = {
			...nodes[0],
			hostname: "secret-host",
			ipList: ["10.1.2.3"],
			config: { transporter: "nats://user:pass@nats" },
			metadata: { token: "x" },
		};
		const text = JSON.stringify(
			clusterViewFrom({
				nodes: [registryNode],
				services,
				metricsByNode: new Map(),
				now: new Date(),
			}),
		);
		expect(text).not.toMatch(/secret-host|10\.1\.2\.3|nats:|pass|token/);
	});
});

describe("sharedFor", () => {
	test("callers within the time share one reading; after it, the next caller reads again", async () => {
		let now = 0;
		let reads = 0;
		const read = sharedFor(
			1_000,
			async () => ++reads,
			() => now,
		);
		expect(await Promise.all([read(), read()])).toEqual([1, 1]);
		now = 999;
		expect(await read()).toBe(1);
		now = 1_000;
		expect(await read()).toBe(2);
	});

	test("a failed reading is not shared: the next caller tries again", async () => {
		let fail = true;
		const read = sharedFor(60_000, async () => {
			if (fail) throw new Error("node away");
			return "ok";
		});
		await expect(read()).rejects.toThrow("node away");
		fail = false;
		await expect(read()).resolves.toBe("ok");
	});
});
