// The master store as a change log, after CouchDB's `_changes` feed: every document carries
// the sequence number of its last change, deletions stay as tombstones, and "changes since N"
// is a query on that number. Written by one writer (sync); FerretDB has no transactions, so
// every step is a single-document write and the order of steps makes a crash harmless.
//
// Document bodies are stored as JSON text: the log is only ever queried by seq, kind and
// _id, never inside a document, and a server that decodes every document it scans (FerretDB
// v1 on SQLite) reads the feed four times faster that way.
import { randomUUID } from "node:crypto";
import type { Change } from "../../contracts";
import type { EntityKind } from "../../domain/model";
import type { DocumentCollection, StoredDoc } from "../../storage/collections";
import type { PendingChange, StoredVersion } from "./master-diff";

/** A master document as stored. */
interface MasterRecord extends StoredDoc {
	kind: EntityKind;
	id: string;
	seq: number;
	deleted: boolean;
	hash: string | null;
	/** The document as JSON; null on tombstones. */
	body: string | null;
}

/** Counter documents: `seq` hands out numbers, `head` is the last committed, `published` the last sent. */
const SEQ = "seq";
const HEAD = "head";
const PUBLISHED = "published";
/** Names this log: a consumer that meets another epoch knows the log was reset and rebuilds. */
const EPOCH = "epoch";

const WRITE_BATCH = 1000;
/** A feed page reads at most this many pages' worth of sequence numbers (see `changesSince`). */
const FEED_WINDOW_PAGES = 8;

export interface FeedPage {
	changes: Change[];
	lastSeq: number;
	head: number;
	epoch: string;
}

export class ChangeLog {
	constructor(
		private readonly documents: DocumentCollection,
		private readonly counters: DocumentCollection,
	) {}

	private epochId?: string;
	/** True while an append is under way: documents above the head may be on disk. */
	private appending = false;

	async prepare(): Promise<void> {
		await this.documents.ensureIndex("seq");
		await this.epoch();
	}

	/** The log's epoch, created with the log. */
	async epoch(): Promise<string> {
		if (this.epochId) return this.epochId;
		const found = await this.counters.findById(EPOCH);
		if (found) {
			this.epochId = String(found.value);
		} else {
			this.epochId = randomUUID();
			await this.counters.put({ _id: EPOCH, value: this.epochId });
		}
		return this.epochId;
	}

	/** The hash and state of every stored document, for change detection. */
	async storedVersions(): Promise<Map<string, StoredVersion>> {
		const records = await this.documents.find({}, { exclude: ["body"] });
		return new Map(
			records.map(r => [r._id, { hash: String(r.hash ?? ""), deleted: r.deleted === true }]),
		);
	}

	async head(): Promise<number> {
		return this.counter(HEAD);
	}

	async published(): Promise<number> {
		return this.counter(PUBLISHED);
	}

	async markPublished(seq: number): Promise<void> {
		await this.counters.put({ _id: PUBLISHED, value: seq });
	}

	/**
	 * After a crash between handing out numbers and committing them, the head lags behind.
	 * Nothing else writes, so whatever was written is complete: commit up to the last number handed out.
	 */
	async recover(): Promise<number> {
		const [handedOut, head] = await Promise.all([this.counter(SEQ), this.counter(HEAD)]);
		if (handedOut > head) await this.counters.put({ _id: HEAD, value: handedOut });
		return Math.max(handedOut, head);
	}

	/**
	 * Appends changes: numbers them from an atomic counter, writes each document with its
	 * number (tombstones for deletions), then moves the committed head. Readers never see
	 * past the head, so they never see half of an append.
	 */
	async append(changes: PendingChange[]): Promise<{ from: number; to: number }> {
		this.appending = true;
		try {
			return await this.appendNow(changes);
		} finally {
			this.appending = false;
		}
	}

	private async appendNow(changes: PendingChange[]): Promise<{ from: number; to: number }> {
		const from = await this.head();
		if (changes.length === 0) return { from, to: from };
		const last = await this.counters.increment(SEQ, changes.length);
		const first = last - changes.length + 1;
		const records: MasterRecord[] = changes.map((change, i) => ({
			_id: change.key,
			kind: change.kind,
			id: change.id,
			seq: first + i,
			deleted: change.deleted,
			hash: change.deleted ? null : change.hash,
			body: change.deleted ? null : change.json,
		}));
		// Documents the store has never seen are inserted (fast); the rest are replaced. Both in seq order.
		for (let i = 0; i < records.length; i += WRITE_BATCH) {
			const batch = records.slice(i, i + WRITE_BATCH);
			const isNew = changes.slice(i, i + WRITE_BATCH).map(change => change.isNew);
			await this.documents.insertMany(batch.filter((_, j) => isNew[j]));
			await this.documents.putMany(batch.filter((_, j) => !isNew[j]));
		}
		await this.counters.put({ _id: HEAD, value: last });
		return { from, to: last };
	}

