// Anti-entropy's comparison: which views count as drifted, what repairs a bucket, and a round
// that repairs exactly the documents that differ (and compares nothing when the heads differ).
import {
	bucketDigests,
	bucketOf,
	type Change,
	type SyncBucketResult,
	type SyncDigestResult,
} from "../../../../contracts";
import { auditViews, digestEntryOf, repairsFor } from "../../../../mixins/projection/anti-entropy";
import { viewOf } from "../../../../mixins/projection/views";
import type { StoredDoc } from "../../../../storage/collections";

const change = (id: string, seq: number, name = id): Change =>
	({ seq, kind: "team", id, deleted: false, doc: { id, name } }) as Change;

const view = (c: Change): StoredDoc => viewOf(c, doc => ({ ...(doc as object) }));

describe("digestEntryOf", () => {
	test("an intact view counts with its seq", () => {
		expect(digestEntryOf(view(change("a", 7)))).toEqual({ id: "a", seq: 7 });
	});

	test("a view edited in place counts with seq -1", () => {
		expect(digestEntryOf({ ...view(change("a", 7)), name: "edited" })).toEqual({
			id: "a",
			seq: -1,
		});
	});

	test("a document without checksum or seq (inserted by hand) counts with seq -1", () => {
		expect(digestEntryOf({ _id: "x", name: "stray" })).toEqual({ id: "x", seq: -1 });
	});

	test("search keys (fields with a leading _) take no part in the checksum", () => {
		expect(digestEntryOf({ ...view(change("a", 7)), _name: "other" })).toEqual({
			id: "a",
			seq: 7,
		});
	});
});

describe("repairsFor", () => {
	test("nothing when both sides agree", () => {
		expect(repairsFor([{ id: "a", seq: 1 }], [change("a", 1)], "team")).toEqual([]);
	});

	test("the master's change for a missing, an older, a newer and an edited document; a tombstone for a stray", () => {
		const master = [
			change("missing", 1),
			change("older", 5),
			change("newer", 2),
			change("edited", 3),
		];
		const ours = [
			{ id: "older", seq: 4 },
			{ id: "newer", seq: 9 },
			{ id: "edited", seq: -1 },
			{ id: "stray", seq: 6 },
		];
		expect(repairsFor(ours, master, "team")).toEqual([
			...master,
			{ seq: 0, kind: "team", id: "stray", deleted: true },
		]);
	});
});

describe("auditViews", () => {
	const masterDocs = ["a", "b", "c", "d", "e"].map((id, i) => change(id, i + 1));
	const position = { checkpoint: 5, epoch: "e1" };

	function fakeSync(head = 5): {
		readDigest(): Promise<SyncDigestResult>;
		readBucket(bucket: number): Promise<SyncBucketResult>;
		asked: number[];
	} {
		const asked: number[] = [];
		return {
			asked,
			readDigest: async () => ({ epoch: "e1", head, buckets: bucketDigests(masterDocs) }),
			readBucket: async bucket => {
				asked.push(bucket);
				const changes = masterDocs.filter(c => bucketOf(c.id) === bucket);
				return { epoch: "e1", head, bucket, changes };
			},
		};
	}

	test("repairs the edited, the deleted and the stray document, and reads only their buckets", async () => {
		const ours = [
			view(masterDocs[0]),
			{ ...view(masterDocs[1]), name: "edited by hand" },
			view(masterDocs[3]),
			view(masterDocs[4]),
			{ _id: "stray", name: "inserted by hand", _deleted: false },
		];
		const repaired: Change[] = [];
		const sync = fakeSync();
		const outcome = await auditViews(
			{
				kind: "team",
				liveViews: async () => ours,
				...sync,
				repair: async c => void repaired.push(...c),
			},
			position,
		);
		expect(outcome).toEqual({ compared: true, repaired: 3 });
		expect(repaired.map(c => [c.id, c.seq]).sort()).toEqual([
			["b", 2],
			["c", 3],
			["stray", 0],
		]);
		const touched = new Set(["b", "c", "stray"].map(id => bucketOf(id)));
		expect(new Set(sync.asked)).toEqual(touched);
	});

	test("repairs nothing and reads no bucket when the views equal the master", async () => {
		const sync = fakeSync();
		const outcome = await auditViews(
			{
				kind: "team",
				liveViews: async () => masterDocs.map(view),
				...sync,
				repair: async () => {},
			},
			position,
		);
		expect(outcome).toEqual({ compared: true, repaired: 0 });
		expect(sync.asked).toEqual([]);
	});

	test("compares nothing when sync's head is not the checkpoint", async () => {
		let repairs = 0;
		const outcome = await auditViews(
			{
				kind: "team",
				liveViews: async () => [],
				...fakeSync(6),
				repair: async () => void repairs++,
			},
			position,
		);
		expect(outcome).toEqual({ compared: false, reason: "behind" });
		expect(repairs).toBe(0);
	});
});
