// The importer: openfootball files in, master data out. Pure but for reading the folder
// (`openOpenFootballDir`, `readOpenFootballDir`).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import {
	clubCompetition,
	COUNTRY_BY_CODE,
	FIFA_CODES,
	POSITIONS,
	TOURNAMENTS,
	type CompetitionInfo,
} from "./catalog";
import { kickoffToUtc } from "./kickoff";
import type {
	Area,
	Competition,
	EntityByKind,
	EntityKind,
	MasterData,
	Match,
	Player,
	Team,
	TeamRef,
} from "./model";
import { parseGroup, parseRound } from "./rounds";
import { matchStatus, normaliseGoals, normaliseScore, type RawGoal, type RawScore } from "./score";
import { slugify } from "./text";

/** One source file: its path below the data folder (with `/`) and its parsed JSON. */
export interface SourceFile {
	path: string;
	content: unknown;
}

/** A match as openfootball writes it (and the data-set generator writes its files). */
export interface RawMatch {
	round: string;
	date: string;
	time?: string | null;
	team1: string;
	team2: string;
	score?: RawScore;
	status?: string;
	goals1?: RawGoal[];
	goals2?: RawGoal[];
	group?: string;
}

/** The variants the whole archive holds besides: older files leave out what their shape says. */
interface FileMatch extends Omit<RawMatch, "round" | "team1" | "team2" | "score"> {
	/** Missing in files that list matches under `rounds` (EUROs), and in a few play-offs. */
	round?: string;
	/** A phase some club files give apart from the round ("Playoffs - Relegation", "Regular"). */
	stage?: string;
	/** A name, or (EURO files) the name and FIFA code. */
	team1: string | RawTeam;
	team2: string | RawTeam;
	/** A bare `[home, away]` full-time score in a few files; null or none when cancelled. */
	score?: RawScore | number[] | null;
}

interface RawTeam {
	name: string;
	code?: string;
}

/** A match as the importer reads it: every file's variant brought to one shape. */
interface SourceMatch {
	round: string;
	date: string;
	time?: string | null;
	team1: RawTeam;
	team2: RawTeam;
	score?: RawScore;
	status?: string;
	goals1?: RawGoal[];
	goals2?: RawGoal[];
	group?: string;
}

interface RawSquadPlayer {
	number?: number;
	pos: keyof typeof POSITIONS;
	name: string;
	club?: { name: string; country: string };
	date_of_birth?: string;
	/** Club squads only: the player's country, by name. */
	nationality?: string;
}

/** A national squad (`fifa_code`) or a club squad (found by its name, as its league's files write it). */
interface RawSquad {
	name: string;
	fifa_code?: string;
	players: RawSquadPlayer[];
}

/** A teams file's entry: `fifa_code` in 2026's list, `code` in 2014's and 2018's `{teams}`. */
interface RawNationalTeam {
	name: string;
	fifa_code?: string;
	code?: string;
}

function nationalTeamsOf(content: unknown): RawNationalTeam[] {
	if (Array.isArray(content)) return content as RawNationalTeam[];
	return (content as { teams?: RawNationalTeam[] }).teams ?? [];
}

/** A file the importer understands: which competition, which season, whose teams. */
interface SeasonFile {
	info: CompetitionInfo;
	season: number;
	/** Its teams are national teams (World Cup, EURO), not clubs. */
	national: boolean;
	/** The zone of kick-off times written without an offset. */
	timeZone: string;
	matches: SourceMatch[];
}

/**
 * A club competition's season: `football/2024-25/en.1.json` → season 2024, competition `en.1`;
 * calendar-year seasons are folders of one year (`football/2025/br.1.json`, `mls.json`).
 */
