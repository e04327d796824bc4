// docker-compose.yml cannot run here (no Docker engine), so it is checked as deeply as it can
// be: Debian's docker-compose must accept it, it must declare the topology `npm run cluster`
// runs, and each service's environment must give it its own database and the NATS address.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ServiceBroker } from "moleculer";
import { parse } from "yaml";
import { SERVICE_CATALOGUE } from "../../platform/catalogue";
import { TOPOLOGY } from "../../platform/topology";
import { REPO_ROOT } from "../../scripts/lib/test-servers";

interface ComposeService {
	image?: string;
	build?: { context: string; args?: Record<string, string> };
	environment?: Record<string, string>;
	labels?: Record<string, string>;
	healthcheck?: { test: string[] | string };
	restart?: string;
	deploy?: { replicas?: number };
	depends_on?: Record<string, { condition: string }>;
	command?: string[] | string;
	ports?: unknown[];
}

interface Compose {
	services: Record<string, ComposeService>;
}

/** docker-compose's own reading of the file: interpolated, anchors and merges resolved. */
function composeConfig(): Compose {
	const yaml = execFileSync("docker-compose", ["config"], { cwd: REPO_ROOT, encoding: "utf8", env: { ...process.env, COMPOSE_PROJECT_NAME: "matchday" } });
	return parse(yaml) as Compose;
}

/** The database a service really uses: what its DbMixin publishes in the registry metadata. */
function databaseOf(service: string): string | undefined {
	const broker = new ServiceBroker({ logger: false, metrics: false });
	const created = broker.createService(SERVICE_CATALOGUE[service]());
	return (created.metadata as { database?: string }).database;
}

let compose: Compose;
const appServices = () => Object.entries(compose.services).filter(([, service]) => service.build);

beforeAll(() => {
	compose = composeConfig();
});

describe("docker-compose.yml", () => {
	test("docker-compose accepts the file", () => {
		expect(() => execFileSync("docker-compose", ["config", "-q"], { cwd: REPO_ROOT, stdio: "pipe" })).not.toThrow();
		expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(["mongo", "nats"]));
	});

	test("it runs the topology of `npm run cluster`: every service of the catalogue, both versions of results, the same replicas", () => {
		const declared = appServices().map(([name, service]) => ({ name, services: service.build?.args?.SERVICE, replicas: service.deploy?.replicas ?? 1 }));
		expect(declared.sort((a, b) => a.name.localeCompare(b.name))).toEqual(
			TOPOLOGY.map(group => ({ ...group })).sort((a, b) => a.name.localeCompare(b.name)),
		);
		expect(new Set(declared.map(d => d.services))).toEqual(new Set(Object.keys(SERVICE_CATALOGUE)));
	});

	test("every service is built as its own image, with a health check and a restart policy", () => {
		const images = appServices().map(([, service]) => service.image);
		expect(new Set(images).size).toBe(images.length);
		for (const [name, service] of Object.entries(compose.services)) {
			expect({ name, restart: service.restart }).toEqual({ name, restart: "unless-stopped" });
			expect({ name, healthcheck: Boolean(service.healthcheck?.test) }).toEqual({ name, healthcheck: true });
		}
	});

	test("every service has its own database, named as its code names it, on the compose MongoDB", () => {
		const seen = new Map<string, string>();
		for (const [name, service] of appServices()) {
			const runs = service.build!.args!.SERVICE;
			const database = databaseOf(runs);
			if (runs === "api") {
				// The gateway keeps no data.
				expect({ name, database, mongo: service.environment?.MONGO_URI }).toEqual({ name, database: undefined, mongo: undefined });
				continue;
			}
			expect({ name, label: service.labels?.["matchday.database"] }).toEqual({ name, label: database });
			expect({ name, mongo: service.environment?.MONGO_URI }).toEqual({ name, mongo: "mongodb://mongo:27017/" });
			expect({ name, dependsOnMongo: service.depends_on?.mongo?.condition }).toEqual({ name, dependsOnMongo: "service_healthy" });
			expect(seen.get(database!)).toBeUndefined();
			seen.set(database!, name);
		}
		expect([...seen.keys()].sort()).toEqual(["v1-competitions", "v1-players", "v1-results", "v1-standings", "v1-sync", "v1-teams", "v2-results"]);
	});

	test("every node finds the others over the compose NATS, which has JetStream on", () => {
		for (const [name, service] of appServices()) {
			expect({ name, transporter: service.environment?.TRANSPORTER, namespace: service.environment?.NAMESPACE }).toEqual({
				name,
				transporter: "nats://nats:4222",
				namespace: "matchday",
			});
			expect({ name, dependsOnNats: service.depends_on?.nats?.condition }).toEqual({ name, dependsOnNats: "service_healthy" });
		}
		expect([compose.services.nats.command].flat()).toContain("-js");
	});

	test("only the gateway publishes a port", () => {
		const published = Object.entries(compose.services).filter(([, service]) => service.ports?.length).map(([name]) => name);
		expect(published).toEqual(["api"]);
	});
});

describe("Dockerfile", () => {
	const dockerfile = readFileSync(join(REPO_ROOT, "Dockerfile"), "utf8");
	const runtime = dockerfile.slice(dockerfile.lastIndexOf("FROM "));

	test("the runtime image is Node 22, runs as a non-root user, with production dependencies only and a health check", () => {
		expect(runtime).toMatch(/^FROM node:22[-\w.]* AS runtime/);
		expect(runtime).toMatch(/^USER node$/m);
		expect(dockerfile).toMatch(/npm ci --omit=dev/);
		expect(runtime).toMatch(/^HEALTHCHECK .*\n\s+CMD \["node", "dist\/platform\/healthcheck.js"\]/m);
		// It copies node_modules from the production-only stage, never from the build stage.
		expect(runtime).toMatch(/COPY --from=deps \/app\/node_modules/);
		expect(runtime).not.toMatch(/COPY --from=build \/app\/node_modules/);
	});

	test("one image per service: the SERVICE build argument is required and becomes SERVICES", () => {
		expect(runtime).toMatch(/^ARG SERVICE$/m);
		expect(runtime).toMatch(/SERVICES=\$\{SERVICE\}/);
		expect(runtime).toMatch(/test -n "\$SERVICE"/);
	});
});
