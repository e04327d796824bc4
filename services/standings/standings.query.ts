// Turns `v1.standings.list` params into a page request on the standings projection.
import type { StandingsListParams } from "./standings.contract";
import type { Query } from "../../storage/collections";
import type { PageRequest } from "../../mixins/listing";

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
