// Ingest's journal: every accepted match event, numbered over the whole journal (`seq`) and
// within its match (`place`). One writer (the service has one node): numbers come from the
// head kept in memory, loaded at start, so a crash between numbering and writing leaves no hole.
// An entry's `_id` is its match and event id, so the same event can be found before it is
// recorded twice.
import type { JournalEntry } from "../../contracts";
import type { DocumentCollection, StoredDoc } from "../../storage/collections";

/** Counter document: the last seq sync has confirmed folding. */
const FOLDED = "folded";

export class Journal {
	private head = 0;

	constructor(
		private readonly entries: DocumentCollection,
		private readonly counters: DocumentCollection,
	) {}

	async prepare(): Promise<void> {
		await this.entries.ensureIndex("seq");
		await this.entries.ensureIndex("match");
		const [last] = await this.entries.find({}, { sort: [["seq", -1]], limit: 1 });
		this.head = Number(last?.seq ?? 0);
	}

	/** The last seq written. */
	lastSeq(): number {
		return this.head;
	}

	async find(match: string, eventId: string): Promise<JournalEntry | null> {
		const stored = await this.entries.findById(keyOf(match, eventId));
		return stored ? entryOf(stored) : null;
	}

	/** A match's entries in their order. */
	async ofMatch(match: string): Promise<JournalEntry[]> {
		const stored = await this.entries.find({ match }, { sort: [["place", 1]] });
		return stored.map(entryOf);
	}

	/** Appends the next entry of the journal; the caller runs appends one at a time. */
	async append(entry: Omit<JournalEntry, "seq">): Promise<JournalEntry> {
		const written: JournalEntry = { ...entry, seq: this.head + 1 };
		await this.entries.insertMany([{ _id: keyOf(entry.match, entry.event.id), ...written }]);
		this.head = written.seq;
		return written;
	}

	/** Entries after `seq`, oldest first. */
	async after(seq: number, limit: number): Promise<JournalEntry[]> {
		const stored = await this.entries.find(
			{ seq: { $gt: seq } },
			{ sort: [["seq", 1]], limit },
		);
		return stored.map(entryOf);
	}

	async folded(): Promise<number> {
		const found = await this.counters.findById(FOLDED);
		return Number(found?.value ?? 0);
	}

	async markFolded(seq: number): Promise<void> {
		await this.counters.put({ _id: FOLDED, value: seq });
	}
}

function keyOf(match: string, eventId: string): string {
	return `${match}/${eventId}`;
}

function entryOf(stored: StoredDoc): JournalEntry {
	const { seq, match, place, event, receivedAt } = stored as unknown as JournalEntry;
	return { seq, match, place, event, receivedAt };
}
