// Anti-entropy: a projection finds where it has drifted from the master, whatever the cause (a
// hand edit in its database, a bug, an event forged before sync signed them), and repairs only
// the documents that differ. No full rebuild: it compares one digest per bucket of documents
// (contracts/digest.ts) with sync's, reads only the buckets that differ, and re-applies the
// master's version of each document that differs there.
//
// A comparison means something only when both sides describe the same head: the round runs on
// the projection's queue right after a catch-up, and is skipped when sync's head has moved on
// meanwhile (the next round compares again).
import {
	bucketDigests,
	bucketOf,
	type Change,
	CHECKSUM_FIELD,
	type DigestEntry,
	differingBuckets,
	PROJECTION_METRICS,
	type SyncBucketResult,
	type SyncDigestResult,
	viewChecksum,
} from "../../contracts";
import type { ServiceBroker } from "moleculer";
import type { EntityKind } from "../../domain/model";
import type { StoredDoc } from "../../storage/collections";
import type { Position } from "./epoch";

/** A live view as the digest counts it: its seq, or -1 when its checksum shows an edit in place. */
export function digestEntryOf(view: StoredDoc): DigestEntry {
	const seq = typeof view._seq === "number" ? view._seq : -1;
	const intact = view[CHECKSUM_FIELD] === viewChecksum(view);
	return { id: view._id, seq: intact ? seq : -1 };
}

/**
 * What to apply to one bucket so that it equals the master's: the master's change for every
 * document missing, older, newer or edited here, and a tombstone for every document live here
 * that the master does not hold live. Tombstones carry seq 0: the view is made stale first.
 */
export function repairsFor(
	ours: readonly DigestEntry[],
	master: readonly Change[],
	kind: EntityKind,
): Change[] {
	const ourSeq = new Map(ours.map(entry => [entry.id, entry.seq]));
	const masterIds = new Set(master.map(change => change.id));
	const stale = master.filter(change => ourSeq.get(change.id) !== change.seq);
	const strays: Change[] = ours
		.filter(entry => !masterIds.has(entry.id))
		.map(entry => ({ seq: 0, kind, id: entry.id, deleted: true }) as Change);
	return [...stale, ...strays];
}

/** What a round needs from the projection, for one kind of document it keeps as views. */
export interface AuditedViews {
	kind: EntityKind;
	/** Every live view of that kind in the projection's store. */
	liveViews(): Promise<StoredDoc[]>;
	/** Sync's digest, verified as sync's. */
	readDigest(): Promise<SyncDigestResult>;
	/** Sync's live documents of one bucket, verified as sync's. */
	readBucket(bucket: number): Promise<SyncBucketResult>;
	/** Makes these views stale and applies the changes over them. */
	repair(changes: Change[]): Promise<void>;
}

/** What one round found: how many documents it repaired, or why it compared nothing. */
export type AuditOutcome =
	{ compared: true; repaired: number } | { compared: false; reason: "behind" | "moved" };

/** One comparison of one kind of view with the master, repairing what differs. */
export async function auditViews(views: AuditedViews, position: Position): Promise<AuditOutcome> {
	const digest = await views.readDigest();
	if (!sameHead(digest, position)) return { compared: false, reason: "behind" };
	const entries = (await views.liveViews()).map(digestEntryOf);
	let repaired = 0;
	for (const bucket of differingBuckets(bucketDigests(entries), digest.buckets)) {
		const master = await views.readBucket(bucket);
		if (master.head !== digest.head || master.epoch !== digest.epoch)
			return { compared: false, reason: "moved" };
		const ours = entries.filter(entry => bucketOf(entry.id) === bucket);
		const changes = repairsFor(ours, master.changes, views.kind);
		if (changes.length === 0) continue;
		await views.repair(changes);
		repaired += changes.length;
	}
	return { compared: true, repaired };
}

function sameHead(digest: SyncDigestResult, position: Position): boolean {
	return digest.epoch === position.epoch && digest.head === position.checkpoint;
}

/** Registers the repairs counter, once per broker. */
export function registerRepairMetric(broker: ServiceBroker): void {
	if (!broker.isMetricsEnabled() || broker.metrics.getMetric(PROJECTION_METRICS.repairs)) return;
	broker.metrics.register({
		type: "counter",
		name: PROJECTION_METRICS.repairs,
		description:
			"Drift from the master repaired by anti-entropy: documents, and checkpoints above sync's head",
		labelNames: ["consumer", "what"],
	});
}

export function countRepairs(
	broker: ServiceBroker,
	consumer: string,
	what: "document" | "checkpoint",
	count: number,
): void {
	if (broker.isMetricsEnabled())
		broker.metrics.increment(PROJECTION_METRICS.repairs, { consumer, what }, count);
}
