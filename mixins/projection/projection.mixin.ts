// The projection mixin: makes a service a consumer of master data, wiring the parts in this folder.
//
// The service keeps its own projection, in its own database, of the kinds it needs. Events bring
// changes fast; the change feed (`v1.sync.changes`) makes sure nothing is missed: on start, on a
// gap, and on a timer (catch-up.ts). Changes apply in order (apply-queue.ts) and idempotently
// (epoch.ts); the checkpoint is saved after what it covers (checkpoint.ts).
//
// Replicas of a service share its database; one of them applies changes at a time (leader.ts)
// and all of them serve reads. On MongoDB a conditional replace is atomic, so even two appliers
// could not take a view back in time; FerretDB v1 (our test server) does not promise that, so
// we do not rely on it.
//
// Only what sync signed is applied (trust.ts): a slice or a feed page without sync's signature is
// refused, logged with its sender and counted, before it can touch a document or a checkpoint.
//
// Now and then (ANTI_ENTROPY_INTERVAL) the applier compares its views with the master and repairs
// the documents that differ (anti-entropy.ts); a checkpoint above sync's head is drift too. Each
// repair is logged and counted in `matchday.projection.repairs`.
//
// A service need not know in which order lifecycle hooks run: what must be ready before the
// first change applies (an index, say) goes in `prepare`, which runs once the store is open.
import type { KeyObject } from "node:crypto";
import type { Context, Service, ServiceSchema, ServiceSettingSchema } from "moleculer";
import {
	broadcastEvent,
	type Change,
	EVENTS,
	FEED_ACTION,
	type MasterChangedPayload,
	masterChangedSchema,
	nodeConfig,
	type ProjectionUpdatedPayload,
	projectionUpdatedSchema,
	readBucket,
	readDigest,
	readFeed,
	type SyncChangesResult,
} from "../../contracts";
import type { EntityKind } from "../../domain/model";
import { DbMixin } from "../db.mixin";
import { type AuditedViews, auditViews, countRepairs, registerRepairMetric } from "./anti-entropy";
import { ApplyQueue, WATCHDOG_MS } from "./apply-queue";
import { CatchUpScheduler, isSyncAway, readFeedToHead } from "./catch-up";
import { META, readCheckpoint, saveCheckpoint } from "./checkpoint";
import { decideSlice, freshChanges } from "./epoch";
import { groupEventsByService } from "./event-groups";
import { isApplier } from "./leader";
import {
	countRejection,
	isSyncsBucket,
	isSyncsDigest,
	isSyncsPage,
	isSyncsSlice,
	registerTrustMetrics,
	UntrustedPageError,
} from "./trust";
import type { ProjectionMethods, ProjectionOptions } from "./options";

interface ProjectionVars {
	/** The name it goes by at sync (see `ProjectionOptions.consumer`). */
	consumer: string;
	/** Sync's public key: what it did not sign is not applied. */
	verifyKeys: readonly KeyObject[];
	checkpoint: number;
	/** The epoch of the master log the checkpoint counts in; null before the first page. */
	epoch: string | null;
	queue: ApplyQueue;
	catchUps: CatchUpScheduler;
	auditTimer?: NodeJS.Timeout;
	/** True while an anti-entropy round waits in the queue: never two of them. */
	auditQueued: boolean;
}

type Projection = Service & ProjectionMethods & ProjectionVars;

const FEED_PAGE = 500;
/** How long a starting replica listens to the registry before it decides whether it applies. */
const APPLIER_SETTLE_MS = 1_500;
/** How long a stopping service waits for the projection task under way. */
const STOP_PATIENCE_MS = 5_000;

const SERVICES_CHANGED = "$services.changed";

