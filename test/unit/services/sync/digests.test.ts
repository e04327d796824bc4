// The feed's anti-entropy answers on the in-memory store: digests of the live documents that a
// projection holding the same versions reproduces, one bucket's live documents, and no answer
// while an append is under way.
import DbService from "moleculer-db";
import { bucketDigests, bucketOf } from "../../../../contracts";
import { ChangeLog } from "../../../../services/sync/change-log";
import { MasterDigests } from "../../../../services/sync/digests";
import type { PendingChange } from "../../../../services/sync/master-diff";
import { NedbDocumentCollection, type NedbDatastore } from "../../../../storage/collections";

async function memoryCollection(): Promise<NedbDocumentCollection> {
	const adapter = new DbService.MemoryAdapter();
	adapter.init({} as never, { schema: {} } as never);
	await adapter.connect();
	return new NedbDocumentCollection((adapter as unknown as { db: NedbDatastore }).db);
}

function upsert(kind: "team" | "player", id: string, isNew = true): PendingChange {
	const doc = { id, name: id.toUpperCase() };
	return {
		key: `${kind}:${id}`,
		kind,
		id,
		deleted: false,
		hash: id,
		isNew,
		doc: doc as never,
		json: JSON.stringify(doc),
	};
}

let log: ChangeLog;
let digests: MasterDigests;

beforeEach(async () => {
	log = new ChangeLog(await memoryCollection(), await memoryCollection());
	await log.prepare();
	digests = new MasterDigests(log);
	// seq 1–3 teams a, b, c; seq 4 a player; seq 5 deletes team b.
	await log.append(["a", "b", "c"].map(id => upsert("team", id)));
	await log.append([upsert("player", "p")]);
	await log.append([{ key: "team:b", kind: "team", id: "b", deleted: true, isNew: false }]);
});

test("the digest is what a projection holding the same live versions computes; tombstones and other kinds take no part", async () => {
	const digest = await digests.digest(["team"]);
	expect(digest).toMatchObject({ head: 5, epoch: await log.epoch() });
	expect(digest.buckets).toEqual(
		bucketDigests([
			{ id: "a", seq: 1 },
			{ id: "c", seq: 3 },
		]),
	);
	expect(digest.buckets).not.toEqual(
		bucketDigests([
			{ id: "a", seq: 1 },
			{ id: "b", seq: 2 },
			{ id: "c", seq: 3 },
		]),
	);
});

test("a bucket answers the latest change of each live document in it", async () => {
	const bucket = bucketOf("c");
	const answer = await digests.bucket(["team"], bucket);
	expect(answer.head).toBe(5);
	expect(answer.changes.map(change => change.id)).toContain("c");
	expect(answer.changes.every(change => bucketOf(change.id) === bucket)).toBe(true);
	expect(answer.changes.find(change => change.id === "c")).toMatchObject({
		seq: 3,
		kind: "team",
		doc: { id: "c", name: "C" },
	});
});

test("the digest follows the head: a new change changes it", async () => {
	const before = await digests.digest(["team"]);
	await log.append([upsert("team", "a", false)]);
	const after = await digests.digest(["team"]);
	expect(after.head).toBe(6);
	expect(after.buckets[bucketOf("a")]).not.toBe(before.buckets[bucketOf("a")]);
});

test("while an append is under way, the answer is refused as busy", async () => {
	const appending = log.append(Array.from({ length: 50 }, (_, i) => upsert("team", `n${i}`)));
	await expect(digests.digest(["team"])).rejects.toMatchObject({ type: "SYNC_BUSY", code: 503 });
	await appending;
	await expect(digests.digest(["team"])).resolves.toMatchObject({ head: 55 });
});
