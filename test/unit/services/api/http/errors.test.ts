import { Errors } from "moleculer";
import { RETRY_AFTER_SECONDS, toHttpError } from "../../../../../services/api/http/errors";

describe("toHttpError", () => {
	test("a validation error is a 422 naming each bad field, the value sent and what is allowed", () => {
		// As fastest-validator reports them: the allowed list of an enum is its `expected`.
		const err = new Errors.ValidationError("Parameters validation error!", "VALIDATION_ERROR", [
			{
				type: "numberMax",
				field: "pageSize",
				message: "The 'pageSize' field must be less than or equal to 100.",
				expected: 100,
				actual: 1000,
			},
			{
				type: "enumValue",
				field: "position",
				message:
					"The 'position' field value 'Goalkeeper, Defender, Midfielder, Forward' does not match any of the allowed values.",
				expected: "Goalkeeper, Defender, Midfielder, Forward",
				actual: "goalie",
			},
		] as never);
		const sent: Record<string, string> = { pageSize: "1000", position: "goalie" };
		const http = toHttpError(err, field => sent[field]);
		expect(http.status).toBe(422);
		expect(http.body.error.type).toBe("VALIDATION_ERROR");
		expect(http.body.error.fields).toEqual([
			{
				field: "pageSize",
				message: "The 'pageSize' parameter must be at most 100; got '1000'.",
			},
			{
				field: "position",
				message:
					"The 'position' parameter must be one of Goalkeeper, Defender, Midfielder, Forward; got 'goalie'.",
			},
		]);
	});

	test("a blank value, a long one and a number not in decimal digits are said as such", () => {
		const err = new Errors.ValidationError("Parameters validation error!", "VALIDATION_ERROR", [
			{ type: "stringMin", field: "q", expected: 1, actual: 0 },
			{ type: "stringMax", field: "team", expected: 100, actual: 101 },
			{ type: "number", field: "page", actual: "1e1" },
		] as never);
		const sent: Record<string, string> = { q: "   ", team: "x".repeat(101), page: "1e1" };
		expect(toHttpError(err, field => sent[field]).body.error.fields).toEqual([
			{
				field: "q",
				message:
					"The 'q' parameter is blank: it must hold at least 1 character(s) besides spaces.",
			},
			{
				field: "team",
				message: "The 'team' parameter must be at most 100 characters long; got 101.",
			},
			{
				field: "page",
				message:
					"The 'page' parameter must be a number written in decimal digits; got '1e1'.",
			},
		]);
	});

	test("unknown parameters are named one by one", () => {
		const err = new Errors.ValidationError("Parameters validation error!", "VALIDATION_ERROR", [
			{
				type: "objectStrict",
				field: "",
				message: "The object '' contains forbidden keys: 'colour, size'.",
				actual: "colour, size",
			},
		] as never);
		expect(toHttpError(err).body.error.fields?.map(f => f.field)).toEqual(["colour", "size"]);
	});

	test("a service without nodes is a 503 with Retry-After", () => {
		const gatewayError = Object.assign(new Error("Service unavailable"), {
			name: "ServiceUnavailableError",
			code: 503,
		});
		for (const err of [
			new Errors.ServiceNotFoundError({ action: "v1.players.list" }),
			new Errors.ServiceNotAvailableError({ action: "v1.players.list" }),
			gatewayError,
		]) {
			const http = toHttpError(err);
			expect(http.status).toBe(503);
			expect(http.headers["Retry-After"]).toBe(String(RETRY_AFTER_SECONDS));
			expect(JSON.stringify(http.body)).not.toContain("v1.players"); // no internal names
		}
	});

	test("a timeout is a 504", () => {
		expect(
			toHttpError(
				new Errors.RequestTimeoutError({ action: "v1.results.list", nodeID: "node-7" }),
			).status,
		).toBe(504);
	});

	test("other client errors keep their status and type", () => {
		const http = toHttpError(
			new Errors.MoleculerClientError("Too many requests", 429, "RATE_LIMITED"),
		);
		expect(http).toEqual({
			status: 429,
			headers: {},
			body: { error: { status: 429, type: "RATE_LIMITED", message: "Too many requests" } },
		});
	});

	test("anything unexpected is a plain 500 that leaks nothing", () => {
		for (const err of [
			new Error("ECONNREFUSED 10.0.0.7:27017 at MongoClient.connect"),
			"a string",
			null,
			new Errors.MoleculerServerError("boom", 500, "X"),
		]) {
			const http = toHttpError(err);
			expect(http.status).toBe(500);
			expect(http.body).toEqual({
				error: {
					status: 500,
					type: "INTERNAL_ERROR",
					message: "Something went wrong on our side.",
				},
			});
		}
	});
});
