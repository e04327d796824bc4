// One team with its seasons and squad.
import { notFound } from "../../contracts";
import type { CompetitionSeason, Player, Team } from "../../domain/model";
import { BOOKKEEPING, liveViewById } from "../../mixins/listing";
import type { DocumentCollection } from "../../storage/collections";

export type SquadMember = Pick<Player, "id" | "name" | "position" | "shirtNumber" | "dateOfBirth">;

export type TeamDetail = Omit<Team, "competitions"> & {
	seasons: Array<{ season: number; competitions: string[] }>;
	squad: SquadMember[];
};

/** A team's competitions grouped by season, newest first. */
export function seasonsOf(competitions: readonly CompetitionSeason[]): TeamDetail["seasons"] {
	const bySeason = new Map<number, Set<string>>();
	for (const { code, season } of competitions)
		bySeason.set(season, (bySeason.get(season) ?? new Set()).add(code));
	return [...bySeason]
		.sort(([a], [b]) => b - a)
		.map(([season, codes]) => ({ season, competitions: [...codes].sort() }));
}

/** By shirt number (players without one last), then name. */
function bySquadOrder(a: SquadMember, b: SquadMember): number {
	return (a.shirtNumber ?? 1000) - (b.shirtNumber ?? 1000) || a.name.localeCompare(b.name);
}

export async function teamById(
	teams: DocumentCollection,
	players: DocumentCollection,
	teamId: string,
): Promise<TeamDetail> {
	const found = await liveViewById<Team>(teams, teamId);
	if (!found) throw notFound("team", teamId, "/api/v1/teams");
	const { competitions, ...team } = found;
	const squad = (await players.find(
		{ _team: teamId, _deleted: false },
		{ exclude: [...BOOKKEEPING, "_team"] },
	)) as unknown as SquadMember[];
	return { ...team, seasons: seasonsOf(competitions), squad: squad.sort(bySquadOrder) };
}
