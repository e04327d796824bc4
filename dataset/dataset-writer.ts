// Renders a data set plan to openfootball files and writes them one by one, so that memory
// stays bounded whatever the scale. The real files are copied unchanged. IO only in `writeDataset`.
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { CLUB_COUNTRIES } from "../domain/catalog";
import { normaliseOpenFootball, readOpenFootballDir, type RawMatch } from "../domain/openfootball";
import { slugify } from "../domain/text";
import { addDays, doubleRoundRobin, matchDay, roundSlots } from "./fixtures";
import {
	COUNTRY_PROFILES,
	planDataset,
	strengthIn,
	type DatasetPlan,
	type PlannedLeague,
} from "./extrapolation";
import { inventSquad, type Nationality } from "./invented-squads";
import { Random } from "./random";
import { drawScore, seasonForm, type Strength } from "./score-model";

/** Season to season, a club's strength varies by this much (log scale). */
const FORM_SD = 0.06;
/** 52 weeks: a season moved by whole years of these keeps its weekdays. */
const YEAR_DAYS = 364;

/** `2024` → folder `2024-25`, label `2024/25`. */
function seasonParts(season: number): { folder: string; label: string } {
	const next = String((season + 1) % 100).padStart(2, "0");
	return { folder: `${season}-${next}`, label: `${season}/${next}` };
}

export function leagueSeasonPath(league: PlannedLeague, season: number): string {
	return `football/${seasonParts(season).folder}/${league.key}.json`;
}

export function squadsPath(plan: DatasetPlan, league: PlannedLeague): string {
	return `football/${seasonParts(plan.currentSeason).folder}/${league.key}.squads.json`;
}

/** One league season as an openfootball file, one match a line. */
export function renderLeagueSeason(
	plan: DatasetPlan,
	league: PlannedLeague,
	season: number,
): { text: string; matches: number } {
	const random = Random.forPart(plan.seed, "matches", league.key, season);
	const fixtures = league.template
		? replayTemplate(random, league, season)
		: scheduleSeason(random, league, season);
	const strengths = seasonStrengths(plan, league, season);
	const lines = fixtures.map(fixture =>
		JSON.stringify(withScore(random, plan, league, season, fixture, strengths)),
	);
	const name = league.template
		? league.template.name.replace(/\d{4}\/\d{2}$/, seasonParts(season).label)
		: `${league.info.name} ${seasonParts(season).label}`;
	return {
		text: `{"name":${JSON.stringify(name)},"matches":[\n${lines.join(",\n")}\n]}\n`,
		matches: lines.length,
	};
}

function seasonStrengths(
	plan: DatasetPlan,
	league: PlannedLeague,
	season: number,
): Map<string, Strength> {
	return new Map(
		league.roster(season).map(club => {
			const form = Random.forPart(plan.seed, "form", slugify(club), season);
			return [club, seasonForm(form, strengthIn(plan, club, league.division), FORM_SD)];
		}),
	);
}

function withScore(
	random: Random,
	plan: DatasetPlan,
	league: PlannedLeague,
	season: number,
	fixture: RawMatch,
	strengths: Map<string, Strength>,
): RawMatch {
	const notYet =
		season === plan.currentSeason &&
		plan.playedUntil !== null &&
		fixture.date > plan.playedUntil;
	if (notYet) return { ...fixture, score: {} };
	const { ht, ft } = drawScore(
		random,
		league.rates,
		strengths.get(fixture.team1)!,
		strengths.get(fixture.team2)!,
	);
	return { ...fixture, score: { ht, ft } };
}

/** A real league's earlier season: its real fixtures, moved back whole years, between its clubs in another order. */
function replayTemplate(random: Random, league: PlannedLeague, season: number): RawMatch[] {
	const template = league.template!;
	const clubs = league.roster(template.season);
	const shuffled = random.shuffle([...clubs]);
	const swap = new Map(clubs.map((club, i) => [club, shuffled[i]]));
	const shift = YEAR_DAYS * (season - template.season);
	return template.matches.map(m => ({
		round: m.round,
		date: addDays(m.date, shift),
		time: m.time ?? null,
		team1: swap.get(m.team1)!,
		team2: swap.get(m.team2)!,
	}));
}

/** An invented league's season: a double round robin over the country's weekends, at its usual kick-off times. */
function scheduleSeason(random: Random, league: PlannedLeague, season: number): RawMatch[] {
	const rounds = doubleRoundRobin(random.shuffle(league.roster(season)));
	const firstFriday = addDays(
		league.frame.firstFriday,
		YEAR_DAYS * (season - league.frame.season),
	);
	const slots = roundSlots(firstFriday, league.frame.weeks, rounds.length);
	return rounds.flatMap((pairs, r) =>
		pairs
			.map(([team1, team2]) => ({
				round: `Matchday ${r + 1}`,
				date: matchDay(random, slots[r]),
				time:
					league.kickoffTimes.length > 0 ? random.weighted(league.kickoffTimes) : "15:00",
				team1,
				team2,
			}))
			.sort((a, b) => a.date.localeCompare(b.date) || a.time.localeCompare(b.time)),
	);
}

/** The squads of a league's clubs of the current season, in the World Cup squads' shape. */
export function renderSquads(
	plan: DatasetPlan,
	league: PlannedLeague,
): { text: string; players: number } {
	const options = {
		home: nationalityOf(league.profile.prefix),
		abroad: COUNTRY_PROFILES.filter(p => p !== league.profile).map(p =>
			nationalityOf(p.prefix),
		),
		homeShare: homeShareOf(league),
		referenceDate: `${plan.currentSeason}-09-01`,
	};
	let players = 0;
	const squads = league.roster(plan.currentSeason).map(club => {
		const squad = inventSquad(Random.forPart(plan.seed, "squad", slugify(club)), options);
		players += squad.length;
		return `{"name":${JSON.stringify(club)},"players":[\n${squad.map(p => JSON.stringify(p)).join(",\n")}\n]}`;
	});
	return { text: `[\n${squads.join(",\n")}\n]\n`, players };
}

