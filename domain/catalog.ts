// What we know about the openfootball files that the files do not say themselves:
// competition codes (football-data.org's), areas and home time zones.
import type { Area, CompetitionType } from "./model";

export interface CompetitionInfo {
	code: string;
	name: string;
	type: CompetitionType;
	area: Area;
	/** Zone of kick-off times written without an offset. */
	timeZone: string;
}

/** Club competitions by openfootball file name (`en.1.json` → `en.1`). */
export const CLUB_COMPETITIONS: Record<string, CompetitionInfo> = {
	"en.1": {
		code: "PL",
		name: "Premier League",
		type: "LEAGUE",
		area: { name: "England", code: "ENG" },
		timeZone: "Europe/London",
	},
	"de.1": {
		code: "BL1",
		name: "Bundesliga",
		type: "LEAGUE",
		area: { name: "Germany", code: "GER" },
		timeZone: "Europe/Berlin",
	},
	"es.1": {
		code: "PD",
		name: "Primera División",
		type: "LEAGUE",
		area: { name: "Spain", code: "ESP" },
		timeZone: "Europe/Madrid",
	},
	"it.1": {
		code: "SA",
		name: "Serie A",
		type: "LEAGUE",
		area: { name: "Italy", code: "ITA" },
		timeZone: "Europe/Rome",
	},
	"fr.1": {
		code: "FL1",
		name: "Ligue 1",
		type: "LEAGUE",
		area: { name: "France", code: "FRA" },
		timeZone: "Europe/Paris",
	},
	"uefa.cl": {
		code: "CL",
		name: "UEFA Champions League",
		type: "CUP",
		area: { name: "Europe", code: "EUR" },
		timeZone: "Europe/Berlin",
	},
	// Leagues football-data.org also has a code for; the bundled data has none of them, generated data sets do.
	"en.2": {
		code: "ELC",
		name: "Championship",
		type: "LEAGUE",
		area: { name: "England", code: "ENG" },
		timeZone: "Europe/London",
	},
	"en.3": {
		code: "EL1",
		name: "League One",
		type: "LEAGUE",
		area: { name: "England", code: "ENG" },
		timeZone: "Europe/London",
	},
	"de.2": {
		code: "BL2",
		name: "2. Bundesliga",
		type: "LEAGUE",
		area: { name: "Germany", code: "GER" },
		timeZone: "Europe/Berlin",
	},
	"de.3": {
		code: "BL3",
		name: "3. Liga",
		type: "LEAGUE",
		area: { name: "Germany", code: "GER" },
		timeZone: "Europe/Berlin",
	},
	"es.2": {
		code: "SD",
		name: "Segunda División",
		type: "LEAGUE",
		area: { name: "Spain", code: "ESP" },
		timeZone: "Europe/Madrid",
	},
	"it.2": {
		code: "SB",
		name: "Serie B",
		type: "LEAGUE",
		area: { name: "Italy", code: "ITA" },
		timeZone: "Europe/Rome",
	},
	"fr.2": {
		code: "FL2",
		name: "Ligue 2",
		type: "LEAGUE",
		area: { name: "France", code: "FRA" },
		timeZone: "Europe/Paris",
	},
	"nl.1": {
		code: "DED",
		name: "Eredivisie",
		type: "LEAGUE",
		area: { name: "Netherlands", code: "NED" },
		timeZone: "Europe/Amsterdam",
	},
	"pt.1": {
		code: "PPL",
		name: "Primeira Liga",
		type: "LEAGUE",
		area: { name: "Portugal", code: "POR" },
		timeZone: "Europe/Lisbon",
	},
};

export interface ClubCountry {
	/** The area code, as club names carry it in European cups ("Celtic FC (SCO)"). */
	code: string;
	name: string;
	timeZone: string;
}

