// Turns `v1.teams.list` params into a page request on the teams projection.
import type { TeamsListParams } from "./teams.contract";
import type { Query } from "../../storage/collections";
import { containsText, type PageRequest } from "../../mixins/listing";

export function teamsPageRequest(params: TeamsListParams): PageRequest {
	const query: Query = {};
	if (params.competition && params.season)
		query._seasons = `${params.competition}:${params.season}`;
	else if (params.competition) query._codes = params.competition;
	else if (params.season) query._years = params.season;
	if (params.q) query._search = containsText(params.q);
	return {
		query,
		sort: [
			["_name", 1],
			["_id", 1],
		],
		page: params.page,
		pageSize: params.pageSize,
		hidden: ["_name", "_search", "_codes", "_years", "_seasons"],
	};
}
