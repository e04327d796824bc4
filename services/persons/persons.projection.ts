// The persons service's projection: the players, and of each match what a goal list needs.
import type { Service } from "moleculer";
import type { Change } from "../../contracts";
import type { Match, Player } from "../../domain/model";
import type { DbMethods } from "../../mixins/db.mixin";
import { applyAsViews } from "../../mixins/projection";

export const PLAYERS = "players";
export const MATCHES = "matches";

export function matchView(match: Match): Record<string, unknown> {
	const { competition, season, utcDate, homeTeam, awayTeam, goals } = match;
	return {
		competition,
		season,
		utcDate,
		homeTeam,
		awayTeam,
		goals,
		_teams: [homeTeam.id, awayTeam.id],
	};
}

export async function applyPersonChanges(
	service: Service & DbMethods,
	changes: Change[],
): Promise<void> {
	const of = (kind: Change["kind"]) => changes.filter(change => change.kind === kind);
	await applyAsViews<Player>(service.collection(PLAYERS), of("player"), player => ({
		...player,
	}));
	await applyAsViews<Match>(service.collection(MATCHES), of("match"), matchView);
}
