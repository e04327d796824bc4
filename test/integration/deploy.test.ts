// deploy/k8s, checked offline: nodes.yaml is what the topology gives (npm run k8s), each overlay
/* eslint-disable @typescript-eslint/no-explicit-any -- rendered manifests are read as plain JSON */
// renders with kustomize, every rendered document validates against the Kubernetes OpenAPI
// schemas (kubernetes-validate, strict: no field the schema lacks) and passes our policy checks.
// The tools are installed by scripts/install-deploy-tools.sh (npm test runs it).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { topology } from "../../platform/topology";
import { NODES_YAML, renderNodesYaml } from "../../scripts/k8s";
import { SHUTDOWN_TIMEOUT_MS } from "../../scripts/lib/k8s-nodes";
import { type Manifest, policyProblems } from "../../scripts/lib/k8s-policy";
import { REPO_ROOT } from "../../tools/servers";

jest.setTimeout(120_000);

const KUSTOMIZE = join(REPO_ROOT, ".cache", "bin", "kustomize");
const VALIDATE = join(REPO_ROOT, ".cache", "kubernetes-validate", "bin", "kubernetes-validate");
const OVERLAYS = ["dev", "prod"];
const POLICY = {
	shutdownTimeoutMs: SHUTDOWN_TIMEOUT_MS,
	nodeLabel: "matchday.io/node",
	gatewayService: "api",
};

function render(overlay: string): string {
	return execFileSync(
		KUSTOMIZE,
		["build", join(REPO_ROOT, "deploy", "k8s", "overlays", overlay)],
		{
			encoding: "utf8",
		},
	);
}

function documents(yaml: string): Manifest[] {
	return parseAllDocuments(yaml).map(doc => doc.toJSON() as Manifest);
}

const rendered = new Map<string, string>();

beforeAll(() => {
	for (const tool of [KUSTOMIZE, VALIDATE])
		if (!existsSync(tool))
			throw new Error(`${tool} is missing: run bash scripts/install-deploy-tools.sh`);
	for (const overlay of OVERLAYS) rendered.set(overlay, render(overlay));
});

test("deploy/k8s/base/nodes.yaml is what npm run k8s makes of the topology", () => {
	expect(readFileSync(NODES_YAML, "utf8")).toBe(renderNodesYaml());
});

describe.each(OVERLAYS)("the %s overlay", overlay => {
	const docs = () => documents(rendered.get(overlay) ?? "");

	test("every document validates against the Kubernetes schemas, strictly", () => {
		const file = join(mkdtempSync(join(tmpdir(), "matchday-k8s-")), `${overlay}.yaml`);
		writeFileSync(file, rendered.get(overlay) ?? "");
		const run = spawnSync(VALIDATE, ["--strict", "--quiet", file], { encoding: "utf8" });
		expect({ status: run.status, errors: `${run.stdout}${run.stderr}`.trim() }).toEqual({
			status: 0,
			errors: "",
		});
		expect(docs().length).toBeGreaterThan(40);
	});

	test("passes our policy checks: probes, limits, non-root, budgets, no secret values, only the gateway exposed", () => {
		expect(policyProblems(docs(), POLICY)).toEqual([]);
	});

	test("runs every node group of the topology, NATS and MongoDB as three-member clusters, and Redis", () => {
		const workloads = new Map(
			docs()
				.filter(doc => doc.kind === "Deployment" || doc.kind === "StatefulSet")
				.map(doc => [doc.metadata?.name, doc]),
		);
		for (const group of topology()) {
			const found = workloads.get(group.name);
			expect({ group: group.name, kind: found?.kind }).toEqual({
				group: group.name,
				kind: "Deployment",
			});
			if (overlay === "dev" || group.name !== "api")
				expect({ group: group.name, replicas: found?.spec?.replicas }).toEqual({
					group: group.name,
					replicas: group.replicas,
				});
		}
		expect(workloads.get("nats")?.spec?.replicas).toBe(3);
		expect(workloads.get("mongo")?.spec?.replicas).toBe(3);
		expect(workloads.get("redis")?.kind).toBe("StatefulSet");
	});

	test("the nodes connect to the replica set by its connection string and take every secret from the Secret", () => {
		const nodes = docs().filter(
			doc =>
				doc.metadata?.labels?.["matchday.io/node"] === "true" && doc.kind === "Deployment",
		);
		for (const node of nodes) {
			const env = (node.spec as any).template.spec.containers[0].env as Array<{
				name: string;
				value?: string;
			}>;
			const uri = env.find(variable => variable.name === "MONGO_URI")?.value;
			if (node.metadata?.name === "api") {
				expect(uri).toBeUndefined();
				continue;
			}
			expect(uri).toMatch(
				/^mongodb:\/\/matchday:\$\(MONGO_PASSWORD\)@mongo-0\.mongo:27017,mongo-1\.mongo:27017,mongo-2\.mongo:27017\//,
			);
			expect(uri).toContain("replicaSet=rs0");
			expect(uri).toContain("retryWrites=true");
			expect(uri).toContain("readPreference=primary");
		}
		expect(documents(rendered.get(overlay) ?? "").some(doc => doc.kind === "Secret")).toBe(
			false,
		);
	});
});

test("the policy checks and the schemas catch a broken manifest (this test would pass on nothing otherwise)", () => {
	const broken = (rendered.get("prod") ?? "").replace(
		"readOnlyRootFilesystem: true",
		"readOnlyRootFilesystem: false",
	);
	expect(policyProblems(documents(broken), POLICY)).toEqual([
		expect.stringContaining("has a writable root filesystem"),
	]);
	const file = join(mkdtempSync(join(tmpdir(), "matchday-k8s-")), "broken.yaml");
	writeFileSync(
		file,
		(rendered.get("prod") ?? "").replace("maxUnavailable: 1", "maxUnavailabl: 1"),
	);
	const run = spawnSync(VALIDATE, ["--strict", "--quiet", file], { encoding: "utf8" });
	expect(run.status).not.toBe(0);
	expect(`${run.stdout}${run.stderr}`).toContain("'maxUnavailabl' was unexpected");
});
