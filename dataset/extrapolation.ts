// The data set generator's plan: which leagues and seasons a scale brings, who plays in them,
// how strong each club is and how its league scores, all fitted on (or taken from) the real
// files. Pure; `dataset-writer.ts` renders the plan to files.
import { CLUB_COUNTRIES, clubCompetition, type CompetitionInfo } from "../domain/catalog";
import {
	CLUB_FILE,
	splitCountrySuffix,
	type RawMatch,
	type SourceFile,
} from "../domain/openfootball";
import { slugify } from "../domain/text";
import { fridayOnOrBefore, weeksBetween } from "./fixtures";
import type { Language } from "./invented-names";
import { inventClubName } from "./invented-names";
import { Random } from "./random";
import {
	drawStrength,
	fitLeague,
	fitLowScores,
	pooledRates,
	shiftStrength,
	strengthSpread,
	type LeagueModel,
	type PlayedMatch,
	type Rates,
	type Strength,
	type StrengthSpread,
} from "./score-model";

/** How the generator treats a country: its names' language, its rank, the sizes of its divisions. */
export interface CountryProfile {
	prefix: string;
	language: Language;
	/** 0: the five leagues of the real data; 1: countries of the real Champions League's other clubs; 2: the rest. */
	tier: 0 | 1 | 2;
	/** Clubs per division, top first; the last size goes on down. */
	sizes: number[];
}

export const COUNTRY_PROFILES: CountryProfile[] = [
	{ prefix: "en", language: "english", tier: 0, sizes: [20, 24, 24, 24, 24, 22] },
	{ prefix: "de", language: "german", tier: 0, sizes: [18, 18, 20, 18] },
	{ prefix: "es", language: "spanish", tier: 0, sizes: [20, 22, 20, 18] },
	{ prefix: "it", language: "italian", tier: 0, sizes: [20, 20, 20, 18] },
	{ prefix: "fr", language: "french", tier: 0, sizes: [18, 18, 18, 16] },
	{ prefix: "nl", language: "dutch", tier: 1, sizes: [18, 20, 18] },
	{ prefix: "pt", language: "portuguese", tier: 1, sizes: [18, 18, 20] },
	{ prefix: "sco", language: "english", tier: 1, sizes: [12, 10] },
	{ prefix: "be", language: "dutch", tier: 1, sizes: [16] },
	{ prefix: "at", language: "german", tier: 1, sizes: [12, 16] },
	{ prefix: "ch", language: "german", tier: 1, sizes: [12, 10, 16] },
	{ prefix: "cz", language: "slavic", tier: 1, sizes: [16] },
	{ prefix: "hr", language: "slavic", tier: 1, sizes: [10, 12] },
	{ prefix: "rs", language: "slavic", tier: 1, sizes: [16] },
	{ prefix: "sk", language: "slavic", tier: 1, sizes: [12, 16] },
	{ prefix: "ua", language: "slavic", tier: 1, sizes: [16] },
	{ prefix: "tr", language: "turkish", tier: 2, sizes: [18, 20, 18] },
	{ prefix: "gr", language: "greek", tier: 2, sizes: [14, 16] },
	{ prefix: "dk", language: "nordic", tier: 2, sizes: [12] },
	{ prefix: "se", language: "nordic", tier: 2, sizes: [16] },
	{ prefix: "no", language: "nordic", tier: 2, sizes: [16] },
	{ prefix: "pl", language: "slavic", tier: 2, sizes: [18] },
	{ prefix: "ie", language: "english", tier: 2, sizes: [10] },
	{ prefix: "wal", language: "english", tier: 2, sizes: [12] },
	{ prefix: "us", language: "english", tier: 2, sizes: [18] },
	{ prefix: "mx", language: "spanish", tier: 2, sizes: [18] },
	{ prefix: "br", language: "portuguese", tier: 2, sizes: [20] },
	{ prefix: "ar", language: "spanish", tier: 2, sizes: [20] },
	{ prefix: "cl", language: "spanish", tier: 2, sizes: [16] },
	{ prefix: "co", language: "spanish", tier: 2, sizes: [20] },
	{ prefix: "uy", language: "spanish", tier: 2, sizes: [16] },
];

/**
 * Scale 1 is the real data made whole: the five real leagues one season further back, their
 * second divisions (where the real relegated and promoted clubs play) and the top divisions
 * of the other Champions League clubs' countries. Each further step of scale adds about
 * CLUBS_PER_SCALE clubs (25 players each: scale 100 ≈ 100,000 players) in whole leagues, and
 * every tenfold adds a season.
 */
