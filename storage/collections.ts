// A small document-collection interface with two implementations: MongoDB (driver 3.x,
// as moleculer-db-adapter-mongo brings it) and NeDB (moleculer-db's in-memory store).
// Services talk to this, never to a driver, so both stores behave the same.
import type { Db, Collection as MongoCollection } from "mongodb";

export type Query = Record<string, unknown>;
export type Sort = Array<[field: string, direction: 1 | -1]>;

export interface FindOptions {
	sort?: Sort;
	skip?: number;
	limit?: number;
	/** Fields to leave out of the documents returned. */
	exclude?: string[];
}

/** A stored document: `_id` is ours (a string), never an ObjectId. */
export interface StoredDoc {
	_id: string;
	[field: string]: unknown;
}

export interface DocumentCollection {
	find(query: Query, options?: FindOptions): Promise<StoredDoc[]>;
	count(query: Query): Promise<number>;
	/** How many documents match, per value of `field` (one pass, where separate counts would each read the matches). */
	countBy(query: Query, field: string): Promise<Map<unknown, number>>;
	findById(id: string): Promise<StoredDoc | null>;
	/** The documents with these `_id`s that exist, in no particular order. */
	findByIds(ids: string[]): Promise<StoredDoc[]>;
	/** Inserts or replaces the document with that `_id`. */
	put(doc: StoredDoc): Promise<void>;
	/**
	 * Inserts or replaces `doc` only if the stored one is older (`_seq` lower) or absent.
	 * Atomic on one document where the server makes it so (see `ConditionalWrites`), so that
	 * concurrent appliers cannot go backwards. Returns whether it wrote.
	 */
	putIfNewer(doc: StoredDoc & { _seq: number }): Promise<boolean>;
	/** Inserts or replaces many documents, in order. */
	putMany(docs: StoredDoc[]): Promise<void>;
	/** Inserts documents known to be new (a duplicate `_id` is an error). Much faster than putMany. */
	insertMany(docs: StoredDoc[]): Promise<void>;
	/** putIfNewer for many documents at once (distinct `_id`s); returns how many it wrote. */
	putManyIfNewer(docs: Array<StoredDoc & { _seq: number }>): Promise<number>;
	/** Atomically adds `by` to the numeric field `value` of document `id` (created at 0) and returns the new value. */
	increment(id: string, by: number): Promise<number>;
	/** Sets fields on every document that matches. */
	updateMany(query: Query, set: Record<string, unknown>): Promise<number>;
	ensureIndex(field: string, options?: { unique?: boolean }): Promise<void>;
	/** Removes every document. */
	clear(): Promise<void>;
}

/** NeDB's Datastore, as far as we use it (the package ships no types). */
export interface NedbDatastore {
	findAsync(query: Query, projection?: Record<string, 0 | 1>): NedbCursor;
	countAsync(query: Query): Promise<number>;
	findOneAsync(query: Query): Promise<StoredDoc | null>;
	updateAsync(
		query: Query,
		update: object,
		options?: { upsert?: boolean; multi?: boolean; returnUpdatedDocs?: boolean },
	): Promise<{ numAffected: number; affectedDocuments: StoredDoc | StoredDoc[] | null }>;
	ensureIndexAsync(options: { fieldName: string; unique?: boolean }): Promise<void>;
	removeAsync(query: Query, options?: { multi?: boolean }): Promise<number>;
}

interface NedbCursor extends PromiseLike<StoredDoc[]> {
	sort(sort: Record<string, 1 | -1>): NedbCursor;
	skip(n: number): NedbCursor;
	limit(n: number): NedbCursor;
}

function exclusion(fields: string[] | undefined): Record<string, 0> | undefined {
	if (!fields || fields.length === 0) return undefined;
	return Object.fromEntries(fields.map(field => [field, 0])) as Record<string, 0>;
}

/** The value at a dotted path of a document; null where it is missing (as MongoDB's $group keys it). */
function valueAt(doc: StoredDoc, path: string): unknown {
	let value: unknown = doc;
	for (const key of path.split("."))
		value = (value as Record<string, unknown> | null | undefined)?.[key];
	return value ?? null;
}

/** Below this many documents a batch is written one by one: finding which exist costs more. */
const BULK_THRESHOLD = 50;

/**
 * Up to this many documents are found by `_id` one at a time: FerretDB v1 on SQLite hands its
 * backend a filter only when it is `_id` alone and reads the whole collection for any other,
 * `$in` included (43 ms against 521 ms over 3,861 documents). On MongoDB both are index lookups.
 */
const FEW_BY_ID = 20;

/**
 * How a MongoDB-wire server is asked to "replace only if newer".
 * - `atomic`: one replace filtered on `_id` and `_seq`; on MongoDB an index lookup, and atomic.
 * - `checked`: `_seq` read by `_id`, then a replace filtered on `_id` alone. For FerretDB v1,
 *   which hands its SQLite backend a filter only when it is `_id` alone: any other filter makes
 *   it decode every document of the collection in Go, on every write (measured: a catch-up of
 *   about 300 match changes over 4,000 matches took 185 s). Its replace is a query and then an
 *   update, not atomic either way, so the check costs no guarantee it had; the single applier
 *   (mixins/projection/leader.ts) is what keeps writers apart, and anti-entropy repairs a view
 *   a hand-over raced.
 */