export const CLUB_FILE = /^football\/(\d{4})(?:-\d{2})?\/([a-z]+(?:\.[a-z0-9]+)?)\.json$/;
/** A tournament's edition: `worldcup/2022/worldcup.json`, `euro/2024/euro.json` (see TOURNAMENTS). */
const TOURNAMENT_FILE = /^(worldcup|euro)\/(\d{4})\/([a-z_.]+)\.json$/;
const WORLD_CUP_TEAMS = /^worldcup\/\d{4}\/worldcup\.teams\.json$/;
const WORLD_CUP_SQUADS = /^worldcup\/\d{4}\/worldcup\.squads\.json$/;
/** Club squads beside their league's season file: `football/2025-26/en.1.squads.json`. */
const CLUB_SQUADS = /^football\/\d{4}-\d{2}\/[a-z]+\.[a-z0-9]+\.squads\.json$/;

/** Where source files come from: their paths (sorted), and each one's content, read when asked. */
export interface SourceFolder {
	paths: string[];
	read(path: string): unknown;
}

/** A batch of master documents of one kind. */
export type MasterBatch = {
	[K in EntityKind]: { kind: K; docs: Array<EntityByKind[K]> };
}[EntityKind];

/** Builds the whole master data set from source files. The same files give the same ids. */
export function normaliseOpenFootball(files: SourceFile[]): MasterData {
	const data: MasterData = { competitions: [], teams: [], players: [], matches: [] };
	for (const batch of streamOpenFootball(folderOf(files))) {
		const into = data[COLLECTION_OF_KIND[batch.kind]] as Array<EntityByKind[EntityKind]>;
		for (const doc of batch.docs) into.push(doc);
	}
	return {
		competitions: sortById(data.competitions),
		teams: sortById(data.teams),
		players: sortById(data.players),
		matches: sortById(data.matches),
	};
}

const COLLECTION_OF_KIND = {
	competition: "competitions",
	team: "teams",
	player: "players",
	match: "matches",
} as const;

/**
 * The master data as batches, in the order the log takes them (competitions, teams, players,
 * matches), holding one source file at a time: a club knows every season it played only after
 * every season file was read, so season files are read twice (first for the clubs and seasons,
 * then for their matches) rather than kept. Players come one squads file at a time, matches one
 * season file at a time, each batch sorted by id.
 */
export function* streamOpenFootball(folder: SourceFolder): Generator<MasterBatch> {
	const seasonPaths = folder.paths.filter(path => seasonOfPath(path) !== undefined);
	const teams = new TeamRegistry(nationalTeamCodes(folder));
	const seasons: SeasonSummary[] = [];
	for (const path of seasonPaths) {
		for (const file of seasonFileOf({ path, content: folder.read(path) })) {
			for (const raw of file.matches) registerTeams(raw, file, teams);
			seasons.push(summariseSeason(file));
		}
	}
	yield { kind: "competition", docs: sortById(buildCompetitions(seasons)) };
	yield { kind: "team", docs: sortById(teams.all()) };
	for (const path of folder.paths.filter(
		path => WORLD_CUP_SQUADS.test(path) || CLUB_SQUADS.test(path),
	)) {
		yield {
			kind: "player",
			docs: sortById(squadPlayersOf({ path, content: folder.read(path) }, teams)),
		};
	}
	for (const path of seasonPaths) {
		for (const file of seasonFileOf({ path, content: folder.read(path) })) {
			yield { kind: "match", docs: sortById(normaliseMatches(file, teams)) };
		}
	}
}

/** Files already in memory, as a folder. */
export function folderOf(files: SourceFile[]): SourceFolder {
	const byPath = new Map(files.map(file => [file.path, file.content]));
	return { paths: [...byPath.keys()].sort(), read: path => byPath.get(path) };
}

type SeasonOfPath = Omit<SeasonFile, "matches">;

/** The competition season a file holds, by its path; undefined for files of no season. */
function seasonOfPath(path: string): SeasonOfPath | undefined {
	const club = CLUB_FILE.exec(path);
	const info = club ? clubCompetition(club[2]) : undefined;
	if (club && info) {
		return { info, season: Number(club[1]), national: false, timeZone: info.timeZone };
	}
	const edition = TOURNAMENT_FILE.exec(path);
	const tournament = edition ? TOURNAMENTS[`${edition[1]}/${edition[3]}`] : undefined;
	if (!edition || !tournament) return undefined;
	const season = Number(edition[2]);
	const timeZone = tournament.timeZoneByEdition?.[season] ?? tournament.timeZone;
	return { info: tournament, season, national: tournament.national, timeZone };
}

