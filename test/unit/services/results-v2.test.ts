// v2.results: the v4 score shape, cursors, and the filters of the v2 contract.
import { normaliseScore } from "../../../domain/score";
import type { Match } from "../../../domain/model";
import {
	type ResultsListV2Params,
	resultsListV2Params,
} from "../../../services/results/results.contract";
import { validated } from "../../support/params";
import type { DocumentCollection } from "../../../storage/collections";
import { openMemoryCollection } from "../../../mixins/db.mixin";
import {
	afterCursor,
	listResultsV2,
	readCursor,
	v2Filter,
} from "../../../services/results/results.v2.query";
import { toV4Match } from "../../../domain/v4-match";
import { decodeCursor, encodeCursor } from "../../../services/results/results.v2.view";

const TEAM = { id: "argentina", name: "Argentina", tla: "ARG" };

function match(score: Parameters<typeof normaliseScore>[0]): Match {
	return {
		id: "wc-2022-final-argentina-france",
		competition: { code: "WC", name: "FIFA World Cup" },
		season: 2022,
		utcDate: "2022-12-18T15:00:00Z",
		status: "FINISHED",
		matchday: null,
		stage: "FINAL",
		group: null,
		homeTeam: TEAM,
		awayTeam: { id: "france", name: "France", tla: "FRA" },
		score: normaliseScore(score),
		goals: [],
	};
}

describe("toV4Match", () => {
	test("a regular match keeps its full-time score and has no extra parts", () => {
		const v4 = toV4Match(match({ ht: [1, 0], ft: [2, 1] }));
		expect(v4.score).toEqual({
			winner: "HOME_TEAM",
			duration: "REGULAR",
			fullTime: { home: 2, away: 1 },
			halfTime: { home: 1, away: 0 },
		});
		expect(v4.season).toEqual({ year: 2022 });
	});

	test("extra time is split out: regular time, goals in extra time, and the final result", () => {
		const v4 = toV4Match(match({ ht: [0, 0], ft: [1, 1], et: [1, 2] }));
		expect(v4.score).toEqual({
			winner: "AWAY_TEAM",
			duration: "EXTRA_TIME",
			fullTime: { home: 1, away: 2 },
			halfTime: { home: 0, away: 0 },
			regularTime: { home: 1, away: 1 },
			extraTime: { home: 0, away: 1 },
		});
	});

	test("the 2022 final: 2-2, 1-1 in extra time, 4-2 on penalties, 7-5 in all", () => {
		const v4 = toV4Match(match({ p: [4, 2], et: [3, 3], ft: [2, 2], ht: [2, 0] }));
		expect(v4.score).toEqual({
			winner: "HOME_TEAM",
			duration: "PENALTY_SHOOTOUT",
			fullTime: { home: 7, away: 5 },
			halfTime: { home: 2, away: 0 },
			regularTime: { home: 2, away: 2 },
			extraTime: { home: 1, away: 1 },
			penalties: { home: 4, away: 2 },
		});
	});
});

describe("cursors", () => {
	test("round-trip, and anything else is refused with a 422 on the cursor field", () => {
		const cursor = { utcDate: "2022-12-18T15:00:00Z", id: "wc-2022-final-argentina-france" };
		expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
		expect(decodeCursor("not-a-cursor")).toBeNull();
		expect(() => readCursor("bm9wZQ")).toThrow(
			expect.objectContaining({
				code: 422,
				data: [expect.objectContaining({ field: "cursor" })],
			}),
		);
		expect(readCursor(undefined)).toBeNull();
	});

	test("a page starts strictly after the last row of the previous one", () => {
		expect(afterCursor({ utcDate: "2022-12-18T15:00:00Z", id: "b" })).toEqual({
			$or: [
				{ utcDate: { $lt: "2022-12-18T15:00:00Z" } },
				{ utcDate: "2022-12-18T15:00:00Z", _id: { $gt: "b" } },
			],
		});
	});
});

