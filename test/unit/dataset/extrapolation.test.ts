import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { writeDataset, type DatasetSummary } from "../../../dataset/dataset-writer";
import { planDataset } from "../../../dataset/extrapolation";
import type { MasterData, Player } from "../../../domain/model";
import { normaliseOpenFootball, readOpenFootballDir } from "../../../domain/openfootball";

const REAL_DIR = join(__dirname, "..", "..", "..", "data", "openfootball");
const SCALE = 1;

interface RawMatch {
	team1: string;
	team2: string;
	score?: { ht?: number[]; ft?: number[] };
}

const temporary: string[] = [];

function generate(seed: string): { dir: string; summary: DatasetSummary } {
	const dir = mkdtempSync(join(tmpdir(), "matchday-dataset-"));
	temporary.push(dir);
	return {
		dir,
		summary: writeDataset({
			sourceDir: REAL_DIR,
			outDir: join(dir, "out"),
			scale: SCALE,
			seed,
		}),
	};
}

/** Every file below `dir` by path, with the SHA-256 of its bytes. */
function digests(dir: string): Map<string, string> {
	const found = new Map<string, string>();
	const walk = (folder: string): void => {
		for (const entry of readdirSync(folder)) {
			const path = join(folder, entry);
			if (statSync(path).isDirectory()) walk(path);
			else
				found.set(
					relative(dir, path).split(sep).join("/"),
					createHash("sha256").update(readFileSync(path)).digest("hex"),
				);
		}
	};
	walk(dir);
	return found;
}

function isReal(path: string): boolean {
	return existsSync(join(REAL_DIR, path));
}

/** Played matches of league files (`<country>.<division>.json`), read straight from the files. */
function playedLeagueMatches(
	dir: string,
	paths: string[],
): Array<[number, number, number[] | undefined]> {
	return paths
		.filter(path => /^football\/\d{4}-\d{2}\/[a-z]+\.\d+\.json$/.test(path))
		.flatMap(
			path =>
				(JSON.parse(readFileSync(join(dir, path), "utf8")) as { matches: RawMatch[] })
					.matches,
		)
		.filter(match => match.score?.ft)
		.map(match => [match.score!.ft![0], match.score!.ft![1], match.score!.ht]);
}

function resultShares(matches: Array<[number, number, unknown]>): {
	goals: number;
	homeWins: number;
	draws: number;
	homeAdvantage: number;
} {
	const share = (test: (home: number, away: number) => boolean): number =>
		matches.filter(([h, a]) => test(h, a)).length / matches.length;
	return {
		goals: matches.reduce((sum, [h, a]) => sum + h + a, 0) / matches.length,
		homeWins: share((h, a) => h > a),
		draws: share((h, a) => h === a),
		/** Home wins less away wins: zero without a home advantage. */
		homeAdvantage: share((h, a) => h > a) - share((h, a) => h < a),
	};
}

