// Sync's live source: the entries of ingest's journal it has folded, kept in its own store (its
// copy of the source, as the files are on disk) and in memory by match. Each entry folds the
// match's events so far into its master match (domain/live.ts); a re-read of the files folds
// them again over what the files say, so the files never take a live match back.
import type { JournalEntry } from "../../contracts";
import { type LiveEvent, withLiveEvents } from "../../domain/live";
import type { EntityKind, Match } from "../../domain/model";
import type { DocumentCollection } from "../../storage/collections";
import { contentHash, type PendingChange } from "./master-diff";

/** Counter document: the last journal seq folded into the master data. */
const FOLDED = "live-folded";

export class LiveJournal {
	private foldedSeq = 0;
	private readonly byMatch = new Map<string, LiveEvent[]>();

	constructor(
		private readonly entries: DocumentCollection,
		private readonly counters: DocumentCollection,
	) {}

	/** Reads what was folded before; entries kept past it (a crash mid-fold) come again from ingest. */
	async load(): Promise<void> {
		const found = await this.counters.findById(FOLDED);
		this.foldedSeq = Number(found?.value ?? 0);
		const kept = await this.entries.find(
			{ seq: { $lte: this.foldedSeq } },
			{ sort: [["seq", 1]] },
		);
		for (const entry of kept as unknown as JournalEntry[]) this.remember(entry);
	}

	folded(): number {
		return this.foldedSeq;
	}

	/** Whether `entry` is the one to fold next (not folded yet, and no gap before it). */
	isNext(entry: JournalEntry): boolean {
		return entry.seq === this.foldedSeq + 1;
	}

	/** Keeps the entry, in the store and in memory. */
	async keep(entry: JournalEntry): Promise<void> {
		await this.entries.put({ _id: String(entry.seq), ...entry });
		this.remember(entry);
	}

	async markFolded(seq: number): Promise<void> {
		await this.counters.put({ _id: FOLDED, value: seq });
		this.foldedSeq = seq;
	}

	/** The change that gives `match` its events so far, or null if it has them already. */
	changeOf(match: Match, key: string): PendingChange | null {
		const before = JSON.stringify(match);
		const folded = withLiveEvents(match, this.byMatch.get(match.id) ?? []);
		const json = JSON.stringify(folded);
		if (json === before) return null;
		return {
			key,
			kind: "match",
			id: match.id,
			deleted: false,
			doc: folded,
			json,
			hash: contentHash(json),
			isNew: false,
		};
	}

	/** Source documents with the live matches' events folded over them. */
	overFiles<T extends { id: string }>(kind: EntityKind, docs: T[]): T[] {
		if (kind !== "match" || this.byMatch.size === 0) return docs;
		return docs.map(doc => {
			const events = this.byMatch.get(doc.id);
			return events ? (withLiveEvents(doc as unknown as Match, events) as unknown as T) : doc;
		});
	}

	private remember(entry: JournalEntry): void {
		const events = this.byMatch.get(entry.match) ?? [];
		events.push(entry.event);
		this.byMatch.set(entry.match, events);
	}
}
