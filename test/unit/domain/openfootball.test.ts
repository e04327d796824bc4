import { join } from "node:path";
import { clubCompetition } from "../../../domain/catalog";
import {
	makeTla,
	normaliseOpenFootball,
	openOpenFootballDir,
	readOpenFootballDir,
	shortNameOf,
	type SourceFile,
	type SourceFolder,
	splitCountrySuffix,
	streamOpenFootball,
} from "../../../domain/openfootball";

const DATA_DIR = join(__dirname, "..", "..", "..", "data", "openfootball");

function league(matches: object[], path = "football/2024-25/en.1.json"): SourceFile {
	return { path, content: { name: "English Premier League 2024/25", matches } };
}

describe("normaliseOpenFootball on small sources", () => {
	const files: SourceFile[] = [
		league([
			{
				round: "Matchday 1",
				date: "2024-08-16",
				time: "20:00",
				team1: "Manchester United FC",
				team2: "Fulham FC",
				score: { ht: [0, 0], ft: [1, 0] },
			},
			{
				round: "Matchday 2",
				date: "2024-08-24",
				time: "15:00",
				team1: "Fulham FC",
				team2: "Leicester City FC",
				score: {},
			},
		]),
		{
			path: "football/2024-25/uefa.cl.json",
			content: {
				name: "UEFA Champions League 2024/25",
				matches: [
					{
						round: "League, Matchday 1",
						date: "2024-09-17",
						time: "21:00",
						team1: "Celtic FC (SCO)",
						team2: "Manchester United FC (ENG)",
						score: { ft: [2, 2] },
					},
				],
			},
		},
		{
			path: "worldcup/2026/worldcup.teams.json",
			content: [
				{ name: "United States", fifa_code: "USA" },
				{ name: "Paraguay", fifa_code: "PAR" },
			],
		},
		{
			path: "worldcup/2026/worldcup.json",
			content: {
				name: "World Cup 2026",
				matches: [
					{
						round: "Matchday 1",
						date: "2026-06-12",
						time: "18:00 UTC-7",
						team1: "United States",
						team2: "Paraguay",
						group: "Group D",
						score: { ht: [1, 0], ft: [2, 1] },
						goals1: [
							{ name: "Christian Pulišić", minute: "9" },
							{ name: "Gio Reyna", minute: "90+3" },
						],
						goals2: [{ name: "Miguel Almirón", minute: "67", penalty: true }],
					},
				],
			},
		},
		{
			path: "worldcup/2026/worldcup.squads.json",
			content: [
				{
					name: "USA",
					fifa_code: "USA",
					players: [
						{
							number: 10,
							pos: "FW",
							name: "Christian Pulišić",
							club: { name: "AC Milan", country: "ITA" },
							date_of_birth: "1998-09-18",
						},
						{
							number: 1,
							pos: "GK",
							name: "Matt Turner",
							club: { name: "Crystal Palace FC", country: "ENG" },
							date_of_birth: "1994-06-24",
						},
					],
				},
			],
		},
		{ path: "README.md.json", content: {} },
	];
	const data = normaliseOpenFootball(files);

	test("competitions get football-data.org codes, types, areas and seasons from their matches", () => {
		expect(data.competitions.map(c => c.code)).toEqual(["CL", "PL", "WC"]);
		expect(data.competitions.find(c => c.code === "PL")).toEqual({
			id: "PL",
			code: "PL",
			name: "Premier League",
			type: "LEAGUE",
			area: { name: "England", code: "ENG" },
			seasons: [{ id: "PL-2024", startDate: "2024-08-16", endDate: "2024-08-24" }],
		});
		expect(data.competitions.find(c => c.code === "WC")?.type).toBe("CUP");
	});

	test("a club named in several files is one team, with every competition season it plays", () => {
		const united = data.teams.find(t => t.id === "manchester-united-fc");
		expect(united).toMatchObject({
			name: "Manchester United FC",
			shortName: "Manchester United",
			tla: "MUN",
			type: "CLUB",
			area: { code: "ENG" },
		});
		expect(united?.competitions).toEqual([
			{ code: "CL", season: 2024 },
			{ code: "PL", season: 2024 },
		]);
	});

	test("a club known only from a European cup takes its country from the name's suffix", () => {
		expect(data.teams.find(t => t.id === "celtic-fc")).toMatchObject({
			name: "Celtic FC",
			area: { name: "Scotland", code: "SCO" },
		});
	});

	test("national teams take their FIFA code; squads find their team by code, whatever its spelling", () => {
		expect(data.teams.find(t => t.id === "united-states")).toMatchObject({
			type: "NATIONAL",
			tla: "USA",
			area: { code: "USA" },
		});
		expect(data.players.map(p => p.id)).toEqual([
			"united-states-christian-pulisic",
			"united-states-matt-turner",
		]);
		expect(data.players[0]).toEqual({
			id: "united-states-christian-pulisic",
			name: "Christian Pulišić",
			position: "Forward",
			shirtNumber: 10,
			dateOfBirth: "1998-09-18",
			nationality: "United States",
			team: { id: "united-states", name: "United States", tla: "USA" },
			club: { name: "AC Milan", country: "ITA" },
		});
	});

	test("matches carry ids, UTC kick-offs, stage, group, score and goals", () => {
		const opener = data.matches.find(m => m.competition.code === "WC")!;
		expect(opener).toMatchObject({
			id: "wc-2026-matchday-1-united-states-paraguay",
			season: 2026,
			utcDate: "2026-06-13T01:00:00Z",
			status: "FINISHED",
			matchday: 1,
			stage: "GROUP_STAGE",
			group: "GROUP_D",
			homeTeam: { id: "united-states", tla: "USA" },
			awayTeam: { id: "paraguay", tla: "PAR" },
		});
		expect(
			opener.goals.map(
				g =>
					`${g.minute}${g.injuryTime ? "+" + g.injuryTime : ""} ${g.team.tla}${g.penalty ? " (pen)" : ""}`,
			),
		).toEqual(["9 USA", "67 PAR (pen)", "90+3 USA"]);
		const scheduled = data.matches.find(
			m => m.id === "pl-2024-matchday-2-fulham-fc-leicester-city-fc",
		)!;
		expect(scheduled.status).toBe("SCHEDULED");
		expect(scheduled.score.fullTime).toEqual({ home: null, away: null });
	});

	test("files it does not know are ignored", () => {
		expect(data.matches).toHaveLength(4);
	});
});

