/*
 * NAME
 *	courttz 3 - the courts' time zones
 * SYNOPSIS
 *	#include "courttz.h"
 * DESCRIPTION
 *	The court ids are those of CM/ECF (the list of the courts' document
 *	id prefixes, plus the bankruptcy appellate panels).  The zone of a
 *	court is the zone of its seat under the Uniform Time Act as the
 *	IANA database records it (49 CFR part 71 draws the boundaries by
 *	county); each note names the seat and, for the courts whose
 *	district crosses a boundary, which places lie in the other zone.
 *	Indiana, Michigan, Kentucky and Idaho seats use their own IANA
 *	names (America/Indiana/Indianapolis, America/Detroit,
 *	America/Kentucky/Louisville, America/Boise), which have kept the
 *	rules of their family since 2007.
 *
 *	A two-zone court lists every city it sits in, with its zone.  City
 *	names are matched as whole words, case-insensitively; the first
 *	city of the list found in the text wins.
 * DIAGNOSTICS
 *	None.
 */
#include <string.h>

#include "courttz.h"

#define NY	"America/New_York"
#define CHI	"America/Chicago"
#define DEN	"America/Denver"
#define PHX	"America/Phoenix"
#define LA	"America/Los_Angeles"
#define ANC	"America/Anchorage"
#define HNL	"Pacific/Honolulu"
#define SJU	"America/Puerto_Rico"
#define STT	"America/St_Thomas"
#define GUM	"Pacific/Guam"
#define SPN	"Pacific/Saipan"
#define DET	"America/Detroit"
#define IND	"America/Indiana/Indianapolis"
#define LOU	"America/Kentucky/Louisville"
#define BOI	"America/Boise"

static const struct courttz_city c_flnd[] = {
	{ "pensacola", CHI }, { "panama city", CHI }, { "tallahassee", NY },
	{ "gainesville", NY }, { NULL, NULL } };
static const struct courttz_city c_txwd[] = {
	{ "el paso", DEN }, { "san antonio", CHI }, { "austin", CHI },
	{ "waco", CHI }, { "midland", CHI }, { "pecos", CHI }, { "del rio", CHI },
	{ "alpine", CHI }, { NULL, NULL } };
static const struct courttz_city c_sdd[] = {
	{ "rapid city", DEN }, { "deadwood", DEN }, { "sioux falls", CHI },
	{ "pierre", CHI }, { "aberdeen", CHI }, { NULL, NULL } };
static const struct courttz_city c_idd[] = {
	{ "coeur d'alene", LA }, { "coeur d\xe2\x80\x99" "alene", LA },
	{ "moscow", LA }, { "lewiston", LA }, { "sandpoint", LA }, { "boise", BOI },
	{ "pocatello", BOI }, { "idaho falls", BOI }, { "twin falls", BOI },
	{ NULL, NULL } };
static const struct courttz_city c_ksd[] = {
	{ "goodland", DEN }, { "sharon springs", DEN }, { "tribune", DEN },
	{ "syracuse", DEN }, { "kansas city", CHI }, { "topeka", CHI },
	{ "wichita", CHI }, { NULL, NULL } };
static const struct courttz_city c_ned[] = {
	{ "scottsbluff", DEN }, { "sidney", DEN }, { "alliance", DEN },
	{ "chadron", DEN }, { "ogallala", DEN }, { "omaha", CHI }, { "lincoln", CHI },
	{ "north platte", CHI }, { NULL, NULL } };
static const struct courttz_city c_ndd[] = {
	{ "dickinson", DEN }, { "bowman", DEN }, { "bismarck", CHI },
	{ "fargo", CHI }, { "grand forks", CHI }, { "minot", CHI }, { NULL, NULL } };
static const struct courttz_city c_tned[] = {
	{ "winchester", CHI }, { "knoxville", NY }, { "chattanooga", NY },
	{ "greeneville", NY }, { NULL, NULL } };
static const struct courttz_city c_innd[] = {
	{ "hammond", CHI }, { "gary", CHI }, { "south bend", IND },
	{ "fort wayne", IND }, { "lafayette", IND }, { NULL, NULL } };
static const struct courttz_city c_insd[] = {
	{ "evansville", CHI }, { "indianapolis", IND }, { "terre haute", IND },
	{ "new albany", IND }, { NULL, NULL } };
