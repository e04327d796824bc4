import type { MasterData } from "../../../../domain/model";
import {
	contentHash,
	diffMaster,
	MasterDiff,
	masterKey,
	sourceDocuments,
	type StoredVersion,
} from "../../../../services/sync/master-diff";

function dataSet(overrides: Partial<MasterData> = {}): MasterData {
	return {
		competitions: [
			{
				id: "PL",
				code: "PL",
				name: "Premier League",
				type: "LEAGUE",
				area: { name: "England", code: "ENG" },
				seasons: [],
			},
		],
		teams: [
			{
				id: "arsenal-fc",
				name: "Arsenal FC",
				shortName: "Arsenal",
				tla: "ARS",
				type: "CLUB",
				area: { name: "England", code: "ENG" },
				competitions: [],
			},
			{
				id: "fulham-fc",
				name: "Fulham FC",
				shortName: "Fulham",
				tla: "FUL",
				type: "CLUB",
				area: { name: "England", code: "ENG" },
				competitions: [],
			},
		],
		players: [],
		matches: [],
		...overrides,
	};
}

function storedFrom(data: MasterData): Map<string, StoredVersion> {
	return new Map(sourceDocuments(data).map(doc => [doc.key, { hash: doc.hash, deleted: false }]));
}

describe("contentHash", () => {
	test("hashes a document's JSON as stored: the same text the same hash, any difference another", () => {
		const doc = { id: "x", name: "Arsenal FC", numbers: [1, 2] };
		expect(contentHash(JSON.stringify(doc))).toBe(contentHash(JSON.stringify({ ...doc })));
		expect(contentHash(JSON.stringify(doc))).not.toBe(
			contentHash(JSON.stringify({ ...doc, name: "Arsenal" })),
		);
		expect(contentHash(JSON.stringify(doc))).not.toBe(
			contentHash(JSON.stringify({ ...doc, numbers: [2, 1] })),
		);
	});

	test("source documents carry the JSON the log stores, and its hash", () => {
		const [competition] = sourceDocuments(dataSet());
		expect(JSON.parse(competition.json)).toEqual(competition.doc);
		expect(competition.hash).toBe(contentHash(competition.json));
	});
});

describe("diffMaster", () => {
	test("when the store is empty, then every document is new, in log order (competitions before teams)", () => {
		const changes = diffMaster(new Map(), sourceDocuments(dataSet()));
		expect(changes.map(c => [c.key, c.deleted, c.isNew])).toEqual([
			["competition:PL", false, true],
			["team:arsenal-fc", false, true],
			["team:fulham-fc", false, true],
		]);
	});

	test("when nothing changed, then there is nothing to publish", () => {
		const data = dataSet();
		expect(diffMaster(storedFrom(data), sourceDocuments(data))).toEqual([]);
	});

	test("when a document changed, then only it is an update", () => {
		const before = dataSet();
		const after = dataSet();
		after.teams[1] = { ...after.teams[1], tla: "FFC" };
		const changes = diffMaster(storedFrom(before), sourceDocuments(after));
		expect(changes).toHaveLength(1);
		expect(changes[0]).toMatchObject({
			key: "team:fulham-fc",
			deleted: false,
			isNew: false,
			doc: { tla: "FFC" },
		});
	});

	test("when a document is gone from the source, then it becomes a deletion", () => {
		const before = dataSet();
		const after = dataSet({ teams: [before.teams[0]] });
		expect(diffMaster(storedFrom(before), sourceDocuments(after))).toEqual([
			{ key: "team:fulham-fc", kind: "team", id: "fulham-fc", deleted: true, isNew: false },
		]);
	});

	test("when a deleted document comes back, then it is written again", () => {
		const data = dataSet();
		const stored = storedFrom(data);
		stored.set(masterKey("team", "fulham-fc"), { hash: "old", deleted: true });
		const changes = diffMaster(stored, sourceDocuments(data));
		expect(changes.map(c => [c.key, c.deleted])).toEqual([["team:fulham-fc", false]]);
	});

	test("a tombstone already in the store is not deleted twice", () => {
		const stored = new Map([[masterKey("team", "gone"), { hash: "", deleted: true }]]);
		expect(diffMaster(stored, [])).toEqual([]);
	});

	test("two source documents with one key are refused", () => {
		const data = dataSet();
		data.teams.push({ ...data.teams[0] });
		expect(() => diffMaster(new Map(), sourceDocuments(data))).toThrow(
			"Duplicate master document team:arsenal-fc",
		);
	});
});

describe("MasterDiff over a source read in batches", () => {
	test("gives the same changes as one diff of the whole source, deletions last", () => {
		const before = dataSet();
		const after = dataSet({ teams: [{ ...before.teams[1], name: "Fulham" }] });
		const stored = storedFrom(before);
		const diff = new MasterDiff(stored);
		const source = sourceDocuments(after);
		const inBatches = [
			...diff.changesIn(source.slice(0, 1)),
			...diff.changesIn(source.slice(1)),
			...diff.deletions(),
		];
		expect(inBatches).toEqual(diffMaster(stored, source));
		expect(inBatches.map(c => [c.key, c.deleted])).toEqual([
			["team:fulham-fc", false],
			["team:arsenal-fc", true],
		]);
	});

	test("a document in two batches is a duplicate", () => {
		const docs = sourceDocuments(dataSet());
		const diff = new MasterDiff(new Map());
		diff.changesIn(docs.slice(0, 2));
		expect(() => diff.changesIn(docs.slice(1, 2))).toThrow("Duplicate master document");
	});
});
