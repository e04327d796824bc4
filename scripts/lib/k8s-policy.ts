// Our own rules for rendered Kubernetes manifests, beyond what the schemas check: every workload
// has probes, requests and limits and runs unprivileged; a group of more than one replica has a
// disruption budget; a stopping matchday node gets the time its graceful stop takes; no secret
// value is written in a manifest; only the gateway is exposed; nothing talks unless a
// NetworkPolicy allows it. policyProblems() names each breach; the deploy test wants none.

export type Manifest = {
	apiVersion?: string;
	kind?: string;
	metadata?: { name?: string; labels?: Record<string, string> };
	spec?: Record<string, unknown>;
	data?: Record<string, unknown>;
	stringData?: Record<string, unknown>;
};

interface Container {
	name: string;
	readinessProbe?: unknown;
	livenessProbe?: unknown;
	resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
	securityContext?: {
		runAsNonRoot?: boolean;
		allowPrivilegeEscalation?: boolean;
		readOnlyRootFilesystem?: boolean;
	};
	env?: Array<{ name: string; value?: string; valueFrom?: unknown }>;
}

interface PodSpec {
	securityContext?: { runAsNonRoot?: boolean };
	terminationGracePeriodSeconds?: number;
	containers?: Container[];
	initContainers?: Container[];
}

export interface PolicyOptions {
	/** The nodes' SHUTDOWN_TIMEOUT (ms): their pods need at least this, and a margin, to stop. */
	shutdownTimeoutMs: number;
	/** The label that marks matchday's own nodes. */
	nodeLabel: string;
	/** The gateway's Service: the only one an Ingress may lead to. */
	gatewayService: string;
}

const WORKLOADS = new Set(["Deployment", "StatefulSet", "DaemonSet"]);
/** Names of environment variables whose value must come from a Secret. */
const SECRET_NAME = /PASSWORD|TOKEN|SECRET|SIGNING_KEY|VERIFY_KEY|_KEY$/;
const SECRET_TEXT = /-----BEGIN [A-Z ]*KEY-----|MC4CAQAwBQYDK2Vw/;
/** Kubernetes' default grace period (s). */
const DEFAULT_GRACE = 30;

const nameOf = (doc: Manifest) => `${doc.kind}/${doc.metadata?.name ?? "?"}`;

function podOf(doc: Manifest): PodSpec | undefined {
	if (WORKLOADS.has(doc.kind ?? ""))
		return (doc.spec?.template as { spec?: PodSpec } | undefined)?.spec;
	if (doc.kind === "Job") return (doc.spec?.template as { spec?: PodSpec } | undefined)?.spec;
	return undefined;
}

function containerProblems(
	doc: Manifest,
	pod: PodSpec,
	container: Container,
	init: boolean,
): string[] {
	const where = `${nameOf(doc)} container ${container.name}`;
	const problems: string[] = [];
	const probed = !init && WORKLOADS.has(doc.kind ?? "");
	if (probed && !container.readinessProbe) problems.push(`${where} has no readinessProbe`);
	if (probed && !container.livenessProbe) problems.push(`${where} has no livenessProbe`);
	for (const kind of ["requests", "limits"] as const)
		for (const resource of ["cpu", "memory"])
			if (container.resources?.[kind]?.[resource] === undefined)
				problems.push(`${where} has no ${resource} ${kind}`);
	const context = container.securityContext ?? {};
	if (!pod.securityContext?.runAsNonRoot && !context.runAsNonRoot)
		problems.push(`${where} may run as root (runAsNonRoot is not set)`);
	if (context.allowPrivilegeEscalation !== false)
		problems.push(`${where} allows privilege escalation`);
	if (context.readOnlyRootFilesystem !== true)
		problems.push(`${where} has a writable root filesystem`);
	for (const variable of container.env ?? [])
		if (
			SECRET_NAME.test(variable.name) &&
			variable.value !== undefined &&
			!variable.value.includes("$(")
		)
			problems.push(`${where} writes ${variable.name} in plain text: take it from a Secret`);
	return problems;
}

