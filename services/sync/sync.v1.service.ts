// v1.sync: owns the master data. Imports the source on start, keeps a change log in its
// own database and publishes the log as `master.changed` events. Its one action is the
// change feed that projections read from, so that no projection depends on an event arriving.
import type { Context, ServiceSchema } from "moleculer";
import { EVENTS, emitEvent, syncChangesParams, type SyncChangesParams, type SyncChangesResult } from "../../contracts";
import { normaliseOpenFootball, readOpenFootballDir } from "../../domain/openfootball";
import { DbMixin, type DbMethods } from "../../mixins/db.mixin";
import { config } from "../../platform/config";
import { ChangeLog } from "./change-log";
import { diffMaster, sourceDocuments } from "./master-diff";

interface SyncSettings {
	dataDir: string;
	publishBatchSize: number;
}

interface SyncMethods extends DbMethods {
	changeLog(): ChangeLog;
	importSource(): Promise<{ from: number; to: number; changes: number }>;
	publishPending(): Promise<void>;
	recordCheckpoint(consumer: string, checkpoint: number): Promise<void>;
}

interface SyncVars {
	log?: ChangeLog;
	/** Imports and publishing run one at a time: the log has exactly one writer. */
	writing: Promise<unknown>;
}

const SyncService: ServiceSchema<SyncSettings, SyncMethods, SyncVars> = {
	name: "sync",
	version: 1,
	mixins: [DbMixin({ database: "v1-sync", collections: ["documents", "counters", "consumers"] })],
	settings: {
		dataDir: config().dataDir,
		publishBatchSize: config().publishBatchSize,
	},

	actions: {
		/** The change feed: every master change after `since`, oldest first, up to `limit`. */
		changes: {
			params: syncChangesParams,
			async handler(ctx: Context<SyncChangesParams>): Promise<SyncChangesResult> {
				const { since, limit = 500, kinds, consumer } = ctx.params;
				const page = await this.changeLog().changesSince(since, limit, kinds);
				if (consumer) await this.recordCheckpoint(consumer, since);
				return page;
			},
		},
	},

	methods: {
		changeLog(): ChangeLog {
			this.log ??= new ChangeLog(this.collection("documents"), this.collection("counters"));
			return this.log;
		},

		/** Reads the source, writes what changed to the log (nothing if nothing changed). */
		async importSource() {
			const started = Date.now();
			const data = normaliseOpenFootball(readOpenFootballDir(this.settings.dataDir));
			const log = this.changeLog();
			const changes = diffMaster(await log.storedVersions(), sourceDocuments(data));
			const { from, to } = await log.append(changes);
			this.logger.info(`Imported ${this.settings.dataDir}: ${changes.length} changes (seq ${from} → ${to}) in ${Date.now() - started} ms.`);
			return { from, to, changes: changes.length };
		},

		/** The outbox: publishes every committed change not yet published, in batches, remembering progress. */
		async publishPending() {
			const log = this.changeLog();
			let from = await log.published();
			const head = await log.head();
			while (from < head) {
				const page = await log.changesSince(from, this.settings.publishBatchSize);
				await emitEvent(this.broker, EVENTS.masterChanged, { schemaVersion: 1, from, to: page.lastSeq, changes: page.changes });
				await log.markPublished(page.lastSeq);
				from = page.lastSeq;
			}
		},

		async recordCheckpoint(consumer: string, checkpoint: number) {
			await this.collection("consumers").put({ _id: consumer, checkpoint, seenAt: new Date().toISOString() });
		},
	},

	created() {
		this.writing = Promise.resolve();
	},

	async started() {
		const log = this.changeLog();
		await log.prepare();
		await log.recover();
		await this.importSource();
		// Publishing may wait for the transporter; the feed already serves the changes.
		this.writing = this.publishPending().catch(err => this.logger.warn("Publishing failed; projections will catch up from the feed.", err));
	},

	async stopped() {
		await this.writing;
	},
};

export default SyncService;
