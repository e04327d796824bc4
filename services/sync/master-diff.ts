// Change detection: what differs between the master store and a freshly imported data set.
// Pure, so that it can be tested without a database.
import { createHash } from "node:crypto";
import type { EntityByKind, EntityKind, MasterData } from "../../domain/model";
import { ENTITY_KINDS } from "../../domain/model";

/** What the master store holds of a document, enough to compare without loading it. */
export interface StoredVersion {
	hash: string;
	deleted: boolean;
}

/** A document as it stands in the source: key, kind, its content and content hash. */
export interface SourceDocument<K extends EntityKind = EntityKind> {
	key: string;
	kind: K;
	id: string;
	doc: EntityByKind[K];
	/** The document as JSON: hashed here, stored as the log's body. */
	json: string;
	hash: string;
}

/** A change to write to the log: a new or different document, or a deletion. */
export type PendingChange =
	| {
			key: string;
			kind: EntityKind;
			id: string;
			deleted: false;
			doc: EntityByKind[EntityKind];
			json: string;
			hash: string;
			isNew: boolean;
	  }
	| { key: string; kind: EntityKind; id: string; deleted: true; isNew: false };

/** The master store's key of a document: kinds share one log, so the kind is part of it. */
export function masterKey(kind: EntityKind, id: string): string {
	return `${kind}:${id}`;
}

/**
 * The content hash of a document's JSON text, as the log stores it. The importer builds every
 * document with the same code, so equal content gives equal text; a change to that code that
 * only reorders keys would make one large sync, nothing worse. (A canonical, key-sorted JSON
 * cost six times as much, ~6 s of a 46 s import at scale 100.)
 */
export function contentHash(json: string): string {
	return createHash("sha1").update(json).digest("base64url");
}

const COLLECTION_OF: { [K in EntityKind]: (data: MasterData) => Array<EntityByKind[K]> } = {
	competition: data => data.competitions,
	team: data => data.teams,
	player: data => data.players,
	match: data => data.matches,
};

/** Documents of one kind as source documents (key and content hash). */
export function sourceDocumentsOf<K extends EntityKind>(
	kind: K,
	docs: Array<EntityByKind[K]>,
): SourceDocument[] {
	return docs.map(doc => {
		const json = JSON.stringify(doc);
		return {
			key: masterKey(kind, doc.id),
			kind,
			id: doc.id,
			doc,
			json,
			hash: contentHash(json),
		};
	});
}

/** Every document of a data set, in log order: competitions, teams, players, matches; by id within a kind. */
export function sourceDocuments(data: MasterData): SourceDocument[] {
	return ENTITY_KINDS.flatMap(kind => sourceDocumentsOf(kind, COLLECTION_OF[kind](data)));
}

/**
 * Change detection over a source read in batches: `changesIn` gives the created or updated
 * documents of each batch (in its order), `deletions` at the end the stored documents no batch
 * had (sorted by key). Holds the stored versions and the keys seen, never the documents.
 */
export class MasterDiff {
	private readonly seen = new Set<string>();

	constructor(private readonly stored: Map<string, StoredVersion>) {}

	changesIn(source: SourceDocument[]): PendingChange[] {
		const changes: PendingChange[] = [];
		for (const doc of source) {
			if (this.seen.has(doc.key)) throw new Error(`Duplicate master document ${doc.key}`);
			this.seen.add(doc.key);
			const before = this.stored.get(doc.key);
			if (!before || before.deleted || before.hash !== doc.hash) {
				changes.push({
					key: doc.key,
					kind: doc.kind,
					id: doc.id,
					deleted: false,
					doc: doc.doc,
					json: doc.json,
					hash: doc.hash,
					isNew: !before,
				});
			}
		}
		return changes;
	}

	deletions(): PendingChange[] {
		const removed = [...this.stored.entries()]
			.filter(([key, version]) => !version.deleted && !this.seen.has(key))
			.map(([key]) => key)
			.sort();
		return removed.map(key => {
			const [kind, ...rest] = key.split(":");
			return {
				key,
				kind: kind as EntityKind,
				id: rest.join(":"),
				deleted: true,
				isNew: false,
			};
		});
	}
}

/**
 * The changes that turn `stored` into `source`: created or updated documents (in source order),
 * then deletions of stored documents the source no longer has (sorted by key). Unchanged ones give nothing.
 */
export function diffMaster(
	stored: Map<string, StoredVersion>,
	source: SourceDocument[],
): PendingChange[] {
	const diff = new MasterDiff(stored);
	return [...diff.changesIn(source), ...diff.deletions()];
}
