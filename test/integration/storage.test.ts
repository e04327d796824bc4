// The document collection on the test's MongoDB-wire server (FerretDB): "replace only if newer"
// keeps the newest version whichever way the server is asked, one by one or in a batch.
import { type Db, MongoClient } from "mongodb";
import {
	type ConditionalWrites,
	conditionalWritesOf,
	MongoDocumentCollection,
	type StoredDoc,
} from "../../storage/collections";

let client: MongoClient;
let db: Db;

beforeAll(async () => {
	const uri = process.env.MONGO_URI;
	if (!uri) throw new Error("MONGO_URI must be set (the integration global setup does it)");
	client = await MongoClient.connect(uri, { useUnifiedTopology: true });
	db = client.db(`storage-${process.pid}`);
});

afterAll(async () => {
	await db?.dropDatabase();
	await client?.close();
});

test("the test server is FerretDB, so its conditional writes are checked by a read", async () => {
	expect(await conditionalWritesOf(db)).toBe("checked");
});

const doc = (id: string, seq: number, name = `${id} at ${seq}`) => ({ _id: id, _seq: seq, name });

describe.each<ConditionalWrites>(["atomic", "checked"])("%s conditional writes", writes => {
	let collection: MongoDocumentCollection;

	beforeEach(async () => {
		const name = `docs-${writes}-${Date.now()}`;
		collection = new MongoDocumentCollection(db.collection(name), writes);
	});

	test("one by one, a document is written when absent or older, and kept when newer or equal", async () => {
		expect(await collection.putIfNewer(doc("a", 5))).toBe(true);
		expect(await collection.putIfNewer(doc("a", 3))).toBe(false);
		expect(await collection.putIfNewer(doc("a", 5, "same seq"))).toBe(false);
		expect(await collection.findById("a")).toEqual(doc("a", 5));
		expect(await collection.putIfNewer(doc("a", 9))).toBe(true);
		expect(await collection.findById("a")).toEqual(doc("a", 9));
	});

	test("in a batch, new documents are inserted, older ones replaced, newer ones kept", async () => {
		const stored = Array.from({ length: 60 }, (_, i) => doc(`p${i}`, 10));
		expect(await collection.putManyIfNewer(stored)).toBe(60);
		// Half of them come again older, half newer, and 20 are new.
		const batch = [
			...stored.map((d, i) => doc(d._id, i % 2 === 0 ? 4 : 20)),
			...Array.from({ length: 20 }, (_, i) => doc(`n${i}`, 1)),
		];
		expect(await collection.putManyIfNewer(batch)).toBe(30 + 20);
		const all = new Map((await collection.find({})).map(d => [d._id, d as StoredDoc]));
		expect(all.size).toBe(80);
		expect(all.get("p0")).toEqual(doc("p0", 10));
		expect(all.get("p1")).toEqual(doc("p1", 20));
		expect(all.get("n7")).toEqual(doc("n7", 1));
	});

	test("a repair marks documents stale (seq -1), and then any version replaces them", async () => {
		await collection.putManyIfNewer(Array.from({ length: 50 }, (_, i) => doc(`r${i}`, 8)));
		await collection.updateMany({ _id: { $in: ["r1", "r2"] } }, { _seq: -1 });
		expect(await collection.putIfNewer(doc("r1", 0))).toBe(true);
		expect(await collection.putIfNewer(doc("r3", 0))).toBe(false);
		expect(await collection.findById("r1")).toEqual(doc("r1", 0));
	});
});