export const CLUBS_PER_SCALE = 37;

export function seasonsAtScale(scale: number): number {
	return 3 + Math.floor(Math.log10(scale));
}

export interface PlannedClub {
	strength: Strength;
	/** The division `strength` holds for; a division lower, the club is stronger against its rivals. */
	division: number;
}

/** A league of the plan. */
export interface PlannedLeague {
	/** openfootball's file name, e.g. `en.2`. */
	key: string;
	info: CompetitionInfo;
	profile: CountryProfile;
	division: number;
	rates: Rates;
	kickoffTimes: Array<readonly [string, number]>;
	/** The Friday of the first weekend of a real `season` of the country, and how many weeks that season lasted. */
	frame: { firstFriday: string; weeks: number; season: number };
	/** Seasons that the real data holds: copied, never generated. */
	realSeasons: Set<number>;
	/** The real fixtures of the earliest real season, replayed with other results in earlier seasons. */
	template?: { season: number; name: string; matches: RawMatch[] };
	/** Who plays in a season. */
	roster(season: number): string[];
}

export interface DatasetPlan {
	seed: string;
	scale: number;
	/** Start years, oldest first. */
	seasons: number[];
	currentSeason: number;
	/** Matches of the current season after this day are not played yet (as in the real files). */
	playedUntil: string | null;
	leagues: PlannedLeague[];
	/** Every club of the leagues, by slug: its strength in the division it belongs to. */
	clubs: Map<string, PlannedClub>;
	spread: StrengthSpread;
	/** Every team name of the output, by slug: real ones and invented. */
	teamSlugs: Set<string>;
}

/** What the generator learns from the real files. */
interface RealData {
	leagues: Map<string, Map<number, { name: string; matches: RawMatch[] }>>;
	/** Clubs of the European cups by country code, without their suffix. */
	cupClubs: Map<string, string[]>;
	teamSlugs: Set<string>;
}

function readRealData(files: SourceFile[]): RealData {
	const real: RealData = { leagues: new Map(), cupClubs: new Map(), teamSlugs: new Set() };
	for (const file of files) {
		const club = CLUB_FILE.exec(file.path);
		const matches = (file.content as { matches?: RawMatch[] }).matches ?? [];
		for (const match of matches)
			for (const name of [match.team1, match.team2])
				real.teamSlugs.add(slugify(splitCountrySuffix(name).name));
		const info = club ? clubCompetition(club[2]) : undefined;
		if (!club || !info) continue;
		if (info.type === "LEAGUE") {
			const seasons = real.leagues.get(club[2]) ?? new Map();
			seasons.set(Number(club[1]), {
				name: (file.content as { name: string }).name,
				matches,
			});
			real.leagues.set(club[2], seasons);
		} else {
			for (const match of matches)
				for (const name of [match.team1, match.team2]) addCupClub(real.cupClubs, name);
		}
	}
	return real;
}

function addCupClub(cupClubs: Map<string, string[]>, rawName: string): void {
	const { name, countryCode } = splitCountrySuffix(rawName);
	if (!countryCode) return;
	const clubs = cupClubs.get(countryCode) ?? [];
	if (!clubs.includes(name)) clubs.push(name);
	cupClubs.set(countryCode, clubs.sort());
}

function playedMatches(matches: RawMatch[]): PlayedMatch[] {
	return matches.flatMap(m => {
		const ft = m.score?.ft;
		if (!ft || ft.length !== 2) return [];
		const ht = m.score?.ht?.length === 2 ? (m.score.ht as [number, number]) : undefined;
		return [{ home: slugify(m.team1), away: slugify(m.team2), ft: ft as [number, number], ht }];
	});
}

/** One model per real league, with the low-score correction fitted on all of them. */
function fitModels(real: RealData): Map<string, LeagueModel> {
	const fits = [...real.leagues].map(([key, seasons]) => {
		const matches = [...seasons.values()].flatMap(s => playedMatches(s.matches));
		return { key, model: fitLeague(matches), matches };
	});
	fitLowScores(fits);
	return new Map(fits.map(({ key, model }) => [key, model]));
}

