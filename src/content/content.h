/* content: the immutable model of one loaded content set (hall.yaml plus
 * cities/<id>/city.yaml), all of it owned by one arena. */
#ifndef TWINHALL_CONTENT_H
#define TWINHALL_CONTENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "content/diag.h"

enum {
	CONTENT_MAX_LANGS = 4,
	CONTENT_LANG_CODE = 8,
	CONTENT_MAX_FONT_DIRS = 8,
	CONTENT_MAX_FONT_DIR_LEN = 400
};

/* Where a value came from, for messages: file relative to the content root. */
struct src_loc {
	const char *file;
	int line, col; /* 1-based */
};

/* A text in every listed language; s[i] is in hall.langs[i]. Never NULL
 * in a loaded model (the loader rejects a missing translation). */
struct i18n {
	const char *s[CONTENT_MAX_LANGS];
	struct src_loc loc[CONTENT_MAX_LANGS];
};

/* An image file named in the content, as a path relative to the content
 * root ("cities/oxford/photos/town-hall.jpg"), checked to stay inside it. */
struct image_ref {
	const char *path;
	struct src_loc loc; /* the YAML scalar that named it */
	int width, height;  /* from the file's header, checked at load */
	uint64_t stamp;     /* the file's size, time and inode as one number: a
	                     * reload with another stamp means another picture */
};

enum link_status { LINK_ACTIVE, LINK_SUSPENDED, LINK_ENDED };

struct photo {
	struct image_ref image;
	struct i18n caption;
	int year;           /* 0 when not given */
	const char *credit; /* NULL when not given */
};

struct history_entry {
	int year;
	struct i18n text;
};

struct gift {
	struct image_ref image;
	struct i18n title;
	struct i18n description;
	struct i18n given_by;
	int year; /* 0 when not given */
};

struct city {
	const char *id; /* the directory name under cities/ */
	struct i18n name;
	const char *native_name; /* in the city's own script, e.g. "青岛" */
	struct i18n country;
	struct image_ref flag;
	double lat, lon;
	int twinned_year;
	struct i18n twinned_what; /* what was signed */
	enum link_status status;
	int status_year;         /* when suspended or ended; 0 when active */
	struct i18n status_note; /* empty strings when active */
	const struct photo *photos;
	size_t n_photos;
	const struct history_entry *history;
	size_t n_history;
	const struct gift *gifts;
	size_t n_gifts;
};

/* Opening hours (hall.yaml opening_hours): spans of a day in minutes from
 * midnight, open <= t < close, at most HOURS_MAX_SPANS a day (a lunch break
 * makes two); no span: closed all day. */
enum { HOURS_MAX_SPANS = 4, HOURS_MAX_EXCEPTIONS = 128 };

struct hours_day {
	int n;
	struct {
		int open_min, close_min; /* 0 <= open < close <= 1440 */
	} spans[HOURS_MAX_SPANS];
};

struct hours_exception {
	int year, month, day; /* a date whose hours differ from its weekday's */
	struct hours_day hours;
};

struct zone;

struct opening_hours {
	bool set; /* false: the screen is on at all hours */
	/* hall.yaml time_zone, the zone the hours are in; NULL: the PC's. */
	const struct zone *zone;
	struct hours_day week[7]; /* [0] is Monday */
	const struct hours_exception *exceptions;
	size_t n_exceptions;
};

struct hall {
	struct i18n title;
	int n_langs; /* 1..CONTENT_MAX_LANGS; the first is the default */
	char langs[CONTENT_MAX_LANGS][CONTENT_LANG_CODE];
	uint64_t idle_timeout_ms;
	uint64_t photo_hold_ms; /* how long each attract item holds */
	uint64_t crossfade_ms;  /* how long the crossfade between items takes */
	const struct city *cities;
	size_t n_cities;
	/* Folders searched for fonts first (hall.yaml font_dirs), as written:
	 * absolute, or relative to the content directory. */
	const char *const *font_dirs;
	size_t n_font_dirs;
	struct opening_hours hours;
	/* hall.yaml display_power: outside the hours the panel is switched off
	 * (dpms, the default) or only drawn black (black: for TVs that show a
	 * "no signal" banner when their input goes dark). */
	enum display_power { DISPLAY_POWER_DPMS, DISPLAY_POWER_BLACK } display_power;
};

struct content {
	const char *root; /* the content directory as given */
	struct hall hall;
	struct arena *arena;
};

/* Loads and validates the content directory dir. Every problem goes to d
 * (errors and warnings, with file and position). Returns the model, or NULL
 * when there was any error; the caller frees it with content_free. */
struct content *content_load(const char *dir, struct diag *d);

/* Frees a model and everything in it. Accepts NULL. */
void content_free(struct content *c);

/* Index of language code in hall.langs, or -1. */
int content_lang_index(const struct content *c, const char *code);

/* The text in language lang (an index), falling back to the default language. */
const char *content_text(const struct i18n *t, int lang);

/* The font folders of hall.yaml as paths to open: relative ones are taken
 * from the content directory. Writes up to cap into buf, pointed to by out;
 * returns how many. A path that would not fit a buffer is left out. */
size_t content_font_dirs(const struct content *c, const char **out, char (*buf)[512], size_t cap);

/* Totals for summaries: cities, photos, history entries, gifts. */

void content_counts(const struct content *c, size_t *cities, size_t *photos, size_t *history,
                    size_t *gifts);

#endif
