// Where a node's spans go (TRACING, TRACING_ENDPOINT): off, the log (console), Zipkin's v2 API
// (zipkin, and jaeger through the Zipkin receiver Jaeger keeps on 9411, both with Moleculer's
// own Zipkin exporter), or OpenTelemetry's protocol (otlp: OTLP/HTTP with JSON, which Jaeger,
// Tempo and the OpenTelemetry Collector take on 4318). Moleculer carries the trace id with every
// call and event, so one request is one trace across gateway, service and feed.
import type { BrokerOptions, Span } from "moleculer";
import { TracerExporters } from "moleculer";

export type TracingKind = "off" | "console" | "zipkin" | "jaeger" | "otlp";

/** Where each kind sends its spans when TRACING_ENDPOINT is not given. */
export const DEFAULT_ENDPOINTS: Record<"zipkin" | "jaeger" | "otlp", string> = {
	zipkin: "http://127.0.0.1:9411",
	jaeger: "http://127.0.0.1:9411",
	otlp: "http://127.0.0.1:4318/v1/traces",
};

/** How often spans are sent, in seconds: short enough to find a request's trace while it is fresh. */
const FLUSH_SECONDS = 1;

/** OTLP ids are hex: a trace id of 16 bytes, a span id of 8, from Moleculer's UUIDs. */
const hex = (id: string, bytes: number) =>
	id
		.replace(/-/g, "")
		.padEnd(bytes * 2, "0")
		.slice(0, bytes * 2);
const nanos = (ms: number) => (BigInt(Math.round(ms * 1000)) * 1000n).toString();

type AnyValue =
	| { stringValue: string }
	| { intValue: string }
	| { doubleValue: number }
	| { boolValue: boolean };

function attributeValue(value: unknown): AnyValue {
	if (typeof value === "boolean") return { boolValue: value };
	if (typeof value === "number")
		return Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value };
	return { stringValue: typeof value === "string" ? value : JSON.stringify(value) };
}

/** A Moleculer span as an OTLP span (JSON encoding of the protobuf messages). */
export function otlpSpanOf(span: Span, flatTags: Record<string, unknown>): Record<string, unknown> {
	const error = span.error as { message?: string } | null | undefined;
	return {
		traceId: hex(span.traceID, 16),
		spanId: hex(span.id, 8),
		...(span.parentID ? { parentSpanId: hex(span.parentID, 8) } : {}),
		name: span.name,
		// SERVER for what a node handles; INTERNAL for the rest.
		kind: span.type === "action" || span.type === "event" ? 2 : 1,
		startTimeUnixNano: nanos(span.startTime ?? 0),
		endTimeUnixNano: nanos(span.finishTime ?? span.startTime ?? 0),
		attributes: Object.entries({ ...flatTags, "span.type": span.type })
			.filter(([, value]) => value !== undefined && value !== null)
			.map(([key, value]) => ({ key, value: attributeValue(value) })),
		status: error ? { code: 2, message: error.message ?? "error" } : { code: 1 },
	};
}

/** Batches finished spans and POSTs them, grouped by service, to an OTLP/HTTP endpoint. */
export class OtlpTraceExporter extends TracerExporters.Base {
	private queue: Span[] = [];
	private timer?: NodeJS.Timeout;

	constructor(private readonly endpoint: string) {
		super({});
	}

	override init(tracer: Parameters<TracerExporters.Base["init"]>[0]): void {
		super.init(tracer);
		this.timer = setInterval(() => void this.flush(), FLUSH_SECONDS * 1000);
		this.timer.unref();
	}

	override stop(): void {
		clearInterval(this.timer);
		void this.flush();
	}

	override spanFinished(span: Span): void {
		this.queue.push(span);
	}

	/** The queued spans as one OTLP request: a resource per service, `service.name` its full name. */
	payload(spans: Span[]): Record<string, unknown> {
		const byService = new Map<string, Span[]>();
		for (const span of spans) {
			const name = span.service?.fullName ?? `node ${this.broker.nodeID}`;
			byService.set(name, [...(byService.get(name) ?? []), span]);
		}
		return {
			resourceSpans: [...byService].map(([service, own]) => ({
				resource: {
					attributes: [
						{ key: "service.name", value: { stringValue: service } },
						{ key: "service.instance.id", value: { stringValue: this.broker.nodeID } },
					],
				},
				scopeSpans: [
					{
						scope: { name: "moleculer" },
						spans: own.map(span =>
							otlpSpanOf(span, this.flattenTags(span.tags ?? {}, true)),
						),
					},
				],
			})),
		};
	}

	private async flush(): Promise<void> {
		if (this.queue.length === 0) return;
		const spans = this.queue;
		this.queue = [];
		try {
			const reply = await fetch(this.endpoint, {
				method: "POST",
				headers: { "content-type": "application/json" },
				body: JSON.stringify(this.payload(spans)),
				signal: AbortSignal.timeout(5000),
			});
			if (!reply.ok)
				this.logger.warn(
					`The trace collector refused ${spans.length} span(s): ${reply.status}`,
				);
		} catch (err) {
			// Tracing never fails a request: spans that cannot be sent are dropped, and said so.
			this.logger.warn(
				`Could not send ${spans.length} span(s) to ${this.endpoint}: ${(err as Error).message}`,
			);
		}
	}
}

/** Moleculer's tracing options for TRACING and TRACING_ENDPOINT. */
export function tracingOptions(
	kind: TracingKind,
	endpoint: string | null,
): BrokerOptions["tracing"] {
	switch (kind) {
		case "off":
			return { enabled: false };
		case "console":
			return { enabled: true, exporter: { type: "Console" } };
		case "zipkin":
		case "jaeger":
			return {
				enabled: true,
				exporter: {
					type: "Zipkin",
					options: {
						baseURL: endpoint ?? DEFAULT_ENDPOINTS[kind],
						interval: FLUSH_SECONDS,
					},
				},
			};
		case "otlp":
			// Moleculer takes an exporter instance as it is; its typings list only the named ones.
			return {
				enabled: true,
				exporter: [
					new OtlpTraceExporter(endpoint ?? DEFAULT_ENDPOINTS.otlp) as unknown as {
						type: "Console";
					},
				],
			};
	}
}