/** The mixin; each service using it needs a database of its own. */
export function ProjectionMixin(options: ProjectionOptions): Partial<ServiceSchema> {
	const kinds = new Set<EntityKind>(options.kinds);
	const collections: [string, ...string[]] = [...options.collections, META];

	const schema: Omit<
		ServiceSchema<ServiceSettingSchema, ProjectionMethods, ProjectionVars>,
		"name"
	> = {
		mixins: [DbMixin({ database: options.database, collections })],

		// Each handler's event group is the service's full name, known once the schema is merged.
		merged(merged: Partial<ServiceSchema>) {
			groupEventsByService(merged, [
				EVENTS.masterChanged,
				EVENTS.projectionUpdated,
				SERVICES_CHANGED,
			]);
		},

		events: {
			// Sync broadcasts: every replica hears each event, and the applier takes it.
			[EVENTS.masterChanged]: {
				params: masterChangedSchema,
				// Queued, not awaited: a stopping node must not wait for every queued event (the
				// feed has them all). Async because Moleculer's context tracking expects a promise.
				async handler(ctx: Context<MasterChangedPayload>) {
					if (!isSyncsSlice(this.verifyKeys, ctx.params)) {
						this.logger.warn(
							`Refused a master.changed slice (seq ${ctx.params.from}–${ctx.params.to}) from node ${ctx.nodeID}: not signed by sync's key.`,
						);
						countRejection(this.broker, this.consumer, "slice");
						return;
					}
					if (this.isApplier()) void this.enqueue(() => this.applyEvent(ctx.params));
				},
			},
			// Some replica of this service applied changes: cached lists of the service are stale.
			[EVENTS.projectionUpdated]: {
				params: projectionUpdatedSchema,
				async handler(ctx: Context<ProjectionUpdatedPayload>) {
					if (ctx.params.consumer === this.consumer) await clearCachedLists(this);
				},
			},
			// Sync (re)appeared, or a replica came or went: a good moment to ask what we missed.
			[SERVICES_CHANGED]: {
				async handler() {
					this.requestCatchUp();
				},
			},
		},

		methods: {
			/** This replica applies changes if it has the smallest node id among the available replicas. */
			isApplier(): boolean {
				return isApplier(this.broker, this.fullName);
			},

			/** Runs tasks one after another: changes apply in log order, never interleaved. */
			enqueue(task: () => Promise<void>): Promise<void> {
				return this.queue.enqueue(task);
			},

			/** Queues one catch-up unless one is already waiting. */
			requestCatchUp() {
				this.catchUps.request();
			},

			/** Queues one anti-entropy round on this replica, if it applies and none is waiting. */
			requestAntiEntropy() {
				if (this.auditQueued || !this.isApplier()) return;
				this.auditQueued = true;
				void this.enqueue(async () => {
					this.auditQueued = false;
					await antiEntropyOrWait(this);
				});
			},

			/** Catches up, then compares each kind of view with the master and repairs what differs. */
			async antiEntropy() {
				await this.catchUp();
				let repaired = 0;
				for (const kind of kinds) {
					if (this.queue.isStopping || !this.isApplier()) return;
					const views = auditedViews(this, kind, options.views[kind] ?? "", changes =>
						options.apply(this, changes),
					);
					const outcome = await auditViews(views, {
						checkpoint: this.checkpoint,
						epoch: this.epoch,
					});
					if (!outcome.compared) {
						this.logger.debug(
							`Anti-entropy skipped ${kind}: sync's head ${outcome.reason}.`,
						);
						continue;
					}
					repaired += outcome.repaired;
				}
				if (repaired > 0) {
					await broadcastEvent(this.broker, EVENTS.projectionUpdated, {
						consumer: this.consumer,
						checkpoint: this.checkpoint,
					});
				}
			},

			async loadCheckpoint() {
				({ checkpoint: this.checkpoint, epoch: this.epoch } = await readCheckpoint(
					this.collection(META),
				));
			},

			/** Reads the feed from the checkpoint until it reaches sync's head. */
			async catchUp() {
				// Not an error to wait for: sync may start after us, and $services.changed wakes us when it does.
				if (!this.broker.registry.actions.isAvailable(FEED_ACTION)) return;
				// Another replica may have applied meanwhile: start from what the database says.
				await this.loadCheckpoint();
				await readFeedToHead({
					readPage: since => readFeedPage(this, since, kinds),
					position: () => ({ checkpoint: this.checkpoint, epoch: this.epoch }),
					rebuild: epoch => this.rebuild(epoch),
					applyPage: page => applyFeedPage(this, page),
					// Stopping, or a replica with a smaller id has appeared: it takes over from our checkpoint.
					keepGoing: () => !this.queue.isStopping && this.isApplier(),
				});
			},

			/** The master log was reset (a new epoch): what we hold counts in the old one. Start over. */
			async rebuild(epoch: string) {
				await clearCachedLists(this);
				this.logger.warn(
					`The master log has a new epoch (${this.epoch} → ${epoch}): rebuilding the projection from seq 0.`,
				);
				for (const name of collections) await this.collection(name).clear();
				this.checkpoint = 0;
				this.epoch = epoch;
			},

			async applyEvent(payload: MasterChangedPayload) {
				const decision = decideSlice(
					{ checkpoint: this.checkpoint, epoch: this.epoch },
					payload,
					kinds,
				);
				// A gap or a log we do not know yet: the feed settles both, one catch-up for a burst of them.
				if (decision.action === "catch-up") this.requestCatchUp();
				else if (decision.action === "apply")
					await this.applyChanges(decision.changes, decision.upTo);
			},

			async applyChanges(changes: Change[], upTo: number) {
				const fresh = freshChanges(changes, this.checkpoint);
				if (fresh.length > 0) await options.apply(this, fresh);
				if (upTo > this.checkpoint) {
					this.checkpoint = upTo;
					await saveCheckpoint(this.collection(META), {
						checkpoint: upTo,
						epoch: this.epoch,
					});
				}
				// Broadcast, local included: every replica clears its cache (with Redis, one would do).
				if (fresh.length > 0) {
					await broadcastEvent(this.broker, EVENTS.projectionUpdated, {
						consumer: this.consumer,
						checkpoint: this.checkpoint,
					});
				}
			},
		},

		created() {
			// Decided here, not when the schema is built: only now is the service's name known.
			this.consumer = options.consumer ?? this.fullName;
			const { verifyKeys } = nodeConfig(this.broker);
			if (verifyKeys.length === 0) {
				throw new Error(
					`${this.fullName} applies only master data that sync signed: set SYNC_VERIFY_KEY (or SYNC_VERIFY_KEY_FILE), sync's public key (npm run keys prints a pair).`,
				);
			}
			this.verifyKeys = verifyKeys;
			registerTrustMetrics(this.broker);
			registerRepairMetric(this.broker);
			for (const kind of kinds) {
				if (!options.views[kind])
					throw new Error(
						`${this.fullName} keeps ${kind} documents: name the collection of their views in its projection's \`views\`.`,
					);
			}
			this.auditQueued = false;
			// Published in the registry: which master documents this projection keeps (operators, the benchmark).
			this.metadata.projection = { consumer: this.consumer, kinds: options.kinds };
			this.checkpoint = 0;
			this.epoch = null;
			this.queue = newQueue(this);
			this.catchUps = new CatchUpScheduler({
				settleMs: APPLIER_SETTLE_MS,
				intervalMs: nodeConfig(this.broker).catchUpInterval,
				applies: () => this.isApplier(),
				enqueue: task => this.enqueue(task),
				catchUp: () => catchUpOrWait(this),
			});
		},

		async started() {
			await options.prepare?.(this);
			await this.loadCheckpoint();
			// Replicas started together only see each other once both have announced their
			// services: the scheduler waits that long before the first catch-up, so that one applies.
			this.catchUps.start();
			const { antiEntropyInterval } = nodeConfig(this.broker);
			if (antiEntropyInterval > 0)
				this.auditTimer = setInterval(() => this.requestAntiEntropy(), antiEntropyInterval);
		},

		async stopped() {
			// Give the task under way (at most one feed page) a moment and skip the rest. If it is
			// cut short when the store closes, nothing is lost: the checkpoint only moves after a page.
			this.catchUps.stop();
			clearInterval(this.auditTimer);
			await this.queue.stop(STOP_PATIENCE_MS);
		},
	};
	return schema as unknown as Partial<ServiceSchema>;
}

