// The gateway's own endpoints outside the API: the site's root, health for orchestrators and
// Prometheus metrics.
import { FEED_ACTION } from "../../../contracts";
import { prometheusText, type MetricSeries } from "../../../contracts/prometheus";
import { readinessOf } from "../http/readiness";
import { type Req, type Res, send } from "../http/reply";
import type { RouteBook } from "../http/public-routes";

interface Broker {
	registry: { actions: { isAvailable(action: string): boolean } };
	metrics: { list(): unknown[] };
}

/** The routes; alias functions run with the gateway service as `this`, whose `book` holds the learnt routes. */
export function opsRoute(home: string): Record<string, unknown> {
	return {
		path: "",
		aliases: {
			// The site's root opens the dashboard.
			"GET /"(_req: Req, res: Res) {
				send(res, 302, "", { Location: home }, "text/plain; charset=utf-8");
			},
			"GET /health/live"(_req: Req, res: Res) {
				send(res, 200, { status: "live" });
			},
			// Ready when every service behind a learnt route, and sync (every projection's source), has a node.
			"GET /health/ready"(
				this: { broker: Broker; book: RouteBook; discovered: boolean },
				_req: Req,
				res: Res,
			) {
				if (!this.discovered)
					return send(
						res,
						503,
						{ status: "not ready", services: {} },
						{ "Retry-After": "1" },
					);
				const report = readinessOf(this.broker.registry.actions, [
					...this.book.actions(),
					FEED_ACTION,
				]);
				send(
					res,
					report.ready ? 200 : 503,
					{ status: report.ready ? "ready" : "not ready", services: report.services },
					report.ready ? {} : { "Retry-After": "5" },
				);
			},
			"GET /metrics"(this: { broker: Broker }, _req: Req, res: Res) {
				send(
					res,
					200,
					prometheusText(this.broker.metrics.list() as MetricSeries[]),
					{},
					"text/plain; version=0.0.4; charset=utf-8",
				);
			},
		},
		mappingPolicy: "restrict",
		autoAliases: false,
		bodyParsers: { json: false, urlencoded: false },
	};
}