describe("normaliseOpenFootball on club squads and the leagues the catalog derives", () => {
	const files: SourceFile[] = [
		league(
			[
				{
					round: "Matchday 1",
					date: "2025-08-15",
					time: "19:00",
					team1: "SV Lindenau",
					team2: "FC Ashberg",
					score: { ht: [0, 1], ft: [2, 1] },
				},
			],
			"football/2025-26/at.2.json",
		),
		{
			path: "football/2025-26/at.2.squads.json",
			content: [
				{
					name: "SV Lindenau",
					players: [
						{
							number: 1,
							pos: "GK",
							name: "Jonas Huber",
							date_of_birth: "1998-02-03",
							nationality: "Germany",
						},
						{ number: 9, pos: "FW", name: "Lukas Wolf", date_of_birth: "2001-06-30" },
					],
				},
			],
		},
		league(
			[{ round: "Matchday 1", date: "2025-08-15", team1: "A", team2: "B", score: {} }],
			"football/2025-26/xx.1.json",
		),
	];
	const data = normaliseOpenFootball(files);

	test("a league of a country the catalog knows gets a code, name and area derived from its file name", () => {
		expect(data.competitions).toEqual([
			{
				id: "AUT2",
				code: "AUT2",
				name: "Austria Second Division",
				type: "LEAGUE",
				area: { name: "Austria", code: "AUT" },
				seasons: [{ id: "AUT2-2025", startDate: "2025-08-15", endDate: "2025-08-15" }],
			},
		]);
		expect(data.matches.map(m => [m.id, m.utcDate])).toEqual([
			["aut2-2025-matchday-1-sv-lindenau-fc-ashberg", "2025-08-15T17:00:00Z"],
		]);
	});

	test("a club squad's players play for the club, with their own nationality or else the club's country", () => {
		expect(data.players).toEqual([
			{
				id: "sv-lindenau-jonas-huber",
				name: "Jonas Huber",
				position: "Goalkeeper",
				shirtNumber: 1,
				dateOfBirth: "1998-02-03",
				nationality: "Germany",
				team: { id: "sv-lindenau", name: "SV Lindenau", tla: "LIN" },
				club: { name: "SV Lindenau", country: "AUT" },
			},
			{
				id: "sv-lindenau-lukas-wolf",
				name: "Lukas Wolf",
				position: "Forward",
				shirtNumber: 9,
				dateOfBirth: "2001-06-30",
				nationality: "Austria",
				team: { id: "sv-lindenau", name: "SV Lindenau", tla: "LIN" },
				club: { name: "SV Lindenau", country: "AUT" },
			},
		]);
	});

	test("a league file of a country the catalog does not know is still ignored", () => {
		expect(data.teams.map(t => t.id)).toEqual(["fc-ashberg", "sv-lindenau"]);
	});

	test("a squad of a club that no match names is refused", () => {
		const stray = {
			path: "football/2025-26/at.2.squads.json",
			content: [{ name: "FC Nowhere", players: [] }],
		};
		expect(() => normaliseOpenFootball([files[0], stray])).toThrow(
			"Squad of unknown club FC Nowhere",
		);
	});
});