function seasonFileOf(file: SourceFile): SeasonFile[] {
	const season = seasonOfPath(file.path);
	return season ? [{ ...season, matches: matchesOf(file) }] : [];
}

/** The file's matches: a flat `matches` list, or `rounds` each naming its matches' round. */
function matchesOf(file: SourceFile): SourceMatch[] {
	const content = file.content as {
		matches?: FileMatch[];
		rounds?: Array<{ name: string; matches: FileMatch[] }>;
	};
	if (Array.isArray(content.matches)) {
		return content.matches.map(raw => sourceMatchOf(raw, undefined, file.path));
	}
	if (Array.isArray(content.rounds)) {
		return content.rounds.flatMap(round =>
			round.matches.map(raw => sourceMatchOf(raw, round.name, file.path)),
		);
	}
	throw new Error(`${file.path}: no "matches" or "rounds" list`);
}

function sourceMatchOf(raw: FileMatch, roundName: string | undefined, path: string): SourceMatch {
	const round = [raw.stage, raw.round ?? roundName].filter(Boolean).join(", ");
	if (!round) throw new Error(`${path}: a match of ${raw.date} names no round`);
	return {
		...raw,
		round,
		team1: teamOf(raw.team1),
		team2: teamOf(raw.team2),
		score: Array.isArray(raw.score) ? { ft: raw.score } : (raw.score ?? undefined),
	};
}

function teamOf(raw: string | RawTeam): RawTeam {
	return typeof raw === "string" ? { name: raw } : raw;
}

/** FIFA codes by national team name, from every teams and squads file (names differ: "USA"). */
function nationalTeamCodes(folder: SourceFolder): Map<string, string> {
	const codes = new Map<string, string>(Object.entries(FIFA_CODES));
	for (const path of folder.paths.filter(path => WORLD_CUP_TEAMS.test(path))) {
		for (const team of nationalTeamsOf(folder.read(path))) {
			const code = team.fifa_code ?? team.code;
			if (code) codes.set(team.name, code);
		}
	}
	return codes;
}

/** Registers a match's two teams, in the order normaliseMatch does (home, then away). */
function registerTeams(raw: SourceMatch, file: SeasonFile, teams: TeamRegistry): void {
	teams.register(raw.team1, file);
	teams.register(raw.team2, file);
}

/** What a competition needs of a season: its first and last match day. */
interface SeasonSummary {
	info: CompetitionInfo;
	season: number;
	startDate: string;
	endDate: string;
}

function summariseSeason(file: SeasonFile): SeasonSummary {
	let startDate = file.matches[0]?.date ?? "";
	let endDate = startDate;
	for (const { date } of file.matches) {
		if (date < startDate) startDate = date;
		if (date > endDate) endDate = date;
	}
	return { info: file.info, season: file.season, startDate, endDate };
}

/**
 * A season file's matches. The id says competition, season, round and teams; the rare second
 * meeting of the same teams in the same round (a replay, two legs under one round name) takes
 * `-2`, in file order, so the same files still give the same ids.
 */
function normaliseMatches(file: SeasonFile, teams: TeamRegistry): Match[] {
	const used = new Set<string>();
	return file.matches.map(raw => {
		const match = normaliseMatch(raw, file, teams);
		const base = match.id;
		for (let n = 2; used.has(match.id); n++) match.id = `${base}-${n}`;
		used.add(match.id);
		return match;
	});
}

function normaliseMatch(raw: SourceMatch, file: SeasonFile, teams: TeamRegistry): Match {
	const { info, season } = file;
	const homeTeam = teams.register(raw.team1, file);
	const awayTeam = teams.register(raw.team2, file);
	const { stage, matchday } = parseRound(raw.round, Boolean(raw.group), info.type === "LEAGUE");
	return {
		id: [info.code.toLowerCase(), season, slugify(raw.round), homeTeam.id, awayTeam.id].join(
			"-",
		),
		competition: { code: info.code, name: info.name },
		season,
		utcDate: kickoffToUtc(raw.date, raw.time, file.timeZone),
		status: matchStatus(raw.score, raw.status),
		matchday,
		stage,
		group: parseGroup(raw.group),
		homeTeam,
		awayTeam,
		score: normaliseScore(raw.score),
		goals: normaliseGoals(raw.goals1, raw.goals2, homeTeam, awayTeam),
	};
}

