// v1.ingest: the live write path. Its one action records one match event (the admin route
// `POST /api/admin/matches/{id}/events`): checked against the match's events so far, journalled
// in its own database, then sent to sync signed (`live.recorded`), which folds it into the
// master match; sync stays the only writer of master data. The same event id twice is recorded
// once. Entries sync has not confirmed (`live.folded`) are sent again until it does.
import type { KeyObject } from "node:crypto";
import type { Context, Service, ServiceSchema } from "moleculer";
import {
	type Change,
	emitEvent,
	type JournalEntry,
	LIVE_EVENTS,
	type LiveFoldedPayload,
	liveFoldedSchema,
	nodeConfig,
	notFound,
	signEntries,
} from "../../contracts";
import type { Match } from "../../domain/model";
import type { DbMethods } from "../../mixins/db.mixin";
import { liveViewById } from "../../mixins/listing";
import {
	applyAsViews,
	ProjectionMixin,
	type ProjectionMethods,
	type ProjectionOptions,
} from "../../mixins/projection";
import { ingestRecordParams, type IngestReceipt, type IngestRecordParams } from "./ingest.contract";
import { checkEvent, liveEventOf } from "./ingest.events";
import { Journal } from "./ingest.journal";

const MATCHES = "matches";

/** How many entries one resend carries. */
const RESEND_BATCH = 200;

/** The matches events may be posted for: their teams, and their state before any event. */
export const PROJECTION: ProjectionOptions = {
	database: "v1-ingest",
	collections: [MATCHES, "journal", "counters"],
	kinds: ["match"],
	views: { match: MATCHES },
	apply: (service: Service & DbMethods, changes: Change[]) =>
		applyAsViews<Match>(service.collection(MATCHES), changes, match => ({ ...match })),
};

interface IngestVars {
	journal: Journal;
	signingKey: KeyObject;
	/** The tail of the write queue: events are checked and journalled one at a time. */
	writing: Promise<unknown>;
	/** The last seq sync has confirmed, and what it was at the last resend check. */
	folded: number;
	foldedAtLastCheck: number;
	resendInterval: number;
	timer?: NodeJS.Timeout;
}

interface IngestMethods extends ProjectionMethods {
	record(params: IngestRecordParams): Promise<IngestReceipt>;
	send(entries: JournalEntry[]): Promise<void>;
	resendIfStuck(): Promise<void>;
}

function receipt(entry: JournalEntry, duplicate: boolean): IngestReceipt {
	return {
		status: "accepted",
		match: entry.match,
		event: entry.event.id,
		seq: entry.seq,
		place: entry.place,
		duplicate,
	};
}

const IngestService: ServiceSchema<Record<string, never>, IngestMethods, IngestVars> = {
	name: "ingest",
	version: 1,
	mixins: [ProjectionMixin(PROJECTION)],
	// The journal's one writer: one node, never more (numbers come from its memory).
	metadata: { deployment: { replicas: 1 } },
	actions: {
		record: {
			// Called by the gateway's admin route only: no `rest` route of its own.
			visibility: "public",
			params: ingestRecordParams,
			handler(ctx: Context<IngestRecordParams>): Promise<IngestReceipt> {
				const run = this.writing.then(() => this.record(ctx.params));
				this.writing = run.catch(() => undefined);
				return run;
			},
		},
	},

	events: {
		[LIVE_EVENTS.folded]: {
			params: liveFoldedSchema,
			async handler(ctx: Context<LiveFoldedPayload>) {
				if (ctx.params.upTo <= this.folded) return;
				this.folded = Math.min(ctx.params.upTo, this.journal.lastSeq());
				await this.journal.markFolded(this.folded);
			},
		},
	},

	methods: {
		async record(params: IngestRecordParams): Promise<IngestReceipt> {
			const known = await this.journal.find(params.match, params.id);
			if (known) return receipt(known, true);
			const match = await liveViewById<Match>(this.collection(MATCHES), params.match);
			if (!match) throw notFound("match", params.match, "/api/v2/results");
			const journalled = await this.journal.ofMatch(params.match);
			const event = liveEventOf(params, match);
			checkEvent(
				match,
				journalled.map(entry => entry.event),
				event,
				params,
			);
			const entry = await this.journal.append({
				match: params.match,
				place: journalled.length + 1,
				event,
				receivedAt: new Date().toISOString(),
			});
			// Not awaited by the client's answer: the entry is safe in the journal, and sent again if lost.
			void this.send([entry]).catch(err => this.logger.warn("Could not send to sync:", err));
			return receipt(entry, false);
		},

		async send(entries: JournalEntry[]) {
			await emitEvent(this.broker, LIVE_EVENTS.recorded, {
				entries,
				signature: signEntries(this.signingKey, entries),
			});
		},

		/** Sends what sync has not confirmed, when it has confirmed nothing new for an interval. */
		async resendIfStuck() {
			const stuck = this.folded === this.foldedAtLastCheck;
			this.foldedAtLastCheck = this.folded;
			if (!stuck || this.folded >= this.journal.lastSeq()) return;
			const entries = await this.journal.after(this.folded, RESEND_BATCH);
			if (entries.length > 0) await this.send(entries);
		},
	},

	created() {
		const { ingestSigningKey, liveResendInterval } = nodeConfig(this.broker);
		if (!ingestSigningKey)
			throw new Error(
				"v1.ingest signs the match events it sends to sync: set INGEST_SIGNING_KEY (or INGEST_SIGNING_KEY_FILE), an Ed25519 private key (npm run keys prints a pair).",
			);
		this.signingKey = ingestSigningKey;
		this.writing = Promise.resolve();
		this.resendInterval = liveResendInterval;
	},

	// The mixin's started() has opened the store by now (a mixin's hooks run first).
	async started() {
		this.journal = new Journal(this.collection("journal"), this.collection("counters"));
		await this.journal.prepare();
		this.folded = await this.journal.folded();
		this.foldedAtLastCheck = -1;
		this.timer = setInterval(
			() => void this.resendIfStuck().catch(err => this.logger.warn("Resend failed:", err)),
			this.resendInterval,
		);
	},

	async stopped() {
		clearInterval(this.timer);
		await this.writing;
	},
};

export default IngestService;
