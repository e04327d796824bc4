// v1.sync: owns the master data. Re-reads its source on start, every SYNC_INTERVAL and on a
// `sync.requested` event; writes what changed to the change log in its own database, then
// publishes the log as `master.changed` events. Its one action is the change feed that
// projections read from, so that no projection depends on an event arriving.
// Its second source is live: the match events ingest journals (`live.recorded`, signed by
// ingest), folded into their matches one by one (live-journal.ts), each a change of its own.
import type { KeyObject } from "node:crypto";
import { type Context, Errors, type ServiceSchema, type ServiceSettingSchema } from "moleculer";
import {
	areIngestsEntries,
	broadcastEvent,
	emitEvent,
	type JournalEntry,
	LIVE_EVENTS,
	type LiveRecordedPayload,
	liveRecordedSchema,
	CHANGE_SCHEMA_VERSION,
	EVENTS,
	syncChangesParams,
	type SyncChangesParams,
	type SyncChangesResult,
	type SyncRequestedPayload,
	syncRequestedSchema,
	SYNC_METRICS,
	nodeConfig,
	signBucket,
	signDigest,
	signPage,
	signSlice,
	type SyncBucketResult,
	type SyncDigestResult,
} from "../../contracts";
import { ENTITY_KINDS, type EntityKind, type Match } from "../../domain/model";
import { DbMixin, type DbMethods } from "../../mixins/db.mixin";
import { ChangeLog, type LogSlice, sliceFeedPage } from "./change-log";
import { MasterDigests } from "./digests";
import { LiveJournal } from "./live-journal";
import { MasterDiff, masterKey, type PendingChange, sourceDocumentsOf } from "./master-diff";
import { type MasterSource, type SourceRead, sourceFor } from "./sources";

export interface SyncSettings extends ServiceSettingSchema {
	/** DATA_SOURCE: where the master data comes from (docs/sources.md). */
	dataSource: string;
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
	answerDigest(kinds?: EntityKind[]): Promise<SyncDigestResult>;
	answerBucket(kinds: EntityKind[] | undefined, bucket: number): Promise<SyncBucketResult>;
	syncNow(reason: string): Promise<SyncOutcome>;
	serialise<T>(task: () => Promise<T>): Promise<T>;
	readSource(): Promise<SourceRead>;
	importSource(reason: string, source: SourceRead): Promise<SyncOutcome>;
	publishPending(): Promise<void>;
	publishSlice(epoch: string, slice: LogSlice): Promise<void>;
	recordCheckpoint(consumer: string, checkpoint: number): Promise<void>;
	reportProgress(): Promise<void>;
	foldLive(entries: JournalEntry[]): Promise<number>;
}

/** The match a live change carries, as the feed would give it back (parsed from its JSON). */
function folded(change: PendingChange): Match {
	if (change.deleted) throw new Error("A live change is never a deletion");
	return JSON.parse(change.json) as Match;
}

/** Sync's metrics: the operator's view of the log and of who is behind (`$node.metrics`). */
const METRICS = SYNC_METRICS;

/** How many changes publishing reads from the log at a time (then sends in smaller events). */
const READ_PAGE = 1000;

/** How many source documents an import compares at a time. */
const IMPORT_BATCH = 5000;

/**
 * Changes an import gathers before it writes them: source files are often small (a season is a
 * few hundred matches), and every write costs round trips of its own (numbering, head).
 */
const MIN_WRITE = 1000;

/** How often a long import logs how far it has got. */
const PROGRESS_EVERY_MS = 5000;

interface SyncVars {
	log?: ChangeLog;
	/** The anti-entropy answers, made on first request. */
	digests?: MasterDigests;
	/** Signs every slice and feed page (contracts/signing.ts). */
	signingKey: KeyObject;
	/** The tail of the write queue: imports and publishing run one at a time. */
	writing: Promise<unknown>;
	timer?: NodeJS.Timeout;
	/** The live source: ingest's journal entries folded so far, by match. */
	live: LiveJournal;
	/** Ingest's public keys: live events only from ingest. */
	ingestKeys: KeyObject[];
	/** Where the master data comes from (DATA_SOURCE). */
	source: MasterSource;
	/** The read under way, which a second sync asked for meanwhile shares. */
	reading?: Promise<SourceRead>;
}

