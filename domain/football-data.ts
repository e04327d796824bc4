// football-data.org v4, read into master data: for each competition season, the competition,
// its teams with their squads, and its matches. Ids come from football-data's own numbers, so
// that a renamed club or a transferred player keeps them: a team is `fd-team-57`, a squad
// member `fd-team-57-person-7778` (a membership, as openfootball's player ids are), a match
// `fd-match-497410`; a competition is its code, as openfootball's are. Areas keep the codes
// football-data gives (ISO 3166 alpha-3: "DEU" where openfootball's catalogue says "GER").
import { makeTla, shortNameOf } from "./openfootball";
import type {
	Area,
	Competition,
	CompetitionType,
	Goal,
	MasterData,
	Match,
	MatchStatus,
	Player,
	Position,
	Score,
	ScoreLine,
	Team,
	TeamRef,
} from "./model";
import { MATCH_STATUSES } from "./model";

/** The parts of v4's answers read here (docs.football-data.org, v4 "Lookup tables" and resources). */
export interface FdArea {
	id?: number;
	name: string;
	code: string | null;
}

export interface FdSeason {
	id: number;
	startDate: string;
	endDate: string;
	currentMatchday?: number | null;
}

export interface FdCompetition {
	id: number;
	name: string;
	code: string;
	type: string;
	area?: FdArea;
	currentSeason?: FdSeason;
}

export interface FdTeamRef {
	id: number | null;
	name: string | null;
	shortName?: string | null;
	tla?: string | null;
}

export interface FdPerson {
	id: number;
	name: string;
	position: string | null;
	dateOfBirth: string | null;
	nationality: string | null;
	shirtNumber?: number | null;
}

export interface FdTeam extends FdTeamRef {
	id: number;
	name: string;
	area?: FdArea;
	squad?: FdPerson[];
}

export interface FdScore {
	winner: "HOME_TEAM" | "AWAY_TEAM" | "DRAW" | null;
	duration: string;
	fullTime: ScoreLine;
	halfTime: ScoreLine;
	regularTime?: ScoreLine;
	extraTime?: ScoreLine;
	penalties?: ScoreLine;
}

export interface FdGoal {
	minute: number | null;
	injuryTime?: number | null;
	type?: string;
	team: { id: number | null };
	scorer: { name: string | null } | null;
}

export interface FdMatch {
	id: number;
	utcDate: string;
	status: string;
	minute?: number | string | null;
	injuryTime?: number | null;
	matchday: number | null;
	stage: string;
	group: string | null;
	homeTeam: FdTeamRef;
	awayTeam: FdTeamRef;
	score: FdScore;
	goals?: FdGoal[];
}

/** `GET /v4/competitions/{code}/teams?season=…` */
export interface FdTeamsAnswer {
	season: FdSeason;
	teams: FdTeam[];
}

/** `GET /v4/competitions/{code}/matches?season=…` */
export interface FdMatchesAnswer {
	matches: FdMatch[];
}

/** One competition season as the source read it: three answers. */
export interface FdCompetitionSeason {
	competition: FdCompetition;
	teams: FdTeamsAnswer;
	matches: FdMatchesAnswer;
}

/** Competitions of national teams; every other competition's teams are clubs. */
const NATIONAL_TEAM_COMPETITIONS = new Set(["WC", "EC", "CA", "CAN", "ACN", "AFC", "UNL"]);

export const teamIdOf = (id: number): string => `fd-team-${id}`;
export const matchIdOf = (id: number): string => `fd-match-${id}`;

/** The year a season starts in: how football-data filters seasons, and what `Match.season` holds. */
export function seasonYearOf(season: Pick<FdSeason, "startDate">): number {
	return Number(season.startDate.slice(0, 4));
}

/**
 * v4's positions, coarse ("Defence") and fine ("Left-Back"), as the four the model knows; null
 * for a position it does not name (such a squad member is left out rather than guessed).
 */