function nationalityOf(prefix: string): Nationality {
	const profile = COUNTRY_PROFILES.find(p => p.prefix === prefix)!;
	return { name: CLUB_COUNTRIES[prefix].name, language: profile.language };
}

/** The big leagues sign abroad the most, lower divisions the least. */
function homeShareOf(league: PlannedLeague): number {
	const rank = league.profile.tier + league.division;
	return rank <= 1 ? 0.55 : rank === 2 ? 0.7 : 0.85;
}

/** One file of the output. */
type Job =
	| { kind: "copy"; path: string }
	| { kind: "season"; path: string; league: PlannedLeague; season: number }
	| { kind: "squads"; path: string; league: PlannedLeague }
	| { kind: "note"; path: string };

function jobsOf(plan: DatasetPlan, sourcePaths: string[]): Job[] {
	const jobs: Job[] = sourcePaths.map(path => ({ kind: "copy", path }));
	for (const league of plan.leagues) {
		for (const season of plan.seasons) {
			if (!league.realSeasons.has(season))
				jobs.push({
					kind: "season",
					path: leagueSeasonPath(league, season),
					league,
					season,
				});
		}
		jobs.push({ kind: "squads", path: squadsPath(plan, league), league });
	}
	jobs.push({ kind: "note", path: "GENERATED.md" });
	return jobs;
}

export interface DatasetOptions {
	/** The real data, e.g. `data/openfootball`. */
	sourceDir: string;
	/** Must be empty or absent: a file left from another run would be imported with the new ones. */
	outDir: string;
	scale: number;
	seed: string;
}

export interface DatasetProgress {
	done: number;
	total: number;
	bytes: number;
}

export interface DatasetSummary {
	files: number;
	competitions: number;
	/** Competition seasons. */
	seasons: number;
	teams: number;
	players: number;
	matches: number;
	bytes: number;
}

/** Generates the data set of `options.scale` into `options.outDir`, a file at a time. */
export function writeDataset(
	options: DatasetOptions,
	onProgress: (progress: DatasetProgress) => void = () => {},
): DatasetSummary {
	if (existsSync(options.outDir) && readdirSync(options.outDir).length > 0) {
		throw new Error(
			`${options.outDir} is not empty: choose a new folder (files left there would be imported too)`,
		);
	}
	const realFiles = readOpenFootballDir(options.sourceDir);
	const realData = normaliseOpenFootball(realFiles);
	const plan = planDataset(realFiles, options.scale, options.seed);
	const jobs = jobsOf(plan, listFiles(options.sourceDir));
	const summary: DatasetSummary = {
		files: jobs.length,
		competitions: 0,
		seasons: realData.competitions.reduce((n, c) => n + c.seasons.length, 0),
		teams: plan.teamSlugs.size,
		players: realData.players.length,
		matches: realData.matches.length,
		bytes: 0,
	};
	const codes = new Set(realData.competitions.map(c => c.code));
	const folders = new Set<string>();
	jobs.forEach((job, i) => {
		const target = join(options.outDir, job.path);
		if (!folders.has(dirname(target))) mkdirSync(dirname(target), { recursive: true });
		folders.add(dirname(target));
		summary.bytes += runJob(job, plan, options, target, summary);
		if (job.kind === "season") codes.add(job.league.info.code);
		onProgress({ done: i + 1, total: jobs.length, bytes: summary.bytes });
	});
	summary.competitions = codes.size;
	return summary;
}

/** Writes one file; returns its size. */
function runJob(
	job: Job,
	plan: DatasetPlan,
	options: DatasetOptions,
	target: string,
	summary: DatasetSummary,
): number {
	if (job.kind === "copy") {
		copyFileSync(join(options.sourceDir, job.path), target);
		return statSync(target).size;
	}
	let text: string;
	if (job.kind === "season") {
		const season = renderLeagueSeason(plan, job.league, job.season);
		summary.matches += season.matches;
		summary.seasons += 1;
		text = season.text;
	} else if (job.kind === "squads") {
		const squads = renderSquads(plan, job.league);
		summary.players += squads.players;
		text = squads.text;
	} else {
		text = generatedNote(plan);
	}
	writeFileSync(target, text);
	return Buffer.byteLength(text);
}

function generatedNote(plan: DatasetPlan): string {
	return [
		"# A generated data set",
		"",
		`Made by \`npm run dataset -- --scale ${plan.scale} --seed ${plan.seed}\` from the real openfootball files,`,
		"which are copied here unchanged (see README.md and LICENSE-CC0.md). Everything else is invented:",
		`earlier seasons of the real leagues (back to ${seasonParts(plan.seasons[0]).label}), further leagues, club squads, and every result`,
		"of those (drawn from a model fitted on the real results). Same seed and scale, same files.",
		"",
	].join("\n");
}

/** Every file below `dir`, as paths with `/`, in a stable order. */
function listFiles(dir: string): string[] {
	const paths: string[] = [];
	const walk = (folder: string): void => {
		for (const entry of readdirSync(folder).sort()) {
			const path = join(folder, entry);
			if (statSync(path).isDirectory()) walk(path);
			else paths.push(relative(dir, path).split(sep).join("/"));
		}
	};
	walk(dir);
	return paths;
}