static const struct courttz_city c_kywd[] = {
	{ "bowling green", CHI }, { "owensboro", CHI }, { "paducah", CHI },
	{ "louisville", LOU }, { NULL, NULL } };
static const struct courttz_city c_miwd[] = {
	{ "iron mountain", CHI }, { "ironwood", CHI }, { "menominee", CHI },
	{ "grand rapids", DET }, { "kalamazoo", DET }, { "lansing", DET },
	{ "marquette", DET }, { NULL, NULL } };
static const struct courttz_city c_ord[] = {
	{ "ontario", BOI }, { "portland", LA }, { "eugene", LA },
	{ "medford", LA }, { "pendleton", LA }, { NULL, NULL } };
static const struct courttz_city c_ca1[] = {
	{ "san juan", SJU }, { "hato rey", SJU }, { NULL, NULL } };
static const struct courttz_city c_ca3[] = {
	{ "st. thomas", STT }, { "saint thomas", STT }, { "st. croix", STT },
	{ "christiansted", STT }, { "charlotte amalie", STT }, { NULL, NULL } };
static const struct courttz_city c_ca9[] = {
	{ "honolulu", HNL }, { "anchorage", ANC }, { "phoenix", PHX },
	{ "hag\xc3\xa5t\xc3\xb1" "a", GUM }, { "hagatna", GUM },
	{ "saipan", SPN }, { "boise", BOI }, { NULL, NULL } };
static const struct courttz_city c_ca10[] = {
	{ "oklahoma city", CHI }, { "tulsa", CHI }, { "wichita", CHI },
	{ "topeka", CHI }, { "kansas city", CHI }, { NULL, NULL } };
static const struct courttz_city c_ca11[] = {
	{ "montgomery", CHI }, { "birmingham", CHI }, { "mobile", CHI },
	{ NULL, NULL } };
static const struct courttz_city c_jpml[] = {
	{ "chicago", CHI }, { "dallas", CHI }, { "houston", CHI },
	{ "san antonio", CHI }, { "st. louis", CHI }, { "kansas city", CHI },
	{ "new orleans", CHI }, { "nashville", CHI }, { "minneapolis", CHI },
	{ "denver", DEN }, { "salt lake city", DEN }, { "phoenix", PHX },
	{ "los angeles", LA }, { "san francisco", LA }, { "san diego", LA },
	{ "seattle", LA }, { "portland", LA }, { "las vegas", LA },
	{ NULL, NULL } };

/* A district court and its bankruptcy court share seat, zone and note. */
#define DB(d, b, seat, zone, note, cities) \
	{ d, seat, zone, note, cities }, { b, seat, zone, note, cities }
#define ONE(c, seat, zone, note, cities) { c, seat, zone, note, cities }

