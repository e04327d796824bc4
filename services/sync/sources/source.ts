// What sync imports from: a source reads the whole master data, or says nothing changed. A read
// either holds everything or fails: an import of part of a source would delete the rest (sync
// compares the source with what it holds, and what the source lacks is gone).
import type { MasterData } from "../../../domain/model";
import type { MasterBatch } from "../../../domain/openfootball";

export interface SourceRead {
	/** The master data, a batch at a time, in the order the log takes them; null when nothing changed since the last commit. */
	batches: Iterable<MasterBatch> | null;
	/** Called once the batches are in the log: the source may then answer "unchanged" from this read on. */
	commit(): void;
}

export interface MasterSource {
	/** As DATA_SOURCE names it. */
	readonly name: string;
	/** Reads the source; throws (a SourceError for a download) when it cannot be read whole. */
	read(): Promise<SourceRead>;
}

/** Master data in memory as batches, in the log's order. */
export function* batchesOf(data: MasterData): Generator<MasterBatch> {
	yield { kind: "competition", docs: data.competitions };
	yield { kind: "team", docs: data.teams };
	yield { kind: "player", docs: data.players };
	yield { kind: "match", docs: data.matches };
}