export type ConditionalWrites = "atomic" | "checked";

/** Asks the server what it is: FerretDB answers buildInfo with its own version. */
export async function conditionalWritesOf(db: Db): Promise<ConditionalWrites> {
	const info = (await db.command({ buildInfo: 1 })) as { ferretdbVersion?: string };
	return info.ferretdbVersion ? "checked" : "atomic";
}

/** Whether a stored `_seq` is older than `doc`'s (a document stored without one is). */
function isOlder(storedSeq: unknown, doc: { _seq: number }): boolean {
	return typeof storedSeq !== "number" || storedSeq < doc._seq;
}

function isDuplicateKey(err: unknown): boolean {
	const e = err as { code?: number; errorType?: string };
	return e?.code === 11000 || e?.errorType === "uniqueViolated";
}

export class MongoDocumentCollection implements DocumentCollection {
	constructor(
		private readonly collection: MongoCollection,
		private readonly conditionalWrites: ConditionalWrites = "atomic",
	) {}

	find(query: Query, options: FindOptions = {}): Promise<StoredDoc[]> {
		let cursor = this.collection.find(query, { projection: exclusion(options.exclude) });
		if (options.sort) cursor = cursor.sort(options.sort);
		if (options.skip) cursor = cursor.skip(options.skip);
		if (options.limit) cursor = cursor.limit(options.limit);
		return cursor.toArray();
	}

	count(query: Query): Promise<number> {
		return this.collection.countDocuments(query);
	}

	async countBy(query: Query, field: string): Promise<Map<unknown, number>> {
		const groups = await this.collection
			.aggregate<{ _id: unknown; n: number }>([
				{ $match: query },
				{ $group: { _id: `$${field}`, n: { $sum: 1 } } },
			])
			.toArray();
		return new Map(groups.map(group => [group._id ?? null, group.n]));
	}

	findById(id: string): Promise<StoredDoc | null> {
		return this.collection.findOne({ _id: id });
	}

	async findByIds(ids: string[]): Promise<StoredDoc[]> {
		if (ids.length > FEW_BY_ID) return this.find({ _id: { $in: ids } });
		const found = await Promise.all(ids.map(id => this.findById(id)));
		return found.filter((doc): doc is StoredDoc => doc !== null);
	}

	async put(doc: StoredDoc): Promise<void> {
		await this.collection.replaceOne({ _id: doc._id }, doc, { upsert: true });
	}

	async putIfNewer(doc: StoredDoc & { _seq: number }): Promise<boolean> {
		if (this.conditionalWrites === "checked") {
			const stored = await this.collection.findOne(
				{ _id: doc._id },
				{ projection: { _seq: 1 } },
			);
			if (stored && !isOlder(stored._seq, doc)) return false;
			await this.put(doc);
			return true;
		}
		try {
			const res = await this.collection.replaceOne(
				{ _id: doc._id, _seq: { $lt: doc._seq } },
				doc,
				{ upsert: true },
			);
			return res.modifiedCount + res.upsertedCount > 0;
		} catch (err) {
			// The upsert met the same _id with a newer or equal _seq: nothing to do.
			if (isDuplicateKey(err)) return false;
			throw err;
		}
	}

	async putMany(docs: StoredDoc[]): Promise<void> {
		// One replace at a time: FerretDB v1 (the test server) takes quadratic time over a
		// bulkWrite of replaces (100 of them: over a minute), and ~2 ms over each single one.
		for (const doc of docs) await this.put(doc);
	}

	async insertMany(docs: StoredDoc[]): Promise<void> {
		if (docs.length > 0) await this.collection.insertMany(docs, { ordered: true });
	}

	async putManyIfNewer(docs: Array<StoredDoc & { _seq: number }>): Promise<number> {
		if (docs.length === 0) return 0;
		if (docs.length < BULK_THRESHOLD) return this.putEachIfNewer(docs);
		// One read tells which documents are stored, and at which seq. The others are inserted
		// in one go (the common case when a projection is built).
		const storedSeqs = await this.storedSeqs(docs.map(doc => doc._id));
		const fresh = docs.filter(doc => !storedSeqs.has(doc._id));
		// Someone else inserted some meanwhile; servers differ in how they report which: settle all.
		if (fresh.length > 0 && !(await this.insertFresh(fresh))) return this.putEachIfNewer(docs);
		const stored = docs.filter(doc => storedSeqs.has(doc._id));
		return fresh.length + (await this.settleStored(stored, storedSeqs));
	}

	/** The `_seq` of each of these documents that is stored. */
	private async storedSeqs(ids: string[]): Promise<Map<string, unknown>> {
		const stored = await this.collection
			.find({ _id: { $in: ids } }, { projection: { _id: 1, _seq: 1 } })
			.toArray();
		return new Map(stored.map(doc => [String(doc._id), doc._seq]));
	}

