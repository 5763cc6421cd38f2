/* content: the immutable model of one loaded content set (hall.yaml plus
 * cities/<id>/city.yaml), all of it owned by one arena. */
#ifndef TWINHALL_CONTENT_H
#define TWINHALL_CONTENT_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "content/diag.h"

enum {
	CONTENT_MAX_LANGS = 4,
	CONTENT_LANG_CODE = 8,
	CONTENT_MAX_FONT_DIRS = 8,
	CONTENT_MAX_FONT_DIR_LEN = 400,
	CONTENT_STAFF_PIN_MIN = 4, /* digits of hall.yaml staff_pin */
	CONTENT_STAFF_PIN_MAX = 8
};

struct stat;

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
	const char *file;   /* where its bytes are read, relative to the content's
	                     * image_root: path, or the name of the hall's own copy */
	struct src_loc loc; /* the YAML scalar that named it */
	int width, height;  /* from the file's header, checked at load */
	uint64_t stamp;     /* the file's size, time and inode as one number: a
	                     * reload with another stamp means another picture */
};

enum link_status { LINK_ACTIVE, LINK_SUSPENDED, LINK_ENDED };

/* How a city of a load came out (content_load_kept; always CITY_NEW from
 * content_load). */
enum city_origin {
	CITY_NEW,     /* its city.yaml and images as they are now */
	CITY_TRIMMED, /* as now, without the photos or gifts that have errors */
	CITY_KEPT,    /* its file has errors: the last good version */
};

struct photo {
	struct image_ref image;
	struct i18n caption;
	int year;           /* 0 when not given */
	struct i18n credit; /* all NULL when not given; one line given once is
	                     * the same pointer in every language */
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
	enum city_origin origin;
	const char *yaml; /* the kept copy of its city.yaml (a name in image_root),
	                   * NULL when the load kept no copies */
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
	 * (dpms, the default), the TV put in standby through HDMI-CEC (cec), or
	 * the screen only drawn black (black: for TVs without a CEC adapter
	 * that show a "no signal" banner when their input goes dark). */
	enum display_power {
		DISPLAY_POWER_DPMS,
		DISPLAY_POWER_CEC,
		DISPLAY_POWER_BLACK
	} display_power;
	/* The staff panel's PIN (hall.yaml staff_pin): 4 to 8 digits, or ""
	 * when none is set (the panel then opens without one but shows no
	 * folder paths and no error texts). */
	char staff_pin[CONTENT_STAFF_PIN_MAX + 1];
};

struct content {
	const char *root;       /* the content directory as given */
	const char *image_root; /* where image_ref.file is: root, or the store */
	const char *hall_yaml;  /* the kept copy of hall.yaml, NULL when none */
	struct hall hall;
	size_t cities_listed; /* in hall.yaml; more than hall.n_cities when some
	                       * were left out (content_load_kept) */
	struct arena *arena;
	atomic_int refs; /* owners but one (content_hold) */
};

/* Where a load keeps its own copy of each file it reads, so that what it
 * checks is what the hall shows, whatever happens to the folder later
 * (live/store.c). keep(ctx, fd, st, name, size) copies the open file fd
 * (st: its fstat) in, or finds its bytes there, and returns a new fd of
 * the copy with its name (relative to dir) in name; -1 when it cannot
 * (the file is then read where it is). */
struct content_store {
	int (*keep)(void *ctx, int fd, const struct stat *st, char *name, size_t size);
	const char *dir;
	void *ctx;
};

/* Loads and validates the content directory dir. Every problem goes to d
 * (errors and warnings, with file and position). Returns the model, or NULL
 * when there was any error; the caller frees it with content_free. */
struct content *content_load(const char *dir, struct diag *d);

/* Loads dir as the live hall does: every file read through store (NULL:
 * none), and errors kept to the city they are in. A city with errors is
 * the one of the same id in good (a load shown before, with the same
 * languages) when there is one; else it is shown without the photos and
 * gifts that have errors when those are its only errors; else it is left
 * out. Every problem goes to d, as content_load reports them. NULL only
 * when hall.yaml has errors (or no city is left). good is only read; the
 * result holds what it takes from it. */
struct content *content_load_kept(const char *dir, const struct content_store *store,
                                  const struct content *good, struct diag *d);

/* After a check of c's text added problems to d (from its item first on):
 * each city with an error in its city.yaml stays as it is in good, or is
 * left out, as content_load_kept does. 0, or -1 when an error is not a
 * city's (hall.yaml's) or no city is left: c cannot be shown. */
int content_keep_errors(struct content *c, struct diag *d, size_t first,
                        const struct content *good);

/* One more owner of c (another thread's); each owner calls content_free.
 * Returns c. */
struct content *content_hold(struct content *c);

/* Lets go of a model: the last owner frees it and everything in it.
 * Accepts NULL. */
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