export function positionOf(position: string | null): Position | null {
	if (!position) return null;
	if (/goal/i.test(position)) return "Goalkeeper";
	if (/midfield/i.test(position)) return "Midfielder";
	if (/back|defen[cs]e|sweeper/i.test(position)) return "Defender";
	if (/wing|forward|offence|striker|attack/i.test(position)) return "Forward";
	return null;
}

function areaOf(area: FdArea | undefined): Area {
	return { name: area?.name ?? "World", code: area?.code ?? "INT" };
}

function competitionTypeOf(type: string): CompetitionType {
	return type === "LEAGUE" ? "LEAGUE" : "CUP";
}

function lineOf(line: ScoreLine | undefined): ScoreLine {
	return { home: line?.home ?? null, away: line?.away ?? null };
}

function sum(a: ScoreLine, b: ScoreLine): ScoreLine {
	if (a.home === null || a.away === null || b.home === null || b.away === null)
		return { home: null, away: null };
	return { home: a.home + b.home, away: a.away + b.away };
}

/**
 * v4's score in the model's terms, the inverse of toV4Match: v4 splits a long match into regular
 * time, extra time only and the shoot-out, and adds the shoot-out to `fullTime`; the model keeps
 * the score after 90 minutes, the cumulative score after 120 and the shoot-out.
 */
export function scoreOf(v4: FdScore): Score {
	const duration =
		v4.duration === "PENALTY_SHOOTOUT" || v4.duration === "EXTRA_TIME"
			? v4.duration
			: "REGULAR";
	const none = { home: null, away: null };
	if (duration === "REGULAR")
		return {
			winner: v4.winner,
			duration,
			fullTime: lineOf(v4.fullTime),
			halfTime: lineOf(v4.halfTime),
			extraTime: none,
			penalties: none,
		};
	const regularTime = lineOf(v4.regularTime ?? v4.fullTime);
	const extraTime = v4.extraTime ? sum(regularTime, lineOf(v4.extraTime)) : regularTime;
	return {
		winner: v4.winner,
		duration,
		fullTime: regularTime,
		halfTime: lineOf(v4.halfTime),
		extraTime,
		penalties: duration === "PENALTY_SHOOTOUT" ? lineOf(v4.penalties) : none,
	};
}

function statusOf(status: string): MatchStatus {
	// LIVE is the v4 filter for IN_PLAY and PAUSED; a status of a later version counts as scheduled.
	if (status === "LIVE") return "IN_PLAY";
	return (MATCH_STATUSES as readonly string[]).includes(status)
		? (status as MatchStatus)
		: "SCHEDULED";
}

/** Builds master data from competition seasons read from football-data.org; the same answers give the same data. */
export function normaliseFootballData(seasons: FdCompetitionSeason[]): MasterData {
	const competitions = new Map<string, Competition>();
	const teams = new Map<string, Team>();
	const players = new Map<string, Player>();
	const matches = new Map<string, Match>();
	for (const read of seasons) {
		const { competition } = read;
		const year = seasonYearOf(read.teams.season);
		addSeason(competitions, competition, read.teams.season);
		const national = NATIONAL_TEAM_COMPETITIONS.has(competition.code);
		for (const raw of read.teams.teams) {
			const team = addTeam(teams, raw, national);
			if (!team.competitions.some(c => c.code === competition.code && c.season === year))
				team.competitions.push({ code: competition.code, season: year });
			for (const player of squadOf(raw, team, national)) players.set(player.id, player);
		}
		for (const raw of read.matches.matches) {
			const match = matchOf(raw, competition, year, teams);
			if (match) matches.set(match.id, match);
		}
	}
	for (const team of teams.values())
		team.competitions.sort((a, b) => a.code.localeCompare(b.code) || b.season - a.season);
	return {
		competitions: sorted(competitions),
		teams: sorted(teams),
		players: sorted(players),
		matches: sorted(matches),
	};
}