static const struct courttz ct_rows[] = {
	/* courts of appeals and national courts */
	ONE("ca1", "Boston", NY, "First Circuit; also sits in San Juan (Atlantic)", c_ca1),
	ONE("ca2", "New York", NY, "Second Circuit", NULL),
	ONE("ca3", "Philadelphia", NY, "Third Circuit; also sits in the Virgin Islands (Atlantic)", c_ca3),
	ONE("ca4", "Richmond", NY, "Fourth Circuit", NULL),
	ONE("ca5", "New Orleans", CHI, "Fifth Circuit", NULL),
	ONE("ca6", "Cincinnati", NY, "Sixth Circuit", NULL),
	ONE("ca7", "Chicago", CHI, "Seventh Circuit", NULL),
	ONE("ca8", "St. Louis", CHI, "Eighth Circuit; St. Paul and Omaha sittings are Central too", NULL),
	ONE("ca9", "San Francisco", LA, "Ninth Circuit; sittings in Honolulu, Anchorage, Phoenix, Guam, Saipan, Boise", c_ca9),
	ONE("ca10", "Denver", DEN, "Tenth Circuit; Oklahoma and Kansas sittings are Central", c_ca10),
	ONE("ca11", "Atlanta", NY, "Eleventh Circuit; Montgomery sittings are Central", c_ca11),
	ONE("cadc", "Washington", NY, "D.C. Circuit", NULL),
	ONE("cafc", "Washington", NY, "Federal Circuit", NULL),
	ONE("cit", "New York", NY, "Court of International Trade", NULL),
	ONE("cofc", "Washington", NY, "Court of Federal Claims", NULL),
	ONE("jpml", "Washington", NY, "Judicial Panel on Multidistrict Litigation; hearing sessions move around the country", c_jpml),
	ONE("bap1", "Boston", NY, "First Circuit Bankruptcy Appellate Panel", c_ca1),
	ONE("bap6", "Cincinnati", NY, "Sixth Circuit Bankruptcy Appellate Panel", NULL),
	ONE("bap8", "St. Louis", CHI, "Eighth Circuit Bankruptcy Appellate Panel", NULL),
	ONE("bap9", "Pasadena", LA, "Ninth Circuit Bankruptcy Appellate Panel", c_ca9),
	ONE("bap10", "Denver", DEN, "Tenth Circuit Bankruptcy Appellate Panel", c_ca10),
	/* districts: district court, bankruptcy court */
	DB("almd", "almb", "Montgomery", CHI, "Alabama is Central", NULL),
	DB("alnd", "alnb", "Birmingham", CHI, "Alabama is Central", NULL),
	DB("alsd", "alsb", "Mobile", CHI, "Alabama is Central", NULL),
	DB("akd", "akb", "Anchorage", ANC, "Alaska; Fairbanks, Juneau, Ketchikan and Nome keep Alaska time", NULL),
	DB("azd", "azb", "Phoenix", PHX, "Arizona keeps MST all year (no DST)", NULL),
	DB("ared", "areb", "Little Rock", CHI, "Arkansas is Central", NULL),
	DB("arwd", "arwb", "Fort Smith", CHI, "Arkansas is Central", NULL),
	DB("cacd", "cacb", "Los Angeles", LA, "California is Pacific", NULL),
	DB("caed", "caeb", "Sacramento", LA, "California is Pacific", NULL),
	DB("cand", "canb", "San Francisco", LA, "California is Pacific", NULL),
	DB("casd", "casb", "San Diego", LA, "California is Pacific", NULL),
	DB("cod", "cob", "Denver", DEN, "Colorado is Mountain", NULL),
	DB("ctd", "ctb", "Hartford", NY, "Connecticut is Eastern", NULL),
	DB("ded", "deb", "Wilmington", NY, "Delaware is Eastern", NULL),
	DB("dcd", "dcb", "Washington", NY, "District of Columbia is Eastern", NULL),
	DB("flmd", "flmb", "Tampa", NY, "M.D. Fla. divisions are all Eastern", NULL),
	DB("flnd", "flnb", "Tallahassee", NY, "Tallahassee and Gainesville Eastern; Pensacola and Panama City Central", c_flnd),
	DB("flsd", "flsb", "Miami", NY, "S.D. Fla. is Eastern", NULL),
	DB("gamd", "gamb", "Macon", NY, "Georgia is Eastern", NULL),
	DB("gand", "ganb", "Atlanta", NY, "Georgia is Eastern", NULL),
	DB("gasd", "gasb", "Savannah", NY, "Georgia is Eastern", NULL),
	DB("gud", "gub", "Hag\xc3\xa5t\xc3\xb1" "a", GUM, "Guam keeps Chamorro time, UTC+10, no DST", NULL),
	DB("hid", "hib", "Honolulu", HNL, "Hawaii keeps HST all year (no DST)", NULL),
	DB("idd", "idb", "Boise", BOI, "Boise and Pocatello Mountain; the northern division (Coeur d'Alene, Moscow) Pacific", c_idd),
	DB("ilcd", "ilcb", "Springfield", CHI, "Illinois is Central", NULL),
	DB("ilnd", "ilnb", "Chicago", CHI, "Illinois is Central", NULL),
	DB("ilsd", "ilsb", "East St. Louis", CHI, "Illinois is Central", NULL),
	DB("innd", "innb", "South Bend", IND, "South Bend, Fort Wayne, Lafayette Eastern; Hammond (Lake County) Central", c_innd),
	DB("insd", "insb", "Indianapolis", IND, "Indianapolis, Terre Haute, New Albany Eastern; Evansville Central", c_insd),
	DB("iand", "ianb", "Cedar Rapids", CHI, "Iowa is Central", NULL),
	DB("iasd", "iasb", "Des Moines", CHI, "Iowa is Central", NULL),
	DB("ksd", "ksb", "Kansas City", CHI, "Kansas City, Topeka, Wichita Central; four western counties Mountain", c_ksd),
	DB("kyed", "kyeb", "Lexington", NY, "E.D. Ky. divisions are all Eastern", NULL),
	DB("kywd", "kywb", "Louisville", LOU, "Louisville Eastern; Bowling Green, Owensboro, Paducah Central", c_kywd),
	DB("laed", "laeb", "New Orleans", CHI, "Louisiana is Central", NULL),
	DB("lamd", "lamb", "Baton Rouge", CHI, "Louisiana is Central", NULL),
	DB("lawd", "lawb", "Shreveport", CHI, "Louisiana is Central", NULL),
	DB("med", "meb", "Portland", NY, "Maine is Eastern", NULL),
	DB("mdd", "mdb", "Baltimore", NY, "Maryland is Eastern", NULL),
	DB("mad", "mab", "Boston", NY, "Massachusetts is Eastern", NULL),
	DB("mied", "mieb", "Detroit", DET, "E.D. Mich. is Eastern", NULL),
	DB("miwd", "miwb", "Grand Rapids", DET, "Grand Rapids, Kalamazoo, Lansing, Marquette Eastern; four Upper Peninsula counties Central", c_miwd),
	DB("mnd", "mnb", "St. Paul", CHI, "Minnesota is Central", NULL),
	DB("msnd", "msnb", "Oxford", CHI, "Mississippi is Central", NULL),
	DB("mssd", "mssb", "Jackson", CHI, "Mississippi is Central", NULL),
	DB("moed", "moeb", "St. Louis", CHI, "Missouri is Central", NULL),
	DB("mowd", "mowb", "Kansas City", CHI, "Missouri is Central", NULL),
	DB("mtd", "mtb", "Billings", DEN, "Montana is Mountain", NULL),
	DB("ned", "neb", "Omaha", CHI, "Omaha, Lincoln, North Platte Central; the Panhandle (Scottsbluff) Mountain", c_ned),
	DB("nvd", "nvb", "Las Vegas", LA, "Nevada courts are Pacific", NULL),
	DB("nhd", "nhb", "Concord", NY, "New Hampshire is Eastern", NULL),
	DB("njd", "njb", "Newark", NY, "New Jersey is Eastern", NULL),
	DB("nmd", "nmb", "Albuquerque", DEN, "New Mexico is Mountain", NULL),
	DB("nyed", "nyeb", "Brooklyn", NY, "New York is Eastern", NULL),
	DB("nynd", "nynb", "Syracuse", NY, "New York is Eastern", NULL),
	DB("nysd", "nysb", "New York", NY, "New York is Eastern", NULL),
	DB("nywd", "nywb", "Buffalo", NY, "New York is Eastern", NULL),
	DB("nced", "nceb", "Raleigh", NY, "North Carolina is Eastern", NULL),
	DB("ncmd", "ncmb", "Greensboro", NY, "North Carolina is Eastern", NULL),
	DB("ncwd", "ncwb", "Charlotte", NY, "North Carolina is Eastern", NULL),
	DB("ndd", "ndb", "Bismarck", CHI, "Bismarck, Fargo, Grand Forks, Minot Central; the southwest (Dickinson) Mountain", c_ndd),
	DB("nmid", "nmib", "Saipan", SPN, "Northern Mariana Islands keep Chamorro time, UTC+10, no DST", NULL),
	DB("ohnd", "ohnb", "Cleveland", NY, "Ohio is Eastern", NULL),
	DB("ohsd", "ohsb", "Columbus", NY, "Ohio is Eastern", NULL),
	DB("oked", "okeb", "Muskogee", CHI, "Oklahoma is Central", NULL),
	DB("oknd", "oknb", "Tulsa", CHI, "Oklahoma is Central", NULL),
	DB("okwd", "okwb", "Oklahoma City", CHI, "Oklahoma is Central", NULL),
	DB("ord", "orb", "Portland", LA, "Oregon courts are Pacific; most of Malheur County is Mountain", c_ord),
	DB("paed", "paeb", "Philadelphia", NY, "Pennsylvania is Eastern", NULL),
	DB("pamd", "pamb", "Harrisburg", NY, "Pennsylvania is Eastern", NULL),
	DB("pawd", "pawb", "Pittsburgh", NY, "Pennsylvania is Eastern", NULL),
	DB("prd", "prb", "San Juan", SJU, "Puerto Rico keeps Atlantic time, no DST", NULL),
	DB("rid", "rib", "Providence", NY, "Rhode Island is Eastern", NULL),
	DB("scd", "scb", "Columbia", NY, "South Carolina is Eastern", NULL),
	DB("sdd", "sdb", "Sioux Falls", CHI, "Sioux Falls, Pierre, Aberdeen Central; Rapid City (western division) Mountain", c_sdd),
	DB("tned", "tneb", "Knoxville", NY, "Knoxville, Chattanooga, Greeneville Eastern; Winchester Central", c_tned),
	DB("tnmd", "tnmb", "Nashville", CHI, "Middle Tennessee is Central", NULL),
	DB("tnwd", "tnwb", "Memphis", CHI, "West Tennessee is Central", NULL),
	DB("txed", "txeb", "Tyler", CHI, "E.D. Tex. is Central", NULL),
	DB("txnd", "txnb", "Dallas", CHI, "N.D. Tex. is Central (Amarillo and Lubbock too)", NULL),
	DB("txsd", "txsb", "Houston", CHI, "S.D. Tex. is Central", NULL),
	DB("txwd", "txwb", "San Antonio", CHI, "San Antonio, Austin, Waco, Midland Central; El Paso Mountain", c_txwd),
	DB("utd", "utb", "Salt Lake City", DEN, "Utah is Mountain", NULL),
	DB("vtd", "vtb", "Burlington", NY, "Vermont is Eastern", NULL),
	DB("vaed", "vaeb", "Alexandria", NY, "Virginia is Eastern", NULL),
	DB("vawd", "vawb", "Roanoke", NY, "Virginia is Eastern", NULL),
	DB("vid", "vib", "St. Thomas", STT, "Virgin Islands keep Atlantic time, no DST", NULL),
	DB("waed", "waeb", "Spokane", LA, "Washington is Pacific", NULL),
	DB("wawd", "wawb", "Seattle", LA, "Washington is Pacific", NULL),
	DB("wvnd", "wvnb", "Wheeling", NY, "West Virginia is Eastern", NULL),
	DB("wvsd", "wvsb", "Charleston", NY, "West Virginia is Eastern", NULL),
	DB("wied", "wieb", "Milwaukee", CHI, "Wisconsin is Central", NULL),
	DB("wiwd", "wiwb", "Madison", CHI, "Wisconsin is Central", NULL),
	DB("wyd", "wyb", "Cheyenne", DEN, "Wyoming is Mountain", NULL),
};
#define NROWS	(sizeof(ct_rows) / sizeof(ct_rows[0]))

