// League tables: from the matches of a competition season (or of one group of a cup) to its
// standings, in football-data.org v4's shape. Pure functions; no Moleculer, no store.
//
// The rules, in one place:
// - A table is one stage played as a round robin: a league's regular season, the Champions
//   League's league phase, or one group of a cup's group stage. Knockout rounds and play-offs
//   have no table.
// - A match counts once it has an official result: FINISHED, or AWARDED (the awarded score is
//   the result the league records, e.g. Union Berlin 0–2 Bochum in 2024/25).
// - The score that counts is the score after 90 minutes (`score.fullTime` in the model): the
//   stages that have tables are never extended, so there is no extra time or shoot-out to add.
// - 3 points for a win, 1 for a draw, none for a defeat.
// - Order: points, then goal difference, then goals scored, then team name (then team id,
//   so that the order is total and every team has its own position).
// - Form: the last five counted results, most recent first, as football-data.org writes it:
//   "W,D,L,W,W"; null before a team has played.
// - Every team with a match in the table is listed, with zeros before its first result.
import type { Match, MatchStatus, Score, TeamRef } from "./model";

/** The stages played as a round robin, each of which (per group) has a table. */
export const TABLE_STAGES: readonly string[] = ["REGULAR_SEASON", "LEAGUE_STAGE", "GROUP_STAGE"];

/** The statuses of a match whose score is its result. */
const RESULT_STATUSES: readonly MatchStatus[] = ["FINISHED", "AWARDED"];

export const POINTS_FOR_WIN = 3;
export const POINTS_FOR_DRAW = 1;

/** How many results `form` shows. */
export const FORM_LENGTH = 5;

/** What a table needs of a match. */
export type TableMatch = Pick<
	Match,
	| "id"
	| "competition"
	| "season"
	| "stage"
	| "group"
	| "status"
	| "utcDate"
	| "homeTeam"
	| "awayTeam"
> & {
	/** Absent on views stored before tables could be asked as of a matchday. */
	matchday?: number | null;
	score: Pick<Score, "fullTime">;
};

/** One team's line in a table, named as football-data.org v4 names it. */
export interface TableRow {
	position: number;
	team: TeamRef;
	playedGames: number;
	/** The last five results, most recent first: "W,D,L,W,W"; null before the first. */
	form: string | null;
	won: number;
	draw: number;
	lost: number;
	points: number;
	goalsFor: number;
	goalsAgainst: number;
	goalDifference: number;
}

/** The table of one competition season's stage, and of one group when the stage has groups. */
export interface Standing {
	competition: { code: string; name: string };
	season: number;
	stage: string;
	/** e.g. GROUP_A; null for a league. */
	group: string | null;
	table: TableRow[];
}

type Outcome = "W" | "D" | "L";

/** A team's running totals while its matches are counted. */
interface Tally {
	team: TeamRef;
	won: number;
	draw: number;
	lost: number;
	goalsFor: number;
	goalsAgainst: number;
	/** Oldest first. */
	outcomes: Outcome[];
}

/**
 * The table a match belongs to, as a key (`PL:2024:REGULAR_SEASON`, `WC:2022:GROUP_STAGE:GROUP_A`);
 * null for a match in a stage without a table.
 */
export function tableKeyOf(
	match: Pick<TableMatch, "competition" | "season" | "stage" | "group">,
): string | null {
	if (!TABLE_STAGES.includes(match.stage)) return null;
	return [match.competition.code, match.season, match.stage, match.group]
		.filter(part => part !== null)
		.join(":");
}

/** Whether a match has a result that counts: played or awarded, with a score. */
export function hasResult(match: Pick<TableMatch, "status" | "score">): boolean {
	const { home, away } = match.score.fullTime;
	return RESULT_STATUSES.includes(match.status) && home !== null && away !== null;
}

function outcomeOf(scored: number, conceded: number): Outcome {
	if (scored > conceded) return "W";
	return scored === conceded ? "D" : "L";
}

/** Kick-off order; the id settles matches that kick off together (never the same team's). */
function byKickOff(a: TableMatch, b: TableMatch): number {
	return a.utcDate.localeCompare(b.utcDate) || a.id.localeCompare(b.id);
}

function emptyTally(team: TeamRef): Tally {
	return { team, won: 0, draw: 0, lost: 0, goalsFor: 0, goalsAgainst: 0, outcomes: [] };
}

