// The Kubernetes objects of matchday's own nodes, made from the topology (platform/topology.ts),
// the same source as docker-compose.yml and `npm run cluster`: a Deployment per node group with
// the replicas it declares, a PodDisruptionBudget where it has more than one or may scale, a
// HorizontalPodAutoscaler for the gateway and the read services, and the gateway's Service and
// Ingress. `npm run k8s` writes them to deploy/k8s/base/nodes.yaml; a test checks that file
// against a fresh rendering. The servers (NATS, MongoDB, Redis) are written by hand beside it.
import type { NodeGroup } from "../../platform/topology";

type Manifest = Record<string, unknown>;

/** Where every node reads its health (/live, /ready) and metrics (/metrics): the images' HEALTH_PORT. */
export const HEALTH_PORT = 3001;
export const HTTP_PORT = 3000;
/** The images' SHUTDOWN_TIMEOUT (ms): a stopping node waits for its in-flight calls this long, per wait. */
export const SHUTDOWN_TIMEOUT_MS = 10_000;
/** Time a pod gets between SIGTERM and SIGKILL: the node's waits (several of SHUTDOWN_TIMEOUT) and a margin. */
export const TERMINATION_GRACE_SECONDS = 30;
/** The Secret the operator creates (docs/kubernetes.md): manifests name its keys, never its values. */
export const SECRET = "matchday-secrets";

const GATEWAY = "api";
const SYNC = "v1.sync";
const INGEST = "v1.ingest";

/** The replica-set connection string; the password comes from the Secret, expanded by Kubernetes. */
export const MONGO_URI =
	"mongodb://matchday:$(MONGO_PASSWORD)@mongo-0.mongo:27017,mongo-1.mongo:27017,mongo-2.mongo:27017/" +
	"?replicaSet=rs0&authSource=admin&retryWrites=true&w=majority&readPreference=primary";

/** Redis for the gateways' keys and limits and the services' list cache. */
const REDIS_URL = "redis://:$(REDIS_PASSWORD)@redis:6379";

const isGateway = (group: NodeGroup) => group.services === GATEWAY;
/** The writers (sync, the single writer of the master data; ingest, of its journal) are not autoscaled. */
const isReadService = (group: NodeGroup) =>
	!isGateway(group) && group.services !== SYNC && group.services !== INGEST;

/** The image compose builds for the group (`matchday/v1-players`, `matchday/api`), tagged with the release. */
export function imageOf(group: NodeGroup, tag: string): string {
	const [version, name] = group.services.split(".");
	return `${name ? `matchday/${version}-${name}` : `matchday/${group.services}`}:${tag}`;
}

function labelsOf(group: NodeGroup): Record<string, string> {
	return {
		"app.kubernetes.io/name": group.name,
		"app.kubernetes.io/component": isGateway(group) ? "gateway" : "service",
		"matchday.io/node": "true",
	};
}

const secretEnv = (name: string, optional = false) => ({
	name,
	valueFrom: { secretKeyRef: { name: SECRET, key: name, ...(optional ? { optional } : {}) } },
});

/** What a node is given beyond the shared ConfigMap: only the secrets its services use. */
function envOf(group: NodeGroup): unknown[] {
	const env: unknown[] = [
		{ name: "SERVICES", value: group.services },
		{ name: "NODE_ID", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } },
		secretEnv("NATS_PASSWORD"),
		secretEnv("SYNC_VERIFY_KEY"),
	];
	// Kubernetes expands $(REDIS_PASSWORD) and $(MONGO_PASSWORD) from the variables above them.
	env.push(secretEnv("REDIS_PASSWORD"), { name: "CACHER", value: REDIS_URL });
	if (isGateway(group))
		env.push(secretEnv("ADMIN_TOKEN", true), { name: "GATEWAY_STORE", value: REDIS_URL });
	else env.push(secretEnv("MONGO_PASSWORD"), { name: "MONGO_URI", value: MONGO_URI });
	if (group.services === SYNC)
		env.push(secretEnv("SYNC_SIGNING_KEY"), secretEnv("INGEST_VERIFY_KEY"));
	if (group.services === INGEST) env.push(secretEnv("INGEST_SIGNING_KEY"));
	return env;
}

