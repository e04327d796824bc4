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

export interface ClubCountry {
	/** The area code, as club names carry it in European cups ("Celtic FC (SCO)"). */
	code: string;
	name: string;
	timeZone: string;
}

/** Countries by openfootball's file prefix (`at.2.json` → `at`): their leagues need no entry below. */
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
	hu: { code: "HUN", name: "Hungary", timeZone: "Europe/Budapest" },
	ru: { code: "RUS", name: "Russia", timeZone: "Europe/Moscow" },
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
	jp: { code: "JPN", name: "Japan", timeZone: "Asia/Tokyo" },
	cn: { code: "CHN", name: "China PR", timeZone: "Asia/Shanghai" },
	au: { code: "AUS", name: "Australia", timeZone: "Australia/Sydney" },
	eg: { code: "EGY", name: "Egypt", timeZone: "Africa/Cairo" },
	dz: { code: "ALG", name: "Algeria", timeZone: "Africa/Algiers" },
	ma: { code: "MAR", name: "Morocco", timeZone: "Africa/Casablanca" },
};

/** A competition of one country's clubs, its area and zone taken from CLUB_COUNTRIES. */
function national(
	prefix: keyof typeof CLUB_COUNTRIES,
	code: string,
	name: string,
	type: CompetitionType = "LEAGUE",
): CompetitionInfo {
	const country = CLUB_COUNTRIES[prefix];
	return {
		code,
		name,
		type,
		area: { name: country.name, code: country.code },
		timeZone: country.timeZone,
	};
}

/**
 * Club competitions by openfootball file name (`en.1.json` → `en.1`), with football-data.org's
 * code wherever it has one. Leagues of known countries missing here get a derived code
 * (see clubCompetition).
 */
