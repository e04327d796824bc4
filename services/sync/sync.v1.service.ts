// v1.sync: owns the master data. Re-reads its source on start, every SYNC_INTERVAL and on a
// `sync.requested` event; writes what changed to the change log in its own database, then
// publishes the log as `master.changed` events. Its one action is the change feed that
// projections read from, so that no projection depends on an event arriving.
import type { Context, ServiceSchema, ServiceSettingSchema } from "moleculer";
import {
	EVENTS,
	emitEvent,
	syncChangesParams,
	type SyncChangesParams,
	type SyncChangesResult,
	type SyncRequestedPayload,
	syncRequestedSchema,
} from "../../contracts";
import { normaliseOpenFootball, readOpenFootballDir } from "../../domain/openfootball";
import { DbMixin, type DbMethods } from "../../mixins/db.mixin";
import { config } from "../../platform/config";
import { ChangeLog } from "./change-log";
import { diffMaster, sourceDocuments } from "./master-diff";

export interface SyncSettings extends ServiceSettingSchema {
	dataDir: string;
	publishBatchSize: number;
	syncInterval: number;
}

export interface SyncOutcome {
	changes: number;
	from: number;
	to: number;
}

interface SyncMethods extends DbMethods {
	changeLog(): ChangeLog;
	syncNow(reason: string): Promise<SyncOutcome>;
	importSource(): Promise<SyncOutcome>;
	publishPending(): Promise<void>;
	recordCheckpoint(consumer: string, checkpoint: number): Promise<void>;
}

interface SyncVars {
	log?: ChangeLog;
	/** Imports and publishing run one at a time: the log has exactly one writer. */
	writing: Promise<unknown>;
	timer?: NodeJS.Timeout;
}

const SyncService: ServiceSchema<SyncSettings, SyncMethods, SyncVars> = {
	name: "sync",
	version: 1,
	mixins: [DbMixin({ database: "v1-sync", collections: ["documents", "counters", "consumers"] })],
	settings: {
		dataDir: config().dataDir,
		publishBatchSize: config().publishBatchSize,
		syncInterval: config().syncInterval,
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

	events: {
		[EVENTS.syncRequested]: {
			params: syncRequestedSchema,
			async handler(ctx: Context<SyncRequestedPayload>) {
				await this.syncNow(ctx.params.reason ?? "requested");
			},
		},
	},

	methods: {
		changeLog(): ChangeLog {
			this.log ??= new ChangeLog(this.collection("documents"), this.collection("counters"));
			return this.log;
		},

		/** Imports, then publishes; queued behind any sync already running. */
		syncNow(reason: string): Promise<SyncOutcome> {
			const run = this.writing.then(async () => {
				const outcome = await this.importSource();
				this.logger.info(`Sync (${reason}): ${outcome.changes} changes, seq ${outcome.from} → ${outcome.to}.`);
				await this.publishPending();
				return outcome;
			});
			this.writing = run.catch(err => this.logger.error(`Sync (${reason}) failed.`, err));
			return run;
		},

		/** Reads the source and writes what changed to the log (nothing if nothing changed). */
		async importSource(): Promise<SyncOutcome> {
			const data = normaliseOpenFootball(readOpenFootballDir(this.settings.dataDir));
			const log = this.changeLog();
			const changes = diffMaster(await log.storedVersions(), sourceDocuments(data));
			const { from, to } = await log.append(changes);
			return { changes: changes.length, from, to };
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
		await this.syncNow("start");
		if (this.settings.syncInterval > 0) {
			this.timer = setInterval(() => void this.syncNow("interval").catch(() => undefined), this.settings.syncInterval);
		}
	},

	async stopped() {
		clearInterval(this.timer);
		await this.writing;
	},
};

export default SyncService;