function buildCompetitions(seasons: SeasonSummary[]): Competition[] {
	const byCode = new Map<string, Competition>();
	for (const summary of seasons) {
		const { code, name, type, area } = summary.info;
		const competition = byCode.get(code) ?? { id: code, code, name, type, area, seasons: [] };
		competition.seasons.push({
			id: `${code}-${summary.season}`,
			startDate: summary.startDate,
			endDate: summary.endDate,
		});
		byCode.set(code, competition);
	}
	for (const competition of byCode.values())
		competition.seasons.sort((a, b) => b.startDate.localeCompare(a.startDate));
	return [...byCode.values()];
}

function squadPlayersOf(file: SourceFile, teams: TeamRegistry): Player[] {
	if (WORLD_CUP_SQUADS.test(file.path)) {
		return normaliseSquads(file.content as RawSquad[], squad =>
			nationalSquad(teams.byCode(squad.fifa_code ?? "")),
		);
	}
	if (CLUB_SQUADS.test(file.path)) {
		return normaliseSquads(file.content as RawSquad[], squad =>
			clubSquad(teams.club(squad.name)),
		);
	}
	return [];
}

/** Whose squad it is, and what its players' nationality and club are. */
interface SquadOwner {
	team: Team;
	nationality(raw: RawSquadPlayer): string;
	club(raw: RawSquadPlayer): Player["club"];
}

function nationalSquad(team: Team): SquadOwner {
	return {
		team,
		nationality: () => team.name,
		club: raw => (raw.club ? { name: raw.club.name, country: raw.club.country } : null),
	};
}

/** A club's players play for the club; their nationality is given, else the club's country. */
function clubSquad(team: Team): SquadOwner {
	return {
		team,
		nationality: raw => raw.nationality ?? team.area.name,
		club: () => ({ name: team.name, country: team.area.code }),
	};
}

function normaliseSquads(squads: RawSquad[], ownerOf: (squad: RawSquad) => SquadOwner): Player[] {
	return squads.flatMap(squad => {
		const owner = ownerOf(squad);
		const { team } = owner;
		const usedIds = new Set<string>();
		return squad.players.map(raw => {
			let id = `${team.id}-${slugify(raw.name)}`;
			for (let n = 2; usedIds.has(id); n++) id = `${team.id}-${slugify(raw.name)}-${n}`;
			usedIds.add(id);
			const position = POSITIONS[raw.pos];
			if (!position) throw new Error(`Unknown position "${raw.pos}" of ${raw.name}`);
			return {
				id,
				name: raw.name,
				position,
				shirtNumber: raw.number ?? null,
				dateOfBirth: raw.date_of_birth ?? null,
				nationality: owner.nationality(raw),
				team: { id: team.id, name: team.name, tla: team.tla },
				club: owner.club(raw),
			};
		});
	});
}

/** Collects each team once, however many files name it, with every competition season it plays. */
class TeamRegistry {
	private readonly teams = new Map<string, Team>();

	constructor(private readonly nationalCodes: Map<string, string>) {}

	register(raw: RawTeam, file: Pick<SeasonFile, "info" | "season" | "national">): TeamRef {
		const { info, season, national } = file;
		const { name, countryCode } = splitCountrySuffix(raw.name);
		const id = slugify(name);
		let team = this.teams.get(id);
		if (!team) {
			team = national
				? this.nationalTeam(id, name, raw.code)
				: clubTeam(id, name, info, countryCode);
			this.teams.set(id, team);
		} else if (!national && info.type === "LEAGUE") {
			team.area = info.area; // a league says where a club is from better than a cup's suffix
		}
		if (!team.competitions.some(c => c.code === info.code && c.season === season)) {
			team.competitions.push({ code: info.code, season });
			team.competitions.sort((a, b) => a.code.localeCompare(b.code) || a.season - b.season);
		}
		return { id: team.id, name: team.name, tla: team.tla };
	}

