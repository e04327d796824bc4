// What an operator asks of a live cluster: which versions run where, how far sync's log has
// got and who is behind. One module for both views of it: the REPL's commands (platform/repl.ts)
// and the gateway's cluster page (services/api/cluster-view.ts). The shaping of registry and
// metrics data is pure, so it is unit-tested without a cluster.
import type { ServiceBroker } from "moleculer";
import { EVENTS } from "./events";
import { FEED_SERVICE } from "./feed";
import {
	type MetricSnapshot,
	PROJECTION_METRICS,
	SYNC_METRICS,
	SYNC_METRICS_PATTERN,
} from "./metrics";

/** One service version and the nodes that run it. */
export interface TopologyRow {
	service: string;
	version: string;
	nodes: string[];
	database: string;
}

export interface RegisteredService {
	name: string;
	version?: string | number;
	fullName: string;
	nodeID?: string;
	metadata?: Record<string, unknown>;
}

/** Groups the registry's service list (one entry per node) into one row per service version. */
export function topologyFrom(services: RegisteredService[]): TopologyRow[] {
	const rows = new Map<string, TopologyRow>();
	for (const service of services) {
		if (service.name.startsWith("$")) continue;
		const row = rows.get(service.fullName) ?? {
			service: service.fullName,
			version:
				service.version === undefined || service.version === null
					? "-"
					: `v${service.version}`,
			nodes: [],
			database:
				typeof service.metadata?.database === "string" ? service.metadata.database : "-",
		};
		if (service.nodeID) row.nodes.push(service.nodeID);
		rows.set(service.fullName, row);
	}
	return [...rows.values()]
		.map(row => ({ ...row, nodes: row.nodes.sort() }))
		.sort((a, b) => a.service.localeCompare(b.service));
}

export function topology(broker: ServiceBroker): TopologyRow[] {
	return topologyFrom(
		broker.registry.getServiceList({
			onlyAvailable: true,
			skipInternal: true,
		}) as RegisteredService[],
	);
}

export interface ConsumerStatus {
	consumer: string;
	checkpoint: number;
	lag: number;
	/** Drift anti-entropy has repaired (documents and checkpoints), summed over the consumer's nodes since they started. */
	repairs: number;
}

export interface SyncStatus {
	node: string;
	head: number;
	published: number;
	/** When the last sync finished (ms since the epoch); 0 if none yet. */
	lastSync: number;
	consumers: ConsumerStatus[];
}

function single(metrics: MetricSnapshot[], name: string): number {
	return metrics.find(m => m.name === name)?.values[0]?.value ?? 0;
}

function perConsumer(metrics: MetricSnapshot[], name: string): Map<string, number> {
	const values = metrics.find(m => m.name === name)?.values ?? [];
	return new Map(values.map(v => [String(v.labels.consumer), v.value]));
}

/** Each consumer's repairs, summed over the metrics of every node that answered. */
export function repairsFrom(metricsOfNodes: Iterable<MetricSnapshot[]>): Map<string, number> {
	const repairs = new Map<string, number>();
	for (const metrics of metricsOfNodes) {
		for (const value of metrics.find(m => m.name === PROJECTION_METRICS.repairs)?.values ??
			[]) {
			const consumer = String(value.labels.consumer);
			repairs.set(consumer, (repairs.get(consumer) ?? 0) + value.value);
		}
	}
	return repairs;
}

/** Sync's status from its node's metrics, and the consumers' repairs from theirs. */
export function syncStatusFrom(
	node: string,
	metrics: MetricSnapshot[],
	repairs: ReadonlyMap<string, number> = new Map(),
): SyncStatus {
	const checkpoints = perConsumer(metrics, SYNC_METRICS.checkpoint);
	const lags = perConsumer(metrics, SYNC_METRICS.lag);
	return {
		node,
		head: single(metrics, SYNC_METRICS.head),
		published: single(metrics, SYNC_METRICS.published),
		lastSync: single(metrics, SYNC_METRICS.lastSync),
		consumers: [...checkpoints.entries()]
			.map(([consumer, checkpoint]) => ({
				consumer,
				checkpoint,
				lag: lags.get(consumer) ?? 0,
				repairs: repairs.get(consumer) ?? 0,
			}))
			.sort((a, b) => a.consumer.localeCompare(b.consumer)),
	};
}

export class OperationError extends Error {}

/** Reads sync's status from the node that runs it. */
export async function syncStatus(broker: ServiceBroker): Promise<SyncStatus> {
	const sync = topology(broker).find(row => row.service === FEED_SERVICE);
	if (!sync || sync.nodes.length === 0)
		throw new OperationError(`No node runs ${FEED_SERVICE} right now.`);
	const node = sync.nodes[0];
	const [metrics, repairs] = await Promise.all([
		broker.call<MetricSnapshot[], object>(
			"$node.metrics",
			{ includes: [SYNC_METRICS_PATTERN] },
			{ nodeID: node },
		),
		projectionRepairs(broker),
	]);
	return syncStatusFrom(node, metrics, repairs);
}

/** Every consumer's repairs, from the metrics of each node that answers within a second. */
async function projectionRepairs(broker: ServiceBroker): Promise<Map<string, number>> {
	const nodes = broker.registry.getNodeList({
		onlyAvailable: true,
		withServices: false,
	}) as Array<{
		id: string;
	}>;
	const answers = await Promise.all(
		nodes.map(node =>
			broker
				.call<MetricSnapshot[], object>(
					"$node.metrics",
					{ includes: [PROJECTION_METRICS.repairs] },
					{ nodeID: node.id, timeout: 1_000, retries: 0 },
				)
				.catch(() => [] as MetricSnapshot[]),
		),
	);
	return repairsFrom(answers);
}

export interface SyncRun {
	before: SyncStatus;
	after: SyncStatus;
}

/**
 * Asks sync to re-read its source now, waits until that sync has finished (its `last_sync`
 * moves past the request), then gives consumers up to `settleMs` to catch up.
 */
export async function requestSync(
	broker: ServiceBroker,
	reason: string,
	timeoutMs = 120_000,
	// A projection catching up from far behind on FerretDB (standings recomputes its tables for
	// each page) takes well over 15 s for the bundled data; waiting returns as soon as all are at 0.
	settleMs = 60_000,
): Promise<SyncRun> {
	const before = await syncStatus(broker);
	const requestedAt = Date.now();
	await broker.emit(EVENTS.syncRequested, { reason });
	const done = await poll(
		() => syncStatus(broker),
		status => status.lastSync >= requestedAt,
		timeoutMs,
	);
	if (!done)
		throw new OperationError(
			`Sync did not finish within ${timeoutMs / 1000} s; see the sync node's log.`,
		);
	const after = await poll(
		() => syncStatus(broker),
		status => status.consumers.every(c => c.lag === 0),
		settleMs,
	);
	return { before, after: after ?? (await syncStatus(broker)) };
}

async function poll<T>(
	read: () => Promise<T>,
	ok: (value: T) => boolean,
	timeoutMs: number,
): Promise<T | undefined> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (ok(value)) return value;
		if (Date.now() > deadline) return undefined;
		await new Promise(r => setTimeout(r, 500));
	}
}
