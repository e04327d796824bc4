// Where spans go (platform/tracing.ts): the options for each TRACING, and a Moleculer span in
// OpenTelemetry's JSON encoding.
import type { Span } from "moleculer";
import { OtlpTraceExporter, otlpSpanOf, tracingOptions } from "../../../platform/tracing";

const span = {
	id: "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b",
	traceID: "0a1b2c3d-4e5f-4061-8273-8495a6b7c8d9",
	parentID: "11111111-2222-4333-8444-555555555555",
	name: "action 'v1.players.list'",
	type: "action",
	startTime: 1_700_000_000_123.5,
	finishTime: 1_700_000_000_130.25,
	tags: {},
	error: null,
} as unknown as Span;

describe("tracingOptions", () => {
	it("is off, the log, Zipkin's API (zipkin, jaeger) or OTLP", () => {
		expect(tracingOptions("off", null)).toEqual({ enabled: false });
		expect(tracingOptions("console", null)).toEqual({
			enabled: true,
			exporter: { type: "Console" },
		});
		expect(tracingOptions("jaeger", null)).toEqual({
			enabled: true,
			exporter: {
				type: "Zipkin",
				options: { baseURL: "http://127.0.0.1:9411", interval: 1 },
			},
		});
		expect(tracingOptions("zipkin", "http://zipkin:9411")).toMatchObject({
			exporter: { options: { baseURL: "http://zipkin:9411" } },
		});
		const otlp = tracingOptions("otlp", "http://collector:4318/v1/traces") as {
			exporter: unknown[];
		};
		expect(otlp.exporter[0]).toBeInstanceOf(OtlpTraceExporter);
	});
});

describe("otlpSpanOf", () => {
	it("writes OTLP's hex ids, nanosecond times and kind", () => {
		expect(otlpSpanOf(span, { callingLevel: 1, remote: false, "params.limit": 5 })).toEqual({
			traceId: "0a1b2c3d4e5f406182738495a6b7c8d9",
			spanId: "6f1c2a3b4d5e4f60",
			parentSpanId: "1111111122224333",
			name: "action 'v1.players.list'",
			kind: 2,
			startTimeUnixNano: "1700000000123500000",
			endTimeUnixNano: "1700000000130250000",
			attributes: [
				{ key: "callingLevel", value: { intValue: "1" } },
				{ key: "remote", value: { boolValue: false } },
				{ key: "params.limit", value: { intValue: "5" } },
				{ key: "span.type", value: { stringValue: "action" } },
			],
			status: { code: 1 },
		});
	});

	it("gives a parent's span id as its children's parentSpanId, and an error's message as the status", () => {
		const child = {
			...span,
			id: span.parentID,
			parentID: null,
			error: new Error("boom"),
		} as unknown as Span;
		const written = otlpSpanOf(child, {});
		expect(written.spanId).toBe(otlpSpanOf(span, {}).parentSpanId);
		expect(written).not.toHaveProperty("parentSpanId");
		expect(written.status).toEqual({ code: 2, message: "boom" });
	});
});
