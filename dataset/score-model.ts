// The results model of generated data: Poisson goals whose means are a league's home and away
// rates times the teams' attack and defence strengths, with Dixon and Coles' correction of low
// scores (independent Poisson goals give too few draws), all fitted on real results; half-time
// scores are drawn from the full-time ones, so they are always consistent.
import type { Random } from "./random";

/** A played match of the real data, by team name. */
export interface PlayedMatch {
	home: string;
	away: string;
	ft: [number, number];
	ht?: [number, number];
}

/** Log-scale strengths: expected goals are the league rate times exp(attack + the opponent's defence). */
export interface Strength {
	attack: number;
	/** Positive: concedes more than the average team. */
	defence: number;
}

/** What a league's results look like, apart from who plays. */
export interface Rates {
	/** Goals of an average home team against an average away team. */
	homeGoals: number;
	awayGoals: number;
	/** Share of goals scored before half-time. */
	halfTimeShare: number;
	/** Dixon and Coles' ρ: below 0, more 0–0 and 1–1 and fewer 1–0 and 0–1 than independent goals give. */
	lowScores: number;
}

export interface LeagueModel extends Rates {
	matches: number;
	strengths: Map<string, Strength>;
}

/** How much teams differ: the spread of fitted strengths, to invent teams like the real ones. */
export interface StrengthSpread {
	attackSd: number;
	defenceSd: number;
	/** Between attack and defence; negative in real leagues: teams that score more concede less. */
	correlation: number;
}

// A gamma prior worth this many goals pulls a team with few matches towards the average:
// a promoted side's 20 matches say less than a full two seasons.
const PRIOR_GOALS = 8;
const FIT_ROUNDS = 60;

/** Fits a league by alternating maximum a-posteriori updates (Maher's model with a gamma prior). */
export function fitLeague(matches: PlayedMatch[]): LeagueModel {
	const teams = [...new Set(matches.flatMap(m => [m.home, m.away]))].sort();
	const attack = new Map(teams.map(t => [t, 1]));
	const defence = new Map(teams.map(t => [t, 1]));
	let homeRate = mean(matches.map(m => m.ft[0]));
	let awayRate = mean(matches.map(m => m.ft[1]));
	for (let round = 0; round < FIT_ROUNDS; round++) {
		updateFactor(attack, matches, (m, team) =>
			m.home === team
				? [m.ft[0], homeRate * defence.get(m.away)!]
				: [m.ft[1], awayRate * defence.get(m.home)!],
		);
		updateFactor(defence, matches, (m, team) =>
			m.home === team
				? [m.ft[1], awayRate * attack.get(m.away)!]
				: [m.ft[0], homeRate * attack.get(m.home)!],
		);
		homeRate =
			sum(matches.map(m => m.ft[0])) /
			sum(matches.map(m => attack.get(m.home)! * defence.get(m.away)!));
		awayRate =
			sum(matches.map(m => m.ft[1])) /
			sum(matches.map(m => attack.get(m.away)! * defence.get(m.home)!));
	}
	const strengths = new Map(
		teams.map(t => [
			t,
			{ attack: Math.log(attack.get(t)!), defence: Math.log(defence.get(t)!) },
		]),
	);
	return {
		matches: matches.length,
		homeGoals: homeRate,
		awayGoals: awayRate,
		halfTimeShare: halfTimeShare(matches),
		lowScores: 0,
		strengths,
	};
}

/**
 * One update of a team factor: (goals + prior) / (expected + prior), then scaled to a geometric
 * mean of 1 so that the league rates carry the level. `part` gives a match's [goals, expected
 * goals without this factor] from the team's side.
 */
function updateFactor(
	factor: Map<string, number>,
	matches: PlayedMatch[],
	part: (m: PlayedMatch, team: string) => [number, number],
): void {
	const goals = new Map<string, number>();
	const expected = new Map<string, number>();
	for (const match of matches) {
		for (const team of [match.home, match.away]) {
			const [g, e] = part(match, team);
			goals.set(team, (goals.get(team) ?? 0) + g);
			expected.set(team, (expected.get(team) ?? 0) + e);
		}
	}
	for (const team of factor.keys())
		factor.set(team, (goals.get(team)! + PRIOR_GOALS) / (expected.get(team)! + PRIOR_GOALS));
	const scale = Math.exp(mean([...factor.values()].map(Math.log)));
	for (const [team, value] of factor) factor.set(team, value / scale);
}

function halfTimeShare(matches: PlayedMatch[]): number {
	const withHalfTime = matches.filter(m => m.ht);
	const full = sum(withHalfTime.map(m => m.ft[0] + m.ft[1]));
	return full === 0 ? 0.45 : sum(withHalfTime.map(m => m.ht![0] + m.ht![1])) / full;
}

/** The rates of several leagues together, each weighted by its number of matches. */
export function pooledRates(models: LeagueModel[]): Rates {
	const total = sum(models.map(m => m.matches));
	const weighted = (pick: (m: LeagueModel) => number): number =>
		sum(models.map(m => pick(m) * m.matches)) / total;
	return {
		homeGoals: weighted(m => m.homeGoals),
		awayGoals: weighted(m => m.awayGoals),
		halfTimeShare: weighted(m => m.halfTimeShare),
		lowScores: weighted(m => m.lowScores),
	};
}