	/** The changes after `since`, oldest first, each document once in its latest state. */
	async changesSince(since: number, limit: number, kinds?: EntityKind[]): Promise<FeedPage> {
		const [head, epoch] = await Promise.all([this.head(), this.epoch()]);
		// A reader that is up to date (the common case, every few seconds) costs no query.
		if (since >= head) return { changes: [], lastSeq: head, head, epoch };
		// A bounded window of numbers, not everything up to the head: a store that sorts before it
		// limits (NeDB, the memory store) would otherwise sort the rest of the log for every page,
		// which made building a projection from the whole archive quadratic.
		const windowEnd = Math.min(head, since + limit * FEED_WINDOW_PAGES);
		const query: Record<string, unknown> = { seq: { $gt: since, $lte: windowEnd } };
		if (kinds && kinds.length > 0) query.kind = { $in: kinds };
		const records = (await this.documents.find(query, {
			sort: [["seq", 1]],
			limit,
		})) as MasterRecord[];
		const full = records.length === limit;
		return {
			changes: records.map(toChange),
			// Short of a full page, the page holds every change of the window: the reader may skip to its end.
			lastSeq: full ? records[records.length - 1].seq : windowEnd,
			head,
			epoch,
		};
	}

	/** The key and seq of every live document of these kinds (the log at `head`, if `isStableAt(head)` after). */
	async liveVersions(
		kinds: EntityKind[],
	): Promise<Array<{ key: string; id: string; seq: number; kind: EntityKind }>> {
		const records = (await this.documents.find(
			{ deleted: false, kind: { $in: kinds } },
			{ exclude: ["body"] },
		)) as MasterRecord[];
		return records.map(({ _id, id, seq, kind }) => ({ key: _id, id, seq, kind }));
	}

	/** The latest change of each of these documents that is live. */
	async latestLive(keys: string[]): Promise<Change[]> {
		const records = (await this.documents.findByIds(keys)) as MasterRecord[];
		return records
			.filter(record => !record.deleted)
			.map(toChange)
			.sort((a, b) => a.seq - b.seq);
	}

	/**
	 * Whether what was read since the head was `head` is the log at that head: no append began
	 * or ended meanwhile (each moves the head) and none is under way (it writes above the head).
	 */
	async isStableAt(head: number): Promise<boolean> {
		return !this.appending && (await this.head()) === head;
	}

	/** Whether an append is under way. */
	isAppending(): boolean {
		return this.appending;
	}

	private async counter(id: string): Promise<number> {
		const found = await this.counters.findById(id);
		return Number(found?.value ?? 0);
	}
}

function toChange(record: MasterRecord): Change {
	const change = {
		seq: record.seq,
		kind: record.kind,
		id: record.id,
		deleted: record.deleted,
	} as Change;
	if (!record.deleted && record.body !== null) change.doc = JSON.parse(record.body);
	return change;
}

/** A contiguous slice of the log, as one event carries it: every change with from < seq <= to. */
export interface LogSlice {
	from: number;
	to: number;
	changes: Change[];
}

/**
 * Cuts a feed page read after `from` into slices of at most `size` changes that cover
 * (from, page.lastSeq] without holes: each slice ends at its last change, the last at the page's end.
 */
export function sliceFeedPage(
	page: Pick<FeedPage, "changes" | "lastSeq">,
	from: number,
	size: number,
): LogSlice[] {
	const slices: LogSlice[] = [];
	let start = from;
	for (let i = 0; i < page.changes.length; i += size) {
		const changes = page.changes.slice(i, i + size);
		const isLast = i + size >= page.changes.length;
		const to = isLast ? page.lastSeq : changes[changes.length - 1].seq;
		slices.push({ from: start, to, changes });
		start = to;
	}
	if (start < page.lastSeq) slices.push({ from: start, to: page.lastSeq, changes: [] });
	return slices;
}
