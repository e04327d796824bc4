// GET /api/cluster: what the dashboard's cluster page shows — each node, the service versions it
// runs, the requests it handles, and how far each projection is behind sync's log. Read from
// the registry and from each node's `$node.metrics`; only ids, versions and numbers leave the
// gateway (no addresses, host names or configuration). The shaping is pure, so it is unit-tested.
import type { ServiceBroker } from "moleculer";
import {
	FEED_SERVICE,
	type MetricSnapshot,
	PROJECTION_METRICS,
	SYNC_METRICS_PATTERN,
} from "../../contracts";
import {
	type RegisteredService,
	type SyncStatus,
	repairsFrom,
	syncStatusFrom,
	topologyFrom,
} from "../../contracts/operator-views";

/** Moleculer's count of requests; a node counts the calls it handles as type "local". */
const REQUEST_TOTAL = "moleculer.request.total";
/** The sync service, whose node holds the projections' checkpoints and lags. */
const SYNC_SERVICE = FEED_SERVICE;
/** A node that does not answer this fast is shown without its rates rather than holding the page up. */
const METRICS_TIMEOUT_MS = 2_000;

/** A metric value as `$node.metrics` returns a counter: with its rate per minute when the counter keeps one. */
export type RatedSnapshot = MetricSnapshot & {
	values: Array<MetricSnapshot["values"][number] & { rate?: number }>;
};

export interface ActionRate {
	action: string;
	/** Requests handled since the node started. */
	total: number;
	/** Requests per minute, as Moleculer smooths it (updated every 5 s). */
	perMinute: number;
}

export interface ClusterNode {
	id: string;
	available: boolean;
	/** The node this answer comes from (the gateway's). */
	local: boolean;
	/** CPU use in percent, as the node's heartbeats report it; null before the first. */
	cpu: number | null;
	moleculerVersion: string | null;
	services: Array<{ name: string; version: string }>;
	/** null when the node's metrics could not be read. */
	requestsPerMinute: number | null;
	actions: ActionRate[] | null;
}

export interface ClusterView {
	generatedAt: string;
	nodes: ClusterNode[];
	/** Each service version and the nodes that run it. */
	services: Array<{ service: string; version: string; nodes: string[] }>;
	/** Sync's head and each projection's checkpoint and lag; null when no node runs sync. */
	sync: SyncStatus | null;
}

/** What the registry says of a node (`registry.getNodeList()`); the fields read here only. */
export interface RegistryNode {
	id: string;
	available: boolean;
	local: boolean;
	cpu?: number | null;
	client?: { version?: string };
}

const round = (value: number, digits = 1): number => Number(value.toFixed(digits));

/** The requests a node handled, per action, from its metrics; Moleculer's own `$node` actions are left out. */
export function actionRatesFrom(metrics: RatedSnapshot[]): ActionRate[] {
	const values = metrics.find(m => m.name === REQUEST_TOTAL)?.values ?? [];
	const byAction = new Map<string, ActionRate>();
	for (const { labels, value, rate } of values) {
		const action = String(labels.action ?? "");
		if (labels.type !== "local" || !action || action.startsWith("$")) continue;
		// One series per caller: added up per action.
		const row = byAction.get(action) ?? { action, total: 0, perMinute: 0 };
		row.total += value;
		row.perMinute += rate ?? 0;
		byAction.set(action, row);
	}
	return [...byAction.values()]
		.map(row => ({ ...row, perMinute: round(row.perMinute) }))
		.sort((a, b) => a.action.localeCompare(b.action));
}

export interface ClusterFacts {
	nodes: RegistryNode[];
	services: RegisteredService[];
	/** Each node's metrics; absent for a node that did not answer. */
	metricsByNode: ReadonlyMap<string, RatedSnapshot[]>;
	now: Date;
}

/** The cluster view from what the registry and the nodes' metrics say. */
export function clusterViewFrom(facts: ClusterFacts): ClusterView {
	const services = topologyFrom(facts.services).map(({ service, version, nodes }) => ({
		service,
		version,
		nodes,
	}));
	const syncNode = services.find(row => row.service === SYNC_SERVICE)?.nodes[0];
	const syncMetrics = syncNode ? facts.metricsByNode.get(syncNode) : undefined;
	const nodes = facts.nodes
		.map(node => {
			const metrics = facts.metricsByNode.get(node.id);
			const actions = metrics ? actionRatesFrom(metrics) : null;
			return {
				id: node.id,
				available: node.available,
				local: node.local,
				cpu: typeof node.cpu === "number" ? round(node.cpu) : null,
				moleculerVersion: node.client?.version ?? null,
				services: services
					.filter(row => row.nodes.includes(node.id))
					.map(row => ({ name: row.service, version: row.version })),
				requestsPerMinute: actions
					? round(actions.reduce((sum, a) => sum + a.perMinute, 0))
					: null,
				actions,
			};
		})
		.sort((a, b) => a.id.localeCompare(b.id));
	return {
		generatedAt: facts.now.toISOString(),
		nodes,
		services,
		sync:
			syncNode && syncMetrics
				? syncStatusFrom(syncNode, syncMetrics, repairsFrom(facts.metricsByNode.values()))
				: null,
	};
}

/** A node's request counters and (on sync's node) sync's gauges; undefined if it does not answer in time. */
async function nodeMetrics(
	broker: ServiceBroker,
	nodeID: string,
): Promise<RatedSnapshot[] | undefined> {
	try {
		return await broker.call<RatedSnapshot[], object>(
			"$node.metrics",
			{ includes: [REQUEST_TOTAL, SYNC_METRICS_PATTERN, PROJECTION_METRICS.repairs] },
			{ nodeID, timeout: METRICS_TIMEOUT_MS, retries: 0 },
		);
	} catch {
		return undefined;
	}
}

/** Reads the registry and every available node's metrics (in parallel), then shapes the view. */
export async function readClusterView(broker: ServiceBroker): Promise<ClusterView> {
	const nodes = broker.registry.getNodeList({
		onlyAvailable: false,
		withServices: false,
	}) as unknown as RegistryNode[];
	const services = broker.registry.getServiceList({
		onlyAvailable: true,
		skipInternal: true,
	}) as RegisteredService[];
	const answers = await Promise.all(
		nodes
			.filter(node => node.available)
			.map(async node => [node.id, await nodeMetrics(broker, node.id)] as const),
	);
	const metricsByNode = new Map(
		answers.filter(
			(entry): entry is readonly [string, RatedSnapshot[]] => entry[1] !== undefined,
		),
	);
	return clusterViewFrom({ nodes, services, metricsByNode, now: new Date() });
}

/**
 * Runs `read` at most once per `ttlMs`: callers within that time share its answer. A page open
 * in several browsers, each polling, then costs one round of `$node.metrics` calls, not one each.
 */
export function sharedFor<T>(
	ttlMs: number,
	read: () => Promise<T>,
	clock: () => number = Date.now,
): () => Promise<T> {
	let last: { at: number; value: Promise<T> } | undefined;
	return () => {
		const now = clock();
		if (!last || now - last.at >= ttlMs) {
			const value = read();
			last = { at: now, value };
			// A failed read is not shared: the next caller tries again.
			value.catch(() => {
				if (last?.value === value) last = undefined;
			});
		}
		return last.value;
	};
}
