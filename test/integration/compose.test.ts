// docker-compose.yml cannot run here (no Docker engine), so it is checked as deeply as it can
// be: Debian's docker-compose must accept it, it must declare the topology `npm run cluster`
// runs, and each service's environment must give it its own database and the NATS address.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { topology } from "../../platform/topology";
import { REPO_ROOT } from "../../tools/servers";
import { composeGaps } from "../support/compose";
import { databaseOf, SERVICES } from "../support/services";

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
	volumes?: unknown[];
	profiles?: string[];
}

interface Compose {
	services: Record<string, ComposeService>;
}

/** The secrets compose takes from `.env` (npm run keys), made up for the check. */
const SECRETS = {
	NATS_PASSWORD: "test-password",
	SYNC_SIGNING_KEY: "test-signing-key",
	SYNC_VERIFY_KEY: "test-verify-key",
	INGEST_SIGNING_KEY: "test-ingest-signing-key",
	INGEST_VERIFY_KEY: "test-ingest-verify-key",
	REDIS_PASSWORD: "test-redis-password",
	MONGO_PASSWORD: "test-mongo-password",
};

/** docker-compose's own reading of the file: interpolated, anchors and merges resolved. */
function composeConfig(): Compose {
	const yaml = execFileSync("docker-compose", ["config"], {
		cwd: REPO_ROOT,
		encoding: "utf8",
		env: { ...process.env, ...SECRETS, COMPOSE_PROJECT_NAME: "matchday" },
	});
	return parse(yaml) as Compose;
}

let compose: Compose;
const appServices = () => Object.entries(compose.services).filter(([, service]) => service.build);

beforeAll(() => {
	compose = composeConfig();
});

