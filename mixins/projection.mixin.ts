// Makes a service a consumer of master data: it keeps its own projection, in its own
// database, of the kinds it needs. Events bring changes fast; the change feed
// (`v1.sync.changes`) makes sure nothing is missed: on start, on a gap, and on a timer.
// Changes apply in order and idempotently; the checkpoint is saved after what it covers.
//
// Replicas of a service share its database; one of them applies changes at a time (the
// available replica with the smallest node id) and all of them serve reads. On MongoDB a
// conditional replace is atomic, so even two appliers could not take a view back in time;
// FerretDB v1 (our test server) does not promise that, so we do not rely on it.
import type { Context, Service, ServiceSchema, ServiceSettingSchema } from "moleculer";
import {
	ACTIONS,
	broadcastEvent,
	callAction,
	type Change,
	EVENTS,
	type MasterChangedPayload,
	masterChangedSchema,
	type ProjectionUpdatedPayload,
	projectionUpdatedSchema,
} from "../contracts";
import type { EntityKind } from "../domain/model";
import { config } from "../platform/config";
import type { DocumentCollection, StoredDoc } from "./collections";
import { DbMixin, type DbMethods } from "./db.mixin";

export interface ProjectionOptions {
	/** The consuming service's full name, e.g. `v1.players`: its event group and name at sync. */
	consumer: string;
	/** Its own database, e.g. `v1-players`. */
	database: string;
	/** Its collections; the first is its main one. A `meta` collection is added for the checkpoint. */
	collections: [string, ...string[]];
	/** The kinds of master document it needs. */
	kinds: EntityKind[];
	/** Applies changes (in seq order, of its kinds); must be idempotent: the same change may come twice. */
	apply(service: Service & DbMethods, changes: Change[]): Promise<void>;
}

export interface ProjectionMethods extends DbMethods {
	catchUp(): Promise<void>;
	applyEvent(payload: MasterChangedPayload): Promise<void>;
	applyChanges(changes: Change[], upTo: number): Promise<void>;
	rebuild(epoch: string): Promise<void>;
	isApplier(): boolean;
	enqueue(task: () => Promise<void>): Promise<void>;
	requestCatchUp(): void;
	loadCheckpoint(): Promise<void>;
}

interface ProjectionVars {
	checkpoint: number;
	/** The epoch of the master log the checkpoint counts in; null before the first page. */
	epoch: string | null;
	queue: Promise<void>;
	catchUpQueued: boolean;
	/** Set once the service stops: queued tasks are skipped. */
	stopping: boolean;
	timer?: NodeJS.Timeout;
	settleTimer?: NodeJS.Timeout;
	/** Past the start-up settle time: catch-ups may run. */
	settled: boolean;
}

const META = "meta";
const CHECKPOINT = "checkpoint";
const FEED_PAGE = 500;
/** How long a starting replica listens to the registry before it decides whether it applies. */
const APPLIER_SETTLE_MS = 1_500;
/** How long a stopping service waits for the projection task under way. */
const STOP_PATIENCE_MS = 5_000;

/** Sync is not reachable right now: a state to wait out, not an error. */
function isSyncAway(err: unknown): boolean {
	const name = (err as Error)?.name;
	return name === "ServiceNotFoundError" || name === "ServiceNotAvailableError" || name === "RequestTimeoutError";
}

