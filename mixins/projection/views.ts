// Helpers for a projection's apply function: changes stored as views, each only over an older one.
import { type Change, CHECKSUM_FIELD, viewChecksum } from "../../contracts";
import type { DocumentCollection, StoredDoc } from "../../storage/collections";

/** A live view with its checksum, by which anti-entropy tells it was edited in place (contracts/digest.ts). */
export function checkedView<V extends Record<string, unknown>>(view: V): V {
	return { ...view, [CHECKSUM_FIELD]: viewChecksum(view) };
}

/** The stored form of a change: the view made by `toView`, checksummed, or a tombstone, stamped with its seq. */
export function viewOf<T>(
	change: Change,
	toView: (doc: T) => Record<string, unknown>,
): StoredDoc & { _seq: number } {
	const base = { _id: change.id, _seq: change.seq };
	if (change.deleted || !change.doc) return { ...base, _deleted: true };
	return { ...checkedView(toView(change.doc as T)), ...base, _deleted: false };
}

/**
 * Applies changes to a collection of views. A document changed twice in one batch keeps its
 * latest state; each write only replaces an older one, so replays cannot go back in time.
 */
export async function applyAsViews<T>(
	collection: DocumentCollection,
	changes: Change[],
	toView: (doc: T) => Record<string, unknown>,
): Promise<void> {
	const latest = new Map<string, Change>();
	for (const change of changes) latest.set(change.id, change);
	await collection.putManyIfNewer([...latest.values()].map(change => viewOf(change, toView)));
}