/**
 * Fits Dixon and Coles' ρ on all leagues at once (one league's draws are too few to tell), and
 * sets it on each: the ρ for which the model expects as many draws in the real matches as
 * there were. The correction moves only 0–0, 1–1, 1–0 and 0–1, so the expected draws are
 * linear in ρ: independent draws − 2ρ Σ λμe^−(λ+μ).
 */
export function fitLowScores(
	leagues: Array<{ model: LeagueModel; matches: PlayedMatch[] }>,
): number {
	let realDraws = 0;
	let independentDraws = 0;
	let slope = 0;
	for (const { model, matches } of leagues) {
		for (const match of matches) {
			const [home, away] = goalMeans(
				model,
				model.strengths.get(match.home)!,
				model.strengths.get(match.away)!,
			);
			if (match.ft[0] === match.ft[1]) realDraws++;
			for (let k = 0; k <= 12; k++)
				independentDraws += poissonChance(home, k) * poissonChance(away, k);
			slope += 2 * home * away * Math.exp(-home - away);
		}
	}
	// Bounded so that every correction factor stays positive for any sensible goal mean.
	const rho =
		slope === 0 ? 0 : Math.min(0.2, Math.max(-0.2, (independentDraws - realDraws) / slope));
	for (const { model } of leagues) model.lowScores = rho;
	return rho;
}

function poissonChance(mean: number, k: number): number {
	let chance = Math.exp(-mean);
	for (let i = 1; i <= k; i++) chance *= mean / i;
	return chance;
}

function goalMeans(rates: Rates, home: Strength, away: Strength): [number, number] {
	return [
		rates.homeGoals * Math.exp(home.attack + away.defence),
		rates.awayGoals * Math.exp(away.attack + home.defence),
	];
}

/** Dixon and Coles' factor on the chance of a score. */
function lowScoreFactor(
	home: number,
	away: number,
	homeMean: number,
	awayMean: number,
	rho: number,
): number {
	if (home === 0 && away === 0) return 1 - homeMean * awayMean * rho;
	if (home === 0 && away === 1) return 1 + homeMean * rho;
	if (home === 1 && away === 0) return 1 + awayMean * rho;
	if (home === 1 && away === 1) return 1 - rho;
	return 1;
}

export function strengthSpread(models: LeagueModel[]): StrengthSpread {
	const all = models.flatMap(m => [...m.strengths.values()]);
	const attacks = all.map(s => s.attack);
	const defences = all.map(s => s.defence);
	const attackSd = sd(attacks);
	const defenceSd = sd(defences);
	const covariance = mean(
		all.map(s => (s.attack - mean(attacks)) * (s.defence - mean(defences))),
	);
	return { attackSd, defenceSd, correlation: covariance / (attackSd * defenceSd) };
}

/**
 * An invented team's strength, from the real spread (a correlated normal pair).
 * @param quality in standard deviations: 1 makes a team as much better than average as one real team in six
 */
export function drawStrength(random: Random, spread: StrengthSpread, quality = 0): Strength {
	const z1 = random.normal();
	const z2 = random.normal();
	const attack = z1 + quality;
	// Better defence is a lower number, so quality lowers it along the correlation's direction.
	const defence =
		spread.correlation * z1 +
		Math.sqrt(1 - spread.correlation ** 2) * z2 +
		spread.correlation * quality;
	return { attack: attack * spread.attackSd, defence: defence * spread.defenceSd };
}

/** A strength moved by `quality` standard deviations (a club playing a division below its level). */
export function shiftStrength(
	strength: Strength,
	spread: StrengthSpread,
	quality: number,
): Strength {
	return {
		attack: strength.attack + quality * spread.attackSd,
		defence: strength.defence + spread.correlation * quality * spread.defenceSd,
	};
}

/** A strength that varies a little from season to season: form, transfers, injuries. */
export function seasonForm(random: Random, strength: Strength, sd: number): Strength {
	return {
		attack: strength.attack + random.normal(0, sd),
		defence: strength.defence + random.normal(0, sd),
	};
}

/**
 * A full-time and a half-time score: goals by the corrected Poisson model (sampled by rejection:
 * a score is kept with a chance proportional to its correction factor), then each goal falls
 * before half-time with the league's share.
 */
export function drawScore(
	random: Random,
	rates: Rates,
	home: Strength,
	away: Strength,
): { ht: [number, number]; ft: [number, number] } {
	const [homeMean, awayMean] = goalMeans(rates, home, away);
	const factors = [
		[0, 0],
		[0, 1],
		[1, 0],
		[1, 1],
	].map(([h, a]) => lowScoreFactor(h, a, homeMean, awayMean, rates.lowScores));
	const largest = Math.max(1, ...factors);
	let homeGoals: number;
	let awayGoals: number;
	do {
		homeGoals = random.poisson(homeMean);
		awayGoals = random.poisson(awayMean);
	} while (
		random.next() * largest >=
		lowScoreFactor(homeGoals, awayGoals, homeMean, awayMean, rates.lowScores)
	);
	return {
		ht: [
			random.binomial(homeGoals, rates.halfTimeShare),
			random.binomial(awayGoals, rates.halfTimeShare),
		],
		ft: [homeGoals, awayGoals],
	};
}

function sum(values: number[]): number {
	return values.reduce((a, b) => a + b, 0);
}

function mean(values: number[]): number {
	return values.length === 0 ? 0 : sum(values) / values.length;
}

function sd(values: number[]): number {
	const m = mean(values);
	return Math.sqrt(mean(values.map(v => (v - m) ** 2)));
}
