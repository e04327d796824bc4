// A service is one folder, and the gateway follows the registry: a new version made the way a
// developer would make it — v2's file copied to `results.v3.service.ts`, its version and its
// database changed, nothing else edited — is started from a copy of the tree on a running
// cluster. Its route and its OpenAPI entry appear without the gateway being touched; when its
// node goes, the route answers 503 with Retry-After; when the node returns, 200 again.
import { execFileSync } from "node:child_process";
import {
	cpSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import type { NodeGroup } from "../../platform/topology";
import { REPO_ROOT } from "../../tools/servers";
import type { ResultsListV2Result } from "../../services/results/results.contract";
import { composeGaps } from "../support/compose";
import {
	eventually,
	getJson,
	type NodeProcess,
	resetDatabases,
	startGateway,
	startNode,
	type TestEnv,
	testEnv,
} from "../support/cluster";

jest.setTimeout(300_000);

/** What a node's tree holds: the code of every layer and the files node.ts reads. */
const TREE = [
	"contracts",
	"domain",
	"storage",
	"mixins",
	"platform",
	"services",
	"moleculer.config.ts",
	"package.json",
	"tsconfig.json",
	"docker-compose.yml",
];

let env: TestEnv;
let copy: string;
let dataDir: string;
let gateway: { node: NodeProcess; baseUrl: string };
const nodes: NodeProcess[] = [];

/** Every file under `dir`, relative to it, with its content. */
function filesOf(dir: string, base = dir): Map<string, string> {
	const found = new Map<string, string>();
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory())
			for (const [name, text] of filesOf(path, base)) found.set(name, text);
		else found.set(relative(base, path), readFileSync(path, "utf8"));
	}
	return found;
}

/** What a developer does to make v3: copy v2's file, change its version and its database. */
function addVersion3(root: string): void {
	const v2 = readFileSync(join(root, "services", "results", "results.v2.service.ts"), "utf8");
	const v3 = v2.replace(/\bversion: 2\b/, "version: 3").replace(/"v2-results"/, '"v3-results"');
	expect(v3).not.toBe(v2);
	writeFileSync(join(root, "services", "results", "results.v3.service.ts"), v3);
}

beforeAll(async () => {
	env = testEnv("new-version");
	await resetDatabases(env.mongoUri);
	// A small source: the World Cups are enough to serve results from.
	dataDir = mkdtempSync(join(tmpdir(), "matchday-version-data-"));
	cpSync(join(REPO_ROOT, "data", "openfootball", "worldcup"), join(dataDir, "worldcup"), {
		recursive: true,
	});

	copy = mkdtempSync(join(tmpdir(), "matchday-tree-"));
	for (const part of TREE) cpSync(join(REPO_ROOT, part), join(copy, part), { recursive: true });
	symlinkSync(join(REPO_ROOT, "node_modules"), join(copy, "node_modules"), "dir");
	addVersion3(copy);

	const sync = startNode(env, "sync", "v1.sync", { DATA_DIR: dataDir, SYNC_INTERVAL: "0" });
	const v2 = startNode(env, "results-v2", "v2.results");
	nodes.push(sync, v2);
	await Promise.all([sync.started(), v2.started()]);
	gateway = await startGateway(env, "api", { RATE_LIMIT: "0" });
}, 240_000);

afterAll(async () => {
	await Promise.all([...nodes, gateway?.node].filter(Boolean).map(node => node!.stop()));
	rmSync(copy, { recursive: true, force: true });
	rmSync(dataDir, { recursive: true, force: true });
});

