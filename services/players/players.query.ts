// Turns `v1.players.list` params into a page request on the players projection.
import type { PlayersListParams } from "./players.contract";
import { foldText } from "../../domain/text";
import type { Query, Sort } from "../../storage/collections";
import { containsText, type PageRequest } from "../../mixins/listing";

/** Sort keys clients know, and the stored fields that sort them (names sort without accents). */
const SORT_FIELDS: Record<string, string> = {
	name: "_name",
	dateOfBirth: "dateOfBirth",
	shirtNumber: "shirtNumber",
};

export function sortOf(sort: string): Sort {
	const descending = sort.startsWith("-");
	const field = SORT_FIELDS[descending ? sort.slice(1) : sort] ?? "_name";
	return [
		[field, descending ? -1 : 1],
		["_id", 1],
	];
}

export function playersPageRequest(params: PlayersListParams): PageRequest {
	const query: Query = {};
	if (params.team) query["team.id"] = params.team;
	if (params.competition) query._competitions = params.competition;
	if (params.position) query.position = params.position;
	if (params.nationality) query._nationality = foldText(params.nationality);
	if (params.q) query._name = containsText(params.q);
	return {
		query,
		sort: sortOf(params.sort),
		page: params.page,
		pageSize: params.pageSize,
		hidden: ["_name", "_nationality", "_competitions"],
	};
}
