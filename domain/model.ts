// The master-data model: the shapes sync owns and every projection is built from.
// Shaped after the football-data.org v4 API so that clients meet familiar names.

export type CompetitionType = "LEAGUE" | "CUP";
export type TeamType = "CLUB" | "NATIONAL";
export type Position = "Goalkeeper" | "Defender" | "Midfielder" | "Forward";
/** football-data.org v4's statuses: IN_PLAY and PAUSED (half time) come from a live source only. */
export const MATCH_STATUSES = [
	"SCHEDULED",
	"TIMED",
	"IN_PLAY",
	"PAUSED",
	"FINISHED",
	"SUSPENDED",
	"POSTPONED",
	"CANCELLED",
	"AWARDED",
] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];
export type Winner = "HOME_TEAM" | "AWAY_TEAM" | "DRAW" | null;
export type Duration = "REGULAR" | "EXTRA_TIME" | "PENALTY_SHOOTOUT";

export interface Area {
	name: string;
	code: string;
}

export interface Season {
	/** `<competition code>-<start year>`, e.g. `PL-2024`. */
	id: string;
	startDate: string;
	endDate: string;
}

export interface Competition {
	id: string;
	code: string;
	name: string;
	type: CompetitionType;
	area: Area;
	seasons: Season[];
}

export interface TeamRef {
	id: string;
	name: string;
	tla: string;
}

export interface CompetitionSeason {
	code: string;
	/** The year the season starts in, as football-data.org filters seasons. */
	season: number;
}

export interface Team {
	id: string;
	name: string;
	shortName: string;
	tla: string;
	type: TeamType;
	area: Area;
	competitions: CompetitionSeason[];
}

export interface Player {
	id: string;
	name: string;
	position: Position;
	shirtNumber: number | null;
	dateOfBirth: string | null;
	nationality: string;
	team: TeamRef;
	club: { name: string; country: string } | null;
}

export interface ScoreLine {
	home: number | null;
	away: number | null;
}

export interface Score {
	winner: Winner;
	duration: Duration;
	/** After 90 minutes. */
	fullTime: ScoreLine;
	halfTime: ScoreLine;
	/** After extra time, cumulative (120 minutes), as openfootball records it. */
	extraTime: ScoreLine;
	penalties: ScoreLine;
}

export interface Goal {
	minute: number;
	/** Minutes added to `minute` (90+4 is minute 90, injuryTime 4). */
	injuryTime: number | null;
	scorer: { name: string };
	team: TeamRef;
	penalty: boolean;
	ownGoal: boolean;
}

export interface Match {
	id: string;
	competition: { code: string; name: string };
	season: number;
	utcDate: string;
	status: MatchStatus;
	matchday: number | null;
	stage: string;
	group: string | null;
	homeTeam: TeamRef;
	awayTeam: TeamRef;
	score: Score;
	goals: Goal[];
	/** While a live source reports the match in play: the minute of its last event (domain/live.ts). */
	minute?: number | null;
	/** Minutes added to `minute`, in added time. */
	injuryTime?: number | null;
	/** The last event a live source reported, for clients that show what just happened. */
	lastEvent?: {
		id: string;
		type: string;
		minute: number | null;
		injuryTime: number | null;
		team: "HOME" | "AWAY" | null;
		scorer: string | null;
	};
}

/** The kinds of master document, as named in the change feed. */
export const ENTITY_KINDS = ["competition", "team", "player", "match"] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface EntityByKind {
	competition: Competition;
	team: Team;
	player: Player;
	match: Match;
}

/** Every master document of a data set, by kind. */
export interface MasterData {
	competitions: Competition[];
	teams: Team[];
	players: Player[];
	matches: Match[];
}