static const struct courttz_rules ct_rules[] = {
	{ NY, -300, -240, "EST", "EDT", CALZ_EASTERN },
	{ DET, -300, -240, "EST", "EDT", CALZ_EASTERN },
	{ IND, -300, -240, "EST", "EDT", CALZ_EASTERN },
	{ LOU, -300, -240, "EST", "EDT", CALZ_EASTERN },
	{ CHI, -360, -300, "CST", "CDT", CALZ_CENTRAL },
	{ DEN, -420, -360, "MST", "MDT", CALZ_MOUNTAIN },
	{ BOI, -420, -360, "MST", "MDT", CALZ_MOUNTAIN },
	{ PHX, -420, -420, "MST", NULL, CALZ_MOUNTAIN },
	{ LA, -480, -420, "PST", "PDT", CALZ_PACIFIC },
	{ ANC, -540, -480, "AKST", "AKDT", CALZ_ALASKA },
	{ HNL, -600, -600, "HST", NULL, CALZ_HAWAII },
	{ SJU, -240, -240, "AST", NULL, CALZ_ATLANTIC },
	{ STT, -240, -240, "AST", NULL, CALZ_ATLANTIC },
	{ GUM, 600, 600, "ChST", NULL, CALZ_CHAMORRO },
	{ SPN, 600, 600, "ChST", NULL, CALZ_CHAMORRO },
};
#define NRULES	(sizeof(ct_rules) / sizeof(ct_rules[0]))

