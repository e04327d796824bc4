// Invented but plausible names for generated data: towns, clubs and players, by language.
// Towns are built from parts so that a few words give thousands of names; no real club is meant.
import type { Random } from "./random";

export type Language =
	| "english" | "german" | "spanish" | "italian" | "french" | "dutch"
	| "portuguese" | "slavic" | "nordic" | "turkish" | "greek";

interface NamePool {
	townStarts: string[];
	townEnds: string[];
	/** `{town}` is replaced by an invented town. */
	clubForms: string[];
	firstNames: string[];
	lastNames: string[];
}

const POOLS: Record<Language, NamePool> = {
	english: {
		townStarts: ["Ash", "Brad", "Bram", "Carl", "Dar", "Elm", "Fal", "Gold", "Hal", "Hart", "Kings", "Lang", "Mar", "Mill", "North", "Oak", "Ray", "Red", "Shel", "South", "Stan", "Thorn", "Wal", "West", "Whit", "Wood", "Bur", "Crom", "Dun", "Fen"],
		townEnds: ["ford", "ley", "ton", "bury", "ham", "field", "wick", "worth", "mouth", "stead", "dale", "bridge", "borough", "well", "minster", "port", "by", "chester"],
		clubForms: ["{town} United FC", "{town} Town FC", "{town} City FC", "{town} Rovers FC", "{town} Athletic FC", "{town} Wanderers FC", "{town} Albion FC", "{town} FC", "{town} County FC", "AFC {town}"],
		firstNames: ["James", "Jack", "Harry", "Oliver", "George", "Charlie", "Thomas", "Daniel", "Joe", "Ben", "Sam", "Callum", "Lewis", "Ryan", "Connor", "Jordan", "Kyle", "Luke", "Reece", "Marcus", "Jamie", "Aaron", "Adam", "Nathan", "Liam", "Owen", "Declan", "Mason", "Tyler", "Kieran"],
		lastNames: ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Hughes", "Edwards", "Turner", "Cooper", "Hill", "Ward", "Morris", "Baker", "Harris", "King", "Mitchell", "Carter", "Shaw", "Barnes", "Fletcher"],
	},
	german: {
		townStarts: ["Ober", "Unter", "Neu", "Alt", "Rosen", "Eichen", "Linden", "Stein", "Wald", "Berg", "Hohen", "Kirch", "Mühl", "Schön", "Frei", "Rot", "Weiß", "Tann", "Lauter", "Oster", "Wester", "Sonnen", "Falken", "Buchen"],
		townEnds: ["hausen", "burg", "dorf", "feld", "heim", "bach", "stadt", "brück", "au", "tal", "berg", "hofen", "ingen", "kirchen", "walde"],
		clubForms: ["SV {town}", "FC {town}", "VfB {town}", "TSV {town}", "SpVgg {town}", "1. FC {town}", "VfL {town}", "SC {town}", "FSV {town}", "Eintracht {town}", "Fortuna {town}", "SG {town}"],
		firstNames: ["Lukas", "Jonas", "Leon", "Finn", "Niklas", "Tim", "Jan", "Felix", "Max", "Paul", "Florian", "Tobias", "Kevin", "Marco", "Dennis", "Sebastian", "Julian", "Moritz", "Fabian", "Philipp", "Stefan", "Matthias", "Dominik", "Marvin", "Timo", "Robin", "Nils", "Kai"],
		lastNames: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Werner", "Krause", "Lehmann", "Köhler", "Maier", "Huber", "Kaiser"],
	},
	spanish: {
		townStarts: ["Villa", "Puerto", "Castel", "Monte", "Torre", "Val", "Alca", "Medina", "Peña", "Sierra", "Fuente", "Campo", "Mira", "Bena", "Alba", "Mora", "Olive", "Roca"],
		townEnds: ["franca", "nueva", "real", "verde", "blanca", "mar", "sol", "llano", "dorada", "alta", "rrubia", "cerro", "lejo", "seca"],
		clubForms: ["CD {town}", "Real {town}", "UD {town}", "{town} CF", "Atlético {town}", "SD {town}", "CF {town}", "Deportivo {town}", "Racing {town}", "Club {town}"],
		firstNames: ["Pablo", "Javier", "Sergio", "Alejandro", "Daniel", "Carlos", "David", "Álvaro", "Diego", "Adrián", "Iván", "Raúl", "Mario", "Jorge", "Rubén", "Marcos", "Hugo", "Nicolás", "Miguel", "Andrés", "Iker", "Gonzalo", "Joaquín", "Óscar", "Samuel", "Mateo", "Martín", "Lucas"],
		lastNames: ["García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero", "Alonso", "Gutiérrez", "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos", "Gil", "Serrano", "Blanco", "Molina", "Castro"],
	},
	italian: {
		townStarts: ["Castel", "Monte", "Borgo", "Villa", "Porto", "Santo", "Roc", "Val", "Pieve", "Campo", "Fonte", "Lago", "Torre", "Poggio", "Colle", "Rivo", "Mira", "Serra"],
		townEnds: ["franco", "nuovo", "bello", "fiore", "alto", "verde", "lago", "mare", "vecchio", "rosso", "chiaro", "sano", "fino", "dolce"],
		clubForms: ["US {town}", "AC {town}", "{town} Calcio", "SS {town}", "AS {town}", "FC {town}", "{town} FC", "Virtus {town}", "Pro {town}", "Unione {town}"],
		firstNames: ["Francesco", "Alessandro", "Lorenzo", "Matteo", "Andrea", "Luca", "Marco", "Davide", "Federico", "Simone", "Riccardo", "Gabriele", "Tommaso", "Giacomo", "Nicolò", "Stefano", "Daniele", "Giorgio", "Filippo", "Mattia", "Alberto", "Emanuele", "Manuel", "Cristian", "Leonardo", "Pietro"],
		lastNames: ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli", "Martini", "Leone"],
	},
	french: {
		townStarts: ["Saint-", "Mont", "Beau", "Château", "Ville", "Roche", "Font", "Belle", "Val", "Pont", "Bourg", "Clair", "Grand", "Neuf", "Haut", "Mar"],
		townEnds: ["fort", "mont", "ville", "vaux", "bois", "lieu", "champ", "court", "val", "pré", "roche", "mare", "vert", "lac"],
		clubForms: ["Stade {town}", "AS {town}", "FC {town}", "US {town}", "Olympique {town}", "SC {town}", "{town} FC", "AJ {town}", "ES {town}", "Racing Club {town}"],
		firstNames: ["Lucas", "Hugo", "Théo", "Nathan", "Enzo", "Louis", "Mathis", "Maxime", "Antoine", "Thomas", "Alexandre", "Julien", "Kylian", "Romain", "Clément", "Baptiste", "Quentin", "Florian", "Adrien", "Yanis", "Rayan", "Moussa", "Ibrahima", "Mamadou", "Ousmane", "Jordan", "Kévin"],
		lastNames: ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Diallo", "Traoré", "Camara", "Koné", "Diop"],
	},
	dutch: {
		townStarts: ["Zee", "Oost", "West", "Noord", "Zuid", "Groen", "Hoog", "Nieuw", "Oud", "Hel", "Vlie", "Waal", "Bloem", "Heer", "Brug", "Meer", "Ter", "Ros"],
		townEnds: ["dam", "dijk", "hoven", "veen", "wijk", "burg", "horst", "loo", "broek", "meer", "sloot", "haven", "zande", "rode", "gem", "kerke"],
		clubForms: ["FC {town}", "SC {town}", "VV {town}", "SV {town}", "Sparta {town}", "Excelsior {town}", "KV {town}", "Royal {town} FC", "{town} Boys", "Fortuna {town}"],
		firstNames: ["Daan", "Sem", "Lars", "Thijs", "Jesse", "Bram", "Stijn", "Ruben", "Niels", "Jasper", "Tim", "Joris", "Wout", "Teun", "Sven", "Koen", "Luuk", "Milan", "Jelle", "Pieter", "Joost", "Dries", "Arne", "Bart", "Kees", "Rick"],
		lastNames: ["de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "Peeters", "Maes", "Claes", "Wouters", "Goossens"],
	},
	portuguese: {
		townStarts: ["Vila", "Porto", "Santa", "Ponte", "Monte", "Rio", "Castelo", "Torre", "Serra", "Praia", "Campo", "Boa", "Lagoa", "Pedra"],
		townEnds: [" Nova", " Verde", " Real", "mar", "lima", "formosa", " Alegre", " do Sul", "bela", " da Serra", "rosa", "flor", " Branca"],
		clubForms: ["{town} FC", "SC {town}", "CD {town}", "Sporting {town}", "Atlético {town}", "União {town}", "Clube {town}", "GD {town}", "Esporte Clube {town}", "{town} EC"],
		firstNames: ["João", "Pedro", "Tiago", "Rui", "Diogo", "Gonçalo", "André", "Bruno", "Ricardo", "Nuno", "Rafael", "Miguel", "Luís", "Fábio", "Gabriel", "Matheus", "Lucas", "Vinícius", "Thiago", "Felipe", "Gustavo", "Rodrigo", "Caio", "Renan"],
		lastNames: ["Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins", "Jesus", "Sousa", "Fernandes", "Gonçalves", "Gomes", "Lopes", "Marques", "Alves", "Almeida", "Ribeiro", "Pinto", "Carvalho", "Teixeira", "Moreira", "Correia", "Mendes", "Nunes", "Soares", "Vieira", "Monteiro", "Cardoso", "Rocha"],
	},
	slavic: {
		townStarts: ["Novi", "Stari", "Bela", "Zlat", "Kral", "Dub", "Les", "Bor", "Vel", "Mir", "Rad", "Slav", "Gor", "Brez", "Lip", "Kamen", "Vod", "Star"],
		townEnds: ["grad", "ice", "ov", "any", "nica", "ovac", "jevo", "ava", "brod", "dol", "pole", "ín", "sko", "ec"],
		clubForms: ["FK {town}", "NK {town}", "SK {town}", "FC {town}", "MFK {town}", "Dinamo {town}", "Slavia {town}", "Spartak {town}", "Lokomotiva {town}", "Radnik {town}", "Polonia {town}"],
		firstNames: ["Luka", "Marko", "Ivan", "Petar", "Josip", "Filip", "Nikola", "Stefan", "Tomáš", "Jakub", "Lukáš", "Ondřej", "Martin", "Marek", "Michal", "Dominik", "Andriy", "Oleksandr", "Mykola", "Bogdan", "Kamil", "Piotr", "Krzysztof", "Mateusz", "Dušan", "Milan", "Vladimír", "Patrik"],
		lastNames: ["Horvat", "Kovačević", "Babić", "Marić", "Jurić", "Novak", "Petrović", "Jovanović", "Nikolić", "Marković", "Đorđević", "Ilić", "Svoboda", "Novotný", "Dvořák", "Černý", "Procházka", "Kučera", "Horváth", "Kováč", "Varga", "Tóth", "Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Zieliński"],
	},
	nordic: {
		townStarts: ["Sand", "Lund", "Dal", "Berg", "Strand", "Holm", "Vik", "Fjell", "Skog", "Ny", "Øster", "Väster", "Norr", "Sol", "Kvarn", "Ros", "Bjørk", "Å"],
		townEnds: ["by", "borg", "vik", "stad", "holm", "sund", "dal", "berg", "köping", "ås", "strand", "hus", "lund", "havn", "ager"],
		clubForms: ["{town} IF", "{town} FF", "{town} BK", "IFK {town}", "{town} IK", "FC {town}", "{town} FK", "{town} Boldklub", "{town} SK", "{town} IL"],
		firstNames: ["Erik", "Lars", "Anders", "Johan", "Magnus", "Henrik", "Oscar", "Emil", "William", "Lucas", "Elias", "Jonas", "Mikkel", "Rasmus", "Kasper", "Sander", "Martin", "Kristian", "Fredrik", "Andreas", "Mads", "Viktor", "Filip", "Simon", "Tobias", "Oskar", "Sebastian", "Jakob"],
		lastNames: ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nielsen", "Kristiansen", "Jensen", "Christensen", "Madsen", "Berg", "Haugen", "Hagen", "Lund", "Holm", "Dahl", "Lindqvist", "Bakke", "Strand"],
	},
	turkish: {
		townStarts: ["Kara", "Ak", "Gök", "Sarı", "Yeşil", "Demir", "Kırk", "Bağ", "Çam", "Kızıl", "Gül", "Ada", "Taş", "Yeni", "Eski", "Orta", "Bur", "Sel"],
		townEnds: ["köy", "dere", "pınar", "kent", "tepe", "ova", "su", "kaya", "bahçe", "yurt", "hisar", "dağ", "ören", "ağaç"],
		clubForms: ["{town}spor", "{town} Belediyespor", "{town} FK", "{town} Gençlerbirliği", "{town} İdmanyurdu", "{town} SK"],
		firstNames: ["Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "İbrahim", "Emre", "Burak", "Cenk", "Arda", "Kerem", "Ozan", "Mert", "Oğuz", "Serdar", "Volkan", "Hakan", "Okan", "Selçuk", "Can", "Enes", "Yusuf", "Ömer", "Berk", "Kaan"],
		lastNames: ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın", "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan", "Şimşek", "Polat", "Korkmaz", "Güler", "Aktaş", "Uçar", "Tekin", "Bulut", "Turan"],
	},
	greek: {
		townStarts: ["Agia", "Neo", "Palaio", "Ano", "Kato", "Kala", "Lefko", "Mavro", "Petro", "Ela", "Kastro", "Melo", "Platy", "Chryso"],
		townEnds: ["polis", "chori", "kastro", "limni", "vouni", "nisi", "kambos", "pyrgos", "dendro", "lithos"],
		clubForms: ["AO {town}", "PAE {town}", "Apollon {town}", "Asteras {town}", "Ethnikos {town}", "Aris {town}", "Atromitos {town}", "Iraklis {town}"],
		firstNames: ["Giorgos", "Dimitris", "Nikos", "Kostas", "Giannis", "Panagiotis", "Vasilis", "Christos", "Thanasis", "Michalis", "Stelios", "Sotiris", "Petros", "Manolis", "Antonis", "Lefteris", "Alexandros", "Stavros", "Andreas", "Spyros"],
		lastNames: ["Papadopoulos", "Papadakis", "Georgiou", "Nikolaou", "Dimitriou", "Ioannou", "Konstantinou", "Vlachos", "Angelopoulos", "Oikonomou", "Makris", "Pappas", "Karagiannis", "Christodoulou", "Athanasiou", "Vasileiou", "Michailidis", "Alexiou", "Stavrou", "Kyriakou", "Panagiotou", "Theodorou", "Samaras", "Katsaros"],
	},
};

/** A town: "Ash" + "ford"; a part after a hyphen starts with a capital ("Saint-Fort"). */
function inventTown(random: Random, pool: NamePool): string {
	const town = random.pick(pool.townStarts) + random.pick(pool.townEnds);
	return town.replace(/-(\p{Ll})/u, (_, letter: string) => `-${letter.toUpperCase()}`);
}

/**
 * A club name in the language's forms, e.g. "Ashford Rovers FC", "SpVgg Lindenau".
 * @param towns 2 joins two towns ("Ashford-Kingsley United FC"), for when simple names run out
 */
export function inventClubName(random: Random, language: Language, towns: 1 | 2 = 1): string {
	const pool = POOLS[language];
	const town = towns === 1 ? inventTown(random, pool) : `${inventTown(random, pool)}-${inventTown(random, pool)}`;
	return random.pick(pool.clubForms).replace("{town}", town);
}

/** A player name, e.g. "Callum Fletcher". */
export function inventPlayerName(random: Random, language: Language): string {
	const pool = POOLS[language];
	return `${random.pick(pool.firstNames)} ${random.pick(pool.lastNames)}`;
}