function containerOf(group: NodeGroup, tag: string): Manifest {
	const probe = (path: string, periodSeconds: number, failureThreshold: number) => ({
		httpGet: { path, port: "health" },
		periodSeconds,
		timeoutSeconds: 3,
		failureThreshold,
	});
	// Sync imports its source before it counts as started: the first start may take minutes.
	const startupSeconds = group.services === SYNC ? 600 : 120;
	return {
		name: "node",
		image: imageOf(group, tag),
		envFrom: [{ configMapRef: { name: "matchday-config" } }],
		env: envOf(group),
		ports: [
			...(isGateway(group) ? [{ name: "http", containerPort: HTTP_PORT }] : []),
			{ name: "health", containerPort: HEALTH_PORT },
		],
		startupProbe: probe("/live", 2, startupSeconds / 2),
		readinessProbe: probe("/ready", 5, 2),
		livenessProbe: probe("/live", 10, 3),
		// The gateway leaves the Service's endpoints before it stops taking requests.
		...(isGateway(group) ? { lifecycle: { preStop: { sleep: { seconds: 5 } } } } : {}),
		resources: resourcesOf(group),
		securityContext: {
			allowPrivilegeEscalation: false,
			readOnlyRootFilesystem: true,
			capabilities: { drop: ["ALL"] },
		},
		volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
	};
}

/** Measured by npm run bench: a read node idles near 90 MB and serves the bundled data under 250 MB. */
function resourcesOf(group: NodeGroup): Manifest {
	if (group.services === SYNC)
		return { requests: { cpu: "250m", memory: "384Mi" }, limits: { cpu: "1", memory: "1Gi" } };
	return { requests: { cpu: "100m", memory: "192Mi" }, limits: { cpu: "1", memory: "512Mi" } };
}

function deploymentOf(group: NodeGroup, tag: string): Manifest {
	const labels = labelsOf(group);
	return {
		apiVersion: "apps/v1",
		kind: "Deployment",
		metadata: { name: group.name, labels },
		spec: {
			replicas: group.replicas,
			selector: { matchLabels: { "app.kubernetes.io/name": group.name } },
			// One sync at a time: the old one stops before the new one starts.
			strategy:
				group.services === SYNC
					? { type: "Recreate" }
					: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
			template: {
				metadata: {
					labels,
					annotations: {
						"prometheus.io/scrape": "true",
						"prometheus.io/port": String(HEALTH_PORT),
						"prometheus.io/path": "/metrics",
					},
				},
				spec: {
					automountServiceAccountToken: false,
					terminationGracePeriodSeconds: TERMINATION_GRACE_SECONDS,
					securityContext: {
						runAsNonRoot: true,
						runAsUser: 1000,
						runAsGroup: 1000,
						seccompProfile: { type: "RuntimeDefault" },
					},
					containers: [containerOf(group, tag)],
					volumes: [{ name: "tmp", emptyDir: { sizeLimit: "64Mi" } }],
				},
			},
		},
	};
}

function disruptionBudgetOf(group: NodeGroup): Manifest {
	return {
		apiVersion: "policy/v1",
		kind: "PodDisruptionBudget",
		metadata: { name: group.name },
		spec: {
			maxUnavailable: 1,
			selector: { matchLabels: { "app.kubernetes.io/name": group.name } },
		},
	};
}

function autoscalerOf(group: NodeGroup): Manifest {
	return {
		apiVersion: "autoscaling/v2",
		kind: "HorizontalPodAutoscaler",
		metadata: { name: group.name },
		spec: {
			scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: group.name },
			minReplicas: group.replicas,
			maxReplicas: Math.max(group.replicas * 4, 4),
			metrics: [
				{
					type: "Resource",
					resource: {
						name: "cpu",
						target: { type: "Utilization", averageUtilization: 70 },
					},
				},
			],
		},
	};
}

function gatewayService(group: NodeGroup): Manifest[] {
	return [
		{
			apiVersion: "v1",
			kind: "Service",
			metadata: { name: group.name, labels: labelsOf(group) },
			spec: {
				selector: { "app.kubernetes.io/name": group.name },
				ports: [{ name: "http", port: 80, targetPort: "http" }],
			},
		},
		{
			apiVersion: "networking.k8s.io/v1",
			kind: "Ingress",
			metadata: { name: group.name },
			spec: {
				// The host and TLS are the overlays'.
				rules: [
					{
						http: {
							paths: [
								{
									path: "/",
									pathType: "Prefix",
									backend: {
										service: { name: group.name, port: { name: "http" } },
									},
								},
							],
						},
					},
				],
			},
		},
	];
}

/** Every object of matchday's nodes, in the topology's order, their images tagged `tag` (the release). */
export function nodeManifests(groups: readonly NodeGroup[], tag: string): Manifest[] {
	return groups.flatMap(group => {
		const scales = isGateway(group) || isReadService(group);
		return [
			deploymentOf(group, tag),
			// Also where an autoscaler or an overlay may add replicas: the budget is there when they are.
			...(group.replicas > 1 || scales ? [disruptionBudgetOf(group)] : []),
			...(scales ? [autoscalerOf(group)] : []),
			...(isGateway(group) ? gatewayService(group) : []),
		];
	});
}
