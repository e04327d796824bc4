// Compares a projection with the master, document by document: a digest of every document
// (not a count), and the first differences when they disagree.
import { createHash } from "node:crypto";
import type { ServiceBroker } from "moleculer";
import type { ListResult, SyncChangesResult } from "../../contracts";
import type { ResultsListV2Result } from "../../services/results/results.contract";
import type { EntityKind } from "../../domain/model";
import { getJson } from "./cluster";

type Doc = { id: string } & Record<string, unknown>;

function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
	if (value && typeof value === "object") {
		return `{${Object.keys(value)
			.sort()
			.map(
				key =>
					`${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`,
			)
			.join(",")}}`;
	}
	return JSON.stringify(value);
}

/** The master's live documents of one kind, read from sync's feed. */
export async function masterDocs(
	probe: ServiceBroker,
	kind: EntityKind,
): Promise<Map<string, Doc>> {
	const docs = new Map<string, Doc>();
	let since = 0;
	for (;;) {
		const page = await probe.call<SyncChangesResult, object>("v1.sync.changes", {
			since,
			limit: 1000,
			kinds: [kind],
		});
		for (const change of page.changes) {
			if (change.deleted) docs.delete(change.id);
			else docs.set(change.id, change.doc as unknown as Doc);
		}
		since = page.lastSeq;
		if (since >= page.head) return docs;
	}
}

/**
 * How many pages are asked at once: a server that scans for every page (FerretDB) is kept busy,
 * not flooded. It scans one page after another anyway, so more at once only makes each wait
 * longer: at four, a page of /api/v1/results took 5.2 s (median, 7.0 s at most) in the sync
 * suite, and past the gateway's 10 s timeout on a slower machine.
 */
const PAGES_AT_ONCE = 2;

/** Every row a client can page through on a list route: the first page, then the others a few at a time. */
export async function apiDocs(baseUrl: string, route: string): Promise<Map<string, Doc>> {
	const pageOf = async (page: number): Promise<ListResult<Doc>> => {
		const reply = await getJson<ListResult<Doc>>(
			`${baseUrl}${route}${route.includes("?") ? "&" : "?"}pageSize=100&page=${page}`,
		);
		if (reply.status !== 200) throw new Error(`${route} answered ${reply.status}`);
		return reply.body;
	};
	const first = await pageOf(1);
	const pages = [first];
	for (let page = 2; page <= first.totalPages; page += PAGES_AT_ONCE) {
		const last = Math.min(first.totalPages, page + PAGES_AT_ONCE - 1);
		const numbers = Array.from({ length: last - page + 1 }, (_, i) => page + i);
		pages.push(...(await Promise.all(numbers.map(pageOf))));
	}
	return new Map(pages.flatMap(page => page.rows.map(row => [row.id, row] as const)));
}

/** Every match a client can page through on /api/v2/results, following the cursors. */
export async function apiDocsV2(baseUrl: string): Promise<Map<string, Doc>> {
	const docs = new Map<string, Doc>();
	let cursor: string | null = null;
	do {
		const url = `${baseUrl}/api/v2/results?limit=100${cursor ? `&cursor=${cursor}` : ""}`;
		const reply: { status: number; body: ResultsListV2Result } =
			await getJson<ResultsListV2Result>(url);
		if (reply.status !== 200) throw new Error(`/api/v2/results answered ${reply.status}`);
		for (const match of reply.body.matches) docs.set(match.id, match as unknown as Doc);
		cursor = reply.body.next;
	} while (cursor);
	return docs;
}

export function digest(docs: Map<string, Doc>): string {
	const hash = createHash("sha256");
	for (const id of [...docs.keys()].sort()) hash.update(`${id}\t${canonical(docs.get(id))}\n`);
	return hash.digest("hex");
}

/** Ids that differ (missing, extra or not equal), at most `max`, for a readable failure. */
export function differences(
	master: Map<string, Doc>,
	projection: Map<string, Doc>,
	max = 5,
): string[] {
	const ids = new Set([...master.keys(), ...projection.keys()]);
	const out: string[] = [];
	for (const id of [...ids].sort()) {
		const a = master.get(id);
		const b = projection.get(id);
		if (!a) out.push(`${id}: only in the projection`);
		else if (!b) out.push(`${id}: missing from the projection`);
		else if (canonical(a) !== canonical(b)) out.push(`${id}: differs`);
		if (out.length >= max) break;
	}
	return out;
}
