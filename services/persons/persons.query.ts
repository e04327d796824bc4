// One player with his goals: the goals of his team's matches that the scorer rules
// (domain/scorers.ts) give to him.
import { notFound } from "../../contracts";
import type { Goal, Match, Player } from "../../domain/model";
import { linkName } from "../../domain/scorers";
import { liveViewById } from "../../mixins/listing";
import type { DocumentCollection } from "../../storage/collections";

type GoalMatch = Pick<
	Match,
	"competition" | "season" | "utcDate" | "homeTeam" | "awayTeam" | "goals"
> & {
	_id: string;
};

export interface PersonGoal {
	match: Omit<GoalMatch, "goals" | "_id"> & { id: string };
	minute: number;
	injuryTime: number | null;
	penalty: boolean;
}

export type Person = Player & { goals: { total: number; penalties: number; list: PersonGoal[] } };

/** His goals among his team's matches: scored for his team, not own goals, named as him. */
export function goalsOf(
	player: Player,
	squadNames: string[],
	matches: readonly GoalMatch[],
): PersonGoal[] {
	const isHis = (goal: Goal) =>
		goal.team.id === player.team.id &&
		!goal.ownGoal &&
		linkName(goal.scorer.name, squadNames) === player.name;
	return [...matches]
		.sort((a, b) => b.utcDate.localeCompare(a.utcDate))
		.flatMap(({ _id, goals, ...match }) =>
			goals.filter(isHis).map(goal => ({
				match: { id: _id, ...match },
				minute: goal.minute,
				injuryTime: goal.injuryTime,
				penalty: goal.penalty,
			})),
		);
}

export async function personById(
	players: DocumentCollection,
	matches: DocumentCollection,
	personId: string,
): Promise<Person> {
	const player = await liveViewById<Player>(players, personId);
	if (!player) throw notFound("person", personId, "/api/v1/players");
	const [squad, ofTeam] = await Promise.all([
		players.find({ "team.id": player.team.id, _deleted: false }),
		matches.find({ _teams: player.team.id, _deleted: false }),
	]);
	const list = goalsOf(
		player,
		squad.map(member => String(member.name)),
		ofTeam as unknown as GoalMatch[],
	);
	return {
		...player,
		goals: { total: list.length, penalties: list.filter(goal => goal.penalty).length, list },
	};
}
