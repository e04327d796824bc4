// api: the HTTP gateway (moleculer-web). Maps the public routes to actions; its one verb is
// moleculer-web's `rest`. Nothing else (sync's feed, $node.*) is reachable from outside.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ServiceSchema } from "moleculer";
import ApiGateway, { type ApiSettingsSchema } from "moleculer-web";
import { config } from "../../platform/config";
import { toHttpError } from "./http-errors";
import { PUBLIC_ACTIONS, PUBLIC_ROUTES } from "./routes";

const ApiService: ServiceSchema<ApiSettingsSchema> = {
	name: "api",
	mixins: [ApiGateway as unknown as Partial<ServiceSchema>],
	// moleculer-web also publishes route-management actions; the gateway's one verb is `rest`.
	actions: { listAliases: false, addRoute: false, removeRoute: false },
	settings: {
		port: config().port,
		ip: config().host,
		// Errors are answered by onError below; moleculer-web's own logging of each request is noise.
		log4XXResponses: false,
		logRequest: "debug",
		logResponse: "debug",
		routes: [
			{
				path: "/api",
				whitelist: PUBLIC_ACTIONS,
				aliases: { ...PUBLIC_ROUTES },
				mappingPolicy: "restrict",
				autoAliases: false,
				bodyParsers: { json: false, urlencoded: false },
			},
		],
		onError(req: IncomingMessage, res: ServerResponse, err: unknown) {
			const { status, headers, body } = toHttpError(err);
			res.setHeader("Content-Type", "application/json; charset=utf-8");
			for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
			res.writeHead(status);
			res.end(JSON.stringify(body));
		},
	},
};

export default ApiService;
