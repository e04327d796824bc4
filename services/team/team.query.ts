// One team with its seasons and squad.
import { notFound } from "../../contracts";
import type { CompetitionSeason, Player, Team } from "../../domain/model";
import { BOOKKEEPING } from "../../mixins/listing";
import type { DocumentCollection, StoredDoc } from "../../storage/collections";

export type SquadMember = Pick<Player, "id" | "name" | "position" | "shirtNumber" | "dateOfBirth">;

export type TeamDetail = Omit<Team, "competitions"> & {
	seasons: Array<{ season: number; competitions: string[] }>;
	squad: SquadMember[];
};

function shown<T>(stored: StoredDoc, hidden: string[] = []): T {
	const doc: Record<string, unknown> = { ...stored };
	for (const field of [...BOOKKEEPING, ...hidden]) delete doc[field];
	return doc as T;
}

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
	const stored = await teams.findById(teamId);
	if (!stored || stored._deleted === true) throw notFound("team", teamId, "/api/v1/teams");
	const { competitions, ...team } = shown<Team>(stored);
	const squad = (await players.find({ _team: teamId, _deleted: false })).map(player =>
		shown<SquadMember>(player, ["_team"]),
	);
	return { ...team, seasons: seasonsOf(competitions), squad: squad.sort(bySquadOrder) };
}