describe("docker-compose.yml", () => {
	test("docker-compose accepts the file", () => {
		expect(() =>
			execFileSync("docker-compose", ["config", "-q"], {
				cwd: REPO_ROOT,
				stdio: "pipe",
				env: { ...process.env, ...SECRETS },
			}),
		).not.toThrow();
		expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(["mongo", "nats"]));
	});

	test("it declares every node group the services give (composeGaps, as a new service finds out), and nothing else", () => {
		expect(
			composeGaps(topology(), readFileSync(join(REPO_ROOT, "docker-compose.yml"), "utf8")),
		).toEqual([]);
	});

	test("it runs the topology of `npm run cluster`: every service found, both versions of results, the same replicas", () => {
		const declared = appServices().map(([name, service]) => ({
			name,
			services: service.build?.args?.SERVICE,
			replicas: service.deploy?.replicas ?? 1,
		}));
		expect(declared.sort((a, b) => a.name.localeCompare(b.name))).toEqual(
			topology()
				.map(group => ({ ...group }))
				.sort((a, b) => a.name.localeCompare(b.name)),
		);
		expect(new Set(declared.map(d => d.services))).toEqual(
			new Set(SERVICES.map(entry => entry.fullName)),
		);
	});

	test("every service is built as its own image, with a health check and a restart policy", () => {
		const images = appServices().map(([, service]) => service.image);
		expect(new Set(images).size).toBe(images.length);
		for (const [name, service] of Object.entries(compose.services)) {
			expect({ name, restart: service.restart }).toEqual({ name, restart: "unless-stopped" });
			expect({ name, healthcheck: Boolean(service.healthcheck?.test) }).toEqual({
				name,
				healthcheck: true,
			});
		}
	});

	test("every service has its own database, named as its code names it, on the compose MongoDB", () => {
		const seen = new Map<string, string>();
		for (const [name, service] of appServices()) {
			const runs = service.build!.args!.SERVICE;
			const database = databaseOf(runs);
			if (runs === "api") {
				// The gateway keeps no data.
				expect({ name, database, mongo: service.environment?.MONGO_URI }).toEqual({
					name,
					database: undefined,
					mongo: undefined,
				});
				continue;
			}
			expect({ name, label: service.labels?.["matchday.database"] }).toEqual({
				name,
				label: database,
			});
			expect({ name, mongo: service.environment?.MONGO_URI }).toEqual({
				name,
				mongo: `mongodb://matchday:${SECRETS.MONGO_PASSWORD}@mongo:27017/?authSource=admin`,
			});
			expect({ name, dependsOnMongo: service.depends_on?.mongo?.condition }).toEqual({
				name,
				dependsOnMongo: "service_healthy",
			});
			expect(seen.get(database!)).toBeUndefined();
			seen.set(database!, name);
		}
		// One per service with a store: every service found but the gateway.
		expect(seen.size).toBe(SERVICES.length - 1);
		// MongoDB with authentication: the user the services connect as, with the password of .env.
		expect(compose.services.mongo.environment).toEqual({
			MONGO_INITDB_ROOT_USERNAME: "matchday",
			MONGO_INITDB_ROOT_PASSWORD: SECRETS.MONGO_PASSWORD,
		});
	});

	test("without its secrets (npm run keys > .env) compose refuses to start, saying which is missing", () => {
		const bare = Object.fromEntries(
			Object.entries(process.env).filter(([name]) => !(name in SECRETS)),
		);
		const run = spawnSync("docker-compose", ["config", "-q"], {
			cwd: REPO_ROOT,
			encoding: "utf8",
			env: bare,
		});
		expect(run.status).not.toBe(0);
		expect(run.stderr).toMatch(
			/NATS_PASSWORD|SYNC_(SIGNING|VERIFY)_KEY|REDIS_PASSWORD|MONGO_PASSWORD/,
		);
		expect(run.stderr).toContain("npm run keys");
	});

	test("NATS lets in only the user matchday with its password; only sync holds the signing key, every projection the public one", () => {
		expect([compose.services.nats.command].flat()).toEqual(
			expect.arrayContaining(["--user", "matchday", "--pass", SECRETS.NATS_PASSWORD]),
		);
		for (const [name, service] of appServices()) {
			const runs = service.build!.args!.SERVICE;
			expect({ name, signing: service.environment?.SYNC_SIGNING_KEY }).toEqual({
				name,
				signing: runs === "v1.sync" ? SECRETS.SYNC_SIGNING_KEY : undefined,
			});
			if (runs !== "api")
				expect({ name, verify: service.environment?.SYNC_VERIFY_KEY }).toEqual({
					name,
					verify: SECRETS.SYNC_VERIFY_KEY,
				});
		}
	});

	test("every node finds the others over the compose NATS, with JetStream off (the transporter uses core NATS)", () => {
		for (const [name, service] of appServices()) {
			expect({
				name,
				transporter: service.environment?.TRANSPORTER,
				namespace: service.environment?.NAMESPACE,
			}).toEqual({
				name,
				transporter: `nats://matchday:${SECRETS.NATS_PASSWORD}@nats:4222`,
				namespace: "matchday",
			});
			expect({ name, dependsOnNats: service.depends_on?.nats?.condition }).toEqual({
				name,
				dependsOnNats: "service_healthy",
			});
		}
		const command = [compose.services.nats.command].flat();
		expect(command).not.toContain("-js");
		expect(command).not.toContain("--jetstream");
	});

	test("the gateway keeps API keys and rate-limit counts in the compose Redis, which needs its password and keeps its data", () => {
		const redis = compose.services.redis;
		expect([redis.command].flat()).toEqual(
			expect.arrayContaining([
				"--requirepass",
				SECRETS.REDIS_PASSWORD,
				"--appendonly",
				"yes",
			]),
		);
		expect(JSON.stringify(redis.volumes)).toContain("/data");
		const api = compose.services.api;
		expect(api.environment?.GATEWAY_STORE).toBe(
			`redis://:${SECRETS.REDIS_PASSWORD}@redis:6379`,
		);
		expect(api.depends_on?.redis?.condition).toBe("service_healthy");
	});

	test("only the gateway publishes a port, and the optional Jaeger its UI on localhost", () => {
		const published = Object.entries(compose.services)
			.filter(([, service]) => service.ports?.length)
			.map(([name]) => name);
		expect(published.sort()).toEqual(["api", "jaeger"]);
		expect(JSON.stringify(compose.services.jaeger.ports)).toContain("127.0.0.1");
	});

	test("Jaeger is optional (the tracing profile), and every node sends it spans once TRACING says so", () => {
		expect(compose.services.jaeger.profiles).toEqual(["tracing"]);
		for (const [name, service] of appServices())
			expect({
				name,
				tracing: service.environment?.TRACING,
				endpoint: service.environment?.TRACING_ENDPOINT,
			}).toEqual({
				name,
				tracing: "off",
				endpoint: "http://jaeger:9411",
			});
	});
});

