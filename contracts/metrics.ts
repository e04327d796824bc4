// The metrics matchday adds to Moleculer's own: the operator's view of sync. Read them with
// `$node.metrics` on the node that runs v1.sync (the REPL's `sync` command does).

export const SYNC_METRICS = {
	/** Last committed seq of the master log. */
	head: "matchday.sync.head",
	/** Last seq published as `master.changed`. */
	published: "matchday.sync.published",
	/** When the last sync (import, then publish) finished, in ms since the epoch. */
	lastSync: "matchday.sync.last_sync",
	/** Last seq each consumer has applied, as it told the feed (label `consumer`). */
	checkpoint: "matchday.sync.consumer.checkpoint",
	/** How many seqs each consumer is behind the head (label `consumer`). */
	lag: "matchday.sync.consumer.lag",
	/** Live events refused because ingest's key did not sign them. */
	liveRejections: "matchday.sync.live.rejections",
	/** Reads of the source that failed, so nothing was imported (label `source`: DATA_SOURCE). */
	sourceFailures: "matchday.sync.source.failures",
} as const;

/** The metrics every projection adds, on its own node (label `consumer`). */
export const PROJECTION_METRICS = {
	/** Slices and feed pages refused because sync's key did not sign them (label `what`: slice, page). */
	rejected: "matchday.projection.rejected",
	/** Drift repaired by anti-entropy (label `what`: document, checkpoint). */
	repairs: "matchday.projection.repairs",
} as const;

/** The gateway's: what it sees of the cluster. */
export const GATEWAY_METRICS = {
	/** Nodes available for each service behind a public route, and sync (label `service`: `v1.players`). */
	serviceNodes: "matchday.gateway.service.nodes",
} as const;

/** Every metric of sync's, as `$node.metrics` takes a pattern. */
export const SYNC_METRICS_PATTERN = "matchday.sync.**";

/** One metric as `$node.metrics` returns it. */
export interface MetricSnapshot {
	name: string;
	type: string;
	values: Array<{ labels: Record<string, string | number>; value: number; count?: number }>;
}
