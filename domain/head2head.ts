// Head-to-head: the meetings of two teams and what they add up to, as football-data.org's
// head2head aggregates them. A meeting counts once it was played (FINISHED or AWARDED, with a
// score); its winner is the match's (a shoot-out's winner wins), and its goals are those scored
// in play: after extra time where there was extra time, never the shoot-out.
import type { Match, ScoreLine, TeamRef } from "./model";

export interface TeamRecord {
	id: string;
	name: string;
	wins: number;
	draws: number;
	losses: number;
	goals: number;
}

export interface Head2HeadAggregates {
	numberOfMatches: number;
	totalGoals: number;
	/** The first team asked for (a match's home team). */
	homeTeam: TeamRecord;
	awayTeam: TeamRecord;
}

/** Whether this match is a meeting of these two teams, either way round. */
export function isMeetingOf(match: Match, a: string, b: string): boolean {
	const teams = [match.homeTeam.id, match.awayTeam.id];
	return a !== b && teams.includes(a) && teams.includes(b);
}

/** Whether a match was played and has a score to count. */
export function wasPlayed(match: Match): boolean {
	return (
		(match.status === "FINISHED" || match.status === "AWARDED") &&
		match.score.fullTime.home !== null &&
		match.score.fullTime.away !== null
	);
}

/** Goals scored in play: after extra time where it was played, the shoot-out left out. */
export function goalsInPlay(match: Match): ScoreLine {
	return match.score.duration === "REGULAR" ? match.score.fullTime : match.score.extraTime;
}

/** The played meetings among `matches`, newest first. */
export function meetingsOf(matches: readonly Match[], a: string, b: string): Match[] {
	return matches
		.filter(match => isMeetingOf(match, a, b) && wasPlayed(match))
		.sort((x, y) => y.utcDate.localeCompare(x.utcDate) || x.id.localeCompare(y.id));
}

function emptyRecord(team: Pick<TeamRef, "id" | "name">): TeamRecord {
	return { id: team.id, name: team.name, wins: 0, draws: 0, losses: 0, goals: 0 };
}

/** The aggregates of these meetings (of `home` and `away`, whichever side each played on). */
export function aggregate(
	meetings: readonly Match[],
	home: Pick<TeamRef, "id" | "name">,
	away: Pick<TeamRef, "id" | "name">,
): Head2HeadAggregates {
	const records = new Map([
		[home.id, emptyRecord(home)],
		[away.id, emptyRecord(away)],
	]);
	let totalGoals = 0;
	for (const match of meetings) {
		const goals = goalsInPlay(match);
		const sides = [
			{
				team: match.homeTeam,
				scored: goals.home ?? 0,
				won: match.score.winner === "HOME_TEAM",
			},
			{
				team: match.awayTeam,
				scored: goals.away ?? 0,
				won: match.score.winner === "AWAY_TEAM",
			},
		];
		for (const side of sides) {
			const record = records.get(side.team.id);
			if (!record) continue;
			record.goals += side.scored;
			totalGoals += side.scored;
			if (match.score.winner === "DRAW" || match.score.winner === null) record.draws++;
			else if (side.won) record.wins++;
			else record.losses++;
		}
	}
	return {
		numberOfMatches: meetings.length,
		totalGoals,
		homeTeam: records.get(home.id)!,
		awayTeam: records.get(away.id)!,
	};
}