describe("clubCompetition", () => {
	test("the fixed entries keep their codes; known countries' other leagues get derived ones; the rest none", () => {
		expect(
			["en.1", "de.1", "es.1", "it.1", "fr.1", "uefa.cl", "en.2", "nl.1"].map(
				key => clubCompetition(key)?.code,
			),
		).toEqual(["PL", "BL1", "PD", "SA", "FL1", "CL", "ELC", "DED"]);
		expect(clubCompetition("en.5")).toMatchObject({
			code: "ENG5",
			name: "England Fifth Division",
			area: { code: "ENG" },
			timeZone: "Europe/London",
		});
		expect(clubCompetition("sco.12")?.name).toBe("Scotland Division 12");
		expect(clubCompetition("at.cup")).toMatchObject({ code: "AUTCUP", type: "CUP" });
		expect([clubCompetition("de.cup")?.code, clubCompetition("mls")?.code]).toEqual([
			"DFB",
			"MLS",
		]);
		expect([
			clubCompetition("xx.1"),
			clubCompetition("en.0"),
			clubCompetition("xx.cup"),
		]).toEqual([undefined, undefined, undefined]);
	});
});

describe("normaliseOpenFootball on the bundled data", () => {
	const first = normaliseOpenFootball(readOpenFootballDir(DATA_DIR));

	test("the same files give the same ids (and documents) on every import", () => {
		const second = normaliseOpenFootball(readOpenFootballDir(DATA_DIR));
		expect(second).toEqual(first);
	});

	test("ids are unique within each kind", () => {
		for (const items of [first.competitions, first.teams, first.players, first.matches]) {
			expect(new Set(items.map(i => i.id)).size).toBe(items.length);
		}
	});

	test("it holds what the files hold: 7 competitions, 48 squads of 26, every match", () => {
		expect(first.competitions).toHaveLength(7);
		expect(first.players).toHaveLength(48 * 26);
		expect(first.matches).toHaveLength(3861);
		expect(
			first.teams.filter(t => t.competitions.some(c => c.code === "PL" && c.season === 2024)),
		).toHaveLength(20);
	});

	test("2022 World Cup teams missing from the 2026 files still get their FIFA codes", () => {
		expect(first.teams.find(t => t.id === "wales")?.tla).toBe("WAL");
		expect(first.teams.find(t => t.id === "denmark")?.tla).toBe("DEN");
	});

	test("postponed and awarded matches keep their status", () => {
		const statuses = new Set(first.matches.map(m => m.status));
		expect(statuses).toEqual(new Set(["FINISHED", "SCHEDULED", "POSTPONED", "AWARDED"]));
	});
});

