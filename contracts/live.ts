// The live path between the ingest service and sync: the journal's entries as they travel, and
// the events that carry them. Ingest journals each accepted match event and emits it to sync
// (`live.recorded`), signed with ingest's Ed25519 key, so that no other node of the bus can score
// a goal; sync folds it into the master match and answers how far it has folded (`live.folded`).
// Until that answer comes, ingest sends again: nothing is lost while sync comes and goes.
import { type KeyObject, sign, verify } from "node:crypto";
import { LIVE_EVENT_TYPES, type LiveEvent } from "../domain/live";
import { canonicalJson } from "./signing";

/** One event in ingest's journal: its place in the whole journal and in its match's. */
export interface JournalEntry {
	/** 1, 2, 3… over the whole journal: the order sync folds in. */
	seq: number;
	match: string;
	/** 1, 2, 3… within the match. */
	place: number;
	event: LiveEvent;
	/** When ingest accepted it (ISO 8601). */
	receivedAt: string;
}

export interface LiveRecordedPayload {
	/** Consecutive entries, oldest first. */
	entries: JournalEntry[];
	/** Ingest's signature of the entries (below); sync refuses a payload without it. */
	signature?: string;
}

export interface LiveFoldedPayload {
	/** Every journal entry up to this seq is in the master data. */
	upTo: number;
}

export const LIVE_EVENTS = {
	recorded: "live.recorded",
	folded: "live.folded",
} as const;

const liveEventSchema = {
	type: "object",
	strict: true,
	props: {
		id: { type: "string", min: 1, max: 100 },
		type: { type: "enum", values: [...LIVE_EVENT_TYPES] },
		minute: { type: "number", integer: true, min: 0, nullable: true },
		injuryTime: { type: "number", integer: true, min: 0, nullable: true },
		side: { type: "enum", values: ["HOME", "AWAY"], nullable: true },
		scorer: { type: "string", max: 100, nullable: true },
		penalty: "boolean",
		ownGoal: "boolean",
		scored: { type: "boolean", nullable: true },
	},
} as const;

export const liveRecordedSchema = {
	entries: {
		type: "array",
		max: 1000,
		items: {
			type: "object",
			strict: true,
			props: {
				seq: { type: "number", integer: true, positive: true },
				match: { type: "string", min: 1, max: 200 },
				place: { type: "number", integer: true, positive: true },
				event: liveEventSchema,
				receivedAt: { type: "string", max: 40 },
			},
		},
	},
	signature: { type: "string", max: 200, optional: true },
} as const;

export const liveFoldedSchema = {
	upTo: { type: "number", integer: true, min: 0 },
} as const;

function entriesBytes(entries: JournalEntry[]): Buffer {
	return Buffer.from(canonicalJson({ kind: "journal", entries }));
}

/** Ingest's signature of journal entries, base64. */
export function signEntries(key: KeyObject, entries: JournalEntry[]): string {
	return sign(null, entriesBytes(entries), key).toString("base64");
}

/** Whether `signature` is one of these keys' over the entries. */
export function areIngestsEntries(
	keys: KeyObject[],
	entries: JournalEntry[],
	signature: unknown,
): boolean {
	if (typeof signature !== "string" || signature.length === 0) return false;
	const bytes = entriesBytes(entries);
	return keys.some(key => {
		try {
			return verify(null, bytes, key, Buffer.from(signature, "base64"));
		} catch {
			return false;
		}
	});
}