/* The usual zone of each family, by enum caldate_zone. */
static const char *const ct_family[CALZ_N] = {
	NULL, NY, CHI, DEN, LA, ANC, HNL, SJU, GUM
};

static int	ct_lc(int);
static int	ct_wordc(int);
static const char *ct_find_word(const char *, size_t, const char *);
static long	ct_sunday(int, int, int);

static int
ct_lc(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static int
ct_wordc(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c >= 0x80;
}

/* The first whole-word, case-insensitive occurrence of w in t. */
static const char *
ct_find_word(const char *t, size_t len, const char *w)
{
	size_t	wl = strlen(w), i, j;

	if (wl == 0 || wl > len)
		return NULL;
	for (i = 0; i + wl <= len; i++) {
		if (ct_lc((unsigned char)t[i]) != (unsigned char)w[0])
			continue;
		if (i > 0 && ct_wordc((unsigned char)t[i - 1]))
			continue;
		for (j = 1; j < wl; j++)
			if (ct_lc((unsigned char)t[i + j]) != (unsigned char)w[j])
				break;
		if (j == wl && (i + wl == len ||
		    !ct_wordc((unsigned char)t[i + wl])))
			return t + i;
	}
	return NULL;
}

const struct courttz *
courttz_find(const char *court)
{
	size_t	i, j;

	if (court == NULL)
		return NULL;
	for (i = 0; i < NROWS; i++) {
		for (j = 0; court[j] != '\0' && ct_rows[i].ct_court[j] != '\0'; j++)
			if (ct_lc((unsigned char)court[j]) != ct_rows[i].ct_court[j])
				break;
		if (court[j] == '\0' && ct_rows[i].ct_court[j] == '\0')
			return &ct_rows[i];
	}
	return NULL;
}

const struct courttz *
courttz_all(size_t *n)
{
	*n = NROWS;
	return ct_rows;
}

const char *
courttz_pick(const char *court, const char *t, size_t len, int *assumed)
{
	const struct courttz	*c = courttz_find(court);
	const struct courttz_city *cc;

	*assumed = 1;
	if (c == NULL)
		return NULL;
	if (c->ct_cities == NULL) {
		*assumed = 0;
		return c->ct_zone;
	}
	if (t != NULL) {
		for (cc = c->ct_cities; cc->cc_city != NULL; cc++)
			if (ct_find_word(t, len, cc->cc_city) != NULL) {
				*assumed = 0;
				return cc->cc_zone;
			}
	}
	return c->ct_zone;
}

const char *
courttz_family_zone(enum caldate_zone f, const char *court_zone)
{
	const struct courttz_rules *r;

	if ((unsigned)f >= CALZ_N || f == CALZ_NONE)
		return NULL;
	if (court_zone != NULL && (r = courttz_rules(court_zone)) != NULL &&
	    r->tr_family == f)
		return r->tr_zone;
	return ct_family[f];
}

const struct courttz_rules *
courttz_rules(const char *zone)
{
	size_t	i;

	if (zone == NULL)
		return NULL;
	for (i = 0; i < NRULES; i++)
		if (strcmp(ct_rules[i].tr_zone, zone) == 0)
			return &ct_rules[i];
	return NULL;
}

/* The n-th Sunday of month m of year y (n = 1, 2). */
static long
ct_sunday(int y, int m, int n)
{
	int	first = caldate_weekday(y, m, 1);

	return caldate_days(y, m, 1) + (7 - first) % 7 + 7 * (n - 1);
}

int
courttz_is_dst(const char *zone, const struct caldate *d, int minute)
{
	const struct courttz_rules *r = courttz_rules(zone);
	long	day, on, off;

	if (r == NULL || r->tr_dst_abbr == NULL)
		return 0;
	day = caldate_days(d->y, d->m, d->d);
	on = ct_sunday(d->y, 3, 2);
	off = ct_sunday(d->y, 11, 1);
	if (minute < 0)
		minute = 12 * 60;
	if (day == on)
		return minute >= 120;
	if (day == off)
		return minute < 120;
	return day > on && day < off;
}
