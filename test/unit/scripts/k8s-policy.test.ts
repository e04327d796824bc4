// Our policy checks of Kubernetes manifests (scripts/lib/k8s-policy.ts): each rule finds the
// breach it is for, and the generated nodes pass them all.
/* eslint-disable @typescript-eslint/no-explicit-any -- the tests reach into nested manifest fields to break them on purpose */
import { nodeManifests } from "../../../scripts/lib/k8s-nodes";
import { type Manifest, policyProblems } from "../../../scripts/lib/k8s-policy";
import { topology } from "../../../platform/topology";

const OPTIONS = { shutdownTimeoutMs: 10_000, nodeLabel: "matchday.io/node", gatewayService: "api" };
const DENY: Manifest = {
	apiVersion: "networking.k8s.io/v1",
	kind: "NetworkPolicy",
	metadata: { name: "default-deny" },
	spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
};

/** The generated nodes of a topology with players at two replicas, and the default deny. */
function rendered(): Manifest[] {
	const groups = topology().map(group =>
		group.services === "v1.players" ? { ...group, replicas: 2 } : group,
	);
	return [...(nodeManifests(groups, "test") as Manifest[]), DENY];
}

function deployment(docs: Manifest[], name: string): Manifest & { spec: Record<string, any> } {
	const found = docs.find(doc => doc.kind === "Deployment" && doc.metadata?.name === name);
	if (!found) throw new Error(`no Deployment ${name}`);
	return found as Manifest & { spec: Record<string, any> };
}

describe("policyProblems", () => {
	it("finds nothing wrong with the nodes npm run k8s makes", () => {
		expect(policyProblems(rendered(), OPTIONS)).toEqual([]);
	});

	it.each([
		["a missing readiness probe", (c: any) => delete c.readinessProbe, "has no readinessProbe"],
		["a missing liveness probe", (c: any) => delete c.livenessProbe, "has no livenessProbe"],
		[
			"a missing memory limit",
			(c: any) => delete c.resources.limits.memory,
			"has no memory limits",
		],
		[
			"a missing cpu request",
			(c: any) => delete c.resources.requests.cpu,
			"has no cpu requests",
		],
		[
			"privilege escalation",
			(c: any) => (c.securityContext.allowPrivilegeEscalation = true),
			"allows privilege escalation",
		],
		[
			"a writable root filesystem",
			(c: any) => delete c.securityContext.readOnlyRootFilesystem,
			"has a writable root filesystem",
		],
		[
			"a secret in plain text",
			(c: any) => c.env.push({ name: "ADMIN_TOKEN", value: "0123456789abcdef" }),
			"writes ADMIN_TOKEN in plain text",
		],
	])("finds %s", (_what, breakIt, message) => {
		const docs = rendered();
		breakIt(deployment(docs, "players").spec.template.spec.containers[0]);
		expect(policyProblems(docs, OPTIONS)).toEqual([
			expect.stringContaining(`Deployment/players container node ${message}`),
		]);
	});

	it("finds a pod that may run as root", () => {
		const docs = rendered();
		delete deployment(docs, "teams").spec.template.spec.securityContext.runAsNonRoot;
		expect(policyProblems(docs, OPTIONS)).toEqual([
			"Deployment/teams container node may run as root (runAsNonRoot is not set)",
		]);
	});

	it("finds a group of several replicas without a disruption budget", () => {
		const docs = rendered().filter(
			doc => !(doc.kind === "PodDisruptionBudget" && doc.metadata?.name === "players"),
		);
		expect(policyProblems(docs, OPTIONS)).toEqual([
			"Deployment/players has 2 replicas and no PodDisruptionBudget",
		]);
	});

	it("finds a node given less time to stop than its graceful stop takes", () => {
		const docs = rendered();
		deployment(docs, "sync").spec.template.spec.terminationGracePeriodSeconds = 10;
		expect(policyProblems(docs, OPTIONS)).toEqual([
			"Deployment/sync gets 10 s to stop; its graceful stop needs 15 s (SHUTDOWN_TIMEOUT and a margin)",
		]);
	});

	it("finds secret values in a Secret, a ConfigMap or anywhere as a key", () => {
		const docs: Manifest[] = [
			...rendered(),
			{ apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, stringData: { A: "b" } },
			{
				apiVersion: "v1",
				kind: "ConfigMap",
				metadata: { name: "c" },
				data: { NATS_PASSWORD: "x" },
			},
			{
				apiVersion: "v1",
				kind: "ConfigMap",
				metadata: { name: "k" },
				data: { pem: "-----BEGIN PRIVATE KEY-----" },
			},
		];
		expect(policyProblems(docs, OPTIONS)).toEqual([
			"Secret/s holds its values: create the Secret outside the manifests",
			"ConfigMap/c holds NATS_PASSWORD: it belongs in a Secret",
			"ConfigMap/k holds a private key",
		]);
	});

	it("finds anything but the gateway exposed, and no default deny", () => {
		const docs = rendered().filter(doc => doc !== DENY);
		docs.push({
			apiVersion: "v1",
			kind: "Service",
			metadata: { name: "mongo" },
			spec: { type: "NodePort" },
		});
		const ingress = docs.find(doc => doc.kind === "Ingress") as any;
		ingress.spec.rules[0].http.paths[0].backend.service.name = "players";
		expect(policyProblems(docs, OPTIONS)).toEqual([
			"Ingress/api leads to players, not the gateway",
			"Service/mongo is exposed outside the cluster (NodePort)",
			"no NetworkPolicy denies all traffic by default",
		]);
	});
});