const SyncService: ServiceSchema<SyncSettings, SyncMethods, SyncVars> = {
	name: "sync",
	version: 1,
	mixins: [
		DbMixin({
			database: "v1-sync",
			collections: ["documents", "counters", "consumers", "journal"],
		}),
	],
	// The single writer of the master data: one node, never more (see docs/sync.md).
	metadata: { deployment: { replicas: 1 } },
	// Filled from this node's configuration when the service is made (see created()).
	settings: { dataSource: "", dataDir: "", publishBatchSize: 0, syncInterval: 0 },

	actions: {
		/** The change feed: every master change after `since`, oldest first, up to `limit`. */
		changes: {
			// Internal: no `rest` route, so the gateway never serves it; any node of the cluster may call it.
			visibility: "public",
			params: syncChangesParams,
			async handler(
				ctx: Context<SyncChangesParams>,
			): Promise<SyncChangesResult | SyncDigestResult | SyncBucketResult> {
				const { since, limit, kinds, consumer, digest, bucket } = ctx.params;
				if (digest && bucket !== undefined)
					throw new Errors.ValidationError("Ask for a digest or for a bucket, not both.");
				if (digest) return this.answerDigest(kinds);
				if (bucket !== undefined) return this.answerBucket(kinds, bucket);
				const page = await this.changeLog().changesSince(since, limit, kinds);
				if (consumer) await this.recordCheckpoint(consumer, since);
				// Signed with the request it answers, so that a page cannot be replayed for another.
				const signature = signPage(this.signingKey, {
					...page,
					since,
					kinds: kinds ?? null,
				});
				return { ...page, signature };
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
		// Ingest's journal, entry by entry: folded in seq order, confirmed with live.folded.
		[LIVE_EVENTS.recorded]: {
			params: liveRecordedSchema,
			async handler(ctx: Context<LiveRecordedPayload>) {
				const { entries, signature } = ctx.params;
				if (!areIngestsEntries(this.ingestKeys, entries, signature)) {
					this.logger.warn(
						`Refused ${entries.length} live event(s) from node ${ctx.nodeID}: not signed by ingest's key.`,
					);
					if (this.broker.isMetricsEnabled())
						this.broker.metrics.increment(METRICS.liveRejections);
					return;
				}
				const upTo = await this.serialise(() => this.foldLive(entries));
				await emitEvent(this.broker, LIVE_EVENTS.folded, { upTo });
			},
		},
	},

	methods: {
		changeLog(): ChangeLog {
			this.log ??= new ChangeLog(this.collection("documents"), this.collection("counters"));
			return this.log;
		},

		/** Anti-entropy: the digest of each bucket of the live documents of these kinds (all, if none given). */
		async answerDigest(kinds?: EntityKind[]): Promise<SyncDigestResult> {
			this.digests ??= new MasterDigests(this.changeLog());
			const answer = await this.digests.digest(kinds ?? [...ENTITY_KINDS]);
			const signature = signDigest(this.signingKey, { ...answer, kinds: kinds ?? null });
			return { ...answer, signature };
		},

		/** Anti-entropy: the live documents of one bucket, for a projection to repair what differs. */
		async answerBucket(
			kinds: EntityKind[] | undefined,
			bucket: number,
		): Promise<SyncBucketResult> {
			this.digests ??= new MasterDigests(this.changeLog());
			const answer = await this.digests.bucket(kinds ?? [...ENTITY_KINDS], bucket);
			const signature = signBucket(this.signingKey, { ...answer, kinds: kinds ?? null });
			return { ...answer, signature };
		},

		/**
		 * Reads the source, imports, then publishes; the import is queued behind any write already
		 * running, the read is not (a download may wait minutes on a server's limit, and live
		 * events go on being folded meanwhile). Resolves once published.
		 */
		async syncNow(reason: string): Promise<SyncOutcome> {
			let read: SourceRead;
			try {
				read = await this.readSource();
			} catch (err) {
				if (this.broker.isMetricsEnabled())
					this.broker.metrics.increment(METRICS.sourceFailures, {
						source: this.source.name,
					});
				this.logger.error(
					`Sync (${reason}): the ${this.source.name} source could not be read whole; nothing imported, the next sync tries again. ${(err as Error).message}`,
				);
				throw err;
			}
			const outcome = await this.serialise(() => this.importSource(reason, read));
			await this.serialise(() => this.publishPending());
			if (this.broker.isMetricsEnabled())
				this.broker.metrics.set(METRICS.lastSync, Date.now());
			return outcome;
		},

		/** Runs writes to the log one at a time, in order: the log has exactly one writer. */
		serialise<T>(task: () => Promise<T>): Promise<T> {
			const run = this.writing.then(task);
			this.writing = run.catch(err =>
				this.logger.error("Sync failed; the next sync retries.", err),
			);
			return run;
		},

		/** One read of the source at a time: a sync asked for while one reads shares its answer. */
		readSource(): Promise<SourceRead> {
			this.reading ??= this.source.read().finally(() => {
				this.reading = undefined;
			});
			return this.reading;
		},

		/**
		 * Writes what changed in a read of the source to the log (nothing if nothing changed). Streams:
		 * the source is read a file at a time and compared and written in batches, so memory holds
		 * one file and the stored versions (a hash per document), not the data set. Each batch
		 * moves the head, so consumers may start on the first batches while the rest is written.
		 */
		async importSource(reason: string, source: SourceRead): Promise<SyncOutcome> {
			const began = Date.now();
			const log = this.changeLog();
			if (source.batches === null) {
				const head = await log.head();
				this.logger.info(
					`Sync (${reason}): the ${this.source.name} source has not changed.`,
				);
				return { changes: 0, from: head, to: head };
			}
			const diff = new MasterDiff(await log.storedVersions());
			const from = await log.head();
			let to = from;
			let read = 0;
			let written = 0;
			let reported = began;
			const write = async (changes: PendingChange[]) => {
				to = (await log.append(changes)).to;
				written += changes.length;
			};
			// Reading and comparing the next batch overlaps writing the previous one (the database
			// works in its own process); writes stay one at a time, in order.
			let writing = Promise.resolve();
			let gathered: PendingChange[] = [];
			for (const batch of source.batches) {
				for (let i = 0; i < batch.docs.length; i += IMPORT_BATCH) {
					// A match with live events is what its events say, over what the files say.
					const docs = this.live.overFiles(
						batch.kind,
						batch.docs.slice(i, i + IMPORT_BATCH) as Array<{ id: string }>,
					) as typeof batch.docs;
					gathered.push(...diff.changesIn(sourceDocumentsOf(batch.kind, docs)));
					read += docs.length;
					if (gathered.length < MIN_WRITE) continue;
					await writing;
					writing = write(gathered);
					gathered = [];
				}
				if (Date.now() - reported >= PROGRESS_EVERY_MS) {
					reported = Date.now();
					this.logger.info(
						`Sync (${reason}): ${read} documents read, ${written} changes written…`,
					);
				}
			}
			await writing;
			await write([...gathered, ...diff.deletions()]);
			source.commit();
			const ms = Date.now() - began;
			this.logger.info(
				`Sync (${reason}): ${written} changes of ${read} documents read, seq ${from} → ${to}, in ${ms} ms.`,
			);
			return { changes: written, from, to };
		},

		/**
		 * The outbox: publishes every committed change not yet published, in events of at most
		 * `publishBatchSize` changes, remembering progress after each event. After a crash it
		 * resumes where it stopped; a consumer that saw an event twice ignores the second.
		 */
		async publishPending() {
			const log = this.changeLog();
			let from = await log.published();
			const head = await log.head();
			while (from < head) {
				const page = await log.changesSince(from, READ_PAGE);
				for (const slice of sliceFeedPage(page, from, this.settings.publishBatchSize))
					await this.publishSlice(page.epoch, slice);
				from = page.lastSeq;
			}
			await this.reportProgress();
		},

		/** Signs and broadcasts one slice of the log, then remembers it as published. */
		async publishSlice(epoch: string, slice: LogSlice) {
			// Broadcast: every replica of every consumer hears it (the consumers choose which one applies).
			const content = {
				schemaVersion: CHANGE_SCHEMA_VERSION as typeof CHANGE_SCHEMA_VERSION,
				epoch,
				...slice,
			};
			await broadcastEvent(this.broker, EVENTS.masterChanged, {
				...content,
				signature: signSlice(this.signingKey, content),
			});
			await this.changeLog().markPublished(slice.to);
		},

		/** The operator view: each consumer's checkpoint, kept in sync's store and shown as metrics with its lag. */
		async recordCheckpoint(consumer: string, checkpoint: number) {
			await this.collection("consumers").put({
				_id: consumer,
				checkpoint,
				seenAt: new Date().toISOString(),
			});
			if (this.broker.isMetricsEnabled()) {
				const head = await this.changeLog().head();
				this.broker.metrics.set(METRICS.checkpoint, checkpoint, { consumer });
				this.broker.metrics.set(METRICS.lag, Math.max(0, head - checkpoint), { consumer });
			}
		},

		/**
		 * Folds the next entries of ingest's journal into their matches: each one a change of its
		 * own, published before the next, so that every step of a match reaches the feed's readers
		 * (the live stream shows each goal). Entries already folded are skipped; after a gap the
		 * rest waits for ingest to send again. Answers how far the journal is folded.
		 */
		async foldLive(entries: JournalEntry[]): Promise<number> {
			const log = this.changeLog();
			for (const entry of entries) {
				if (!this.live.isNext(entry)) continue;
				await this.live.keep(entry);
				const key = masterKey("match", entry.match);
				const [current] = await log.latestLive([key]);
				if (current?.kind === "match" && current.doc) {
					const change = this.live.changeOf(current.doc, key);
					if (change) {
						const { from, to } = await log.append([change]);
						// Published as it is when nothing else waits: no read of the log (on
						// FerretDB v1 a read by seq scans it), the next step already on its way.
						if ((await log.published()) === from)
							await this.publishSlice(await log.epoch(), {
								from,
								to,
								changes: [
									{
										seq: to,
										kind: "match",
										id: change.id,
										deleted: false,
										doc: folded(change),
									},
								],
							});
					}
				} else {
					this.logger.warn(
						`A live event for ${entry.match}, which the master data does not hold.`,
					);
				}
				await this.live.markFolded(entry.seq);
				await this.publishPending();
			}
			return this.live.folded();
		},

		async reportProgress() {
			if (!this.broker.isMetricsEnabled()) return;
			const log = this.changeLog();
			this.broker.metrics.set(METRICS.head, await log.head());
			this.broker.metrics.set(METRICS.published, await log.published());
		},
	},

	created() {
		const { dataDir, publishBatchSize, syncInterval, signingKey } = nodeConfig(this.broker);
		if (!signingKey) {
			throw new Error(
				"v1.sync signs the master data it publishes: set SYNC_SIGNING_KEY (or SYNC_SIGNING_KEY_FILE), an Ed25519 private key (npm run keys prints a pair).",
			);
		}
		// Kept on the instance, never in settings: settings travel to every node in the registry.
		this.signingKey = signingKey;
		this.ingestKeys = nodeConfig(this.broker).ingestVerifyKeys;
		Object.assign(this.settings, { dataDir, publishBatchSize, syncInterval });
		this.source = sourceFor(nodeConfig(this.broker), message => this.logger.warn(message));
		this.settings.dataSource = this.source.name;
		this.writing = Promise.resolve();
		if (this.broker.isMetricsEnabled()) {
			const gauge = (name: string, description: string, labelNames?: string[]) =>
				this.broker.metrics.register({ type: "gauge", name, description, labelNames });
			gauge(METRICS.head, "Last committed seq of the master log");
			gauge(METRICS.published, "Last seq published as master.changed");
			gauge(METRICS.lastSync, "When the last sync finished (ms since the epoch)");
			gauge(METRICS.checkpoint, "Last seq a consumer has applied, as it told the feed", [
				"consumer",
			]);
			gauge(METRICS.lag, "How many seqs a consumer is behind the head", ["consumer"]);
			this.broker.metrics.register({
				type: "counter",
				name: METRICS.sourceFailures,
				description: "Reads of the source that failed (nothing was imported)",
				labelNames: ["source"],
			});
			this.broker.metrics.register({
				type: "counter",
				name: METRICS.liveRejections,
				description: "Live events refused: not signed by ingest's key",
			});
		}
	},

	async started() {
		const log = this.changeLog();
		await log.prepare();
		await log.recover();
		this.live = new LiveJournal(this.collection("journal"), this.collection("counters"));
		await this.live.load();
		// The node counts as started once the feed holds the source; publishing goes on behind.
		// A remote source that cannot be read leaves the feed as its store holds it: the node
		// starts, serves that, and the next sync tries again.
		const read = await this.readSource().catch((err: Error) => {
			if (this.source.name === "folder") throw err;
			this.logger.error(
				`Sync (start): the ${this.source.name} source could not be read whole; serving the feed as stored. ${err.message}`,
			);
			if (this.broker.isMetricsEnabled())
				this.broker.metrics.increment(METRICS.sourceFailures, { source: this.source.name });
			return null;
		});
		if (read) await this.serialise(() => this.importSource("start", read));
		void this.serialise(() => this.publishPending())
			.then(
				() =>
					this.broker.isMetricsEnabled() &&
					this.broker.metrics.set(METRICS.lastSync, Date.now()),
			)
			.catch(() => undefined); // logged by serialise
		if (this.settings.syncInterval > 0) {
			this.timer = setInterval(
				() => void this.syncNow("interval").catch(() => undefined),
				this.settings.syncInterval,
			);
		}
	},

	async stopped() {
		clearInterval(this.timer);
		await this.writing;
	},
};

export default SyncService;
