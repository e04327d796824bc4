// The master-data change events: their names, payloads and runtime schemas, in one place.
import type { EntityByKind, EntityKind } from "../domain/model";
import { ENTITY_KINDS } from "../domain/model";

/** Bumped when the payload changes shape; consumers reject versions they do not know. */
export const CHANGE_SCHEMA_VERSION = 1;

/** One master document at one sequence number: its latest state, or a tombstone. */
export type Change = {
	[K in EntityKind]: {
		seq: number;
		kind: K;
		id: string;
		deleted: boolean;
		/** Absent on tombstones. */
		doc?: EntityByKind[K];
	};
}[EntityKind];

/** A contiguous slice of the change log: every change with `from < seq <= to`. */
export interface MasterChangedPayload {
	schemaVersion: typeof CHANGE_SCHEMA_VERSION;
	/** The epoch of the log the slice comes from (see the feed). */
	epoch: string;
	from: number;
	to: number;
	changes: Change[];
	/** Sync's Ed25519 signature of all of the above (contracts/signing.ts); consumers refuse a slice without it. */
	signature?: string;
}

export const EVENTS = {
	/** Sync has committed and published a slice of the change log. */
	masterChanged: "master.changed",
	/** Someone (an operator, the admin route) asked sync to re-read its source now. */
	syncRequested: "sync.requested",
	/** A projection has applied changes: every replica of that service clears its cached lists. */
	projectionUpdated: "projection.updated",
} as const;

export interface ProjectionUpdatedPayload {
	/** The consuming service, e.g. `v1.players`. */
	consumer: string;
	/** Its checkpoint after the change. */
	checkpoint: number;
}

export const projectionUpdatedSchema = {
	consumer: { type: "string", min: 1, max: 100 },
	checkpoint: { type: "number", integer: true, min: 0 },
} as const;

export interface SyncRequestedPayload {
	/** Who asked and why, for the log. */
	reason?: string;
}

export const syncRequestedSchema = {
	reason: { type: "string", max: 200, optional: true },
} as const;

/** fastest-validator schema of one change (the document itself is the master's, trusted once it comes from sync). */
export const changeSchema = {
	type: "object",
	strict: false,
	props: {
		seq: { type: "number", integer: true, positive: true },
		kind: { type: "enum", values: [...ENTITY_KINDS] },
		id: { type: "string", min: 1 },
		deleted: "boolean",
		doc: { type: "object", optional: true },
	},
} as const;

export const masterChangedSchema = {
	schemaVersion: { type: "equal", value: CHANGE_SCHEMA_VERSION, strict: true },
	epoch: { type: "string", min: 1, max: 100 },
	from: { type: "number", integer: true, min: 0 },
	to: { type: "number", integer: true, min: 0 },
	changes: { type: "array", items: changeSchema },
	// Checked by the consumer itself, so that a refusal is counted and logged with its sender.
	signature: { type: "string", max: 200, optional: true },
} as const;
