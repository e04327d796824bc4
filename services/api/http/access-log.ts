// One access-log line per request, with its request id (the id every call it causes carries, on
// every node: Moleculer passes ctx.requestID along). The query string is left out: it holds what
// people search for.
import type { Req, Res } from "./reply";

interface Logger {
	info(...args: unknown[]): void;
}

/** Whether info lines are written at this level: below it, the access log would format lines only to drop them. */
export function logsInfo(level: string): boolean {
	return ["info", "debug", "trace"].includes(level);
}

/** Connect-style middleware writing as text, or as JSON fields a log store can query. */
export function accessLog(format: "text" | "json") {
	return function log(this: { logger: Logger }, req: Req, res: Res, next: () => void): void {
		const started = process.hrtime.bigint();
		res.once("finish", () => {
			const ms = Number(process.hrtime.bigint() - started) / 1e6;
			const path = (req.originalUrl ?? req.url ?? "").split("?")[0];
			const requestId = String(res.getHeader("X-Request-ID") ?? "-");
			const line = `${req.method} ${path} ${res.statusCode} ${ms.toFixed(1)} ms requestId=${requestId}`;
			if (format === "json")
				this.logger.info(
					{
						requestId,
						method: req.method,
						path,
						status: res.statusCode,
						durationMs: Number(ms.toFixed(1)),
					},
					line,
				);
			else this.logger.info(line);
		});
		next();
	};
}