describe("v2Filter", () => {
	test("several competitions at once, with or without `competition`", () => {
		expect(v2Filter(validated(resultsListV2Params, { competitions: "PL,CL" }))).toEqual({
			"competition.code": { $in: ["PL", "CL"] },
		});
		expect(
			v2Filter(validated(resultsListV2Params, { competition: "PL", competitions: "PL" })),
		).toEqual({ "competition.code": { $in: ["PL"] } });
		expect(
			v2Filter(validated(resultsListV2Params, { competition: "WC", season: 2022 })),
		).toEqual({ "competition.code": "WC", "season.year": 2022 });
	});
});

describe("listResultsV2", () => {
	/** 45 stored views (3 deleted), dates spread over a season, every third one still to play. */
	async function storedViews(): Promise<DocumentCollection> {
		const collection = await openMemoryCollection();
		for (let i = 1; i <= 45; i++) {
			await collection.put({
				_id: `m${String(i).padStart(2, "0")}`,
				_seq: i,
				_deleted: i > 42,
				competition: { code: i % 2 === 0 ? "PL" : "BL1" },
				season: { year: 2024 },
				// Two matches a day, so that paging has ties on the date to settle by id.
				utcDate: `2024-${String(8 + Math.floor(i / 10)).padStart(2, "0")}-${String(10 + (Math.floor(i / 2) % 10)).padStart(2, "0")}T15:00:00Z`,
				status: i % 3 === 0 ? "SCHEDULED" : "FINISHED",
			});
		}
		return collection;
	}

	/** The summary worked out by hand from every live view, the way a reader would. */
	async function expectedSummary(
		collection: DocumentCollection,
		codes: string[],
		status?: string,
	) {
		const live = (await collection.find({ _deleted: false })).filter(
			view =>
				codes.includes((view.competition as { code: string }).code) &&
				(status === undefined || view.status === status),
		);
		const dates = live.map(view => String(view.utcDate).slice(0, 10)).sort();
		return {
			count: live.length,
			first: dates[0],
			last: dates[dates.length - 1],
			played: live.filter(view => view.status === "FINISHED").length,
		};
	}

	test("the resultSet summarises every match of the filters on every page, and the pages cover them once each", async () => {
		const collection = await storedViews();
		for (const [params, codes] of [
			[{ competitions: "PL,BL1", limit: 20 }, ["PL", "BL1"]],
			[{ competition: "PL", limit: 7 }, ["PL"]],
			[{ competition: "BL1", limit: 50 }, ["BL1"]],
			// Played counts within the filters: none of the scheduled matches, all of the finished ones.
			[{ competitions: "PL,BL1", status: "SCHEDULED", limit: 5 }, ["PL", "BL1"]],
			[{ competitions: "PL,BL1", status: "FINISHED", limit: 5 }, ["PL", "BL1"]],
		] as const) {
			const expected = await expectedSummary(
				collection,
				[...codes],
				"status" in params ? params.status : undefined,
			);
			const seen: string[] = [];
			let cursor: string | undefined;
			do {
				const page = await listResultsV2(
					collection,
					validated(resultsListV2Params, {
						season: 2024,
						...params,
						cursor,
					} as ResultsListV2Params),
				);
				expect(page.resultSet).toEqual(expected);
				seen.push(
					...page.matches.map(m => String((m as unknown as { utcDate: string }).utcDate)),
				);
				cursor = page.next ?? undefined;
			} while (cursor);
			expect(seen).toHaveLength(expected.count);
			expect([...seen].sort().reverse()).toEqual(seen);
		}
	});

	test("nothing matching: an empty summary and no next page", async () => {
		const page = await listResultsV2(
			await storedViews(),
			validated(resultsListV2Params, { competition: "WC", season: 2024 }),
		);
		expect(page).toMatchObject({
			resultSet: { count: 0, first: null, last: null, played: 0 },
			matches: [],
			next: null,
		});
	});
});
