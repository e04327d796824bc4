// The team service's projection: the teams as the master has them, and of each player what a
// squad lists (name, position, number, birth date) with his team.
import type { Service } from "moleculer";
import type { Change } from "../../contracts";
import type { Player, Team } from "../../domain/model";
import type { DbMethods } from "../../mixins/db.mixin";
import { applyAsViews } from "../../mixins/projection";

export const TEAMS = "teams";
export const PLAYERS = "players";

export function squadMemberView(player: Player): Record<string, unknown> {
	const { id, name, position, shirtNumber, dateOfBirth } = player;
	return { id, name, position, shirtNumber, dateOfBirth, _team: player.team.id };
}

export async function applyTeamChanges(
	service: Service & DbMethods,
	changes: Change[],
): Promise<void> {
	const of = (kind: Change["kind"]) => changes.filter(change => change.kind === kind);
	await applyAsViews<Team>(service.collection(TEAMS), of("team"), team => ({ ...team }));
	await applyAsViews<Player>(service.collection(PLAYERS), of("player"), squadMemberView);
}

/** A squad is read by team: an index on it reads that squad only. */
export function indexPlayersByTeam(service: DbMethods): Promise<void> {
	return service.collection(PLAYERS).ensureIndex("_team");
}
