// The whole openfootball archive (data/archive): every file imports, every match in its files
// becomes one match, counted per competition by a plain loop over the files written here.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { openOpenFootballDir, streamOpenFootball } from "../../../domain/openfootball";
import type { Match } from "../../../domain/model";

const ARCHIVE = join(__dirname, "..", "..", "..", "data", "archive");

function jsonFiles(dir: string): string[] {
	return readdirSync(dir).flatMap(entry => {
		const path = join(dir, entry);
		if (statSync(path).isDirectory()) return jsonFiles(path);
		return entry.endsWith(".json") ? [path] : [];
	});
}

/** Matches per file, by a loop that knows only the two list shapes. */
function matchesInFiles(): number {
	let count = 0;
	for (const path of jsonFiles(ARCHIVE)) {
		const content = JSON.parse(readFileSync(path, "utf8")) as {
			matches?: unknown[];
			rounds?: Array<{ matches: unknown[] }>;
		};
		if (Array.isArray(content)) continue;
		count += content.matches?.length ?? 0;
		for (const round of content.rounds ?? []) count += round.matches.length;
	}
	return count;
}

describe("the whole archive", () => {
	const matches: Match[] = [];
	const competitions: string[] = [];
	beforeAll(() => {
		for (const batch of streamOpenFootball(openOpenFootballDir(ARCHIVE))) {
			if (batch.kind === "match") matches.push(...batch.docs);
			if (batch.kind === "competition") competitions.push(...batch.docs.map(c => c.code));
		}
	});

	test("every file imports and every match of the files is one match, with a unique id", () => {
		expect(matches).toHaveLength(matchesInFiles());
		expect(new Set(matches.map(m => m.id)).size).toBe(matches.length);
		expect(matches.length).toBeGreaterThan(94_000);
	});

	test("the competitions carry football-data.org's codes, and the rule's elsewhere", () => {
		for (const code of ["PL", "ELC", "EL1", "EL2", "BL1", "BL2", "PD", "SD", "SA", "SB"])
			expect(competitions).toContain(code);
		for (const code of ["FL1", "FL2", "DED", "PPL", "CL", "CLI", "BSA", "WC", "EC", "CWC"])
			expect(competitions).toContain(code);
		expect(competitions).toEqual(expect.arrayContaining(["AUT2", "AUTCUP", "TUR2"]));
	});

	test("the World Cup 1930 final: Uruguay 4–2 Argentina", () => {
		const final = matches.find(
			m => m.competition.code === "WC" && m.season === 1930 && m.stage === "FINAL",
		);
		expect(final).toMatchObject({
			homeTeam: { id: "uruguay" },
			awayTeam: { id: "argentina" },
			status: "FINISHED",
			score: { fullTime: { home: 4, away: 2 }, winner: "HOME_TEAM" },
		});
		expect(final?.goals).toHaveLength(6);
	});

	test("calendar-year seasons, EUROs in rounds, bare scores and cancelled matches are read", () => {
		expect(matches.filter(m => m.competition.code === "BSA" && m.season === 2019)).toHaveLength(
			380,
		);
		expect(matches.filter(m => m.competition.code === "EC" && m.season === 2024)).toHaveLength(
			51,
		);
		const italy = matches.find(m => m.competition.code === "WCQ" && m.homeTeam.id === "italy");
		expect(italy?.score.fullTime).toEqual({ home: 2, away: 0 });
		expect(matches.some(m => m.status === "CANCELLED")).toBe(true);
	});
});
