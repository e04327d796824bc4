// What an incoming slice or feed page means for a projection, given its checkpoint and epoch.
import type { Change, MasterChangedPayload } from "../../contracts";
import type { EntityKind } from "../../domain/model";

/** Where a projection stands in the master log. */
export interface Position {
	/** The last seq applied (every change up to it is in the projection). */
	checkpoint: number;
	/** The epoch of the log the checkpoint counts in; null before the first feed page. */
	epoch: string | null;
}

/** What to do with an event's slice. */
export type SliceDecision =
	| { action: "apply"; changes: Change[]; upTo: number }
	| { action: "duplicate" }
	| { action: "catch-up"; reason: "gap" | "unknown epoch" };

/** What to do with a page of the feed. */
export type PageDecision = { action: "apply" } | { action: "rebuild"; epoch: string };

/**
 * What a `master.changed` slice means at `position`. A slice of another epoch (or any slice
 * before the first feed page), or one that starts past the checkpoint, leaves something
 * unknown between the two: only the feed can settle that.
 */
export function decideSlice(
	position: Position,
	slice: MasterChangedPayload,
	kinds: ReadonlySet<EntityKind>,
): SliceDecision {
	if (slice.epoch !== position.epoch) return { action: "catch-up", reason: "unknown epoch" };
	if (slice.from > position.checkpoint) return { action: "catch-up", reason: "gap" };
	// A late or repeated event: everything in it is applied already.
	if (slice.to <= position.checkpoint) return { action: "duplicate" };
	return {
		action: "apply",
		changes: slice.changes.filter(change => kinds.has(change.kind)),
		upTo: slice.to,
	};
}

/**
 * What a feed page of `pageEpoch` means at `position`: the log was reset (a new epoch) and what
 * the projection holds counts in the old one, or it continues the log we know.
 */
export function decidePage(position: Position, pageEpoch: string): PageDecision {
	if (position.epoch !== null && pageEpoch !== position.epoch)
		return { action: "rebuild", epoch: pageEpoch };
	return { action: "apply" };
}

/** The changes past the checkpoint, in seq order: what a batch still has to apply. */
export function freshChanges(changes: readonly Change[], checkpoint: number): Change[] {
	return changes.filter(change => change.seq > checkpoint).sort((a, b) => a.seq - b.seq);
}