export const CLUB_COMPETITIONS: Record<string, CompetitionInfo> = {
	"en.1": national("en", "PL", "Premier League"),
	"en.2": national("en", "ELC", "Championship"),
	"en.3": national("en", "EL1", "League One"),
	"en.4": national("en", "EL2", "League Two"),
	"de.1": national("de", "BL1", "Bundesliga"),
	"de.2": national("de", "BL2", "2. Bundesliga"),
	"de.3": national("de", "BL3", "3. Liga"),
	"de.cup": national("de", "DFB", "DFB-Pokal", "CUP"),
	"es.1": national("es", "PD", "Primera División"),
	"es.2": national("es", "SD", "Segunda División"),
	"it.1": national("it", "SA", "Serie A"),
	"it.2": national("it", "SB", "Serie B"),
	"fr.1": national("fr", "FL1", "Ligue 1"),
	"fr.2": national("fr", "FL2", "Ligue 2"),
	"nl.1": national("nl", "DED", "Eredivisie"),
	"pt.1": national("pt", "PPL", "Primeira Liga"),
	"sco.1": national("sco", "SPL", "Scottish Premiership"),
	"be.1": national("be", "BJL", "Jupiler Pro League"),
	"at.1": national("at", "ABL", "Bundesliga"),
	"ch.1": national("ch", "SSL", "Super League"),
	"tr.1": national("tr", "TSL", "Süper Lig"),
	"gr.1": national("gr", "GSL", "Super League"),
	"hu.1": national("hu", "HNB", "NB I"),
	"ru.1": national("ru", "RFPL", "Premier League"),
	"br.1": national("br", "BSA", "Campeonato Brasileiro Série A"),
	"br.2": national("br", "BSB", "Campeonato Brasileiro Série B"),
	"ar.1": national("ar", "ASL", "Liga Profesional"),
	"co.1": national("co", "CLP", "Primera A"),
	"mx.1": national("mx", "LMX", "Liga MX"),
	mls: national("us", "MLS", "Major League Soccer"),
	"jp.1": national("jp", "JJL", "J. League"),
	"cn.1": national("cn", "CSL", "Chinese Super League"),
	"au.1": national("au", "AAL", "A League"),
	"uefa.cl": {
		code: "CL",
		name: "UEFA Champions League",
		type: "CUP",
		area: { name: "Europe", code: "EUR" },
		timeZone: "Europe/Berlin",
	},
	"copa.l": {
		code: "CLI",
		name: "Copa Libertadores",
		type: "CUP",
		area: { name: "South America", code: "SAM" },
		timeZone: "America/Sao_Paulo",
	},
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
 * The competition of a club file by its name (`en.1`, `at.2`, `at.cup`): the entry above, or,
 * for a competition of a known country, one derived from the name alone — a league `AUT2`
 * (country code and division; never one of the fixed codes, which are shorter) named "Austria
 * Second Division", a national cup `AUTCUP` named "Austria Cup".
 */
export function clubCompetition(key: string): CompetitionInfo | undefined {
	const known = CLUB_COMPETITIONS[key];
	if (known) return known;
	const found = /^([a-z]+)\.(?:([1-9][0-9]?)|cup)$/.exec(key);
	if (!found || !(found[1] in CLUB_COUNTRIES)) return undefined;
	const { code, name } = CLUB_COUNTRIES[found[1]];
	if (found[2] === undefined) return national(found[1], `${code}CUP`, `${name} Cup`, "CUP");
	const division = Number(found[2]);
	const divisionName =
		division <= ORDINALS.length ? `${ORDINALS[division - 1]} Division` : `Division ${division}`;
	return national(found[1], `${code}${division}`, `${name} ${divisionName}`);
}

/** A tournament's files hold national teams, except the Club World Cup's. */
export interface TournamentInfo extends CompetitionInfo {
	national: boolean;
	/** Zones of editions whose files give local times without an offset. */
	timeZoneByEdition?: Record<number, string>;
}

/** The World Cup; most files give explicit `UTC±H` offsets or no times at all. */
export const WORLD_CUP: TournamentInfo = {
	code: "WC",
	name: "FIFA World Cup",
	type: "CUP",
	area: { name: "World", code: "INT" },
	timeZone: "Asia/Qatar",
	national: true,
	timeZoneByEdition: { 2010: "Africa/Johannesburg", 2022: "Asia/Qatar" },
};

/**
 * Tournaments by file, `<folder>/<name>` (`worldcup/2022/worldcup.json` → `worldcup/worldcup`).
 * football-data.org's code where it has one (WC, EC); elsewhere FIFA's own abbreviation (CWC)
 * or, for the 2026 play-offs for the last World Cup places, `WCQ`.
 */
export const TOURNAMENTS: Record<string, TournamentInfo> = {
	"worldcup/worldcup": WORLD_CUP,
	"worldcup/worldcup.quali_playoffs": {
		code: "WCQ",
		name: "FIFA World Cup qualification play-offs",
		type: "CUP",
		area: { name: "World", code: "INT" },
		timeZone: "Europe/Berlin",
		national: true,
	},
	"worldcup/clubworldcup": {
		code: "CWC",
		name: "FIFA Club World Cup",
		type: "CUP",
		area: { name: "World", code: "INT" },
		timeZone: "America/New_York",
		national: false,
	},
	"euro/euro": {
		code: "EC",
		name: "UEFA European Championship",
		type: "CUP",
		area: { name: "Europe", code: "EUR" },
		timeZone: "Europe/Berlin",
		national: true,
	},
};

/**
 * Country names of the codes that club names carry in cups ("Celtic FC (SCO)"): every country
 * above, and those whose leagues the data lacks.
 */
export const COUNTRY_BY_CODE: Record<string, string> = {
	...Object.fromEntries(
		Object.values(CLUB_COUNTRIES).map(country => [country.code, country.name]),
	),
	AZE: "Azerbaijan",
	BLR: "Belarus",
	BOL: "Bolivia",
	BUL: "Bulgaria",
	CYP: "Cyprus",
	ECU: "Ecuador",
	ISR: "Israel",
	KAZ: "Kazakhstan",
	KOR: "Korea Republic",
	KSA: "Saudi Arabia",
	MCO: "Monaco",
	NZL: "New Zealand",
	PAR: "Paraguay",
	PER: "Peru",
	ROU: "Romania",
	RSA: "South Africa",
	SVN: "Slovenia",
	TUN: "Tunisia",
	UAE: "United Arab Emirates",
	VEN: "Venezuela",
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
