// The shaping behind the REPL's `topology` and `sync` commands and the gateway's cluster page.
import { PROJECTION_METRICS, SYNC_METRICS } from "../../../contracts";
import { repairsFrom, syncStatusFrom, topologyFrom } from "../../../contracts/operator-views";

describe("topologyFrom", () => {
	test("when results runs in two versions on several nodes, then each version is one row with its nodes and database", () => {
		const rows = topologyFrom([
			{
				name: "results",
				version: 1,
				fullName: "v1.results",
				nodeID: "results-v1-2",
				metadata: { database: "v1-results" },
			},
			{
				name: "results",
				version: 2,
				fullName: "v2.results",
				nodeID: "results-v2-1",
				metadata: { database: "v2-results" },
			},
			{
				name: "results",
				version: 1,
				fullName: "v1.results",
				nodeID: "results-v1-1",
				metadata: { database: "v1-results" },
			},
			{ name: "api", fullName: "api", nodeID: "api-1", metadata: {} },
			{ name: "$node", fullName: "$node", nodeID: "api-1" },
		]);
		expect(rows).toEqual([
			{ service: "api", version: "-", nodes: ["api-1"], database: "-" },
			{
				service: "v1.results",
				version: "v1",
				nodes: ["results-v1-1", "results-v1-2"],
				database: "v1-results",
			},
			{
				service: "v2.results",
				version: "v2",
				nodes: ["results-v2-1"],
				database: "v2-results",
			},
		]);
	});
});

describe("repairsFrom", () => {
	test("sums each consumer's repairs (documents and checkpoints) over the nodes that run it", () => {
		const repairs = (consumer: string, what: string, value: number) => ({
			name: PROJECTION_METRICS.repairs,
			type: "counter",
			values: [{ labels: { consumer, what }, value }],
		});
		expect(
			repairsFrom([
				[repairs("v1.players", "document", 3)],
				[repairs("v1.players", "checkpoint", 1)],
				[repairs("v1.teams", "document", 2)],
				[],
			]),
		).toEqual(
			new Map([
				["v1.players", 4],
				["v1.teams", 2],
			]),
		);
	});
});

describe("syncStatusFrom", () => {
	test("when sync's metrics hold a head and two consumers, then the status shows each consumer's checkpoint and lag", () => {
		const status = syncStatusFrom(
			"sync-1",
			[
				{ name: SYNC_METRICS.head, type: "gauge", values: [{ labels: {}, value: 120 }] },
				{
					name: SYNC_METRICS.published,
					type: "gauge",
					values: [{ labels: {}, value: 118 }],
				},
				{
					name: SYNC_METRICS.lastSync,
					type: "gauge",
					values: [{ labels: {}, value: 1_700_000_000_000 }],
				},
				{
					name: SYNC_METRICS.checkpoint,
					type: "gauge",
					values: [
						{ labels: { consumer: "v2.results" }, value: 100 },
						{ labels: { consumer: "v1.players" }, value: 120 },
					],
				},
				{
					name: SYNC_METRICS.lag,
					type: "gauge",
					values: [
						{ labels: { consumer: "v2.results" }, value: 20 },
						{ labels: { consumer: "v1.players" }, value: 0 },
					],
				},
			],
			new Map([["v2.results", 4]]),
		);
		expect(status).toEqual({
			node: "sync-1",
			head: 120,
			published: 118,
			lastSync: 1_700_000_000_000,
			consumers: [
				{ consumer: "v1.players", checkpoint: 120, lag: 0, repairs: 0 },
				{ consumer: "v2.results", checkpoint: 100, lag: 20, repairs: 4 },
			],
		});
	});

	test("when sync has not reported yet, then everything reads as zero and no consumer is listed", () => {
		expect(syncStatusFrom("sync-1", [])).toEqual({
			node: "sync-1",
			head: 0,
			published: 0,
			lastSync: 0,
			consumers: [],
		});
	});
});
