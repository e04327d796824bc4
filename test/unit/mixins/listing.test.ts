import type { Change } from "../../../contracts";
import { type DocumentCollection, NedbDocumentCollection } from "../../../storage/collections";
import { openMemoryCollection } from "../../../mixins/db.mixin";
import { listPage, liveViewById, totalFromPage } from "../../../mixins/listing";
import { viewOf } from "../../../mixins/projection";

describe("totalFromPage", () => {
	test("a page neither full nor empty is the last: its rows and those skipped are all there is", () => {
		expect(totalFromPage(7, 0, 20)).toBe(7);
		expect(totalFromPage(5, 40, 20)).toBe(45);
	});

	test("an empty first page means nothing matches", () => {
		expect(totalFromPage(0, 0, 20)).toBe(0);
	});

	test("a full page, or an empty one past the first, cannot tell", () => {
		expect(totalFromPage(20, 0, 20)).toBeUndefined();
		expect(totalFromPage(0, 60, 20)).toBeUndefined();
	});
});

describe("listPage", () => {
	let collection: DocumentCollection;
	let counts: number;

	beforeEach(async () => {
		collection = await openMemoryCollection();
		expect(collection).toBeInstanceOf(NedbDocumentCollection);
		for (let i = 1; i <= 45; i++)
			await collection.put({
				_id: `d${String(i).padStart(2, "0")}`,
				n: i,
				_seq: i,
				_deleted: i > 42,
			});
		counts = 0;
		const count = collection.count.bind(collection);
		collection.count = query => {
			counts++;
			return count(query);
		};
	});

	test("counts only when the page cannot tell the total, and the totals are right either way", async () => {
		const sort: Array<[string, 1]> = [["n", 1]];
		const full = await listPage<{ n: number }>(collection, {
			query: {},
			sort,
			page: 1,
			pageSize: 20,
		});
		expect([full.total, full.totalPages, full.rows.length, counts]).toEqual([42, 3, 20, 1]);
		const last = await listPage<{ n: number }>(collection, {
			query: {},
			sort,
			page: 3,
			pageSize: 20,
		});
		expect([last.total, last.rows.map(r => r.n), counts]).toEqual([42, [41, 42], 1]);
		const beyond = await listPage(collection, { query: {}, sort, page: 9, pageSize: 20 });
		expect([beyond.total, beyond.rows.length, counts]).toEqual([42, 0, 2]);
		const none = await listPage(collection, { query: { n: 999 }, sort, page: 1, pageSize: 20 });
		expect([none.total, none.totalPages, counts]).toEqual([0, 0, 2]);
	});

	test("deleted views and bookkeeping fields never show", async () => {
		const page = await listPage<Record<string, unknown>>(collection, {
			query: { n: { $gt: 40 } },
			sort: [["n", 1]],
			page: 1,
			pageSize: 20,
		});
		expect(page.rows).toEqual([{ n: 41 }, { n: 42 }]);
	});
});

test("a page shows clients none of a view's bookkeeping: id, seq, tombstone flag, checksum, hidden keys", async () => {
	const collection = await openMemoryCollection();
	await collection.put(
		viewOf<{ n: number }>(
			{ seq: 3, kind: "team", id: "a", deleted: false, doc: { n: 1 } } as never,
			doc => ({
				n: doc.n,
				_key: "k",
			}),
		),
	);
	const page = await listPage(collection, {
		query: {},
		sort: [["n", 1]],
		page: 1,
		pageSize: 10,
		hidden: ["_key"],
	});
	expect(page.rows).toEqual([{ n: 1 }]);
});

describe("liveViewById", () => {
	test("a live view comes without bookkeeping or the fields named; a tombstone or a missing id is null", async () => {
		const collection = await openMemoryCollection();
		const change = {
			seq: 4,
			kind: "team",
			id: "france",
			deleted: false,
			doc: { id: "france", name: "France" },
		} as unknown as Change;
		const live = viewOf(change, doc => ({ ...(doc as object), _name: "france" }));
		await collection.put(live);
		await collection.put(
			viewOf({ seq: 5, kind: "team", id: "gone", deleted: true }, () => ({})),
		);
		expect(await liveViewById(collection, "france", ["_name"])).toEqual({
			id: "france",
			name: "France",
		});
		expect(await liveViewById(collection, "gone")).toBeNull();
		expect(await liveViewById(collection, "nowhere")).toBeNull();
	});
});
