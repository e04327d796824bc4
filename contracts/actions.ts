// Every action's name, its params schema (checked at runtime by Moleculer's validator,
// read by the API documentation) and the TypeScript types of its params and result.
import type { Competition, CompetitionType, EntityKind, Match, MatchStatus, Player, Position, ScoreLine, Team } from "../domain/model";
import { ENTITY_KINDS } from "../domain/model";
import type { Standing } from "../domain/standings";
import type { Change } from "./events";

export const ACTIONS = {
	playersList: "v1.players.list",
	competitionsList: "v1.competitions.list",
	teamsList: "v1.teams.list",
	resultsList: "v1.results.list",
	resultsListV2: "v2.results.list",
	standingsList: "v1.standings.list",
	syncChanges: "v1.sync.changes",
} as const;

/** The largest page a client may ask for, and how deep paging may go (page × pageSize). */
export const MAX_PAGE_SIZE = 100;
export const MAX_PAGE = 1000;

/** Query strings carry text: numbers are converted, unknown parameters are refused (one rule everywhere). */
const paging = {
	page: { type: "number", integer: true, min: 1, max: MAX_PAGE, convert: true, optional: true, default: 1 },
	pageSize: { type: "number", integer: true, min: 1, max: MAX_PAGE_SIZE, convert: true, optional: true, default: 20 },
} as const;

const id = { type: "string", min: 1, max: 120, trim: true, pattern: /^[a-z0-9-]+$/, optional: true } as const;
const code = { type: "string", min: 1, max: 10, trim: true, uppercase: true, pattern: /^[A-Z0-9]+$/, optional: true } as const;
const text = { type: "string", min: 1, max: 100, trim: true, optional: true } as const;
const year = { type: "number", integer: true, min: 1850, max: 2100, convert: true, optional: true } as const;
const isoDate = { type: "string", pattern: /^\d{4}-\d{2}-\d{2}$/, optional: true } as const;
/** A stage or a group as football-data.org writes them: `FINAL`, `GROUP_A`. */
const upperSnake = { type: "string", min: 1, max: 40, trim: true, uppercase: true, pattern: /^[A-Z0-9_]+$/, optional: true } as const;

export interface Paging {
	page?: number;
	pageSize?: number;
}

/** A page of rows with what a client needs to ask for the next one. */
export interface ListResult<T> {
	rows: T[];
	page: number;
	pageSize: number;
	total: number;
	totalPages: number;
}

export const PLAYER_SORTS = ["name", "-name", "dateOfBirth", "-dateOfBirth", "shirtNumber", "-shirtNumber"] as const;
export const POSITIONS: Position[] = ["Goalkeeper", "Defender", "Midfielder", "Forward"];

export const playersListParams = {
	$$strict: true,
	team: id,
	competition: code,
	position: { type: "enum", values: POSITIONS, optional: true },
	nationality: text,
	q: text,
	sort: { type: "enum", values: [...PLAYER_SORTS], optional: true, default: "name" },
	...paging,
} as const;

export interface PlayersListParams extends Paging {
	team?: string;
	competition?: string;
	position?: Position;
	nationality?: string;
	q?: string;
	sort?: (typeof PLAYER_SORTS)[number];
}

export const competitionsListParams = {
	$$strict: true,
	type: { type: "enum", values: ["LEAGUE", "CUP"], optional: true },
	area: code,
	...paging,
} as const;

export interface CompetitionsListParams extends Paging {
	type?: CompetitionType;
	area?: string;
}

export const teamsListParams = {
	$$strict: true,
	competition: code,
	season: year,
	q: text,
	...paging,
} as const;

export interface TeamsListParams extends Paging {
	competition?: string;
	season?: number;
	q?: string;
}

export const MATCH_STATUSES: MatchStatus[] = ["FINISHED", "SCHEDULED", "POSTPONED", "AWARDED"];

/** The filters of every version of results. */
const matchFilters = {
	competition: code,
	season: year,
	team: id,
	dateFrom: isoDate,
	dateTo: isoDate,
	status: { type: "enum", values: MATCH_STATUSES, optional: true },
	matchday: { type: "number", integer: true, min: 1, max: 100, convert: true, optional: true },
	stage: upperSnake,
	group: upperSnake,
} as const;

export const resultsListParams = {
	$$strict: true,
	...matchFilters,
	...paging,
} as const;

