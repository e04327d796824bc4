import { Errors } from "moleculer";
import { RETRY_AFTER_SECONDS, toHttpError } from "../../../../../services/api/http/errors";

describe("toHttpError", () => {
	test("a validation error is a 422 naming each bad field", () => {
		const err = new Errors.ValidationError("Parameters validation error!", "VALIDATION_ERROR", [
			{
				type: "numberMax",
				field: "pageSize",
				message: "The 'pageSize' field must be less than or equal to 100.",
				actual: 1000,
			},
			{
				type: "enumValue",
				field: "position",
				message: "The 'position' field does not match any of the allowed values.",
				actual: "Striker",
			},
		] as never);
		const http = toHttpError(err);
		expect(http.status).toBe(422);
		expect(http.body.error.type).toBe("VALIDATION_ERROR");
		expect(http.body.error.fields).toEqual([
			{
				field: "pageSize",
				message: "The 'pageSize' field must be less than or equal to 100.",
			},
			{
				field: "position",
				message: "The 'position' field does not match any of the allowed values.",
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