/** Countries by openfootball's file prefix (`at.2.json` → `at`): their leagues need no entry above. */
export const CLUB_COUNTRIES: Record<string, ClubCountry> = {
	en: { code: "ENG", name: "England", timeZone: "Europe/London" },
	de: { code: "GER", name: "Germany", timeZone: "Europe/Berlin" },
	es: { code: "ESP", name: "Spain", timeZone: "Europe/Madrid" },
	it: { code: "ITA", name: "Italy", timeZone: "Europe/Rome" },
	fr: { code: "FRA", name: "France", timeZone: "Europe/Paris" },
	nl: { code: "NED", name: "Netherlands", timeZone: "Europe/Amsterdam" },
	pt: { code: "POR", name: "Portugal", timeZone: "Europe/Lisbon" },
	sco: { code: "SCO", name: "Scotland", timeZone: "Europe/London" },
	be: { code: "BEL", name: "Belgium", timeZone: "Europe/Brussels" },
	at: { code: "AUT", name: "Austria", timeZone: "Europe/Vienna" },
	ch: { code: "SUI", name: "Switzerland", timeZone: "Europe/Zurich" },
	cz: { code: "CZE", name: "Czechia", timeZone: "Europe/Prague" },
	hr: { code: "CRO", name: "Croatia", timeZone: "Europe/Zagreb" },
	rs: { code: "SRB", name: "Serbia", timeZone: "Europe/Belgrade" },
	sk: { code: "SVK", name: "Slovakia", timeZone: "Europe/Bratislava" },
	ua: { code: "UKR", name: "Ukraine", timeZone: "Europe/Kyiv" },
	tr: { code: "TUR", name: "Turkey", timeZone: "Europe/Istanbul" },
	gr: { code: "GRE", name: "Greece", timeZone: "Europe/Athens" },
	dk: { code: "DEN", name: "Denmark", timeZone: "Europe/Copenhagen" },
	se: { code: "SWE", name: "Sweden", timeZone: "Europe/Stockholm" },
	no: { code: "NOR", name: "Norway", timeZone: "Europe/Oslo" },
	pl: { code: "POL", name: "Poland", timeZone: "Europe/Warsaw" },
	ie: { code: "IRL", name: "Republic of Ireland", timeZone: "Europe/Dublin" },
	wal: { code: "WAL", name: "Wales", timeZone: "Europe/London" },
	us: { code: "USA", name: "United States", timeZone: "America/New_York" },
	mx: { code: "MEX", name: "Mexico", timeZone: "America/Mexico_City" },
	br: { code: "BRA", name: "Brazil", timeZone: "America/Sao_Paulo" },
	ar: { code: "ARG", name: "Argentina", timeZone: "America/Argentina/Buenos_Aires" },
	cl: { code: "CHI", name: "Chile", timeZone: "America/Santiago" },
	co: { code: "COL", name: "Colombia", timeZone: "America/Bogota" },
	uy: { code: "URU", name: "Uruguay", timeZone: "America/Montevideo" },
};

const ORDINALS = [
	"First",
	"Second",
	"Third",
	"Fourth",
	"Fifth",
	"Sixth",
	"Seventh",
	"Eighth",
	"Ninth",
	"Tenth",
];

/**
 * The competition of a club file by its name (`en.1`, `at.2`): the entry above, or, for a
 * league of a known country, one derived from the name alone — code `AUT2` (country code and
 * division: never one of the fixed codes, which are shorter), name "Austria Second Division".
 */
export function clubCompetition(key: string): CompetitionInfo | undefined {
	const known = CLUB_COMPETITIONS[key];
	if (known) return known;
	const league = /^([a-z]+)\.([1-9][0-9]?)$/.exec(key);
	const country = league ? CLUB_COUNTRIES[league[1]] : undefined;
	if (!league || !country) return undefined;
	const division = Number(league[2]);
	const divisionName =
		division <= ORDINALS.length ? `${ORDINALS[division - 1]} Division` : `Division ${division}`;
	return {
		code: `${country.code}${division}`,
		name: `${country.name} ${divisionName}`,
		type: "LEAGUE",
		area: { name: country.name, code: country.code },
		timeZone: country.timeZone,
	};
}

/** The World Cup; its files give explicit `UTC±H` offsets, or Qatar's local time in 2022. */
export const WORLD_CUP: CompetitionInfo = {
	code: "WC",
	name: "FIFA World Cup",
	type: "CUP",
	area: { name: "World", code: "INT" },
	timeZone: "Asia/Qatar",
};

/** Country names of the codes that club names carry in European cups ("Celtic FC (SCO)"). */
export const COUNTRY_BY_CODE: Record<string, string> = {
	AUT: "Austria",
	BEL: "Belgium",
	CRO: "Croatia",
	CZE: "Czechia",
	ENG: "England",
	ESP: "Spain",
	FRA: "France",
	GER: "Germany",
	ITA: "Italy",
	MCO: "Monaco",
	NED: "Netherlands",
	POR: "Portugal",
	SCO: "Scotland",
	SRB: "Serbia",
	SUI: "Switzerland",
	SVK: "Slovakia",
	UKR: "Ukraine",
};

/** FIFA codes of national teams that played in 2022 but have no 2026 team file entry. */
export const FIFA_CODES: Record<string, string> = {
	Cameroon: "CMR",
	"Costa Rica": "CRC",
	Denmark: "DEN",
	Poland: "POL",
	Serbia: "SRB",
	Wales: "WAL",
};

/** openfootball's squad positions. */
export const POSITIONS = {
	GK: "Goalkeeper",
	DF: "Defender",
	MF: "Midfielder",
	FW: "Forward",
} as const;
