// Search folds every letter in the data to ASCII: a reader types "yildiz" for Kenan Yıldız. The
// letters are gathered here from every name in the bundled data and the whole archive, and each
// player of the data is looked for by an ASCII query the way the players service looks.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { openOpenFootballDir, streamOpenFootball } from "../../../domain/openfootball";
import type { Player } from "../../../domain/model";
import { foldText } from "../../../domain/text";
import { containsText } from "../../../mixins/listing";
import { playerView } from "../../../services/players/players.projection";

const DATA = join(__dirname, "..", "..", "..", "data");
const FOLDERS = [join(DATA, "openfootball"), join(DATA, "archive")];
const ASCII = /^[\x20-\x7e]*$/;

function jsonFiles(dir: string): string[] {
	return readdirSync(dir).flatMap(entry => {
		const path = join(dir, entry);
		if (statSync(path).isDirectory()) return jsonFiles(path);
		return entry.endsWith(".json") ? [path] : [];
	});
}

/** Every string the files give as a name: players, teams, scorers, grounds. */
function namesIn(value: unknown, names: Set<string>): void {
	if (Array.isArray(value)) for (const item of value) namesIn(item, names);
	else if (value && typeof value === "object")
		for (const [key, inner] of Object.entries(value)) {
			if (typeof inner === "string" && ["name", "team1", "team2"].includes(key))
				names.add(inner);
			else namesIn(inner, names);
		}
}

const names = new Set<string>();
const players: Player[] = [];
beforeAll(() => {
	for (const folder of FOLDERS) {
		for (const path of jsonFiles(folder))
			namesIn(JSON.parse(readFileSync(path, "utf8")), names);
		for (const batch of streamOpenFootball(openOpenFootballDir(folder)))
			if (batch.kind === "player") players.push(...batch.docs);
	}
});

test("every non-ASCII letter of every name in the data folds to ASCII", () => {
	const letters = new Set([...names].flatMap(name => [...name].filter(c => /\p{L}/u.test(c))));
	const nonAscii = [...letters].filter(letter => !ASCII.test(letter));
	expect(nonAscii.length).toBeGreaterThan(50);
	const unfolded = nonAscii.filter(letter => !/^[a-z]+$/.test(foldText(letter)));
	expect(unfolded).toEqual([]);
});

test("every player is found by a query typed in ASCII", () => {
	expect(players.length).toBeGreaterThan(1_000);
	const notFound = players.filter(player => {
		const typed = foldText(player.name);
		const view = playerView(player, []);
		return !ASCII.test(typed) || !containsText(typed).$regex.test(String(view._name));
	});
	expect(notFound.map(p => p.name)).toEqual([]);
});

test("the Turkish names the review could not find are found as a reader types them", () => {
	const typed: Record<string, string> = {
		yildiz: "Kenan Yıldız",
		bayindir: "Altay Bayındır",
		elmali: "Eren Elmalı",
		bardakci: "Abdülkerim Bardakcı",
		kadioglu: "Ferdi Kadıoğlu",
		"baris alper yilmaz": "Barış Alper Yılmaz",
		cakir: "Uğurcan Çakır",
		aydin: "Oğuz Aydın",
	};
	for (const [query, name] of Object.entries(typed)) {
		const found = players.filter(p =>
			containsText(query).$regex.test(String(playerView(p, [])._name)),
		);
		expect({ query, found: found.map(p => p.name) }).toEqual({
			query,
			found: expect.arrayContaining([name]),
		});
	}
});