describe("Dockerfile", () => {
	const dockerfile = readFileSync(join(REPO_ROOT, "Dockerfile"), "utf8");
	const runtime = dockerfile.slice(dockerfile.lastIndexOf("FROM "));

	test("the runtime image is Node 22, runs as a non-root user, with production dependencies only and a health check", () => {
		expect(runtime).toMatch(/^FROM node:22[-\w.]* AS runtime/);
		expect(runtime).toMatch(/^USER node$/m);
		expect(dockerfile).toMatch(/npm ci --omit=dev/);
		expect(runtime).toMatch(
			/^HEALTHCHECK .*\n\s+CMD \["node", "dist\/platform\/healthcheck.js"\]/m,
		);
		// It copies node_modules from the production-only stage, never from the build stage.
		expect(runtime).toMatch(/COPY --from=deps \/app\/node_modules/);
		expect(runtime).not.toMatch(/COPY --from=build \/app\/node_modules/);
	});

	test("each service builds alone: its folder and the shared code the build stage copies compile, and the node runs", () => {
		// The folders the build stage copies (`COPY x x`), as the image has them.
		const build = dockerfile.slice(0, dockerfile.indexOf("AS deps"));
		const copied = [...build.matchAll(/^COPY (\S+) \1$/gm)].map(match => match[1]);
		expect(copied).toEqual(
			expect.arrayContaining([
				"contracts",
				"domain",
				"storage",
				"mixins",
				"platform",
				"services",
			]),
		);
		const folders = [...new Set(SERVICES.map(entry => entry.folder))];
		for (const folder of folders) {
			const root = mkdtempSync(join(tmpdir(), `matchday-image-${folder}-`));
			try {
				for (const file of [
					"package.json",
					"tsconfig.json",
					"tsconfig.build.json",
					"moleculer.config.ts",
				])
					cpSync(join(REPO_ROOT, file), join(root, file));
				for (const dir of copied.filter(dir => dir !== "services"))
					cpSync(join(REPO_ROOT, dir), join(root, dir), { recursive: true });
				cpSync(join(REPO_ROOT, "services", folder), join(root, "services", folder), {
					recursive: true,
				});
				symlinkSync(join(REPO_ROOT, "node_modules"), join(root, "node_modules"), "dir");
				const tsc = spawnSync(
					process.execPath,
					[
						join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc"),
						"-p",
						"tsconfig.build.json",
					],
					{ cwd: root, encoding: "utf8" },
				);
				expect({ folder, compiled: tsc.stdout + tsc.stderr, status: tsc.status }).toEqual({
					folder,
					compiled: "",
					status: 0,
				});
				expect(readdirSync(join(root, "dist", "services"))).toEqual([folder]);
				if (folder !== "players") continue;
				// The compiled node of one image, as its CMD runs it, finds its one service and starts.
				const run = spawnSync(
					process.execPath,
					[
						"-e",
						'process.env.SERVICES="v1.players"; require("./dist/platform/node.js"); setTimeout(() => process.kill(process.pid, "SIGTERM"), 3000);',
					],
					{
						cwd: root,
						encoding: "utf8",
						timeout: 30_000,
						env: { ...process.env, TRANSPORTER: "", MONGO_URI: "" },
					},
				);
				expect(run.stdout + run.stderr).toMatch(/Node \S+ runs v1\.players in one process/);
			} finally {
				rmSync(root, { recursive: true, force: true });
			}
		}
	}, 240_000);

	test("one image per service: the SERVICE build argument is required and becomes SERVICES", () => {
		expect(runtime).toMatch(/^ARG SERVICE$/m);
		expect(runtime).toMatch(/SERVICES=\$\{SERVICE\}/);
		expect(runtime).toMatch(/test -n "\$SERVICE"/);
	});
});