export interface ResultsListParams extends Paging {
	competition?: string;
	season?: number;
	team?: string;
	dateFrom?: string;
	dateTo?: string;
	status?: MatchStatus;
	matchday?: number;
	/** e.g. FINAL, GROUP_STAGE, REGULAR_SEASON. */
	stage?: string;
	/** e.g. GROUP_A. */
	group?: string;
}

/** A match as football-data.org v4 shows it. */
export interface V4Match {
	id: string;
	competition: { code: string; name: string };
	season: { year: number };
	utcDate: string;
	status: Match["status"];
	matchday: number | null;
	stage: string;
	group: string | null;
	homeTeam: Match["homeTeam"];
	awayTeam: Match["awayTeam"];
	score: {
		winner: Match["score"]["winner"];
		duration: Match["score"]["duration"];
		/** The final result: regular time, plus extra time and the shoot-out where played. */
		fullTime: ScoreLine;
		halfTime: ScoreLine;
		/** Present when the match went beyond 90 minutes: the score after 90. */
		regularTime?: ScoreLine;
		/** Goals scored in extra time only. */
		extraTime?: ScoreLine;
		penalties?: ScoreLine;
	};
	goals: Match["goals"];
}

/** v2: football-data.org v4's contract, several competitions at once, and cursor paging. */
export const resultsListV2Params = {
	$$strict: true,
	...matchFilters,
	/** Comma-separated codes, e.g. `PL,CL`. */
	competitions: { type: "string", max: 100, trim: true, uppercase: true, pattern: /^[A-Z0-9]+(,[A-Z0-9]+)*$/, optional: true },
	limit: { type: "number", integer: true, min: 1, max: MAX_PAGE_SIZE, convert: true, optional: true, default: 20 },
	/** The `next` of the previous page. */
	cursor: { type: "string", min: 1, max: 200, pattern: /^[A-Za-z0-9_-]+$/, optional: true },
} as const;

export interface ResultsListV2Params extends Omit<ResultsListParams, "page" | "pageSize"> {
	competitions?: string;
	limit?: number;
	cursor?: string;
}

export interface ResultsListV2Result {
	filters: Record<string, string | number>;
	/** Over every match the filters select, not only this page. */
	resultSet: { count: number; first: string | null; last: string | null; played: number };
	matches: V4Match[];
	/** Cursor of the next page; null on the last. */
	next: string | null;
}

/** Standings: one row per table (a league season, or one group of a cup), newest season first. */
export const standingsListParams = {
	$$strict: true,
	competition: code,
	season: year,
	group: upperSnake,
	...paging,
} as const;

export interface StandingsListParams extends Paging {
	competition?: string;
	season?: number;
	/** e.g. GROUP_A. */
	group?: string;
}

export const MAX_FEED_PAGE = 1000;

export const syncChangesParams = {
	$$strict: true,
	since: { type: "number", integer: true, min: 0, convert: true },
	limit: { type: "number", integer: true, min: 1, max: MAX_FEED_PAGE, convert: true, optional: true, default: 500 },
	kinds: { type: "array", items: { type: "enum", values: [...ENTITY_KINDS] }, optional: true },
	/** Who asks: sync records `since` as that consumer's checkpoint, for the operator view. */
	consumer: { type: "string", min: 1, max: 100, optional: true },
} as const;

export interface SyncChangesParams {
	since: number;
	limit?: number;
	kinds?: EntityKind[];
	consumer?: string;
}

/** A page of the change feed: changes in seq order, up to `lastSeq`; `head` is the newest committed seq. */
export interface SyncChangesResult {
	changes: Change[];
	lastSeq: number;
	head: number;
	/** Names the log; when it changes, the log was reset and projections rebuild from seq 0. */
	epoch: string;
}

/** What each action takes and gives, for typed calls. */
export interface ActionContracts {
	"v1.players.list": { params: PlayersListParams; result: ListResult<Player> };
	"v1.competitions.list": { params: CompetitionsListParams; result: ListResult<Competition> };
	"v1.teams.list": { params: TeamsListParams; result: ListResult<Team> };
	"v1.results.list": { params: ResultsListParams; result: ListResult<Match> };
	"v2.results.list": { params: ResultsListV2Params; result: ResultsListV2Result };
	"v1.standings.list": { params: StandingsListParams; result: ListResult<Standing> };
	"v1.sync.changes": { params: SyncChangesParams; result: SyncChangesResult };
}

export type ActionName = keyof ActionContracts;
