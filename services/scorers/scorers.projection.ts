// The scorers service's projection: of each match, what a tally needs (its goals, its teams,
// its status); of each player, his name and team, to link a scorer to a squad.
import type { Service } from "moleculer";
import type { Change } from "../../contracts";
import type { Match, Player } from "../../domain/model";
import type { DbMethods } from "../../mixins/db.mixin";
import { applyAsViews } from "../../mixins/projection";

export const MATCHES = "matches";
export const PLAYERS = "players";

export function matchView(match: Match): Record<string, unknown> {
	const { competition, season, status, homeTeam, awayTeam, score, goals } = match;
	return { competition, season, status, homeTeam, awayTeam, score, goals };
}

export function playerView(player: Player): Record<string, unknown> {
	return { id: player.id, name: player.name, team: { id: player.team.id } };
}

export async function applyScorerChanges(
	service: Service & DbMethods,
	changes: Change[],
): Promise<void> {
	const of = (kind: Change["kind"]) => changes.filter(change => change.kind === kind);
	await applyAsViews<Match>(service.collection(MATCHES), of("match"), matchView);
	await applyAsViews<Player>(service.collection(PLAYERS), of("player"), playerView);
}
