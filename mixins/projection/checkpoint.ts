// Where a projection keeps its position: `meta`/`checkpoint`, with `value` (last seq) and `epoch`.
import type { DocumentCollection } from "../../storage/collections";
import type { Position } from "./epoch";

/** The collection added to every projection's own for the checkpoint (its one document). */
export const META = "meta";
const CHECKPOINT = "checkpoint";

/** The stored position; seq 0 and no epoch when nothing was applied yet. */
export async function readCheckpoint(meta: DocumentCollection): Promise<Position> {
	const saved = await meta.findById(CHECKPOINT);
	return {
		checkpoint: Number(saved?.value ?? 0),
		epoch: typeof saved?.epoch === "string" ? saved.epoch : null,
	};
}

/** Stores the position (after the changes it covers are applied). */
export function saveCheckpoint(meta: DocumentCollection, position: Position): Promise<void> {
	return meta.put({ _id: CHECKPOINT, value: position.checkpoint, epoch: position.epoch });
}
