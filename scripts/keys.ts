// `npm run keys`: a new set of secrets for a cluster, as environment lines (docker compose reads
// them from `.env`: `npm run keys > .env`): sync's Ed25519 key pair, which signs and verifies the
// master data, ingest's, which signs and verifies the live match events it sends sync, a
// password for the NATS bus and one for the gateways' Redis.
import { randomBytes } from "node:crypto";
import { newSigningKeys } from "../contracts/signing";

const keys = newSigningKeys();
const ingest = newSigningKeys();
console.log(
	[
		"# sync's signing key: give it to sync's nodes only",
		`SYNC_SIGNING_KEY=${keys.privateKey}`,
		"# its public half: every node that keeps a projection",
		`SYNC_VERIFY_KEY=${keys.publicKey}`,
		"# ingest's signing key: give it to ingest's nodes only",
		`INGEST_SIGNING_KEY=${ingest.privateKey}`,
		"# its public half: sync's nodes",
		`INGEST_VERIFY_KEY=${ingest.publicKey}`,
		"# the NATS bus password (user matchday)",
		`NATS_PASSWORD=${randomBytes(24).toString("base64url")}`,
		"# the password of the gateways' Redis (API keys and rate-limit counts)",
		`REDIS_PASSWORD=${randomBytes(24).toString("base64url")}`,
		"# the password of MongoDB's user matchday (compose, Kubernetes)",
		`MONGO_PASSWORD=${randomBytes(24).toString("base64url")}`,
	].join("\n"),
);
