// Top scorers of a competition, from the goals the match files record.
//
// The files name a scorer as the edition's editor wrote him: "Kylian Mbappé" in four matches,
// "Mbappé" in a fifth. The rules, in order (docs/api.md#scorers says the same):
// 1. Goals are counted per team and per name; own goals count for nobody.
// 2. Within a team, a name whose words end another, longer name of that team's scorers — and
//    end only that one — is that player ("Mbappé" → "Kylian Mbappé"). Two candidates
//    ("Silva": "Bernardo Silva", "André Silva") link to neither.
// 3. Where the team has a squad in the data, a scorer is linked to the squad player of the
//    same name, or else to the only squad player whose name his ends ("Kane" → "Harry Kane").
//    A scorer linked to no one keeps `id: null`.
// Rows rank by goals, then fewer penalties, then fewer matches, then name.
import type { Match, Player, TeamRef } from "./model";
import { foldText } from "./text";

export interface ScorerRow {
	player: {
		/** The squad player's id where one is linked; null otherwise. */
		id: string | null;
		name: string;
		/** Other names the files give him, merged into this one. */
		otherNames: string[];
	};
	team: TeamRef;
	goals: number;
	penalties: number;
	/**
	 * The finished matches of his team in the seasons in which he scored for it: the files
	 * record no line-ups, so this is the most he can have played.
	 */
	playedMatches: number;
}

export interface ScorerTable {
	rows: ScorerRow[];
	/** The seasons counted: those whose files record who scored. */
	seasons: number[];
	/** Seasons with goals but no scorers in their files: left out of the tally. */
	seasonsWithoutScorers: number[];
}

/** What the tally needs of a squad player. */
export type SquadPlayer = Pick<Player, "id" | "name"> & { team: Pick<TeamRef, "id"> };

const words = (name: string): string[] => foldText(name).split(/\s+/).filter(Boolean);

/** Whether `short`'s words are the last words of `long` (and fewer of them). */
function ends(long: string[], short: string[]): boolean {
	if (short.length >= long.length) return false;
	const tail = long.slice(long.length - short.length);
	return tail.every((word, i) => word === short[i]);
}

/** The one name among `candidates` that `name` stands for (itself, or the only longer name it ends), else null. */
export function linkName(name: string, candidates: readonly string[]): string | null {
	const folded = foldText(name);
	const same = candidates.find(candidate => foldText(candidate) === folded);
	if (same !== undefined) return same;
	const mine = words(name);
	const longer = candidates.filter(candidate => ends(words(candidate), mine));
	return longer.length === 1 ? longer[0] : null;
}

/** Whether a season's files say who scored: some match of it lists a goal. */
function recordsScorers(matches: readonly Match[]): boolean {
	return matches.some(match => match.goals.length > 0);
}

function hasGoals(matches: readonly Match[]): boolean {
	return matches.some(
		match => (match.score.fullTime.home ?? 0) + (match.score.fullTime.away ?? 0) > 0,
	);
}

/** The scorers of these matches (one competition, one or more seasons), ranked. */
export function topScorers(matches: readonly Match[], squads: readonly SquadPlayer[]): ScorerTable {
	const bySeason = groupBy(matches, match => match.season);
	const seasons = [...bySeason.keys()].sort((a, b) => a - b);
	const counted = seasons.filter(season => recordsScorers(bySeason.get(season)!));
	const seasonsWithoutScorers = seasons.filter(
		season => !counted.includes(season) && hasGoals(bySeason.get(season)!),
	);
	const countedMatches = counted.flatMap(season => bySeason.get(season)!);
	const played = finishedMatchesBy(countedMatches);
	const tallies = linkToSquads(
		tallyGoals(countedMatches),
		groupBy(squads, p => p.team.id),
	);
	const rows = tallies.map(tally => ({
		player: {
			id: tally.playerId,
			name: tally.name,
			otherNames: [...tally.names].filter(name => name !== tally.name).sort(),
		},
		team: tally.team,
		goals: tally.goals,
		penalties: tally.penalties,
		playedMatches: [...tally.seasons].reduce(
			(sum, season) => sum + (played.get(`${tally.team.id}|${season}`) ?? 0),
			0,
		),
	}));
	return { rows: rows.sort(byRank), seasons: counted, seasonsWithoutScorers };
}

