// Moleculer's metrics (broker.metrics.list()) in the Prometheus text exposition format, for
// GET /metrics: on the gateway's port, and on every node's health port (platform/health.ts),
// so that each node is scraped for what it alone knows (its actions; sync's head and lags). Names become Prometheus names (dots → underscores); histograms
// (request latencies) keep their cumulative buckets, sum and count.

export interface MetricValue {
	labels: Record<string, unknown>;
	value?: number | null;
	count?: number;
	sum?: number;
	/** Histogram buckets: upper bound → how many observations were at most that (cumulative). */
	buckets?: Record<string, number>;
}

export interface MetricSeries {
	name: string;
	type: string;
	description?: string;
	values: MetricValue[] | Record<string, MetricValue>;
}

function metricName(name: string): string {
	return name.replace(/[^a-zA-Z0-9_:]/g, "_");
}

function escapeLabel(value: unknown): string {
	return String(value).replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

function labelText(labels: Record<string, unknown>, extra: Record<string, string> = {}): string {
	const all = Object.entries({ ...labels, ...extra }).filter(
		([, value]) => value !== undefined && value !== null,
	);
	if (all.length === 0) return "";
	return `{${all.map(([key, value]) => `${metricName(key)}="${escapeLabel(value)}"`).join(",")}}`;
}

function number(value: number): string {
	return Number.isFinite(value) ? String(value) : value > 0 ? "+Inf" : value < 0 ? "-Inf" : "NaN";
}

function seriesLines(series: MetricSeries): string[] {
	const name = metricName(series.name);
	const values = Array.isArray(series.values) ? series.values : Object.values(series.values);
	const lines: string[] = [];
	if (series.type === "histogram") {
		lines.push(`# TYPE ${name} histogram`);
		for (const v of values) {
			const bounds = Object.keys(v.buckets ?? {}).sort((a, b) => Number(a) - Number(b));
			for (const le of bounds)
				lines.push(
					`${name}_bucket${labelText(v.labels, { le })} ${number(v.buckets![le])}`,
				);
			lines.push(
				`${name}_bucket${labelText(v.labels, { le: "+Inf" })} ${number(v.count ?? 0)}`,
			);
			lines.push(`${name}_sum${labelText(v.labels)} ${number(v.sum ?? 0)}`);
			lines.push(`${name}_count${labelText(v.labels)} ${number(v.count ?? 0)}`);
		}
		return lines;
	}
	const type =
		series.type === "counter" ? "counter" : series.type === "gauge" ? "gauge" : "untyped";
	lines.push(`# TYPE ${name} ${type}`);
	for (const v of values)
		if (typeof v.value === "number")
			lines.push(`${name}${labelText(v.labels)} ${number(v.value)}`);
	return lines;
}

export function prometheusText(metrics: MetricSeries[]): string {
	return (
		metrics
			.filter(series => series.type !== "info")
			.flatMap(series => [
				...(series.description
					? [
							`# HELP ${metricName(series.name)} ${series.description.replace(/\n/g, " ")}`,
						]
					: []),
				...seriesLines(series),
			])
			.join("\n") + "\n"
	);
}
