// Reads what a scorers list needs from the projection and tallies it (domain/scorers.ts).
import type { ListResult } from "../../contracts";
import type { Match } from "../../domain/model";
import { type ScorerRow, type SquadPlayer, topScorers } from "../../domain/scorers";
import type { DocumentCollection, Query } from "../../storage/collections";
import type { ScorersListParams } from "./scorers.contract";

export interface ScorersPage extends ListResult<ScorerRow> {
	competition: { code: string; name: string } | null;
	seasons: number[];
	seasonsWithoutScorers: number[];
}

export function matchesQuery(params: ScorersListParams): Query {
	const query: Query = { "competition.code": params.competition, _deleted: false };
	if (params.season !== undefined) query.season = params.season;
	return query;
}

export async function scorersPage(
	matches: DocumentCollection,
	players: DocumentCollection,
	params: ScorersListParams,
): Promise<ScorersPage> {
	const found = (await matches.find(matchesQuery(params))) as unknown as Match[];
	const teamIds = [...new Set(found.flatMap(match => [match.homeTeam.id, match.awayTeam.id]))];
	const squads =
		teamIds.length === 0
			? []
			: ((await players.find({
					"team.id": { $in: teamIds },
					_deleted: false,
				})) as unknown as SquadPlayer[]);
	const table = topScorers(found, squads);
	const skip = (params.page - 1) * params.pageSize;
	return {
		competition: found[0]?.competition ?? null,
		seasons: table.seasons,
		seasonsWithoutScorers: table.seasonsWithoutScorers,
		rows: table.rows.slice(skip, skip + params.pageSize),
		page: params.page,
		pageSize: params.pageSize,
		total: table.rows.length,
		totalPages: Math.ceil(table.rows.length / params.pageSize),
	};
}