describe("name helpers", () => {
	test("splitCountrySuffix", () => {
		expect(splitCountrySuffix("Liverpool FC (ENG)")).toEqual({
			name: "Liverpool FC",
			countryCode: "ENG",
		});
		expect(splitCountrySuffix("Liverpool FC")).toEqual({
			name: "Liverpool FC",
			countryCode: null,
		});
	});

	test("shortNameOf drops club affixes but never the whole name", () => {
		expect(shortNameOf("Brighton & Hove Albion FC")).toBe("Brighton & Hove Albion");
		expect(shortNameOf("1. FC Union Berlin")).toBe("Union Berlin");
		expect(shortNameOf("FC")).toBe("FC");
	});

	test("makeTla", () => {
		expect(makeTla("Liverpool")).toBe("LIV");
		expect(makeTla("Manchester City")).toBe("MCI");
		expect(makeTla("Ål")).toBe("ALX");
	});
});

describe("streamOpenFootball: the import a file at a time", () => {
	/** The bundled folder, counting how often each file is read. */
	function countingFolder(): { folder: SourceFolder; reads: Map<string, number> } {
		const real = openOpenFootballDir(DATA_DIR);
		const reads = new Map<string, number>();
		const read = (path: string) => {
			reads.set(path, (reads.get(path) ?? 0) + 1);
			return real.read(path);
		};
		return { folder: { paths: real.paths, read }, reads };
	}

	test("batches come in log order (competitions, teams, players, matches) and hold what the whole import holds", () => {
		const { folder } = countingFolder();
		const batches = [...streamOpenFootball(folder)];
		const kinds = batches.map(batch => batch.kind);
		expect(kinds.slice(0, 2)).toEqual(["competition", "team"]);
		const firstMatch = kinds.indexOf("match");
		expect(kinds.slice(2, firstMatch).every(kind => kind === "player")).toBe(true);
		expect(kinds.slice(firstMatch).every(kind => kind === "match")).toBe(true);
		const whole = normaliseOpenFootball(readOpenFootballDir(DATA_DIR));
		const ids = (kind: string) =>
			batches
				.filter(b => b.kind === kind)
				.flatMap(b => b.docs.map(doc => doc.id))
				.sort();
		expect(ids("match")).toEqual(whole.matches.map(m => m.id).sort());
		expect(ids("player")).toEqual(whole.players.map(p => p.id).sort());
		// A match batch is one season file's matches: never the whole set at once.
		expect(
			Math.max(...batches.filter(b => b.kind === "match").map(b => b.docs.length)),
		).toBeLessThan(whole.matches.length / 4);
	});

	test("each file is read when needed and let go: season files twice (clubs first, matches after), the others once", () => {
		const { folder, reads } = countingFolder();
		for (const batch of streamOpenFootball(folder)) void batch;
		for (const path of folder.paths) {
			const seasonFile =
				/^football\/\d{4}-\d{2}\/[a-z]+\.[a-z0-9]+\.json$/.test(path) ||
				/^worldcup\/\d{4}\/worldcup\.json$/.test(path);
			expect([path, reads.get(path) ?? 0]).toEqual([
				path,
				seasonFile ? 2 : path.includes("teams") || path.includes("squads") ? 1 : 0,
			]);
		}
	});
});
