// The container's HEALTHCHECK: exits 0 when this node answers /ready on HEALTH_PORT, 1 otherwise.
const port = Number(process.env.HEALTH_PORT ?? "3001");

fetch(`http://127.0.0.1:${port}/ready`, { signal: AbortSignal.timeout(3000) }).then(
	res => process.exit(res.ok ? 0 : 1),
	() => process.exit(1),
);
