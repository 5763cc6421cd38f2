/* panel: the staff panel, an overlay opened by holding a corner of the
 * screen (see corner_hold.h). It tells staff what the hall is showing and
 * why: the content's state (loaded when, from where, current or the last
 * good copy, its counts), the last reload's problems in full, and how the
 * program is doing (uptime, frame rate, memory); a button reads the
 * content again. It closes itself when left alone. */
#ifndef TWINHALL_PANEL_H
#define TWINHALL_PANEL_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "content/content.h"
#include "content/diag.h"
#include "input/gesture.h"
#include "base/layout.h"
#include "live/live.h"
#include "live/sync_status.h"
#include "text/text.h"

enum { PANEL_IDLE_MS = 60000 };

/* What the panel shows; the caller gathers it for each draw. */
struct panel_info {
	const struct live_status *live;
	struct diag *diag;             /* the last load's problems */
	const struct content *content; /* shown; NULL when the notice is */
	uint64_t uptime_ms;
	int fps;           /* frames presented in the last second */
	double slowest_ms; /* the slowest of the last frames drawn */
	size_t rss_bytes;  /* the process's resident memory */
	size_t textures, texture_bytes;
	enum { PANEL_HOURS_NONE, PANEL_HOURS_OPEN, PANEL_HOURS_DARK } hours;
	time_t hours_change;            /* when that next changes; (time_t)-1: never */
	const char *screen_power;       /* how the panel is switched off; NULL: not said */
	const struct sync_status *sync; /* the git sync's last run; NULL: not read */
	/* Where the last good copy is kept: a folder of its own, one lost at
	 * reboot, or nowhere (no STATE_DIRECTORY nor HOME). */
	enum { PANEL_COPY_KEPT, PANEL_COPY_TEMPORARY, PANEL_COPY_NONE } copy;
};

enum panel_action { PANEL_NONE, PANEL_RELOAD, PANEL_CLOSE };

struct panel;

/* A panel drawing with ren and text (borrowed). NULL when out of memory. */
struct panel *panel_new(SDL_Renderer *ren, struct text *text, float dpi);

/* Accepts NULL. */
void panel_free(struct panel *p);

/* Opens the panel. full (the staff PIN was given): folder paths and the
 * problems' whole texts; otherwise (no PIN set) neither, the problems as
 * file:line only, since anyone who finds the corner sees it. */
void panel_open(struct panel *p, uint64_t now_ms, bool full);

/* Whether it was opened full. */
bool panel_is_full(const struct panel *p);
bool panel_is_open(const struct panel *p);

/* Where the buttons were last drawn (for --trace). */
void panel_buttons(const struct panel *p, struct rect *reload, struct rect *close);

/* A pointer input while open; says what the staff asked for. */
enum panel_action panel_input(struct panel *p, const struct gesture_input *in);

/* Moves time on: closes the panel after PANEL_IDLE_MS without a touch.
 * True when it must be drawn again (it closed, or a second passed). */
bool panel_update(struct panel *p, uint64_t now_ms);

/* When panel_update next has something to do; UINT64_MAX when closed. */
uint64_t panel_deadline(const struct panel *p);

/* Draws the panel over the whole w x h target, in language lang ("ru",
 * "en"; others get English). */
void panel_draw(struct panel *p, const struct panel_info *info, int w, int h, const char *lang);

#endif