interface Tally {
	team: TeamRef;
	name: string;
	playerId: string | null;
	/** Every name the files give him. */
	names: Set<string>;
	goals: number;
	penalties: number;
	seasons: Set<number>;
}

interface CountedGoal {
	name: string;
	penalty: boolean;
	season: number;
}

/** Goals per team and scorer, short names merged into the longer name they stand for (rules 1 and 2). */
function tallyGoals(matches: readonly Match[]): Tally[] {
	const byTeam = new Map<string, { team: TeamRef; goals: CountedGoal[] }>();
	for (const match of matches) {
		for (const goal of match.goals) {
			if (goal.ownGoal) continue;
			const entry = byTeam.get(goal.team.id) ?? { team: goal.team, goals: [] };
			entry.goals.push({
				name: goal.scorer.name,
				penalty: goal.penalty,
				season: match.season,
			});
			byTeam.set(goal.team.id, entry);
		}
	}
	return [...byTeam.values()].flatMap(({ team, goals }) => {
		const spelling = commonSpellings(goals.map(goal => goal.name));
		const names = [...new Set(spelling.values())];
		const scorerOf = (raw: string): string => {
			const own = spelling.get(foldText(raw))!;
			return (
				linkName(
					own,
					names.filter(name => name !== own),
				) ?? own
			);
		};
		const byName = new Map<string, Tally>();
		for (const goal of goals) {
			const name = scorerOf(goal.name);
			const tally = byName.get(name) ?? newTally(team, name);
			tally.names.add(goal.name);
			tally.goals++;
			if (goal.penalty) tally.penalties++;
			tally.seasons.add(goal.season);
			byName.set(name, tally);
		}
		return [...byName.values()];
	});
}

function newTally(team: TeamRef, name: string): Tally {
	const seasons = new Set<number>();
	return { team, name, playerId: null, names: new Set(), goals: 0, penalties: 0, seasons };
}

/** For each folded name, its most frequent spelling ("Mbappe" and "Mbappé" are one name). */
function commonSpellings(rawNames: readonly string[]): Map<string, string> {
	const counts = new Map<string, Map<string, number>>();
	for (const raw of rawNames) {
		const forms = counts.get(foldText(raw)) ?? new Map<string, number>();
		forms.set(raw, (forms.get(raw) ?? 0) + 1);
		counts.set(foldText(raw), forms);
	}
	return new Map(
		[...counts].map(([folded, forms]) => [
			folded,
			[...forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0],
		]),
	);
}

/** Links tallies to squad players (rule 3); two tallies linked to one player become one. */
function linkToSquads(tallies: Tally[], squadsByTeam: Map<string, SquadPlayer[]>): Tally[] {
	const byPlayer = new Map<string, Tally>();
	const unlinked: Tally[] = [];
	for (const tally of tallies) {
		const squad = squadsByTeam.get(tally.team.id) ?? [];
		const linked = linkName(
			tally.name,
			squad.map(player => player.name),
		);
		const player = linked === null ? undefined : squad.find(p => p.name === linked);
		if (!player) {
			unlinked.push(tally);
			continue;
		}
		const key = `${tally.team.id}|${player.id}`;
		const same = byPlayer.get(key);
		if (!same) {
			byPlayer.set(key, { ...tally, name: player.name, playerId: player.id });
			continue;
		}
		same.goals += tally.goals;
		same.penalties += tally.penalties;
		for (const name of tally.names) same.names.add(name);
		for (const season of tally.seasons) same.seasons.add(season);
	}
	return [...byPlayer.values(), ...unlinked];
}

/** Finished matches per team and season, keyed `team|season`. */
function finishedMatchesBy(matches: readonly Match[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const match of matches) {
		if (match.status !== "FINISHED") continue;
		for (const team of [match.homeTeam, match.awayTeam]) {
			const key = `${team.id}|${match.season}`;
			counts.set(key, (counts.get(key) ?? 0) + 1);
		}
	}
	return counts;
}

function byRank(a: ScorerRow, b: ScorerRow): number {
	return (
		b.goals - a.goals ||
		a.penalties - b.penalties ||
		a.playedMatches - b.playedMatches ||
		a.player.name.localeCompare(b.player.name) ||
		a.team.id.localeCompare(b.team.id)
	);
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
	const groups = new Map<K, T[]>();
	for (const item of items) {
		const k = key(item);
		groups.set(k, [...(groups.get(k) ?? []), item]);
	}
	return groups;
}
