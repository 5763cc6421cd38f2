#define _XOPEN_SOURCE 700
#include <fcntl.h>
#include <ftw.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content/content.h"
#include "content/content_diff.h"
#include "test.h"

static int failures_;
static char root_[64];

/* A real 1x1 PNG. */
static const unsigned char png_1x1[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
    0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00,
    0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78,
    0x9c, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00,
    0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

static const char hall_ok[] = "title:\n"                       /* 1 */
                              "  ru: Зал городов-побратимов\n" /* 2 */
                              "  en: Twinned Cities Hall\n"    /* 3 */
                              "languages: [ru, en]\n"          /* 4 */
                              "idle_timeout: 120\n"            /* 5 */
                              "attract:\n"                     /* 6 */
                              "  hold: 7.5\n"                  /* 7 */
                              "  crossfade: 2\n"               /* 8 */
                              "cities:\n"                      /* 9 */
                              "  - oxford\n"                   /* 10 */
                              "  - qingdao\n";                 /* 11 */

static const char oxford_ok[] = "name: {ru: Оксфорд, en: Oxford}\n"        /* 1 */
                                "native_name: Oxford\n"                    /* 2 */
                                "country: {ru: Англия, en: England}\n"     /* 3 */
                                "flag: flag.png\n"                         /* 4 */
                                "location: {lat: 51.752, lon: -1.2577}\n"  /* 5 */
                                "twinned_since:\n"                         /* 6 */
                                "  year: 1992\n"                           /* 7 */
                                "  signed: {ru: Договор, en: Agreement}\n" /* 8 */
                                "history:\n"                               /* 9 */
                                "  - year: \"1995\"\n"                     /* 10 */
                                "    text: {ru: Визит, en: A visit}\n"     /* 11 */
                                "photos:\n"                                /* 12 */
                                "  - file: photos/1.png\n"                 /* 13 */
                                "    caption: {ru: Мост, en: Bridge}\n"    /* 14 */
                                "    year: 2001\n";                        /* 15 */

static const char qingdao_ok[] =
    "name: {ru: Циндао, en: Qingdao}\n"
    "native_name: 青岛\n"
    "country: {ru: Китай, en: China}\n"
    "flag: flag.png\n"
    "location: {lat: 36.067, lon: 120.383}\n"
    "twinned_since: {year: 2005, signed: {ru: Соглашение, en: Accord}}\n"
    "status:\n"
    "  state: ended\n"
    "  year: 2022\n"
    "  note: {ru: Приостановлено, en: Paused}\n"
    "gifts:\n"
    "  - file: gifts/vase.png\n"
    "    title: {ru: Ваза, en: Vase}\n"
    "    description: {ru: Фарфор, en: Porcelain}\n"
    "    given_by: {ru: Мэр, en: The mayor}\n";

static void mkdirs_for(const char *path)
{
	char p[512];
	snprintf(p, sizeof p, "%s", path);
	for (char *s = p + strlen(root_) + 1; (s = strchr(s, '/')); s++) {
		*s = '\0';
		mkdir(p, 0755);
		*s = '/';
	}
}

static void put_bytes(const char *rel, const void *data, size_t len)
{
	char p[512];
	snprintf(p, sizeof p, "%s/%s", root_, rel);
	mkdirs_for(p);
	FILE *f = fopen(p, "wb");
	CHECK(f != NULL);
	if (f) {
		CHECK(fwrite(data, 1, len, f) == len);
		fclose(f);
	}
}

static void put(const char *rel, const char *text)
{
	put_bytes(rel, text, strlen(text));
}

/* city.yaml of oxford: the valid text plus extra lines (from line 16). */
static void put_oxford(const char *extra)
{
	char buf[4096];
	snprintf(buf, sizeof buf, "%s%s", oxford_ok, extra);
	put("cities/oxford/city.yaml", buf);
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void fresh_set(void)
{
	if (root_[0])
		nftw(root_, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	snprintf(root_, sizeof root_, "/tmp/twinhall-cl-XXXXXX");
	if (!mkdtemp(root_))
		abort();
	put("hall.yaml", hall_ok);
	put_oxford("");
	put("cities/qingdao/city.yaml", qingdao_ok);
	put_bytes("cities/oxford/flag.png", png_1x1, sizeof png_1x1);
	put_bytes("cities/oxford/photos/1.png", png_1x1, sizeof png_1x1);
	put_bytes("cities/qingdao/flag.png", png_1x1, sizeof png_1x1);
	put_bytes("cities/qingdao/gifts/vase.png", png_1x1, sizeof png_1x1);
}

static void print_all(struct diag *d)
{
	char line[2048];
	for (size_t i = 0; i < diag_size(d); i++)
		printf("    | %s\n", diag_format(diag_get(d, i), NULL, line, sizeof line));
}

/* 1 when d has an item of level at file:line:col whose message has part. */
static int has(struct diag *d, enum diag_level level, const char *file, int line, int col,
               const char *part)
{
	for (size_t i = 0; i < diag_size(d); i++) {
		const struct diag_item *it = diag_get(d, i);
		if (it->level == level && it->file && strcmp(it->file, file) == 0 &&
		    it->line == line && it->col == col && strstr(it->message, part))
			return 1;
	}
	printf("  missing: %s:%d:%d: %s\n", file, line, col, part);
	print_all(d);
	return 0;
}

#define CHECK_ERR(d, file, line, col, part) CHECK(has(d, DIAG_ERROR, file, line, col, part))
#define OX                                  "cities/oxford/city.yaml"

/* Loads the set, expecting failure; returns the problems (caller frees). */
static struct diag *load_bad(void)
{
	struct diag *d = diag_new();
	struct content *c = content_load(root_, d);
	CHECK(c == NULL);
	CHECK(diag_count(d, DIAG_ERROR) > 0);
	content_free(c);
	return d;
}

/* city.yaml of oxford with the first old replaced by new, plus extra lines. */
static void put_oxford_with(const char *old, const char *new, const char *extra)
{
	char buf[4096];
	const char *at = strstr(oxford_ok, old);
	CHECK(at != NULL);
	if (!at)
		return;
	snprintf(buf, sizeof buf, "%.*s%s%s%s", (int)(at - oxford_ok), oxford_ok, new,
	         at + strlen(old), extra);
	put("cities/oxford/city.yaml", buf);
}

static void test_valid_set_loads(void)
{
	fresh_set();
	put("cities/old/city.yaml", "name: x\n");
	struct diag *d = diag_new();
	struct content *c = content_load(root_, d);
	CHECK(c != NULL);
	CHECK_INT(diag_count(d, DIAG_ERROR), 0);
	/* old/, qingdao without photos, and oxford's photo of 1 x 1 pixels */
	CHECK_INT(diag_count(d, DIAG_WARNING), 3);
	CHECK(has(d, DIAG_WARNING, "cities/old", 0, 0, "not listed"));
	if (!c) {
		print_all(d);
		diag_free(d);
		return;
	}
	const struct hall *h = &c->hall;
	CHECK_INT(h->n_langs, 2);
	CHECK_STR(h->langs[1], "en");
	CHECK_INT(content_lang_index(c, "en"), 1);
	CHECK_INT(content_lang_index(c, "de"), -1);
	CHECK_STR(content_text(&h->title, 1), "Twinned Cities Hall");
	CHECK_INT(h->idle_timeout_ms, 120000);
	CHECK_INT(h->photo_hold_ms, 7500);
	CHECK_INT(h->crossfade_ms, 2000);
	CHECK_INT(h->n_cities, 2);
	const struct city *ox = &h->cities[0], *qd = &h->cities[1];
	CHECK_STR(ox->id, "oxford");
	CHECK_STR(ox->native_name, "Oxford");
	CHECK(ox->lat > 51.7519 && ox->lat < 51.7521);
	CHECK(ox->lon < -1.2576 && ox->lon > -1.2578);
	CHECK_INT(ox->twinned_year, 1992);
	CHECK_STR(content_text(&ox->twinned_what, 0), "Договор");
	CHECK_INT(ox->status, LINK_ACTIVE);
	CHECK_STR(content_text(&ox->status_note, 1), "");
	CHECK_STR(ox->flag.path, "cities/oxford/flag.png");
	CHECK_INT(ox->n_photos, 1);
	CHECK_STR(ox->photos[0].image.path, "cities/oxford/photos/1.png");
	CHECK_INT(ox->photos[0].image.width, 1);
	CHECK_INT(ox->photos[0].image.height, 1);
	CHECK_STR(ox->photos[0].image.loc.file, OX);
	CHECK_INT(ox->photos[0].image.loc.line, 13);
	CHECK_INT(ox->photos[0].image.loc.col, 11);
	CHECK_STR(content_text(&ox->photos[0].caption, 1), "Bridge");
	CHECK_INT(ox->photos[0].caption.loc[1].line, 14);
	CHECK_INT(ox->photos[0].year, 2001);
	CHECK(ox->photos[0].credit.s[0] == NULL);
	CHECK_INT(ox->n_history, 1);
	CHECK_INT(ox->history[0].year, 1995);
	CHECK_STR(qd->native_name, "青岛");
	CHECK_INT(qd->status, LINK_ENDED);
	CHECK_INT(qd->status_year, 2022);
	CHECK_STR(content_text(&qd->status_note, 1), "Paused");
	CHECK_INT(qd->n_gifts, 1);
	CHECK_STR(qd->gifts[0].image.path, "cities/qingdao/gifts/vase.png");
	CHECK_STR(content_text(&qd->gifts[0].given_by, 1), "The mayor");
	size_t nc, np, nh, ng;
	content_counts(c, &nc, &np, &nh, &ng);
	CHECK(nc == 2 && np == 1 && nh == 1 && ng == 1);
	content_free(c);
	diag_free(d);
}

static void test_no_photos_is_a_warning(void)
{
	fresh_set();
	struct diag *d = diag_new();
	struct content *c = content_load(root_, d);
	CHECK(c != NULL);
	CHECK(has(d, DIAG_WARNING, "cities/qingdao/city.yaml", 1, 1, "has no photos"));
	content_free(c);
	diag_free(d);
}

static void test_unknown_key(void)
{
	fresh_set();
	put_oxford("  - file: photos/1.png\n"
	           "    captoin: {ru: a, en: b}\n"
	           "zzz: 1\n");
	struct diag *d = load_bad();
	CHECK_ERR(d, OX, 17, 5, "unknown field \"captoin\" in a photo; did you mean \"caption\"?");
	CHECK_ERR(d, OX, 18, 1,
	          "unknown field \"zzz\" in city.yaml; the fields allowed there are: "
	          "name, native_name, country");
	diag_free(d);
}

static void test_duplicate_key(void)
{
	fresh_set();
	put_oxford("  - file: photos/1.png\n"
	           "    caption: {ru: a, en: b}\n"
	           "    caption: {ru: c, en: d}\n");
	struct diag *d = load_bad();
	CHECK_ERR(d, OX, 18, 5, "\"caption\" is given twice in this photo (first on line 17)");
	CHECK_INT(diag_count(d, DIAG_ERROR), 1);
	diag_free(d);
}

static void test_wrong_type(void)
{
	fresh_set();
	put_oxford_with("location: {lat: 51.752, lon: -1.2577}", "location: [51.752, -1.2577]",
	                "  - file: photos/1.png\n"
	                "    caption: {ru: a, en: b}\n"
	                "    year: 199x\n"
	                "  - file: photos/1.png\n"
	                "    caption: Bridge\n");
	struct diag *d = load_bad();
	CHECK_ERR(d, OX, 5, 11, "\"location\" must be fields such as lat:, lon:, not a list");
	CHECK_ERR(d, OX, 18, 11, "\"year\" must be a whole number such as 1995, not \"199x\"");
	CHECK_ERR(d, OX, 20, 14, "\"caption\" needs one line per language (ru:, en:)");
	diag_free(d);
}

static void test_missing_required(void)
{
	fresh_set();
	put_oxford("  - caption: {ru: a, en: b}\n");
	put("cities/qingdao/city.yaml", "name: {ru: Циндао, en: Qingdao}\n");
	struct diag *d = load_bad();
	CHECK_ERR(d, OX, 16, 5, "this photo has no \"file\": which image to show");
	CHECK_ERR(d, "cities/qingdao/city.yaml", 1, 1, "city.yaml has no \"flag\"");
	CHECK_ERR(d, "cities/qingdao/city.yaml", 1, 1, "city.yaml has no \"location\"");
	diag_free(d);
}

static void test_out_of_range(void)
{
	fresh_set();
	put_oxford_with("lat: 51.752", "lat: 91.5", "");
	put("cities/qingdao/city.yaml", "x: 1\n");
	struct diag *d = load_bad();
	CHECK_ERR(d, OX, 5, 17, "\"lat\" must be between -90 and 90, not 91.5");
	diag_free(d);
	put_oxford_with("  year: 1992", "  year: 1850", "");
	put("hall.yaml", "title: {ru: Зал, en: Hall}\n"
	                 "languages: [ru, en]\n"
	                 "idle_timeout: 5\n"
	                 "attract: {hold: 3, crossfade: 4}\n"
	                 "cities: [oxford]\n");
	d = load_bad();
	CHECK_ERR(d, OX, 7, 9, "\"year\" must be between 1900 and 2100, not 1850");
	CHECK_ERR(d, "hall.yaml", 3, 15, "\"idle_timeout\" must be between 10 and 3600, not 5");
	CHECK_ERR(d, "hall.yaml", 4, 31, "\"crossfade\" (4 seconds) must be shorter than \"hold\"");
	diag_free(d);
}

static void test_city_list(void)
{
	fresh_set();
	put("hall.yaml", "title: {ru: Зал, en: Hall}\n"
	                 "languages: [ru, en]\n"
	                 "cities:\n"
	                 "  - oxford\n"
	                 "  - qingdao\n"
	                 "  - oxford\n"
	                 "  - Bad_Id\n"
	                 "  - paris\n");
	struct diag *d = load_bad();
	CHECK_ERR(d, "hall.yaml", 6, 5, "city \"oxford\" is listed twice (first on line 4)");
	CHECK_ERR(d, "hall.yaml", 7, 5, "\"Bad_Id\" is not a valid city id");
	CHECK_ERR(d, "hall.yaml", 8, 5, "city \"paris\" has no file cities/paris/city.yaml");
	CHECK_INT(diag_count(d, DIAG_ERROR), 3);
	diag_free(d);
}

/* A credit is one line for every language (a name) or one per language;
 * either way the screen shows it in the visitor's language. */
static void test_credit_in_one_or_each_language(void)
{
	fresh_set();
	put_oxford("    credit: Perm City Archive\n");
	struct diag *d = diag_new();
	struct content *c = content_load(root_, d);
	CHECK(c != NULL);
	if (c) {
		const struct photo *p = &c->hall.cities[0].photos[0];
		CHECK_STR(content_text(&p->credit, 0), "Perm City Archive");
		CHECK_STR(content_text(&p->credit, 1), "Perm City Archive");
		CHECK_INT(p->credit.loc[1].line, 16);
	}
	content_free(c);
	diag_free(d);
	put_oxford("    credit: {ru: Архив города Перми, en: Perm City Archive}\n");
	d = diag_new();
	c = content_load(root_, d);
	CHECK(c != NULL);
	if (c) {
		const struct photo *p = &c->hall.cities[0].photos[0];
		CHECK_STR(content_text(&p->credit, 0), "Архив города Перми");
		CHECK_STR(content_text(&p->credit, 1), "Perm City Archive");
	}
	content_free(c);
	diag_free(d);
	put_oxford("    credit: {ru: Архив города Перми}\n");
	d = load_bad();
	CHECK_ERR(d, OX, 16, 13, "\"credit\" has no English (en) text");
	diag_free(d);
}

static void test_text_problems(void)
{
	fresh_set();
	put_oxford_with("name: {ru: Оксфорд, en: Oxford}\n"
	                "native_name: Oxford\n"
	                "country: {ru: Англия, en: England}",
	                "name: {ru: Оксфорд, de: Oxford}\n"
	                "native_name: Oxford\n"
	                "country: {ru: Англия, en: ''}",
	                "");
	struct diag *d = load_bad();
	CHECK_ERR(d, OX, 1, 7, "\"name\" has no English (en) text");
	CHECK_ERR(d, OX, 1, 21, "German (de) is not one of the languages listed in hall.yaml");
	CHECK_ERR(d, OX, 3, 27, "the English (en) \"country\" is empty");
	diag_free(d);
}

static void test_image_problems(void)
{
	fresh_set();
	static const char *const files[] = {"nothere.png",    "/etc/passwd", "../qingdao/flag.png",
	                                    "photos/out.png", "photos",      "notes.png",
	                                    "big.png",        "cut.png"};
	char extra[2048] = "";
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		size_t n = strlen(extra);
		snprintf(extra + n, sizeof extra - n, "  - file: %s\n    caption: {ru: a, en: b}\n",
		         files[i]);
	}
	put_oxford(extra);
	char p[512];
	snprintf(p, sizeof p, "%s/cities/oxford/photos/out.png", root_);
	CHECK(symlink("/etc/passwd", p) == 0);
	put("cities/oxford/notes.png", "just some text\n");
	unsigned char big[sizeof png_1x1];
	memcpy(big, png_1x1, sizeof big);
	big[18] = big[22] = 0x4e; /* 20000 = 0x4e20 */
	big[19] = big[23] = 0x20;
	put_bytes("cities/oxford/big.png", big, sizeof big);
	put_bytes("cities/oxford/cut.png", png_1x1, 16);
	struct diag *d = load_bad();
	CHECK_ERR(d, OX, 16, 11, "nothere.png not found (looked for cities/oxford/nothere.png)");
	CHECK_ERR(d, OX, 18, 11, "/etc/passwd starts with /");
	CHECK_ERR(d, OX, 20, 11, "../qingdao/flag.png contains \"..\"");
	CHECK_ERR(d, OX, 22, 11, "photos/out.png is a link leading outside the content folder");
	CHECK_ERR(d, OX, 24, 11, "photos is a folder where a file should be");
	CHECK_ERR(d, OX, 26, 11, "notes.png is not a JPEG, PNG, WebP or HEIC image");
	CHECK_ERR(d, OX, 28, 11, "big.png is too large (20000 x 20000 pixels)");
	CHECK_ERR(d, OX, 30, 11, "cut.png is cut short");
	CHECK_INT(diag_count(d, DIAG_ERROR), 8);
	diag_free(d);
}

static void test_yaml_level_problems(void)
{
	fresh_set();
	put("cities/oxford/city.yaml", "name:\n\tru: x\n");
	put("cities/qingdao/city.yaml", "- a\n- b\n");
	put("hall.yaml", "title: &t {ru: Зал, en: Hall}\n"
	                 "languages: [ru, en]\n"
	                 "cities: [oxford, qingdao]\n");
	struct diag *d = load_bad();
	CHECK_ERR(d, "hall.yaml", 1, 8, "write each value out in full");
	diag_free(d);
	put("hall.yaml", hall_ok);
	d = load_bad();
	CHECK_ERR(d, OX, 2, 1, "tab");
	CHECK_ERR(d, "cities/qingdao/city.yaml", 1, 1,
	          "city.yaml must be fields such as name:, native_name:, not a list");
	diag_free(d);
	char p[512];
	snprintf(p, sizeof p, "%s/cities/qingdao/city.yaml", root_);
	remove(p);
	mkdir(p, 0755);
	snprintf(p, sizeof p, "%s/hall.yaml", root_);
	remove(p);
	d = load_bad();
	CHECK_ERR(d, "hall.yaml", 0, 0, "hall.yaml not found");
	diag_free(d);
	put("hall.yaml", hall_ok);
	d = load_bad();
	CHECK_ERR(d, "cities/qingdao/city.yaml", 0, 0, "is a folder where a file should be");
	diag_free(d);
}

static void test_status_problems(void)
{
	fresh_set();
	put_oxford("status: closed\n");
	put("cities/qingdao/city.yaml", qingdao_ok);
	char q[2048];
	const char *at = strstr(qingdao_ok, "  note:");
	const char *end = strstr(at, "gifts:");
	snprintf(q, sizeof q, "%.*s%s", (int)(at - qingdao_ok), qingdao_ok, end);
	put("cities/qingdao/city.yaml", q);
	struct diag *d = load_bad();
	CHECK_ERR(d, OX, 16, 9, "\"status\" must be the word active");
	CHECK_ERR(d, "cities/qingdao/city.yaml", 8, 3, "\"status\" has no \"note\"");
	diag_free(d);
}

/* hall.yaml with lines appended (from line 12 on). */
static void put_hall(const char *extra)
{
	char buf[4096];
	snprintf(buf, sizeof buf, "%s%s", hall_ok, extra);
	put("hall.yaml", buf);
}

static void test_opening_hours(void)
{
	fresh_set();
	put_hall("opening_hours:\n"                     /* 12 */
	         "  monday: 09:00-13:00, 14:00-18:00\n" /* 13 */
	         "  tuesday: 9:00 - 18:00\n"            /* 14 */
	         "  wednesday: 09:00-18:00\n"           /* 15 */
	         "  thursday: 09:00-18:00\n"            /* 16 */
	         "  friday: 09:00-24:00\n"              /* 17 */
	         "  saturday: closed\n"                 /* 18 */
	         "  exceptions:\n"                      /* 19 */
	         "    2026-12-31: closed\n"             /* 20 */
	         "    2027-01-09: 10:00-16:00\n");      /* 21 */
	struct diag *d = diag_new();
	struct content *c = content_load(root_, d);
	CHECK(c != NULL);
	CHECK(has(d, DIAG_WARNING, "hall.yaml", 13, 3,
	          "does not list sunday: the screen stays dark"));
	if (c) {
		const struct opening_hours *h = &c->hall.hours;
		CHECK(h->set);
		CHECK_INT(h->week[0].n, 2);
		CHECK_INT(h->week[0].spans[1].open_min, 14 * 60);
		CHECK_INT(h->week[1].spans[0].open_min, 9 * 60);
		CHECK_INT(h->week[4].spans[0].close_min, 24 * 60);
		CHECK_INT(h->week[5].n, 0);
		CHECK_INT(h->week[6].n, 0); /* not listed: closed */
		CHECK_INT(h->n_exceptions, 2);
		CHECK_INT(h->exceptions[1].day, 9);
		CHECK_INT(h->exceptions[1].hours.spans[0].close_min, 16 * 60);
	}
	content_free(c);
	diag_free(d);

	fresh_set();
	put_hall("opening_hours:\n"                        /* 12 */
	         "  monday: 9-18\n"                        /* 13 */
	         "  tuesday: 18:00-09:00\n"                /* 14 */
	         "  wednesday: 09:00-14:00, 13:00-18:00\n" /* 15 */
	         "  thursday: 25:00-26:00\n"               /* 16 */
	         "  friday: [09:00-18:00]\n"               /* 17 */
	         "  saturday: closed\n"                    /* 18 */
	         "  sunday: closed\n"                      /* 19 */
	         "  holidays: closed\n"                    /* 20 */
	         "  exceptions:\n"                         /* 21 */
	         "    2027-02-30: closed\n"                /* 22 */
	         "    31.12.2026: closed\n");              /* 23 */
	d = load_bad();
	CHECK_ERR(d, "hall.yaml", 13, 11,
	          "\"monday\": \"9-18\" is not opening hours: write them as 09:00-18:00");
	CHECK_ERR(d, "hall.yaml", 14, 12,
	          "the hall cannot close at 09:00 before it opens at 18:00");
	CHECK_ERR(d, "hall.yaml", 15, 14, "the times overlap or are out of order");
	CHECK_ERR(d, "hall.yaml", 16, 13, "not on the clock: hours go from 00:00 to 24:00");
	CHECK_ERR(d, "hall.yaml", 17, 11, "\"friday\" must be one line such as 09:00-18:00");
	CHECK_ERR(d, "hall.yaml", 20, 3, "unknown field \"holidays\" in \"opening_hours\"");
	CHECK_ERR(d, "hall.yaml", 22, 5, "\"2027-02-30\" is not a date: write dates as 2027-01-01");
	CHECK_ERR(d, "hall.yaml", 23, 5, "\"31.12.2026\" is not a date");
	diag_free(d);
}

static void test_all_problems_reported(void)
{
	fresh_set();
	put("hall.yaml", "title: {ru: Зал, en: Hall}\n"
	                 "languages: [ru, en]\n"
	                 "idle_timeout: 1.5\n"
	                 "cities: [oxford, qingdao]\n");
	put_oxford_with("  year: 1992", "  year: 19920", "");
	put("cities/qingdao/city.yaml", "colour: red\n");
	struct diag *d = load_bad();
	CHECK_ERR(d, "hall.yaml", 3, 15, "\"idle_timeout\" must be a whole number");
	CHECK_ERR(d, OX, 7, 9, "\"year\" must be between 1900 and 2100");
	CHECK_ERR(d, "cities/qingdao/city.yaml", 1, 1, "unknown field \"colour\"");
	CHECK_ERR(d, "cities/qingdao/city.yaml", 1, 1, "has no \"native_name\"");
	CHECK_INT(diag_count(d, DIAG_ERROR), 9); /* colour + 6 missing fields */
	diag_free(d);
}

/* Damaged files of every kind must give errors, never a crash or a hang. */
static void test_mangled_files_never_crash(void)
{
	fresh_set();
	size_t len = strlen(oxford_ok);
	char buf[2048];
	unsigned seed = 12345;
	for (int i = 0; i < 300; i++) {
		memcpy(buf, oxford_ok, len);
		for (int k = 0; k < 1 + i % 4; k++) {
			seed = seed * 1103515245 + 12345;
			buf[(seed >> 8) % len] = "\t:-[]{}&*!\"'#\n\0xé"[(seed >> 20) % 18];
		}
		put_bytes("cities/oxford/city.yaml", buf, len);
		struct diag *d = diag_new();
		struct content *c = content_load(root_, d);
		CHECK(c != NULL || diag_count(d, DIAG_ERROR) > 0);
		content_free(c);
		diag_free(d);
	}
}

static void test_font_dirs(void)
{
	fresh_set();
	char hall[1024];
	snprintf(hall, sizeof hall, "%sfont_dirs: [/opt/fonts, fonts]\n", hall_ok);
	put("hall.yaml", hall);
	struct diag *d = diag_new();
	struct content *c = content_load(root_, d);
	CHECK(c != NULL);
	if (c) {
		CHECK_INT(c->hall.n_font_dirs, 2);
		const char *dirs[CONTENT_MAX_FONT_DIRS];
		char buf[CONTENT_MAX_FONT_DIRS][512], want[600];
		CHECK_INT(content_font_dirs(c, dirs, buf, CONTENT_MAX_FONT_DIRS), 2);
		CHECK_STR(dirs[0], "/opt/fonts"); /* absolute as written */
		snprintf(want, sizeof want, "%s/fonts", root_);
		CHECK_STR(dirs[1], want); /* relative: from the content directory */
	}
	content_free(c);
	diag_free(d);
	put("hall.yaml", hall_ok);
	snprintf(hall, sizeof hall, "%sfont_dirs: {a: b}\n", hall_ok);
	put("hall.yaml", hall);
	d = diag_new();
	c = content_load(root_, d);
	CHECK(c == NULL);
	CHECK(has(d, DIAG_ERROR, "hall.yaml", 12, 12, "\"font_dirs\" must be a list"));

	content_free(c);
	diag_free(d);
}

static void collect(void *ctx, const char *path)
{
	char *out = ctx;
	strcat(out, path);
	strcat(out, ";");
}

/* A reload tells which images changed under the same name: rewritten in
 * place, or saved by rename; not those left alone, added or removed. */
static void test_changed_images(void)
{
	fresh_set();
	struct diag *d = diag_new();
	struct content *a = content_load(root_, d);
	unsigned char longer[sizeof png_1x1 + 1] = {0}; /* a byte after IEND: another file */
	memcpy(longer, png_1x1, sizeof png_1x1);
	put_bytes("cities/oxford/photos/1.png", longer, sizeof longer); /* in place */
	char from[512], to[512];
	snprintf(from, sizeof from, "%s/cities/qingdao/new.tmp", root_);
	snprintf(to, sizeof to, "%s/cities/qingdao/flag.png", root_);
	put_bytes("cities/qingdao/new.tmp", png_1x1, sizeof png_1x1); /* same bytes, by rename */
	CHECK(rename(from, to) == 0);
	struct content *b = content_load(root_, d);
	CHECK(a && b);
	if (a && b) {
		CHECK(a->hall.cities[0].flag.stamp == b->hall.cities[0].flag.stamp);
		char seen[512] = "";
		CHECK_INT(content_changed_images(a, b, collect, seen), 2);
		CHECK_STR(seen, "cities/oxford/photos/1.png;cities/qingdao/flag.png;");
		seen[0] = '\0';
		CHECK_INT(content_changed_images(b, b, collect, seen), 0);
		CHECK_STR(seen, "");
	}
	content_free(a);
	content_free(b);
	diag_free(d);
}

int main(void)
{

	RUN(test_valid_set_loads);
	RUN(test_changed_images);
	RUN(test_font_dirs);

	RUN(test_no_photos_is_a_warning);
	RUN(test_unknown_key);
	RUN(test_duplicate_key);
	RUN(test_wrong_type);
	RUN(test_missing_required);
	RUN(test_out_of_range);
	RUN(test_city_list);
	RUN(test_credit_in_one_or_each_language);
	RUN(test_text_problems);
	RUN(test_image_problems);
	RUN(test_yaml_level_problems);
	RUN(test_status_problems);
	RUN(test_opening_hours);
	RUN(test_all_problems_reported);
	RUN(test_mangled_files_never_crash);
	if (root_[0])
		nftw(root_, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	return failures_ != 0;
}