function workloadProblems(doc: Manifest, options: PolicyOptions): string[] {
	const pod = podOf(doc);
	if (!pod) return [];
	const problems = [
		...(pod.containers ?? []).flatMap(c => containerProblems(doc, pod, c, false)),
		...(pod.initContainers ?? []).flatMap(c => containerProblems(doc, pod, c, true)),
	];
	const isNode = doc.metadata?.labels?.[options.nodeLabel] === "true";
	const grace = pod.terminationGracePeriodSeconds ?? DEFAULT_GRACE;
	const needed = Math.ceil(options.shutdownTimeoutMs / 1000) + 5;
	if (isNode && grace < needed)
		problems.push(
			`${nameOf(doc)} gets ${grace} s to stop; its graceful stop needs ${needed} s (SHUTDOWN_TIMEOUT and a margin)`,
		);
	return problems;
}

function matches(selector: Record<string, string>, labels: Record<string, string>): boolean {
	return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

/** A workload of more than one replica without a PodDisruptionBudget selecting its pods. */
function budgetProblems(docs: Manifest[]): string[] {
	const budgets = docs
		.filter(doc => doc.kind === "PodDisruptionBudget")
		.map(
			doc =>
				(doc.spec?.selector as { matchLabels?: Record<string, string> })?.matchLabels ?? {},
		);
	return docs
		.filter(doc => WORKLOADS.has(doc.kind ?? "") && Number(doc.spec?.replicas ?? 1) > 1)
		.filter(doc => {
			const labels =
				(doc.spec?.template as { metadata?: { labels?: Record<string, string> } })?.metadata
					?.labels ?? {};
			return !budgets.some(
				selector => Object.keys(selector).length > 0 && matches(selector, labels),
			);
		})
		.map(
			doc =>
				`${nameOf(doc)} has ${String(doc.spec?.replicas)} replicas and no PodDisruptionBudget`,
		);
}

function secretProblems(docs: Manifest[]): string[] {
	const problems: string[] = [];
	for (const doc of docs) {
		if (doc.kind === "Secret" && (doc.data || doc.stringData))
			problems.push(
				`${nameOf(doc)} holds its values: create the Secret outside the manifests`,
			);
		if (doc.kind === "ConfigMap")
			for (const key of Object.keys(doc.data ?? {}))
				if (SECRET_NAME.test(key))
					problems.push(`${nameOf(doc)} holds ${key}: it belongs in a Secret`);
		if (SECRET_TEXT.test(JSON.stringify(doc)))
			problems.push(`${nameOf(doc)} holds a private key`);
	}
	return problems;
}

function exposureProblems(docs: Manifest[], options: PolicyOptions): string[] {
	const problems: string[] = [];
	for (const doc of docs) {
		const type = doc.spec?.type;
		if (
			doc.kind === "Service" &&
			(type === "LoadBalancer" || type === "NodePort") &&
			doc.metadata?.name !== options.gatewayService
		)
			problems.push(`${nameOf(doc)} is exposed outside the cluster (${String(type)})`);
		if (doc.kind === "Ingress") {
			const backends = JSON.stringify(doc.spec).match(/"service":\{"name":"([^"]+)"/g) ?? [];
			for (const backend of backends)
				if (!backend.endsWith(`"${options.gatewayService}"`))
					problems.push(
						`${nameOf(doc)} leads to ${backend.split('"').at(-2)}, not the gateway`,
					);
		}
	}
	const denies = docs.some(
		doc =>
			doc.kind === "NetworkPolicy" &&
			Object.keys((doc.spec?.podSelector as object | undefined) ?? { any: 1 }).length === 0 &&
			!(doc.spec as { ingress?: unknown }).ingress &&
			!(doc.spec as { egress?: unknown }).egress &&
			JSON.stringify(doc.spec?.policyTypes) === JSON.stringify(["Ingress", "Egress"]),
	);
	if (!denies) problems.push("no NetworkPolicy denies all traffic by default");
	return problems;
}

/** Every breach of our rules in a rendered set of manifests; none is the goal. */
export function policyProblems(docs: Manifest[], options: PolicyOptions): string[] {
	return [
		...docs.flatMap(doc => workloadProblems(doc, options)),
		...budgetProblems(docs),
		...secretProblems(docs),
		...exposureProblems(docs, options),
	];
}
