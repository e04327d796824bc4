// The contracts of matchday: every action and event, typed, with typed call and emit helpers.
import type { CallingOptions } from "moleculer";
import type { ActionContracts, ActionName } from "./actions";
import type { MasterChangedPayload, ProjectionUpdatedPayload, SyncRequestedPayload } from "./events";

export * from "./actions";
export * from "./events";
export * from "./metrics";

/** Anything that can call an action: a broker or a context. */
interface Caller {
	call(action: string, params?: unknown, opts?: CallingOptions): Promise<unknown>;
}

/** Calls an action with its contract's params and result types. */
export function callAction<A extends ActionName>(
	caller: Caller,
	action: A,
	params: ActionContracts[A]["params"],
	opts?: CallingOptions,
): Promise<ActionContracts[A]["result"]> {
	return caller.call(action, params, opts) as Promise<ActionContracts[A]["result"]>;
}

export interface EventContracts {
	"master.changed": MasterChangedPayload;
	"sync.requested": SyncRequestedPayload;
	"projection.updated": ProjectionUpdatedPayload;
}

interface Emitter {
	emit(event: string, payload?: unknown): Promise<void> | void;
	broadcast(event: string, payload?: unknown): Promise<void> | void;
}

/** Emits an event with its contract's payload type. */
export function emitEvent<E extends keyof EventContracts>(emitter: Emitter, event: E, payload: EventContracts[E]): Promise<void> {
	return Promise.resolve(emitter.emit(event, payload));
}

/** Broadcasts an event (to every node that listens, every replica) with its contract's payload type. */
export function broadcastEvent<E extends keyof EventContracts>(emitter: Emitter, event: E, payload: EventContracts[E]): Promise<void> {
	return Promise.resolve(emitter.broadcast(event, payload));
}