function addResult(tally: Tally, scored: number, conceded: number): void {
	const outcome = outcomeOf(scored, conceded);
	if (outcome === "W") tally.won++;
	else if (outcome === "D") tally.draw++;
	else tally.lost++;
	tally.goalsFor += scored;
	tally.goalsAgainst += conceded;
	tally.outcomes.push(outcome);
}

/** football-data.org's table types: every match, or only each team's home or away matches. */
export const TABLE_TYPES = ["TOTAL", "HOME", "AWAY"] as const;
export type TableType = (typeof TABLE_TYPES)[number];

/** Which table of a set of matches: its type, and as it stood after which matchday. */
export interface TableView {
	type?: TableType;
	/** Counts only matches of this matchday or before (a match played late still counts for its own). */
	upToMatchday?: number;
}

/** Whether a match counts in this view of the table (it always lists its teams). */
function countsUpTo(match: TableMatch, view: TableView): boolean {
	if (view.upToMatchday === undefined) return true;
	return typeof match.matchday === "number" && match.matchday <= view.upToMatchday;
}

/** Counts matches into one tally per team; matches are read in kick-off order, so outcomes are too. */
function tallies(matches: TableMatch[], view: TableView = {}): Tally[] {
	const type = view.type ?? "TOTAL";
	const byTeam = new Map<string, Tally>();
	const tallyOf = (team: TeamRef): Tally => {
		const tally = byTeam.get(team.id) ?? emptyTally(team);
		// A team renamed during the season is shown as its latest match names it.
		tally.team = team;
		byTeam.set(team.id, tally);
		return tally;
	};
	for (const match of [...matches].sort(byKickOff)) {
		const home = tallyOf(match.homeTeam);
		const away = tallyOf(match.awayTeam);
		if (!hasResult(match) || !countsUpTo(match, view)) continue;
		const { home: homeGoals, away: awayGoals } = match.score.fullTime as {
			home: number;
			away: number;
		};
		if (type !== "AWAY") addResult(home, homeGoals, awayGoals);
		if (type !== "HOME") addResult(away, awayGoals, homeGoals);
	}
	return [...byTeam.values()];
}

function rowOf(tally: Tally): Omit<TableRow, "position"> {
	const recent = tally.outcomes.slice(-FORM_LENGTH).reverse();
	return {
		team: { ...tally.team },
		playedGames: tally.outcomes.length,
		form: recent.length > 0 ? recent.join(",") : null,
		won: tally.won,
		draw: tally.draw,
		lost: tally.lost,
		points: tally.won * POINTS_FOR_WIN + tally.draw * POINTS_FOR_DRAW,
		goalsFor: tally.goalsFor,
		goalsAgainst: tally.goalsAgainst,
		goalDifference: tally.goalsFor - tally.goalsAgainst,
	};
}

/** Table order: points, goal difference, goals scored, team name; the id makes the order total. */
function compareRows(a: Omit<TableRow, "position">, b: Omit<TableRow, "position">): number {
	return (
		b.points - a.points ||
		b.goalDifference - a.goalDifference ||
		b.goalsFor - a.goalsFor ||
		a.team.name.localeCompare(b.team.name, "en") ||
		a.team.id.localeCompare(b.team.id, "en")
	);
}

/** The table of the given matches, all of one table (see `tableKeyOf`), in order, positions from 1. */
export function computeTable(matches: TableMatch[], view: TableView = {}): TableRow[] {
	return tallies(matches, view)
		.map(rowOf)
		.sort(compareRows)
		.map((row, i) => ({ position: i + 1, ...row }));
}

/** The standing of one table's matches; null when there are none (the table is gone). */
export function standingOf(matches: TableMatch[]): Standing | null {
	if (matches.length === 0) return null;
	const { competition, season, stage, group } = matches[0];
	return {
		competition: { code: competition.code, name: competition.name },
		season,
		stage,
		group,
		table: computeTable(matches),
	};
}

/** Every table the matches make, by key; matches outside any table are left out. */
export function computeStandings(matches: TableMatch[]): Map<string, Standing> {
	const byTable = new Map<string, TableMatch[]>();
	for (const match of matches) {
		const key = tableKeyOf(match);
		if (key === null) continue;
		const members = byTable.get(key) ?? [];
		members.push(match);
		byTable.set(key, members);
	}
	const standings = new Map<string, Standing>();
	for (const [key, members] of byTable) standings.set(key, standingOf(members)!);
	return standings;
}