describe("a new version dropped into its folder", () => {
	test("needs no file outside its own folder: the copy differs from the tree by that one file", () => {
		const before = filesOf(join(REPO_ROOT, "services"));
		const after = filesOf(join(copy, "services"));
		const changed = [...after.keys()].filter(name => before.get(name) !== after.get(name));
		const removed = [...before.keys()].filter(name => !after.has(name));
		expect({ changed, removed }).toEqual({
			changed: ["results/results.v3.service.ts"],
			removed: [],
		});
		for (const part of TREE.filter(name => name !== "services")) {
			const original = join(REPO_ROOT, part);
			expect({
				part,
				same: execFileSync("diff", ["-r", "-q", original, join(copy, part)], {
					encoding: "utf8",
				}),
			}).toEqual({ part, same: "" });
		}
	});

	test("the topology finds it by itself; what is left is its deployment entry: a node group in docker-compose.yml", () => {
		const script =
			'const { topology } = require("./platform/topology"); console.log(JSON.stringify(topology()));';
		const groups = JSON.parse(
			execFileSync(process.execPath, ["--import", "tsx", "-e", script], {
				cwd: copy,
				encoding: "utf8",
			}),
		) as NodeGroup[];
		expect(groups).toContainEqual({ name: "results-v3", services: "v3.results", replicas: 1 });
		// The same check as the compose suite's, on the copy: the new group is the one thing compose lacks.
		const gaps = composeGaps(groups, readFileSync(join(copy, "docker-compose.yml"), "utf8"));
		expect(gaps).toEqual([{ name: "results-v3", services: "v3.results", replicas: 1 }]);
	});

	test("started on a running cluster, it is served at /api/v3/results and documented, the gateway untouched; gone, 503; back, 200", async () => {
		const gatewayPid = gateway.node.pid;
		const before = await getJson<{ paths: Record<string, unknown> }>(
			`${gateway.baseUrl}/api/openapi.json`,
		);
		expect(Object.keys(before.body.paths)).toContain("/api/v2/results");
		expect(Object.keys(before.body.paths)).not.toContain("/api/v3/results");
		expect((await getJson(`${gateway.baseUrl}/api/v3/results`)).status).toBe(404);

		const start = () => {
			const node = startNode(env, "results-v3", "v3.results", {}, copy);
			nodes.push(node);
			return node.started();
		};
		const v3 = await start();
		const served = await eventually(
			async () => {
				const reply = await getJson<ResultsListV2Result>(
					`${gateway.baseUrl}/api/v3/results?competition=WC&season=2022&stage=FINAL`,
				);
				return reply.status === 200 && reply.body.matches.length === 1 ? reply : undefined;
			},
			120_000,
			"v3 to serve the 2022 final",
		);
		expect(served.body.matches[0]).toMatchObject({
			id: "wc-2022-final-argentina-france",
			score: { penalties: { home: 4, away: 2 } },
		});
		const after = await getJson<{ paths: Record<string, { get: { operationId: string } }> }>(
			`${gateway.baseUrl}/api/openapi.json`,
		);
		expect(after.body.paths["/api/v3/results"].get.operationId).toBe("v3ResultsList");
		// Its own database, beside v2's.
		const ready = await getJson<{ services: Record<string, boolean> }>(
			`${gateway.baseUrl}/health/ready`,
		);
		expect(ready.body.services).toMatchObject({ "v2.results": true, "v3.results": true });

		await v3.stop();
		const away = await eventually(
			async () => {
				const reply = await getJson<{ error: { type: string } }>(
					`${gateway.baseUrl}/api/v3/results`,
				);
				return reply.status === 503 ? reply : undefined;
			},
			30_000,
			"the v3 route to answer 503",
		);
		expect(away.body.error.type).toBe("SERVICE_UNAVAILABLE");
		expect(away.headers.get("retry-after")).toBe("5");
		expect((await getJson(`${gateway.baseUrl}/health/ready`)).body).toMatchObject({
			status: "not ready",
			services: { "v3.results": false },
		});
		// v2 went on serving all along.
		expect((await getJson(`${gateway.baseUrl}/api/v2/results?limit=1`)).status).toBe(200);

		await start();
		await eventually(
			async () =>
				(await getJson(`${gateway.baseUrl}/api/v3/results?limit=1`)).status === 200
					? true
					: undefined,
			60_000,
			"v3 to serve again",
		);
		expect({ pid: gateway.node.pid, exited: gateway.node.exited }).toEqual({
			pid: gatewayPid,
			exited: false,
		});
	});
});
