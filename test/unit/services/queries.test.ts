// The query builders of the read services: params in, MongoDB query out.
import { competitionsPageRequest } from "../../../services/competitions/competitions.query";
import { playersPageRequest, sortOf } from "../../../services/players/players.query";
import { isCalendarDate, resultsPageRequest } from "../../../services/results/results.query";
import { standingsPageRequest } from "../../../services/standings/standings.query";
import { teamsPageRequest } from "../../../services/teams/teams.query";
import { competitionsListParams } from "../../../services/competitions/competitions.contract";
import { playersListParams } from "../../../services/players/players.contract";
import { resultsListParams } from "../../../services/results/results.contract";
import { standingsListParams } from "../../../services/standings/standings.contract";
import { teamsListParams } from "../../../services/teams/teams.contract";
import { validated } from "../../support/params";

describe("players", () => {
	test("each filter becomes a condition on the projection; name search is folded and literal", () => {
		const request = playersPageRequest(
			validated(playersListParams, {
				team: "argentina",
				competition: "WC",
				position: "Forward",
				nationality: "Türkiye",
				q: "Mü.ller",
			}),
		);
		expect(request.query).toEqual({
			"team.id": "argentina",
			_competitions: "WC",
			position: "Forward",
			_nationality: "turkiye",
			_name: { $regex: /mu\.ller/ },
		});
		const regex = (request.query._name as { $regex: RegExp }).$regex;
		expect(regex.test("thomas muller")).toBe(false); // the dot is literal
	});

	test("defaults: first page of 20, by name", () => {
		expect(playersPageRequest(validated(playersListParams, {}))).toMatchObject({
			query: {},
			page: 1,
			pageSize: 20,
			sort: [
				["_name", 1],
				["_id", 1],
			],
		});
	});

	test("sorts map to stored fields, descending with a minus", () => {
		expect(sortOf("-dateOfBirth")).toEqual([
			["dateOfBirth", -1],
			["_id", 1],
		]);
		expect(sortOf("shirtNumber")).toEqual([
			["shirtNumber", 1],
			["_id", 1],
		]);
	});
});

describe("teams", () => {
	test("competition and season together ask for that season; alone, for any", () => {
		expect(
			teamsPageRequest(validated(teamsListParams, { competition: "PL", season: 2024 })).query,
		).toEqual({ _seasons: "PL:2024" });
		expect(teamsPageRequest(validated(teamsListParams, { competition: "PL" })).query).toEqual({
			_codes: "PL",
		});
		expect(teamsPageRequest(validated(teamsListParams, { season: 2022 })).query).toEqual({
			_years: 2022,
		});
	});
});

describe("competitions", () => {
	test("type and area", () => {
		expect(
			competitionsPageRequest(validated(competitionsListParams, { type: "CUP", area: "EUR" }))
				.query,
		).toEqual({ type: "CUP", "area.code": "EUR" });
	});
});

describe("results", () => {
	test("dates are inclusive days; newest first", () => {
		const request = resultsPageRequest(
			validated(resultsListParams, {
				competition: "PL",
				season: 2024,
				team: "arsenal-fc",
				dateFrom: "2024-08-16",
				dateTo: "2024-08-31",
				status: "FINISHED",
				matchday: 2,
			}),
		);
		expect(request.query).toEqual({
			"competition.code": "PL",
			season: 2024,
			_teams: "arsenal-fc",
			status: "FINISHED",
			matchday: 2,
			utcDate: { $gte: "2024-08-16", $lt: "2024-09-01" },
		});
		expect(request.sort).toEqual([
			["utcDate", -1],
			["_id", 1],
		]);
	});

	test("a date that is not on the calendar, or a range backwards, is a validation error naming the field", () => {
		expect(() =>
			resultsPageRequest(validated(resultsListParams, { dateFrom: "2023-02-30" })),
		).toThrow(
			expect.objectContaining({
				code: 422,
				data: [expect.objectContaining({ field: "dateFrom" })],
			}),
		);
		expect(() =>
			resultsPageRequest(
				validated(resultsListParams, { dateFrom: "2024-05-01", dateTo: "2024-04-01" }),
			),
		).toThrow(expect.objectContaining({ code: 422 }));
		expect(isCalendarDate("2024-02-29")).toBe(true);
		expect(isCalendarDate("2023-02-29")).toBe(false);
	});
});

describe("standings", () => {
	test("competition, season and group pick tables; by competition, newest season first", () => {
		const request = standingsPageRequest(
			validated(standingsListParams, { competition: "WC", season: 2022, group: "GROUP_C" }),
		);
		expect(request.query).toEqual({ "competition.code": "WC", season: 2022, group: "GROUP_C" });
		expect(request.sort).toEqual([
			["competition.code", 1],
			["season", -1],
			["_id", 1],
		]);
		expect(standingsPageRequest(validated(standingsListParams, {}))).toMatchObject({
			query: {},
			page: 1,
			pageSize: 20,
		});
	});
});
