// The players service's projection: players with search keys, and the competitions their
// team plays in (kept from team changes), so that "players of a competition" is one query.
import type { Service } from "moleculer";
import type { Change } from "../../contracts";
import type { Player, Team } from "../../domain/model";
import { foldText } from "../../domain/text";
import type { DbMethods } from "../../mixins/db.mixin";
import { applyAsViews, checkedView } from "../../mixins/projection";

export const PLAYERS = "players";
export const TEAMS = "teams";

/** A stored player: the master player plus search keys. */
export function playerView(player: Player, competitionCodes: string[]): Record<string, unknown> {
	return {
		...player,
		_name: foldText(player.name),
		_nationality: foldText(player.nationality),
		_competitions: competitionCodes,
	};
}

/** The competition codes a team plays in, each once. */
export function competitionCodes(team: Pick<Team, "competitions"> | null): string[] {
	return [...new Set((team?.competitions ?? []).map(c => c.code))].sort();
}

/**
 * Applies team and player changes. A team's competitions are kept in the `teams` collection and
 * copied onto its players; whichever of a team and its players arrives first, both end up right.
 */
export async function applyPlayerChanges(
	service: Service & DbMethods,
	changes: Change[],
): Promise<void> {
	const players = service.collection(PLAYERS);
	const teams = service.collection(TEAMS);
	for (const change of changes) {
		if (change.kind !== "team") continue;
		const codes = change.deleted ? [] : competitionCodes(change.doc ?? null);
		const written = await teams.putIfNewer({
			_id: change.id,
			_seq: change.seq,
			_deleted: change.deleted,
			...checkedView({ codes }),
		});
		if (written) await players.updateMany({ "team.id": change.id }, { _competitions: codes });
	}
	const playerChanges = changes.filter(change => change.kind === "player");
	const teamIds = [
		...new Set(playerChanges.flatMap(change => (change.doc ? [change.doc.team.id] : []))),
	];
	const codesByTeam = new Map<string, string[]>();
	for (const teamId of teamIds) {
		const team = await teams.findById(teamId);
		codesByTeam.set(teamId, team && team._deleted !== true ? (team.codes as string[]) : []);
	}
	await applyAsViews<Player>(players, playerChanges, player =>
		playerView(player, codesByTeam.get(player.team.id) ?? []),
	);
}
