// Turns `v1.standings.list` params into a page request on the standings projection.
import type { StandingsListParams } from "./standings.contract";
import type { ListResult } from "../../contracts";
import { computeTable, type Standing, tableKeyOf, type TableMatch } from "../../domain/standings";
import type { DocumentCollection, Query } from "../../storage/collections";
import { listPage, type PageRequest } from "../../mixins/listing";

export function standingsPageRequest(params: StandingsListParams): PageRequest {
	const query: Query = {};
	if (params.competition) query["competition.code"] = params.competition;
	if (params.season) query.season = params.season;
	if (params.group) query.group = params.group;
	return {
		query,
		// By competition, newest season first; the key (`WC:2022:GROUP_STAGE:GROUP_A`) then orders stages and groups.
		sort: [
			["competition.code", 1],
			["season", -1],
			["_id", 1],
		],
		page: params.page,
		pageSize: params.pageSize,
	};
}

/** A row of the answer: the table, and which type of table it is. */
export type ShownStanding = Standing & { type: StandingsListParams["type"] };

/**
 * A page of tables. The total tables are stored; a home or away table, or one as of a
 * matchday, is computed from the table's stored matches when asked.
 */
export async function standingsPage(
	standings: DocumentCollection,
	matches: DocumentCollection,
	params: StandingsListParams,
): Promise<ListResult<ShownStanding>> {
	const page = await listPage<Standing>(standings, standingsPageRequest(params));
	const asStored = params.type === "TOTAL" && params.matchday === undefined;
	const rows = await Promise.all(
		page.rows.map(async standing => {
			if (asStored) return { ...standing, type: params.type };
			const members = await matches.find({ _table: tableKeyOf(standing), _deleted: false });
			const table = computeTable(members as unknown as TableMatch[], {
				type: params.type,
				upToMatchday: params.matchday,
			});
			return { ...standing, type: params.type, table };
		}),
	);
	return { ...page, rows };
}
