// The mixin on a local broker, with a stand-in for sync's feed: the consumer's name comes from
// the service itself, `prepare` runs first, and events and the feed end in the same projection.
import { type Context, ServiceBroker, type ServiceSchema } from "moleculer";
import {
	type Change,
	type MasterChangedPayload,
	newSigningKeys,
	privateKeyFrom,
	type ProjectionUpdatedPayload,
	signPage,
	signSlice,
	type SyncChangesParams,
	type SyncChangesResult,
} from "../../../../contracts";
import {
	ProjectionMixin,
	type ProjectionMethods,
	type ProjectionOptions,
} from "../../../../mixins/projection";
import { readConfig } from "../../../../platform/config";
import { eventually } from "../../../support/cluster";

jest.setTimeout(15_000);

/** Sync's keys for these tests: the stand-in feed and the test's events sign with the private one. */
const KEYS = newSigningKeys();
const SYNC_KEY = privateKeyFrom(KEYS.privateKey);
const CONFIG = () => readConfig({ SYNC_SIGNING_KEY: KEYS.privateKey });

/** A slice as sync publishes it: signed. */
function signed(slice: Omit<MasterChangedPayload, "signature">): MasterChangedPayload {
	return { ...slice, signature: signSlice(SYNC_KEY, slice) };
}

const team = (seq: number): Change => ({ seq, kind: "team", id: `t${seq}`, deleted: true });

/** What the test sees: feed requests, applied seqs, the order of hooks, and projection.updated events. */
interface Seen {
	feedCalls: SyncChangesParams[];
	applied: number[];
	order: string[];
	updates: ProjectionUpdatedPayload[];
}

/** A stand-in for v1.sync: a feed over `log`, in epoch e1, plus a listener of projection.updated. */
function feedService(log: Change[], seen: Seen): ServiceSchema {
	return {
		name: "sync",
		version: 1,
		actions: {
			changes(ctx: Context<SyncChangesParams>): SyncChangesResult {
				seen.feedCalls.push(ctx.params);
				const changes = log.filter(change => change.seq > ctx.params.since);
				const head = log.length;
				const page = { changes, lastSeq: head, head, epoch: "e1" };
				const { since, kinds } = ctx.params;
				return {
					...page,
					signature: signPage(SYNC_KEY, { ...page, since, kinds: kinds ?? null }),
				};
			},
		},
		events: {
			"projection.updated"(ctx: Context<ProjectionUpdatedPayload>) {
				seen.updates.push(ctx.params);
			},
		},
	};
}

/** A consumer service as a new version copied from another would be: its options name no consumer. */
function consumerService(
	seen: Seen,
	extra: Partial<ProjectionOptions> = {},
	version = 2,
): ServiceSchema {
	const options: ProjectionOptions = {
		database: `v${version}-things`,
		collections: ["things"],
		kinds: ["team"],
		views: { team: "things" },
		async prepare(service) {
			await service.collection("things").ensureIndex("_table");
			seen.order.push("prepare");
		},
		async apply(_service, changes) {
			seen.order.push("apply");
			seen.applied.push(...changes.map(change => change.seq));
		},
		...extra,
	};
	return { name: "things", version, mixins: [ProjectionMixin(options)] };
}

let broker: ServiceBroker;
let seen: Seen;

async function start(extra: Partial<ProjectionOptions> = {}): Promise<void> {
	seen = { feedCalls: [], applied: [], order: [], updates: [] };
	broker = new ServiceBroker({
		logger: false,
		cacher: "Memory",
		metrics: true,
		matchday: CONFIG(),
	});
	broker.createService(feedService([team(1), team(2), team(3)], seen));
	broker.createService(consumerService(seen, extra));
	await broker.start();
	// The first catch-up comes once the replica has settled (APPLIER_SETTLE_MS).
	await eventually(
		async () => (seen.applied.length === 3 ? true : undefined),
		10_000,
		"the first catch-up",
	);
}

afterEach(() => broker?.stop());

function things(): ProjectionMethods {
	return broker.getLocalService({ name: "things", version: 2 }) as unknown as ProjectionMethods;
}

test("when the options name no consumer, then the service's full name is its name at sync, in the registry and in its events", async () => {
	await start();
	expect(seen.feedCalls[0]).toMatchObject({ since: 0, kinds: ["team"], consumer: "v2.things" });
	const listed = broker.registry
		.getServiceList({})
		.find(service => service.fullName === "v2.things");
	expect(listed?.metadata.projection).toEqual({ consumer: "v2.things", kinds: ["team"] });
	await eventually(
		async () => (seen.updates.length > 0 ? true : undefined),
		5_000,
		"projection.updated",
	);
	expect(seen.updates[0]).toEqual({ consumer: "v2.things", checkpoint: 3 });
});

