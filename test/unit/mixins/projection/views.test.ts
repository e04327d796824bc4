// Changes stored as views: their stored form, and batches that cannot go back in time.
import { type Change, viewChecksum } from "../../../../contracts";
import { openMemoryCollection } from "../../../../mixins/db.mixin";
import { applyAsViews, viewOf } from "../../../../mixins/projection";

type Doc = { name: string };
const toView = (doc: Doc) => ({ label: doc.name.toUpperCase() });
const change = (seq: number, id: string, name?: string): Change =>
	({
		seq,
		kind: "team",
		id,
		deleted: name === undefined,
		...(name ? { doc: { name } } : {}),
	}) as unknown as Change;

describe("viewOf", () => {
	test("a change with a document becomes its view, stamped with id, seq and the checksum of what clients see", () => {
		expect(viewOf<Doc>(change(4, "a", "ajax"), toView)).toEqual({
			_id: "a",
			_seq: 4,
			_deleted: false,
			label: "AJAX",
			_check: viewChecksum({ label: "AJAX" }),
		});
	});

	test("a deletion becomes a tombstone", () => {
		expect(viewOf<Doc>(change(5, "a"), toView)).toEqual({ _id: "a", _seq: 5, _deleted: true });
	});
});

describe("applyAsViews", () => {
	test("when a document changes twice in one batch, then its latest state is stored", async () => {
		const collection = await openMemoryCollection();
		await applyAsViews<Doc>(
			collection,
			[change(1, "a", "first"), change(2, "b", "bee"), change(3, "a", "second")],
			toView,
		);
		expect(await collection.findById("a")).toMatchObject({ label: "SECOND", _seq: 3 });
		expect(await collection.findById("b")).toMatchObject({ label: "BEE", _seq: 2 });
	});

	test("when an older change is replayed, then the newer view stays", async () => {
		const collection = await openMemoryCollection();
		await applyAsViews<Doc>(collection, [change(7, "a", "new")], toView);
		await applyAsViews<Doc>(collection, [change(6, "a")], toView);
		expect(await collection.findById("a")).toMatchObject({
			label: "NEW",
			_seq: 7,
			_deleted: false,
		});
	});
});
