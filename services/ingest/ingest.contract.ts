// v1.ingest.record's contract: one match event from a live source, as the admin route
// `POST /api/admin/matches/{id}/events` takes it (the match's id from the path, the event in
// the body), and the receipt it answers with.
import { type HandlerParams, id } from "../../contracts";
import { LIVE_EVENT_TYPES } from "../../domain/live";

export const ingestRecordParams = {
	$$strict: true,
	match: { ...id, optional: false, description: "The match's id." },
	id: {
		type: "string",
		min: 1,
		max: 100,
		pattern: "^[A-Za-z0-9._:-]+$",
		description:
			"The client's id for the event: the same id again is the same event, recorded once.",
	},
	type: { type: "enum", values: LIVE_EVENT_TYPES },
	minute: { type: "number", integer: true, min: 0, max: 150, optional: true },
	injuryTime: { type: "number", integer: true, min: 0, max: 30, optional: true },
	team: {
		type: "string",
		min: 1,
		max: 120,
		optional: true,
		description:
			"HOME, AWAY, or the id of one of the match's teams: the team the goal or kick counts for.",
	},
	scorer: { type: "string", min: 1, max: 100, trim: true, optional: true },
	penalty: { type: "boolean", optional: true },
	ownGoal: { type: "boolean", optional: true },
	scored: { type: "boolean", optional: true },
} as const;

export type IngestRecordParams = HandlerParams<typeof ingestRecordParams>;

/** What a POST answers: the event's place in the journal, whether new or recorded before. */
export interface IngestReceipt {
	status: "accepted";
	match: string;
	event: string;
	/** Its place in the journal (the order sync folds in) and in its match's events. */
	seq: number;
	place: number;
	/** True when this event id was recorded before: nothing was recorded again. */
	duplicate: boolean;
}