export function ProjectionMixin(options: ProjectionOptions): Partial<ServiceSchema> {
	const kinds = new Set<EntityKind>(options.kinds);
	const [main, ...others] = options.collections;
	const collections: [string, ...string[]] = [main, ...others, META];

	const schema: Omit<ServiceSchema<ServiceSettingSchema, ProjectionMethods, ProjectionVars>, "name"> = {
		mixins: [DbMixin({ database: options.database, collections })],
		// Published in the registry: which master documents this projection keeps (operators, the benchmark).
		metadata: { projection: { consumer: options.consumer, kinds: options.kinds } },

		events: {
			[EVENTS.masterChanged]: {
				group: options.consumer,
				params: masterChangedSchema,
				// Queued, not awaited: a stopping node must not wait for every queued event (the
				// feed has them all). Async because Moleculer's context tracking expects a promise.
				async handler(ctx: Context<MasterChangedPayload>) {
					if (this.isApplier()) void this.enqueue(() => this.applyEvent(ctx.params));
				},
			},
			// Some replica of this service applied changes: cached lists of the service are stale.
			[EVENTS.projectionUpdated]: {
				params: projectionUpdatedSchema,
				async handler(ctx: Context<ProjectionUpdatedPayload>) {
					if (ctx.params.consumer === options.consumer) await this.broker.cacher?.clean(`${options.consumer}.**`);
				},
			},
			// Sync (re)appeared, or a replica came or went: a good moment to ask what we missed.
			async "$services.changed"() {
				this.requestCatchUp();
			},
		},

		methods: {
			/** This replica applies changes if it has the smallest node id among the available replicas. */
			isApplier(): boolean {
				const replicas = this.broker.registry
					.getServiceList({ onlyAvailable: true, skipInternal: true })
					.filter(service => service.fullName === this.fullName)
					.map(service => String(service.nodeID))
					.sort();
				return replicas.length === 0 || replicas[0] === this.broker.nodeID;
			},

			/** Runs tasks one after another: changes apply in log order, never interleaved. */
			enqueue(task: () => Promise<void>): Promise<void> {
				const run = this.queue.then(async () => {
					// Stopping: what is still queued is left to the feed (the checkpoint covers what was done).
					if (this.stopping) return;
					const started = Date.now();
					const watchdog = setTimeout(() => this.logger.warn(`A projection task has run for 30 s (checkpoint ${this.checkpoint}).`), 30_000);
					try {
						await task();
					} finally {
						clearTimeout(watchdog);
						this.logger.debug(`Projection task done in ${Date.now() - started} ms; checkpoint ${this.checkpoint}.`);
					}
				});
				this.queue = run.catch(err => this.logger.warn("Projection task failed; the next catch-up retries.", err));
				return this.queue;
			},

			/** Queues one catch-up unless one is already waiting. */
			requestCatchUp() {
				// Before the start-up settle time, the settle timer's own catch-up covers any request.
				if (!this.settled || this.catchUpQueued || !this.isApplier()) return;
				this.catchUpQueued = true;
				void this.enqueue(async () => {
					this.catchUpQueued = false;
					try {
						await this.catchUp();
					} catch (err) {
						if (!isSyncAway(err)) throw err;
						this.logger.debug(`Waiting for ${ACTIONS.syncChanges} to catch up from seq ${this.checkpoint}.`);
					}
				});
			},

			async loadCheckpoint() {
				const saved = await this.collection(META).findById(CHECKPOINT);
				this.checkpoint = Number(saved?.value ?? 0);
				this.epoch = typeof saved?.epoch === "string" ? saved.epoch : null;
			},

			/** Reads the feed from the checkpoint until it reaches sync's head. */
			async catchUp() {
				// Not an error to wait for: sync may start after us, and $services.changed wakes us when it does.
				if (!this.broker.registry.actions.isAvailable(ACTIONS.syncChanges)) return;
				// Another replica may have applied meanwhile: start from what the database says.
				await this.loadCheckpoint();
				for (;;) {
					const page = await callAction(this.broker, ACTIONS.syncChanges, {
						since: this.checkpoint,
						limit: FEED_PAGE,
						kinds: [...kinds],
						consumer: options.consumer,
					});
					if (this.epoch !== null && page.epoch !== this.epoch) {
						await this.rebuild(page.epoch);
						continue;
					}
					this.epoch = page.epoch;
					await this.applyChanges(page.changes, page.lastSeq);
					// Stopping, or a replica with a smaller id has appeared: it takes over from our checkpoint.
					if (page.lastSeq >= page.head || this.stopping || !this.isApplier()) return;
				}
			},

			/** The master log was reset (a new epoch): what we hold counts in the old one. Start over. */
			async rebuild(epoch: string) {
				await this.broker.cacher?.clean(`${options.consumer}.**`);
				this.logger.warn(`The master log has a new epoch (${this.epoch} → ${epoch}): rebuilding the projection from seq 0.`);
				for (const name of collections) await this.collection(name).clear();
				this.checkpoint = 0;
				this.epoch = epoch;
			},

			async applyEvent(payload: MasterChangedPayload) {
				if (payload.epoch !== this.epoch || payload.from > this.checkpoint) {
					// A gap (something between our checkpoint and this event never reached us),
					// or a log we do not know yet: the feed settles both. One catch-up for a
					// burst of such events, not one each.
					this.requestCatchUp();
					return;
				}
				if (payload.to <= this.checkpoint) return; // already applied (a duplicate or a late event)
				const relevant = payload.changes.filter(change => kinds.has(change.kind));
				await this.applyChanges(relevant, payload.to);
			},

			async applyChanges(changes: Change[], upTo: number) {
				const fresh = changes.filter(change => change.seq > this.checkpoint).sort((a, b) => a.seq - b.seq);
				if (fresh.length > 0) await options.apply(this, fresh);
				if (upTo > this.checkpoint) {
					this.checkpoint = upTo;
					await this.collection(META).put({ _id: CHECKPOINT, value: upTo, epoch: this.epoch });
				}
				// Broadcast, local included: every replica clears its cache (with Redis, one would do).
				if (fresh.length > 0) await broadcastEvent(this.broker, EVENTS.projectionUpdated, { consumer: options.consumer, checkpoint: this.checkpoint });
			},
		},

		created() {
			this.checkpoint = 0;
			this.epoch = null;
			this.queue = Promise.resolve();
			this.catchUpQueued = false;
			this.stopping = false;
			this.settled = false;
		},

		async started() {
			await this.loadCheckpoint();
			// Replicas started together only see each other once both have announced their
			// services: wait that long before deciding who applies, so that one does.
			this.settleTimer = setTimeout(() => {
				this.settled = true;
				this.requestCatchUp();
			}, APPLIER_SETTLE_MS);
			this.timer = setInterval(() => this.requestCatchUp(), config().catchUpInterval);
		},

		async stopped() {
			// Give the task under way (at most one feed page) a moment and skip the rest. If it is
			// cut short when the store closes, nothing is lost: the checkpoint only moves after a page.
			this.stopping = true;
			clearInterval(this.timer);
			clearTimeout(this.settleTimer);
			let timer: NodeJS.Timeout | undefined;
			const patience = new Promise<void>(done => (timer = setTimeout(done, STOP_PATIENCE_MS)));
			await Promise.race([this.queue, patience]);
			clearTimeout(timer);
		},
	};
	return schema as unknown as Partial<ServiceSchema>;
}

/** The stored form of a change: the view made by `toView`, or a tombstone, stamped with its seq. */
export function viewOf<T>(change: Change, toView: (doc: T) => Record<string, unknown>): StoredDoc & { _seq: number } {
	const base = { _id: change.id, _seq: change.seq };
	if (change.deleted || !change.doc) return { ...base, _deleted: true };
	return { ...toView(change.doc as T), ...base, _deleted: false };
}

/**
 * Applies changes to a collection of views. A document changed twice in one batch keeps its
 * latest state; each write only replaces an older one, so replays cannot go back in time.
 */
export async function applyAsViews<T>(
	collection: DocumentCollection,
	changes: Change[],
	toView: (doc: T) => Record<string, unknown>,
): Promise<void> {
	const latest = new Map<string, Change>();
	for (const change of changes) latest.set(change.id, change);
	await collection.putManyIfNewer([...latest.values()].map(change => viewOf(change, toView)));
}