	/** A club by its name as the match files write it ("Celtic FC" or "Celtic FC (SCO)"). */
	club(rawName: string): Team {
		const team = this.teams.get(slugify(splitCountrySuffix(rawName).name));
		if (!team || team.type !== "CLUB") throw new Error(`Squad of unknown club ${rawName}`);
		return team;
	}

	byCode(fifaCode: string): Team {
		const team = [...this.teams.values()].find(
			t => t.type === "NATIONAL" && t.tla === fifaCode,
		);
		if (!team) throw new Error(`Squad of unknown national team ${fifaCode}`);
		return team;
	}

	all(): Team[] {
		return [...this.teams.values()];
	}

	private nationalTeam(id: string, name: string, code: string | undefined): Team {
		const tla = this.nationalCodes.get(name) ?? code ?? makeTla(name);
		return {
			id,
			name,
			shortName: name,
			tla,
			type: "NATIONAL",
			area: { name, code: tla },
			competitions: [],
		};
	}
}

function clubTeam(
	id: string,
	name: string,
	info: CompetitionInfo,
	countryCode: string | null,
): Team {
	const area: Area =
		info.type === "LEAGUE" || !countryCode
			? info.area
			: { name: COUNTRY_BY_CODE[countryCode] ?? countryCode, code: countryCode };
	const shortName = shortNameOf(name);
	return { id, name, shortName, tla: makeTla(shortName), type: "CLUB", area, competitions: [] };
}

/** "Celtic FC (SCO)" → name "Celtic FC", country code "SCO". */
export function splitCountrySuffix(rawName: string): { name: string; countryCode: string | null } {
	const match = /^(.*?)\s*\(([A-Z]{3})\)$/.exec(rawName.trim());
	return match
		? { name: match[1], countryCode: match[2] }
		: { name: rawName.trim(), countryCode: null };
}

const CLUB_AFFIXES =
	/^(?:(?:AFC|FC|CF|SC|AC|AS|SS|SSC|US|OGC|RC|RCD|CA|SV|VfL|VfB|TSG|1\.|\d{4})\s+)+|(?:\s+(?:AFC|FC|CF|SC|CFC|BC|HSC|\d{2,4}))+$/g;

/** The everyday name of a club: "Brighton & Hove Albion FC" → "Brighton & Hove Albion". */
export function shortNameOf(name: string): string {
	const short = name.replace(CLUB_AFFIXES, "").trim();
	return short.length > 0 ? short : name;
}

/** A three-letter code from a name: "Liverpool" → "LIV", "Manchester United" → "MUN". */
export function makeTla(name: string): string {
	const words = slugify(name)
		.split("-")
		.filter(word => word.length > 0 && !/^\d+$/.test(word));
	if (words.length === 0) return "XXX";
	const letters = words.length === 1 ? words[0].slice(0, 3) : words[0][0] + words[1].slice(0, 2);
	return letters.toUpperCase().padEnd(3, "X");
}

function sortById<T extends { id: string }>(items: T[]): T[] {
	return items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The `.json` files below `dir` (the layout of `data/openfootball`), each read when asked. */
export function openOpenFootballDir(dir: string): SourceFolder {
	const paths: string[] = [];
	const walk = (folder: string): void => {
		for (const entry of readdirSync(folder).sort()) {
			const path = join(folder, entry);
			if (statSync(path).isDirectory()) walk(path);
			else if (entry.endsWith(".json")) paths.push(relative(dir, path).split(sep).join("/"));
		}
	};
	walk(dir);
	return { paths: paths.sort(), read: path => JSON.parse(readFileSync(join(dir, path), "utf8")) };
}

/** Reads every `.json` file below `dir` into memory. */
export function readOpenFootballDir(dir: string): SourceFile[] {
	const folder = openOpenFootballDir(dir);
	return folder.paths.map(path => ({ path, content: folder.read(path) }));
}
