/* ui_text: the program's own words (not content), in Russian and English;
 * other languages fall back to English. */
#ifndef TWINHALL_UI_TEXT_H
#define TWINHALL_UI_TEXT_H

#include <stddef.h>

#include "content/content.h"

enum ui_str {
	UI_TWINNED_SINCE, /* takes a year */
	UI_SUSPENDED_IN,  /* takes a year */
	UI_ENDED_IN,      /* takes a year */
	UI_HISTORY,
	UI_GIFT,
	UI_GIFT_IN, /* takes a year */
	UI_GIVEN_BY,
	UI_NO_IMAGE,
	UI_HALL_NAME,
	UI_UPDATING,
	UI_BACK,
	UI_PHOTOS,
	UI_GIFTS,
	UI_HOME_TITLE,
	UI_HOME_HINT,
	UI_TOUCH_HINT,
	UI_NOTICE_STAFF, /* takes the number of errors */
	UI_IDLE_WARNING, /* takes the seconds left */
	UI_ZOOM_OUT,
	UI_SCROLL_MORE,
	UI_LINK_NOTE, /* the label of a suspended or ended link's note in history */
	UI_PERM,      /* the hall's city, as the map labels it */
	UI_REACH,     /* the reach mode button: every control low */
	UI_COUNT
};

/* Writes the string id in language lang (a code such as "ru"), with year
 * filled in where the string takes one, into buf; returns buf. */
char *ui_text(enum ui_str id, const char *lang, int year, char *buf, size_t size);

/* The status line of a suspended or ended link, labelled ("Status: link
 * suspended in 2022"), the one wording every screen shows; "" when the
 * link is active. Returns buf. */
char *ui_status_text(const struct city *c, const char *lang, char *buf, size_t size);

/* The status line's marker: a dot this share (percent) of its text's
 * pixel size wide, and the text indented by STATUS_INDENT percent. */
enum { UI_STATUS_DOT = 36, UI_STATUS_INDENT = 80 };

/* "2 870 km from Perm" (Russian: digits grouped by a no-break space) or
 * "2,870 km from Perm": the great-circle distance km, to the nearest 10 km
 * above 1000 km. Returns buf. */
char *ui_distance_text(double km, const char *lang, char *buf, size_t size);

/* "2012 · credit", "2012", "credit" or "" for a photo: the line under its
 * caption, its credit in hall language lang. */
char *ui_photo_meta(const struct photo *p, int lang, char *buf, size_t size);

#endif