/** Plans a data set of `scale` from the real files. */
export function planDataset(files: SourceFile[], scale: number, seed: string): DatasetPlan {
	if (!Number.isInteger(scale) || scale < 1)
		throw new Error(`The scale must be a whole number from 1, not ${scale}`);
	const real = readRealData(files);
	if (real.leagues.size === 0)
		throw new Error("The real data holds no league to fit the model on");
	const models = fitModels(real);
	const realSeasons = [...real.leagues.values()].flatMap(seasons => [...seasons.keys()]);
	const currentSeason = Math.max(...realSeasons);
	const seasons = Array.from(
		{ length: seasonsAtScale(scale) },
		(_, i) => currentSeason - seasonsAtScale(scale) + 1 + i,
	);
	const plan: DatasetPlan = {
		seed,
		scale,
		seasons,
		currentSeason,
		playedUntil: playedUntil(real, currentSeason),
		leagues: [],
		clubs: new Map(),
		spread: strengthSpread([...models.values()]),
		teamSlugs: new Set(real.teamSlugs),
	};
	const context: PlanContext = {
		plan,
		real,
		models,
		pooled: pooledRates([...models.values()]),
		pooledTimes: kickoffTimes([...real.leagues.values()]),
	};
	let target = Infinity;
	for (const [profile, division] of leagueOrder()) {
		const base = profile.tier + division <= 2;
		if (!base && target === Infinity) target = plan.clubs.size + CLUBS_PER_SCALE * (scale - 1);
		if (!base && plan.clubs.size >= target) break;
		addLeague(context, profile, division);
	}
	return plan;
}

interface PlanContext {
	plan: DatasetPlan;
	real: RealData;
	models: Map<string, LeagueModel>;
	pooled: Rates;
	pooledTimes: Array<readonly [string, number]>;
}

/** The last day with a played match in the current season's real leagues, if some of it is still to play. */
function playedUntil(real: RealData, currentSeason: number): string | null {
	const current = [...real.leagues.values()].flatMap(
		seasons => seasons.get(currentSeason)?.matches ?? [],
	);
	if (current.every(m => m.score?.ft)) return null;
	return (
		current
			.filter(m => m.score?.ft)
			.map(m => m.date)
			.sort()
			.pop() ?? null
	);
}

/** Leagues in the order a growing scale adds them: by division, stronger football countries first. */
function* leagueOrder(): Generator<[CountryProfile, number]> {
	for (let rank = 1; ; rank++) {
		for (const profile of COUNTRY_PROFILES) {
			const division = rank - profile.tier;
			if (division >= 1) yield [profile, division];
		}
	}
}

function leagueSize(context: PlanContext, profile: CountryProfile, division: number): number {
	const real = context.real.leagues.get(`${profile.prefix}.${division}`);
	if (real) return Math.max(...[...real.values()].map(s => teamsOf(s.matches).length));
	return profile.sizes[Math.min(division, profile.sizes.length) - 1];
}

function teamsOf(matches: RawMatch[]): string[] {
	return [...new Set(matches.flatMap(m => [m.team1, m.team2]))].sort();
}

function addLeague(context: PlanContext, profile: CountryProfile, division: number): void {
	const key = `${profile.prefix}.${division}`;
	const info = clubCompetition(key);
	if (!info) throw new Error(`The catalog knows no competition for ${key}`);
	const realSeasons = context.real.leagues.get(key);
	const topKey = `${profile.prefix}.1`;
	const league: PlannedLeague = {
		key,
		info,
		profile,
		division,
		rates: context.models.get(key) ?? context.models.get(topKey) ?? context.pooled,
		kickoffTimes: kickoffTimesOf(context, key, topKey),
		frame: seasonFrame(context, key, topKey),
		realSeasons: new Set(realSeasons?.keys() ?? []),
		template: realSeasons ? templateOf(realSeasons) : undefined,
		roster: realSeasons ? realRoster(realSeasons) : inventedRoster(context, profile, division),
	};
	context.plan.leagues.push(league);
	for (const season of context.plan.seasons)
		for (const club of league.roster(season)) addClub(context, club, division);
}

function templateOf(
	seasons: Map<number, { name: string; matches: RawMatch[] }>,
): PlannedLeague["template"] {
	const season = Math.min(...seasons.keys());
	const { name, matches } = seasons.get(season)!;
	return { season, name, matches };
}

/** A real league's clubs: the real ones in its real seasons, those of its earliest real season before. */
function realRoster(seasons: Map<number, { matches: RawMatch[] }>): (season: number) => string[] {
	const earliest = Math.min(...seasons.keys());
	const rosters = new Map(
		[...seasons].map(([season, { matches }]) => [season, teamsOf(matches)]),
	);
	return season => rosters.get(season) ?? rosters.get(earliest)!;
}

/**
 * An invented league's clubs: invented ones, plus the real clubs that belong here — in a
 * second division, the real top division's clubs in the seasons they are not up there
 * (promoted later, relegated since); in a top division, the country's clubs of the real cups.
 */