	/** Inserts documents read as absent; false if some appeared meanwhile. */
	private async insertFresh(docs: StoredDoc[]): Promise<boolean> {
		try {
			await this.collection.insertMany(docs, { ordered: false });
			return true;
		} catch (err) {
			if (!isDuplicateKey(err) && !(err as { writeErrors?: unknown }).writeErrors) throw err;
			return false;
		}
	}

	/** Replaces the stored documents that are older: atomically one by one, or checked against the read. */
	private async settleStored(
		docs: Array<StoredDoc & { _seq: number }>,
		storedSeqs: Map<string, unknown>,
	): Promise<number> {
		if (this.conditionalWrites === "atomic") return this.putEachIfNewer(docs);
		// Checked against the read above: one pass over the collection, not one per document.
		const newer = docs.filter(doc => isOlder(storedSeqs.get(doc._id), doc));
		for (const doc of newer) await this.put(doc);
		return newer.length;
	}

	private async putEachIfNewer(docs: Array<StoredDoc & { _seq: number }>): Promise<number> {
		let written = 0;
		for (const doc of docs) if (await this.putIfNewer(doc)) written++;
		return written;
	}

	async increment(id: string, by: number): Promise<number> {
		const res = await this.collection.findOneAndUpdate(
			{ _id: id },
			{ $inc: { value: by } },
			{ upsert: true, returnDocument: "after" },
		);
		return Number(res.value?.value ?? 0);
	}

	async updateMany(query: Query, set: Record<string, unknown>): Promise<number> {
		const res = await this.collection.updateMany(query, { $set: set });
		return res.modifiedCount;
	}

	async ensureIndex(field: string, options: { unique?: boolean } = {}): Promise<void> {
		await this.collection.createIndex({ [field]: 1 }, { unique: options.unique === true });
	}

	async clear(): Promise<void> {
		await this.collection.deleteMany({});
	}
}

export class NedbDocumentCollection implements DocumentCollection {
	constructor(private readonly db: NedbDatastore) {}

	find(query: Query, options: FindOptions = {}): Promise<StoredDoc[]> {
		let cursor = this.db.findAsync(query, exclusion(options.exclude));
		if (options.sort) cursor = cursor.sort(Object.fromEntries(options.sort));
		if (options.skip) cursor = cursor.skip(options.skip);
		if (options.limit) cursor = cursor.limit(options.limit);
		return Promise.resolve(cursor);
	}

	count(query: Query): Promise<number> {
		return this.db.countAsync(query);
	}

	async countBy(query: Query, field: string): Promise<Map<unknown, number>> {
		const counts = new Map<unknown, number>();
		for (const doc of await this.db.findAsync(query, { [field]: 1 })) {
			const value = valueAt(doc, field);
			counts.set(value, (counts.get(value) ?? 0) + 1);
		}
		return counts;
	}

	findById(id: string): Promise<StoredDoc | null> {
		return this.db.findOneAsync({ _id: id });
	}

	findByIds(ids: string[]): Promise<StoredDoc[]> {
		return this.find({ _id: { $in: ids } });
	}

	async put(doc: StoredDoc): Promise<void> {
		await this.db.updateAsync({ _id: doc._id }, doc, { upsert: true });
	}

	async putIfNewer(doc: StoredDoc & { _seq: number }): Promise<boolean> {
		try {
			const res = await this.db.updateAsync({ _id: doc._id, _seq: { $lt: doc._seq } }, doc, {
				upsert: true,
			});
			return res.numAffected > 0;
		} catch (err) {
			if (isDuplicateKey(err)) return false;
			throw err;
		}
	}

	async putMany(docs: StoredDoc[]): Promise<void> {
		for (const doc of docs) await this.put(doc);
	}

	async insertMany(docs: StoredDoc[]): Promise<void> {
		for (const doc of docs) await this.put(doc);
	}

	async putManyIfNewer(docs: Array<StoredDoc & { _seq: number }>): Promise<number> {
		let written = 0;
		for (const doc of docs) if (await this.putIfNewer(doc)) written++;
		return written;
	}

	async increment(id: string, by: number): Promise<number> {
		const res = await this.db.updateAsync(
			{ _id: id },
			{ $inc: { value: by } },
			{ upsert: true, returnUpdatedDocs: true },
		);
		const updated = Array.isArray(res.affectedDocuments)
			? res.affectedDocuments[0]
			: res.affectedDocuments;
		return Number(updated?.value ?? 0);
	}

	async updateMany(query: Query, set: Record<string, unknown>): Promise<number> {
		const res = await this.db.updateAsync(query, { $set: set }, { multi: true });
		return res.numAffected;
	}

	async ensureIndex(field: string, options: { unique?: boolean } = {}): Promise<void> {
		await this.db.ensureIndexAsync({ fieldName: field, unique: options.unique === true });
	}

	async clear(): Promise<void> {
		await this.db.removeAsync({}, { multi: true });
	}
}