/** The projection's queue, reporting to its logger. */
function newQueue(service: Projection): ApplyQueue {
	return new ApplyQueue({
		slow: () =>
			service.logger.warn(
				`A projection task has run for ${WATCHDOG_MS / 1000} s (checkpoint ${service.checkpoint}).`,
			),
		failed: err =>
			service.logger.warn("Projection task failed; the next catch-up retries.", err),
		done: ms =>
			service.logger.debug(
				`Projection task done in ${ms} ms; checkpoint ${service.checkpoint}.`,
			),
	});
}

/** A catch-up that waits quietly while sync is away (or a page was forged): the next request tries again. */
async function catchUpOrWait(service: Projection): Promise<void> {
	try {
		await service.catchUp();
	} catch (err) {
		if (err instanceof UntrustedPageError) {
			service.logger.warn(
				`Refused a feed page from node ${err.sender}: not signed by sync's key; the next catch-up tries again.`,
			);
			countRejection(service.broker, service.consumer, "page");
			return;
		}
		if (!isSyncAway(err)) throw err;
		service.logger.debug(
			`Waiting for ${FEED_ACTION} to catch up from seq ${service.checkpoint}.`,
		);
	}
}

/** A call's promise, with the context Moleculer hangs on it: it names the node that answered. */
type Sent = { ctx?: { nodeID?: string } };

