// What services share: the change events and the feed, the list-result shape, the building
// blocks of params and result schemas, what a public action declares, the metrics of sync and
// the node configuration's shape. Each service's own contract lives in its folder.
import type { LiveFoldedPayload, LiveRecordedPayload } from "./live";
import type {
	MasterChangedPayload,
	ProjectionUpdatedPayload,
	SyncRequestedPayload,
} from "./events";

export * from "./digest";
export * from "./events";
export * from "./feed";
export * from "./list-result";
export * from "./live";
export * from "./metrics";
export * from "./node-config";
export * from "./not-found";
export * from "./params";
export * from "./public-action";
export * from "./schemas";
export * from "./signing";

export interface EventContracts {
	"master.changed": MasterChangedPayload;
	"sync.requested": SyncRequestedPayload;
	"projection.updated": ProjectionUpdatedPayload;
	"live.recorded": LiveRecordedPayload;
	"live.folded": LiveFoldedPayload;
}

interface Emitter {
	emit(event: string, payload?: unknown): Promise<void> | void;
	broadcast(event: string, payload?: unknown): Promise<void> | void;
}

/** Emits an event with its contract's payload type. */
export function emitEvent<E extends keyof EventContracts>(
	emitter: Emitter,
	event: E,
	payload: EventContracts[E],
): Promise<void> {
	return Promise.resolve(emitter.emit(event, payload));
}

/** Broadcasts an event (to every node that listens, every replica) with its contract's payload type. */
export function broadcastEvent<E extends keyof EventContracts>(
	emitter: Emitter,
	event: E,
	payload: EventContracts[E],
): Promise<void> {
	return Promise.resolve(emitter.broadcast(event, payload));
}
export * from "./validation";
