// CORS by configuration: off unless CORS_ORIGINS lists origins (or `*`).
import type { ApiSettingsSchema } from "moleculer-web";

export function corsSettings(origins: string[]): ApiSettingsSchema["cors"] {
	if (origins.length === 0) return undefined;
	return {
		origin: origins.includes("*") ? "*" : origins,
		methods: ["GET", "POST", "DELETE", "OPTIONS"],
		allowedHeaders: ["Authorization", "Content-Type", "X-Request-Id", "X-Auth-Token"],
		exposedHeaders: [
			"X-Request-ID",
			"Retry-After",
			"RateLimit-Limit",
			"RateLimit-Remaining",
			"RateLimit-Reset",
			"RateLimit-Policy",
		],
		credentials: false,
		maxAge: 600,
	};
}