function untrusted(call: Sent): UntrustedPageError {
	return new UntrustedPageError(call.ctx?.nodeID ?? "unknown");
}

/** One page of the feed, only if sync signed it as the answer to this very request. */
async function readFeedPage(
	service: Projection,
	since: number,
	kinds: ReadonlySet<EntityKind>,
): Promise<SyncChangesResult> {
	const asked = [...kinds];
	// Moleculer hangs the call's context on the promise it returns: it names the node that answered.
	const call = readFeed(service.broker, {
		since,
		limit: FEED_PAGE,
		kinds: asked,
		consumer: service.consumer,
	}) as Promise<SyncChangesResult> & Sent;
	const page = await call;
	if (!isSyncsPage(service.verifyKeys, page, since, asked)) throw untrusted(call);
	return page;
}

async function applyFeedPage(service: Projection, page: SyncChangesResult): Promise<void> {
	if (page.epoch === service.epoch && page.head < service.checkpoint)
		await repairCheckpoint(service, page.head);
	service.epoch = page.epoch;
	await service.applyChanges(page.changes, page.lastSeq);
}

/**
 * A checkpoint above sync's head is drift (a forged event moved it, say): the changes that will
 * get those numbers would be skipped. Back to the head, and compare the documents too.
 */
async function repairCheckpoint(service: Projection, head: number): Promise<void> {
	service.logger.warn(
		`Repaired the checkpoint: ${service.checkpoint} is above sync's head ${head}; back to ${head}, and the documents are compared next.`,
	);
	countRepairs(service.broker, service.consumer, "checkpoint", 1);
	service.checkpoint = head;
	await saveCheckpoint(service.collection(META), { checkpoint: head, epoch: service.epoch });
	service.requestAntiEntropy();
}

/** An anti-entropy round that waits quietly while sync is away or busy: the next round tries again. */
async function antiEntropyOrWait(service: Projection): Promise<void> {
	try {
		await service.antiEntropy();
	} catch (err) {
		if (err instanceof UntrustedPageError) {
			service.logger.warn(
				`Refused an anti-entropy answer from node ${err.sender}: not signed by sync's key.`,
			);
			countRejection(service.broker, service.consumer, "digest");
			return;
		}
		if (!isSyncAway(err) && (err as { type?: string })?.type !== "SYNC_BUSY") throw err;
		service.logger.debug("Anti-entropy waits for sync; the next round tries again.");
	}
}

/** One kind of view, as an anti-entropy round reads and repairs it. */
function auditedViews(
	service: Projection,
	kind: EntityKind,
	collectionName: string,
	apply: (changes: Change[]) => Promise<void>,
): AuditedViews {
	const collection = service.collection(collectionName);
	return {
		kind,
		liveViews: () => collection.find({ _deleted: { $ne: true } }),
		readDigest: async () => {
			const call = readDigest(service.broker, [kind]) as ReturnType<typeof readDigest> & Sent;
			const answer = await call;
			if (!isSyncsDigest(service.verifyKeys, answer, [kind])) throw untrusted(call);
			return answer;
		},
		readBucket: async bucket => {
			const call = readBucket(service.broker, [kind], bucket) as ReturnType<
				typeof readBucket
			> &
				Sent;
			const answer = await call;
			if (!isSyncsBucket(service.verifyKeys, answer, [kind], bucket)) throw untrusted(call);
			return answer;
		},
		repair: async changes => {
			// Stale first, so that the master's version (or a tombstone, seq 0) replaces whatever is there.
			await collection.updateMany(
				{ _id: { $in: changes.map(change => change.id) } },
				{ _seq: -1 },
			);
			await apply(changes);
			for (const change of changes)
				service.logger.warn(
					`Repaired ${kind} ${change.id}: it differed from the master (${change.deleted ? "not live there" : `seq ${change.seq}`}).`,
				);
			countRepairs(service.broker, service.consumer, "document", changes.length);
		},
	};
}

/** Clears the service's cached lists (their keys start with its name: the consumer's, by default its full name). */
async function clearCachedLists(service: Projection): Promise<void> {
	await service.broker.cacher?.clean(`${service.consumer}.**`);
}
