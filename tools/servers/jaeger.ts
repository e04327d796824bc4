// Jaeger (built from tools/jaeger into .cache/bin/jaeger): a real tracing backend for the
// tracing suite, in memory, every port a free one on loopback. It takes spans in Zipkin's v2
// format and in OTLP/HTTP, and answers its query API (/api/traces) like its UI does.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { firstExisting, REPO_ROOT } from "./paths";
import { freePort } from "./ports";
import { listening, startProcess } from "./processes";

export function jaegerBinary(): string {
	return firstExisting(
		[process.env.JAEGER_BIN, join(REPO_ROOT, ".cache", "bin", "jaeger")],
		"jaeger not found: run `bash scripts/install-test-servers.sh` (or set JAEGER_BIN)",
	);
}

export interface Jaeger {
	/** Base URL of its Zipkin receiver (TRACING=zipkin or jaeger). */
	zipkinUrl: string;
	/** Its OTLP/HTTP traces endpoint (TRACING=otlp). */
	otlpUrl: string;
	/** Base URL of its query API: `${queryUrl}/api/traces?service=…`. */
	queryUrl: string;
	stop(): Promise<void>;
}

function config(ports: Record<string, number>): string {
	const at = (name: string) => `127.0.0.1:${ports[name]}`;
	return `service:
  extensions: [jaeger_storage, jaeger_query]
  pipelines:
    traces:
      receivers: [otlp, zipkin]
      processors: [batch]
      exporters: [jaeger_storage_exporter]
  telemetry:
    metrics:
      level: none
    logs:
      level: warn
extensions:
  jaeger_query:
    storage:
      traces: memory
    http:
      endpoint: ${at("query")}
    grpc:
      endpoint: ${at("queryGrpc")}
  jaeger_storage:
    backends:
      memory:
        memory:
          max_traces: 10000
receivers:
  otlp:
    protocols:
      http:
        endpoint: ${at("otlp")}
  zipkin:
    endpoint: ${at("zipkin")}
processors:
  batch:
    timeout: 200ms
exporters:
  jaeger_storage_exporter:
    trace_storage: memory
`;
}

/** Starts Jaeger, its configuration and log in `dir`; resolves once its query API listens. */
export async function startJaeger(dir: string): Promise<Jaeger> {
	const ports: Record<string, number> = {};
	for (const name of ["query", "queryGrpc", "otlp", "zipkin"]) ports[name] = await freePort();
	const file = join(dir, "jaeger.yaml");
	writeFileSync(file, config(ports));
	const child = startProcess(jaegerBinary(), ["--config", file], "jaeger", dir, {});
	const stop = await listening(child, ports.query);
	return {
		zipkinUrl: `http://127.0.0.1:${ports.zipkin}`,
		otlpUrl: `http://127.0.0.1:${ports.otlp}/v1/traces`,
		queryUrl: `http://127.0.0.1:${ports.query}`,
		stop,
	};
}