function sorted<T extends { id: string }>(byId: Map<string, T>): T[] {
	return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function addSeason(into: Map<string, Competition>, raw: FdCompetition, season: FdSeason): void {
	const competition = into.get(raw.code) ?? {
		id: raw.code,
		code: raw.code,
		name: raw.name,
		type: competitionTypeOf(raw.type),
		area: areaOf(raw.area),
		seasons: [],
	};
	const id = `${raw.code}-${seasonYearOf(season)}`;
	if (!competition.seasons.some(s => s.id === id))
		competition.seasons.push({ id, startDate: season.startDate, endDate: season.endDate });
	competition.seasons.sort((a, b) => b.startDate.localeCompare(a.startDate));
	into.set(raw.code, competition);
}

function addTeam(into: Map<string, Team>, raw: FdTeam, national: boolean): Team {
	const id = teamIdOf(raw.id);
	const known = into.get(id);
	if (known) return known;
	const shortName = raw.shortName?.trim() || shortNameOf(raw.name);
	const team: Team = {
		id,
		name: raw.name,
		shortName,
		tla: raw.tla?.trim() || makeTla(shortName),
		type: national ? "NATIONAL" : "CLUB",
		area: areaOf(raw.area),
		competitions: [],
	};
	into.set(id, team);
	return team;
}

function refOf(team: Team): TeamRef {
	return { id: team.id, name: team.name, tla: team.tla };
}

function squadOf(raw: FdTeam, team: Team, national: boolean): Player[] {
	const players: Player[] = [];
	for (const person of raw.squad ?? []) {
		const position = positionOf(person.position);
		if (!position) continue;
		players.push({
			id: `${team.id}-person-${person.id}`,
			name: person.name,
			position,
			shirtNumber: person.shirtNumber ?? null,
			dateOfBirth: person.dateOfBirth ? person.dateOfBirth.slice(0, 10) : null,
			nationality: person.nationality ?? (national ? team.name : team.area.name),
			team: refOf(team),
			// A national squad does not say its players' clubs.
			club: national ? null : { name: team.name, country: team.area.code },
		});
	}
	return players;
}

/** A match, or null while one of its teams is not known yet (a knock-out tie to be drawn). */
function matchOf(
	raw: FdMatch,
	competition: FdCompetition,
	season: number,
	teams: Map<string, Team>,
): Match | null {
	const home = raw.homeTeam.id === null ? undefined : teams.get(teamIdOf(raw.homeTeam.id));
	const away = raw.awayTeam.id === null ? undefined : teams.get(teamIdOf(raw.awayTeam.id));
	if (!home || !away) return null;
	const status = statusOf(raw.status);
	const inPlay = status === "IN_PLAY" || status === "PAUSED";
	const minute = Number(raw.minute);
	return {
		id: matchIdOf(raw.id),
		competition: { code: competition.code, name: competition.name },
		season,
		utcDate: new Date(raw.utcDate).toISOString().replace(".000Z", "Z"),
		status,
		matchday: raw.matchday ?? null,
		stage: raw.stage,
		group: raw.group ?? null,
		homeTeam: refOf(home),
		awayTeam: refOf(away),
		score: scoreOf(raw.score),
		goals: (raw.goals ?? []).flatMap(goal => goalOf(goal, home, away)),
		...(inPlay && Number.isInteger(minute)
			? { minute, injuryTime: raw.injuryTime ?? null }
			: {}),
	};
}

function goalOf(raw: FdGoal, home: Team, away: Team): Goal[] {
	const team =
		raw.team.id === null
			? undefined
			: [home, away].find(t => t.id === teamIdOf(raw.team.id as number));
	if (!team || raw.minute === null) return [];
	return [
		{
			minute: raw.minute,
			injuryTime: raw.injuryTime ?? null,
			scorer: { name: raw.scorer?.name ?? "Unknown" },
			team: refOf(team),
			penalty: raw.type === "PENALTY",
			ownGoal: raw.type === "OWN",
		},
	];
}