function wholeYears(birth: string, on: string): number {
	const [by, bm, bd] = birth.split("-").map(Number);
	const [y, m, d] = on.split("-").map(Number);
	return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

afterAll(() => {
	for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe("the data set generator", () => {
	const first = generate("7");
	const out = join(first.dir, "out");
	const files = digests(out);
	const generatedPaths = [...files.keys()].filter(path => !isReal(path));
	let data: MasterData;

	beforeAll(() => {
		data = normaliseOpenFootball(readOpenFootballDir(out));
	});

	test("when run twice with the same seed and scale, then every file is byte for byte the same", () => {
		const again = digests(join(generate("7").dir, "out"));
		expect(files.size).toBeGreaterThan(50);
		expect(again).toEqual(files);
	});

	test("when the seed differs, then every generated file differs and the real files are copied unchanged", () => {
		const other = digests(join(generate("8").dir, "out"));
		expect([...other.keys()].sort()).toEqual([...files.keys()].sort());
		for (const [path, digest] of files) {
			if (isReal(path)) expect(other.get(path)).toBe(digest);
			else expect({ path, same: other.get(path) === digest }).toEqual({ path, same: false });
		}
	});

	test("its files load with the importer, with the counts the generator reports", () => {
		const { summary } = first;
		expect({
			competitions: data.competitions.length,
			seasons: data.competitions.reduce((n, c) => n + c.seasons.length, 0),
			teams: data.teams.length,
			players: data.players.length,
			matches: data.matches.length,
		}).toEqual({
			competitions: summary.competitions,
			seasons: summary.seasons,
			teams: summary.teams,
			players: summary.players,
			matches: summary.matches,
		});
		expect(summary.files).toBe(files.size);
		const real = normaliseOpenFootball(readOpenFootballDir(REAL_DIR));
		expect(data.matches.length).toBeGreaterThan(3 * real.matches.length);
		expect(data.players.length).toBeGreaterThan(5 * real.players.length);
		for (const items of [data.teams, data.players, data.matches])
			expect(new Set(items.map(i => i.id)).size).toBe(items.length);
	});

	test("the real competitions keep their codes; the new ones get unique valid codes, and seasons go back further", () => {
		const codes = data.competitions.map(c => c.code);
		expect(codes).toEqual(
			expect.arrayContaining([
				"PL",
				"BL1",
				"PD",
				"SA",
				"FL1",
				"CL",
				"WC",
				"ELC",
				"BL2",
				"SD",
				"SB",
				"FL2",
			]),
		);
		expect(new Set(codes).size).toBe(codes.length);
		for (const code of codes) expect(code).toMatch(/^[A-Z0-9]{2,10}$/);
		expect(data.competitions.find(c => c.code === "PL")?.seasons.map(s => s.id)).toEqual([
			"PL-2025",
			"PL-2024",
			"PL-2023",
		]);
	});

	test("every club has a squad; the clubs relegated from the real leagues play the next season one division lower", () => {
		const squadSizes = new Map<string, number>();
		for (const player of data.players)
			squadSizes.set(player.team.id, (squadSizes.get(player.team.id) ?? 0) + 1);
		for (const team of data.teams.filter(t => t.type === "CLUB")) {
			expect({ team: team.id, squad: squadSizes.get(team.id) ?? 0 }).toEqual({
				team: team.id,
				squad: expect.any(Number),
			});
			expect(squadSizes.get(team.id)).toBeGreaterThanOrEqual(21);
			expect(squadSizes.get(team.id)).toBeLessThanOrEqual(29);
		}
		const leicester = data.teams.find(t => t.id === "leicester-city-fc");
		expect(leicester?.competitions.filter(c => c.season >= 2024)).toEqual([
			{ code: "ELC", season: 2025 },
			{ code: "PL", season: 2024 },
		]);
		expect(data.teams.find(t => t.id === "celtic-fc")?.competitions.map(c => c.code)).toContain(
			"SPL",
		);
	});

	test("results are close to the real leagues': goals per match, home wins, draws and home advantage", () => {
		const real = resultShares(playedLeagueMatches(REAL_DIR, [...digests(REAL_DIR).keys()]));
		const generated = playedLeagueMatches(out, generatedPaths);
		const shares = resultShares(generated);
		expect(generated.length).toBeGreaterThan(10_000);
		expect(Math.abs(shares.goals - real.goals)).toBeLessThanOrEqual(0.25);
		expect(Math.abs(shares.homeWins - real.homeWins)).toBeLessThanOrEqual(0.07);
		expect(Math.abs(shares.draws - real.draws)).toBeLessThanOrEqual(0.07);
		expect(Math.abs(shares.homeAdvantage - real.homeAdvantage)).toBeLessThanOrEqual(0.07);
	});

	test("every generated half-time score is within its full-time score", () => {
		const generated = playedLeagueMatches(out, generatedPaths);
		const inconsistent = generated.filter(
			([h, a, ht]) => !ht || ht[0] > h || ht[1] > a || ht[0] < 0 || ht[1] < 0,
		);
		expect(inconsistent).toEqual([]);
	});

	test("squads look like real ones: positions, ages, unique shirt numbers, mostly home players", () => {
		const clubIds = new Set(data.teams.filter(t => t.type === "CLUB").map(t => t.id));
		const players = data.players.filter(p => clubIds.has(p.team.id));
		const share = (test: (p: Player) => boolean): number =>
			players.filter(test).length / players.length;
		expect(share(p => p.position === "Goalkeeper")).toBeGreaterThanOrEqual(0.08);
		expect(share(p => p.position === "Goalkeeper")).toBeLessThanOrEqual(0.16);
		expect(share(p => p.position === "Forward")).toBeGreaterThanOrEqual(0.15);
		expect(share(p => p.position === "Forward")).toBeLessThanOrEqual(0.3);
		const ages = players.map(p => wholeYears(p.dateOfBirth!, "2025-09-01"));
		expect(Math.min(...ages)).toBeGreaterThanOrEqual(17);
		expect(Math.max(...ages)).toBeLessThanOrEqual(38);
		expect(ages.filter(age => age >= 21 && age <= 31).length / ages.length).toBeGreaterThan(
			0.6,
		);
		const areaOf = new Map(data.teams.map(t => [t.id, t.area.name]));
		expect(share(p => p.nationality === areaOf.get(p.team.id))).toBeGreaterThan(0.5);
		const numbersBySquad = new Map<string, number[]>();
		for (const p of players)
			numbersBySquad.set(p.team.id, [
				...(numbersBySquad.get(p.team.id) ?? []),
				p.shirtNumber!,
			]);
		for (const [team, numbers] of numbersBySquad) {
			expect({ team, unique: new Set(numbers).size === numbers.length }).toEqual({
				team,
				unique: true,
			});
			for (const number of numbers) expect(number).toBeGreaterThanOrEqual(1);
			for (const number of numbers) expect(number).toBeLessThanOrEqual(99);
		}
	});

	test("clubs strong in the real seasons are strong in the generated earlier ones (the model is fitted per club)", () => {
		const goalDifference = (season: number): Map<string, number> => {
			const totals = new Map<string, number>();
			for (const m of data.matches.filter(
				m => m.season === season && m.competition.code === "PL" && m.status === "FINISHED",
			)) {
				const diff = m.score.fullTime.home! - m.score.fullTime.away!;
				totals.set(m.homeTeam.id, (totals.get(m.homeTeam.id) ?? 0) + diff);
				totals.set(m.awayTeam.id, (totals.get(m.awayTeam.id) ?? 0) - diff);
			}
			return totals;
		};
		const real = goalDifference(2024);
		const generated = goalDifference(2023);
		const clubs = [...real.keys()];
		expect(clubs).toHaveLength(20);
		expect(
			correlation(
				clubs.map(c => real.get(c)!),
				clubs.map(c => generated.get(c)!),
			),
		).toBeGreaterThan(0.4);
	});
});

describe("the plan at larger scales", () => {
	const real = readOpenFootballDir(REAL_DIR);

	test("players grow with the scale, about 25 a club, and a tenfold scale adds a season", () => {
		const clubs = (scale: number): number => planDataset(real, scale, "1").clubs.size;
		expect(clubs(10) - clubs(1)).toBeGreaterThanOrEqual(9 * 37);
		expect(clubs(100)).toBeGreaterThanOrEqual(3900);
		expect(clubs(100)).toBeLessThanOrEqual(4300);
		expect(planDataset(real, 100, "1").seasons).toEqual([2021, 2022, 2023, 2024, 2025]);
	});

	test("a scale that is not a whole number from 1 is refused", () => {
		expect(() => planDataset(real, 0, "1")).toThrow(/scale/);
		expect(() => planDataset(real, 1.5, "1")).toThrow(/scale/);
	});
});

function correlation(xs: number[], ys: number[]): number {
	const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
	const mx = mean(xs);
	const my = mean(ys);
	const cov = mean(xs.map((x, i) => (x - mx) * (ys[i] - my)));
	const sd = (v: number[], m: number): number => Math.sqrt(mean(v.map(x => (x - m) ** 2)));
	return cov / (sd(xs, mx) * sd(ys, my));
}