test("when a service is copied as a new version (only version and database changed), then each version is a consumer of its own", async () => {
	seen = { feedCalls: [], applied: [], order: [], updates: [] };
	broker = new ServiceBroker({
		logger: false,
		cacher: "Memory",
		metrics: true,
		matchday: CONFIG(),
	});
	broker.createService(feedService([team(1), team(2), team(3)], seen));
	broker.createService(consumerService(seen, {}, 1));
	broker.createService(consumerService(seen, {}, 2));
	await broker.start();
	await eventually(
		async () => (seen.applied.length === 6 ? true : undefined),
		10_000,
		"both first catch-ups",
	);
	expect(new Set(seen.feedCalls.map(call => call.consumer))).toEqual(
		new Set(["v1.things", "v2.things"]),
	);
	const clean = jest.spyOn(broker.cacher!, "clean");
	// Both versions share a service name on one node, and each still hears every event.
	await broker.broadcast(
		"master.changed",
		signed({ schemaVersion: 1, epoch: "e1", from: 3, to: 4, changes: [team(4)] }),
	);
	const updatedTo4 = () =>
		seen.updates
			.filter(update => update.checkpoint === 4)
			.map(update => update.consumer)
			.sort();
	await eventually(
		async () => (updatedTo4().length === 2 ? true : undefined),
		5_000,
		"the event in both versions",
	);
	expect(updatedTo4()).toEqual(["v1.things", "v2.things"]);
	await eventually(
		async () => (clean.mock.calls.length === 2 ? true : undefined),
		5_000,
		"both caches to be cleared",
	);
	expect(clean.mock.calls.map(([pattern]) => pattern).sort()).toEqual([
		"v1.things.**",
		"v2.things.**",
	]);
});

test("when the options name a consumer, then that name is used", async () => {
	await start({ consumer: "custom-things" });
	expect(seen.feedCalls[0].consumer).toBe("custom-things");
	expect(
		broker.registry.getServiceList({}).find(service => service.fullName === "v2.things")
			?.metadata.projection.consumer,
	).toBe("custom-things");
});

test("prepare runs once the store is open, before anything is applied", async () => {
	await start();
	expect(seen.order).toEqual(["prepare", "apply"]);
});

test("after a catch-up, the checkpoint is stored with its epoch in the meta collection", async () => {
	await start();
	await eventually(
		async () =>
			(await things().collection("meta").findById("checkpoint"))?.value === 3
				? true
				: undefined,
		5_000,
		"the checkpoint",
	);
	expect(await things().collection("meta").findById("checkpoint")).toMatchObject({
		_id: "checkpoint",
		value: 3,
		epoch: "e1",
	});
});

test("when master.changed continues the checkpoint, then it applies and the service's cached lists are cleared", async () => {
	await start();
	await eventually(
		async () =>
			(await things().collection("meta").findById("checkpoint"))?.value === 3
				? true
				: undefined,
		5_000,
		"the checkpoint",
	);
	const clean = jest.spyOn(broker.cacher!, "clean");
	const event = signed({ schemaVersion: 1, epoch: "e1", from: 3, to: 4, changes: [team(4)] });
	await broker.broadcast("master.changed", event);
	await eventually(
		async () => (seen.applied.includes(4) ? true : undefined),
		5_000,
		"the event to apply",
	);
	await eventually(
		async () => (clean.mock.calls.length > 0 ? true : undefined),
		5_000,
		"the cache to be cleared",
	);
	expect(clean).toHaveBeenCalledWith("v2.things.**");
	// A duplicate of it changes nothing.
	await broker.broadcast("master.changed", event);
	await things().enqueue(async () => undefined);
	expect(seen.applied).toEqual([1, 2, 3, 4]);
});

test("a slice sync did not sign (none, another key's, or edited after signing) changes nothing and is counted", async () => {
	await start();
	const slice = { schemaVersion: 1 as const, epoch: "e1", from: 3, to: 4, changes: [team(4)] };
	const otherKey = privateKeyFrom(newSigningKeys().privateKey);
	const forged: MasterChangedPayload[] = [
		slice,
		{ ...slice, signature: signSlice(otherKey, slice) },
		{ ...signed(slice), to: 99 },
		{ ...signed(slice), changes: [team(5)] },
	];
	for (const payload of forged) await broker.broadcast("master.changed", payload);
	await things().enqueue(async () => undefined);
	expect(seen.applied).toEqual([1, 2, 3]);
	const rejected = broker.metrics
		.getMetric("matchday.projection.rejected")!
		.get({ consumer: "v2.things", what: "slice" });
	expect(rejected?.value).toBe(4);
	// The real one still applies.
	await broker.broadcast("master.changed", signed(slice));
	await eventually(
		async () => (seen.applied.includes(4) ? true : undefined),
		5_000,
		"the signed slice",
	);
});

test("a checkpoint above sync's head is drift: it is set back to the head, counted as a repair, and the next change applies", async () => {
	await start();
	const meta = things().collection("meta");
	await eventually(
		async () => ((await meta.findById("checkpoint"))?.value === 3 ? true : undefined),
		5_000,
		"the checkpoint",
	);
	// What a forged event did before slices were signed: the checkpoint moved past the real head.
	await meta.put({ _id: "checkpoint", value: 9, epoch: "e1" });
	await things().catchUp();
	expect(await meta.findById("checkpoint")).toMatchObject({ value: 3, epoch: "e1" });
	const repairs = broker.metrics
		.getMetric("matchday.projection.repairs")
		?.get({ consumer: "v2.things", what: "checkpoint" });
	expect(repairs?.value).toBe(1);
	await broker.broadcast(
		"master.changed",
		signed({ schemaVersion: 1, epoch: "e1", from: 3, to: 4, changes: [team(4)] }),
	);
	await eventually(
		async () => (seen.applied.includes(4) ? true : undefined),
		5_000,
		"the real next change",
	);
});
