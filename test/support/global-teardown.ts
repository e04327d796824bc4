// After the integration tests: stops the servers global-setup started (not given ones).
export default async function globalTeardown(): Promise<void> {
	await globalThis.__matchdayServers?.stop();
}
