// The change log on the in-memory store (NeDB): numbering, tombstones, paging, recovery.
import DbService from "moleculer-db";
import { NedbDocumentCollection, type NedbDatastore } from "../../../../storage/collections";
import { ChangeLog, sliceFeedPage } from "../../../../services/sync/change-log";
import type { PendingChange } from "../../../../services/sync/master-diff";

async function memoryCollection(): Promise<NedbDocumentCollection> {
	const adapter = new DbService.MemoryAdapter();
	adapter.init({} as never, { schema: {} } as never);
	await adapter.connect();
	return new NedbDocumentCollection((adapter as unknown as { db: NedbDatastore }).db);
}

function upsert(id: string, name: string, isNew = true): PendingChange {
	const doc = { id, name };
	return {
		key: `team:${id}`,
		kind: "team",
		id,
		deleted: false,
		hash: name,
		isNew,
		doc: doc as never,
		json: JSON.stringify(doc),
	};
}

let log: ChangeLog;
let counters: NedbDocumentCollection;

beforeEach(async () => {
	counters = await memoryCollection();
	log = new ChangeLog(await memoryCollection(), counters);
	await log.prepare();
});

test("when changes are appended, then each gets the next sequence number and the head moves", async () => {
	expect(await log.append([upsert("a", "A"), upsert("b", "B")])).toEqual({ from: 0, to: 2 });
	expect(await log.append([upsert("c", "C")])).toEqual({ from: 2, to: 3 });
	const page = await log.changesSince(0, 10);
	expect(page.changes.map(c => [c.seq, c.id])).toEqual([
		[1, "a"],
		[2, "b"],
		[3, "c"],
	]);
	expect(page).toMatchObject({ lastSeq: 3, head: 3 });
});

test("when a document changes again, then it appears once, at its latest seq and state", async () => {
	await log.append([upsert("a", "A"), upsert("b", "B")]);
	await log.append([upsert("a", "A2", false)]);
	const page = await log.changesSince(0, 10);
	expect(page.changes.map(c => [c.seq, c.id, (c.doc as { name: string }).name])).toEqual([
		[2, "b", "B"],
		[3, "a", "A2"],
	]);
	expect((await log.changesSince(2, 10)).changes.map(c => c.id)).toEqual(["a"]);
});

test("when a document is deleted, then a tombstone without body takes its place", async () => {
	await log.append([upsert("a", "A")]);
	await log.append([{ key: "team:a", kind: "team", id: "a", deleted: true, isNew: false }]);
	const page = await log.changesSince(0, 10);
	expect(page.changes).toEqual([{ seq: 2, kind: "team", id: "a", deleted: true }]);
	expect((await log.storedVersions()).get("team:a")).toEqual({ hash: "", deleted: true });
});

test("when the feed is read in pages, then lastSeq says where to go on and the end reaches the head", async () => {
	await log.append(["a", "b", "c", "d", "e"].map(id => upsert(id, id)));
	const first = await log.changesSince(0, 2);
	expect(first).toMatchObject({ lastSeq: 2, head: 5 });
	const second = await log.changesSince(first.lastSeq, 2);
	expect(second.changes.map(c => c.seq)).toEqual([3, 4]);
	const last = await log.changesSince(second.lastSeq, 2);
	expect(last.changes.map(c => c.seq)).toEqual([5]);
	expect(last.lastSeq).toBe(5);
});

test("when asked for some kinds only, then the others are left out but the reader still reaches the head", async () => {
	await log.append([
		upsert("a", "A"),
		{
			key: "player:p",
			kind: "player",
			id: "p",
			deleted: false,
			hash: "p",
			isNew: true,
			doc: {} as never,
			json: "{}",
		},
	]);
	const page = await log.changesSince(0, 10, ["player"]);
	expect(page.changes.map(c => c.id)).toEqual(["p"]);
	expect(page.lastSeq).toBe(2);
});

test("when a reader asks for a rare kind, then each page reads a bounded window and the pages together miss nothing", async () => {
	const teams = Array.from({ length: 100 }, (_, i) => upsert(`t${i}`, `T${i}`));
	const player = (id: string): PendingChange => ({
		key: `player:${id}`,
		kind: "player",
		id,
		deleted: false,
		hash: id,
		isNew: true,
		doc: {} as never,
		json: "{}",
	});
	await log.append([
		player("first"),
		...teams.slice(0, 50),
		player("middle"),
		...teams.slice(50),
		player("last"),
	]);
	const seen: string[] = [];
	let since = 0;
	for (let pages = 0; pages < 100; pages++) {
		const page = await log.changesSince(since, 2, ["player"]);
		// A short page stops where its window ends, not at the head: the rest of the log is not read.
		expect(page.lastSeq).toBeLessThanOrEqual(since + 2 * 8);
		expect(page.lastSeq).toBeGreaterThan(since);
		seen.push(...page.changes.map(c => c.id));
		since = page.lastSeq;
		if (since >= page.head) break;
	}
	expect(seen).toEqual(["first", "middle", "last"]);
	expect(since).toBe(103);
});

test("when sync died after numbering but before committing, then recovery commits what was handed out", async () => {
	await log.append([upsert("a", "A")]);
	await counters.increment("seq", 3); // numbers handed out by a run that never committed
	expect(await log.head()).toBe(1);
	expect(await log.recover()).toBe(4);
	expect(await log.head()).toBe(4);
	expect(await log.append([upsert("b", "B")])).toEqual({ from: 4, to: 5 });
});

test("publishing progress is remembered", async () => {
	expect(await log.published()).toBe(0);
	await log.markPublished(7);
	expect(await log.published()).toBe(7);
});

describe("sliceFeedPage", () => {
	const change = (seq: number) => ({ seq, kind: "team" as const, id: `t${seq}`, deleted: false });

	test("cuts a page into events that cover the log without holes", () => {
		const page = { changes: [3, 5, 6, 9, 10].map(change), lastSeq: 12 };
		expect(
			sliceFeedPage(page, 2, 2).map(s => [s.from, s.to, s.changes.map(c => c.seq)]),
		).toEqual([
			[2, 5, [3, 5]],
			[5, 9, [6, 9]],
			[9, 12, [10]],
		]);
	});

	test("a page with no changes but a later end still moves the reader on", () => {
		expect(sliceFeedPage({ changes: [], lastSeq: 8 }, 4, 10)).toEqual([
			{ from: 4, to: 8, changes: [] },
		]);
		expect(sliceFeedPage({ changes: [], lastSeq: 4 }, 4, 10)).toEqual([]);
	});
});

describe("epoch", () => {
	test("is kept by the store and differs for a new log", async () => {
		const documents = await memoryCollection();
		const first = await new ChangeLog(documents, counters).epoch();
		expect(await new ChangeLog(documents, counters).epoch()).toBe(first);
		expect(
			await new ChangeLog(await memoryCollection(), await memoryCollection()).epoch(),
		).not.toBe(first);
		expect((await new ChangeLog(documents, counters).changesSince(0, 1)).epoch).toBe(first);
	});
});
