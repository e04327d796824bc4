// Reading a page of views: what every list action does once it has built its query.
import { CHECKSUM_FIELD, type ListResult } from "../contracts";
import { escapeRegExp, foldText } from "../domain/text";
import type { DocumentCollection, Query, Sort } from "../storage/collections";

/** Fields every view carries for the projection's bookkeeping (anti-entropy's checksum too), never shown to clients. */
export const BOOKKEEPING = ["_id", "_seq", "_deleted", CHECKSUM_FIELD];

export interface PageRequest {
	query: Query;
	sort: Sort;
	page: number;
	pageSize: number;
	/** Further internal fields to leave out (search keys and the like). */
	hidden?: string[];
}

/**
 * One page of live (not deleted) views with paging metadata. The page is read first; the total
 * is counted only when the page cannot tell it (a full page, or an empty one past the first):
 * on a server that scans a collection for every query (FerretDB v1), a count is a second scan.
 */
export async function listPage<T>(
	collection: DocumentCollection,
	request: PageRequest,
): Promise<ListResult<T>> {
	const query = { ...request.query, _deleted: false };
	const skip = (request.page - 1) * request.pageSize;
	const rows = await collection.find(query, {
		sort: request.sort,
		skip,
		limit: request.pageSize,
		exclude: [...BOOKKEEPING, ...(request.hidden ?? [])],
	});
	const total =
		totalFromPage(rows.length, skip, request.pageSize) ?? (await collection.count(query));
	return {
		rows: rows as unknown as T[],
		page: request.page,
		pageSize: request.pageSize,
		total,
		totalPages: Math.ceil(total / request.pageSize),
	};
}

/** The total a page shows by itself: a page that is neither full nor empty is the last one. */
export function totalFromPage(
	rowCount: number,
	skip: number,
	pageSize: number,
): number | undefined {
	if (rowCount > 0 && rowCount < pageSize) return skip + rowCount;
	if (rowCount === 0 && skip === 0) return 0;
	return undefined;
}

/**
 * The live view with this `_id` as a client sees it (no bookkeeping, nor the fields named);
 * null when there is none or it is a tombstone. Read by `_id` alone: the one filter FerretDB
 * hands its backend.
 */
export async function liveViewById<T>(
	collection: DocumentCollection,
	id: string,
	hidden: string[] = [],
): Promise<T | null> {
	const stored = await collection.findById(id);
	if (!stored || stored._deleted === true) return null;
	const view: Record<string, unknown> = { ...stored };
	for (const field of [...BOOKKEEPING, ...hidden]) delete view[field];
	return view as T;
}

/** A case- and accent-insensitive "contains" condition on a field that holds folded text. */
export function containsText(text: string): { $regex: RegExp } {
	return { $regex: new RegExp(escapeRegExp(foldText(text))) };
}

/**
 * The cache setting of list actions: one entry per exact set of parameters as sent. Not a
 * list of keys: Moleculer's cacher answers before the validator runs, so a key list would let
 * a request with an unknown or malformed extra parameter be served from a valid request's
 * entry instead of being refused. Projections clear their service's entries when they apply
 * changes (see mixins/projection/).
 */
export const LIST_CACHE = { enabled: true } as const;
