// Reading a page of views: what every list action does once it has built its query.
import type { ListResult } from "../contracts";
import { escapeRegExp, foldText } from "../domain/text";
import type { DocumentCollection, Query, Sort } from "./collections";

/** Fields every view carries for the projection's bookkeeping, never shown to clients. */
const BOOKKEEPING = ["_id", "_seq", "_deleted"];

export interface PageRequest {
	query: Query;
	sort: Sort;
	page: number;
	pageSize: number;
	/** Further internal fields to leave out (search keys and the like). */
	hidden?: string[];
}

/** One page of live (not deleted) views with paging metadata. */
export async function listPage<T>(collection: DocumentCollection, request: PageRequest): Promise<ListResult<T>> {
	const query = { ...request.query, _deleted: false };
	const [total, rows] = await Promise.all([
		collection.count(query),
		collection.find(query, {
			sort: request.sort,
			skip: (request.page - 1) * request.pageSize,
			limit: request.pageSize,
			exclude: [...BOOKKEEPING, ...(request.hidden ?? [])],
		}),
	]);
	return {
		rows: rows as unknown as T[],
		page: request.page,
		pageSize: request.pageSize,
		total,
		totalPages: Math.ceil(total / request.pageSize),
	};
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
 * changes (see projection.mixin.ts).
 */
export const LIST_CACHE = { enabled: true } as const;