function inventedRoster(
	context: PlanContext,
	profile: CountryProfile,
	division: number,
): (season: number) => string[] {
	const visitors = visitingClubs(context, profile, division);
	const { plan } = context;
	const mostVisitors = Math.max(0, ...plan.seasons.map(s => visitors(s).length));
	const random = Random.forPart(plan.seed, "clubs", profile.prefix, division);
	const size = leagueSize(context, profile, division);
	const invented = Array.from({ length: Math.max(2, size - mostVisitors) }, () =>
		uniqueClubName(random, profile.language, plan.teamSlugs),
	);
	return season => [...invented, ...visitors(season)].sort();
}

function visitingClubs(
	context: PlanContext,
	profile: CountryProfile,
	division: number,
): (season: number) => string[] {
	const top = context.plan.leagues.find(
		l => l.key === `${profile.prefix}.1` && l.realSeasons.size > 0,
	);
	if (division === 2 && top) {
		const realClubs = [...new Set([...top.realSeasons].flatMap(s => top.roster(s)))];
		return season => realClubs.filter(club => !top.roster(season).includes(club));
	}
	const country = CLUB_COUNTRIES[profile.prefix];
	const cupClubs =
		division === 1 && country ? (context.real.cupClubs.get(country.code) ?? []) : [];
	return () => cupClubs;
}

function uniqueClubName(random: Random, language: Language, taken: Set<string>): string {
	for (let tries = 0; ; tries++) {
		// Names of two towns ("Ashford-Kingsley United") when a language's simple names run short.
		const name = inventClubName(random, language, tries >= 20 ? 2 : 1);
		const slug = slugify(name);
		if (!taken.has(slug)) {
			taken.add(slug);
			return name;
		}
	}
}

/**
 * A club's strength: fitted on its real league when it has one; a real cup club's among the
 * best of its league; else drawn like the real clubs'.
 */
function addClub(context: PlanContext, club: string, division: number): void {
	const slug = slugify(club);
	const { plan } = context;
	if (plan.clubs.has(slug)) return;
	for (const [key, model] of context.models) {
		const fitted = model.strengths.get(slug);
		if (fitted) {
			plan.clubs.set(slug, { strength: fitted, division: Number(key.split(".")[1]) });
			return;
		}
	}
	const random = Random.forPart(plan.seed, "strength", slug);
	const cupClub = [...context.real.cupClubs.values()].some(clubs => clubs.includes(club));
	plan.clubs.set(slug, {
		strength: drawStrength(random, plan.spread, cupClub ? CUP_CLUB_QUALITY : 0),
		division,
	});
}

/** A club's strength in a league of `division`: a division below its own, it is that much better than its rivals. */
export function strengthIn(plan: DatasetPlan, club: string, division: number): Strength {
	const planned = plan.clubs.get(slugify(club));
	if (!planned) throw new Error(`${club} is not a club of the plan`);
	return shiftStrength(
		planned.strength,
		plan.spread,
		DIVISION_GAP * (division - planned.division),
	);
}

/** Standard deviations of strength between a division and the one below. */
const DIVISION_GAP = 1.2;
/** A club that plays in the Champions League is among the best of its country. */
const CUP_CLUB_QUALITY = 1.5;

function kickoffTimes(
	leagues: Array<Map<number, { matches: RawMatch[] }>>,
): Array<readonly [string, number]> {
	const counts = new Map<string, number>();
	for (const seasons of leagues)
		for (const { matches } of seasons.values())
			for (const m of matches) if (m.time) counts.set(m.time, (counts.get(m.time) ?? 0) + 1);
	return [...counts].sort(([a], [b]) => a.localeCompare(b));
}

/** Kick-off times as the country's real league has them, else as all real leagues do. */
function kickoffTimesOf(
	context: PlanContext,
	key: string,
	topKey: string,
): Array<readonly [string, number]> {
	const real = context.real.leagues.get(key) ?? context.real.leagues.get(topKey);
	return real ? kickoffTimes([real]) : context.pooledTimes;
}

/** The weekends of a season, from the country's real league, else from the first real league. */
function seasonFrame(context: PlanContext, key: string, topKey: string): PlannedLeague["frame"] {
	const seasons =
		context.real.leagues.get(key) ??
		context.real.leagues.get(topKey) ??
		[...context.real.leagues.values()][0];
	const season = Math.min(...seasons.keys());
	const dates = seasons
		.get(season)!
		.matches.map(m => m.date)
		.sort();
	const firstFriday = fridayOnOrBefore(dates[0]);
	return { firstFriday, weeks: weeksBetween(firstFriday, dates[dates.length - 1]) + 1, season };
}
