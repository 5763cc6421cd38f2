/* app_private: the program's state, shared by app.c (the window, the main
 * loop, events and signals) and app_panel.c (the staff panel and the
 * status the hall reports). Nothing else includes it. */
#ifndef TWINHALL_APP_PRIVATE_H
#define TWINHALL_APP_PRIVATE_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "app/live_launch.h"
#include "app/notify.h"
#include "app/opening.h"
#include "app/options.h"
#include "app/screen_power.h"
#include "app/state_dir.h"
#include "base/sim_clock.h"
#include "input/corner_hold.h"
#include "input/monkey.h"
#include "input/pin_pad.h"
#include "live/live.h"
#include "live/sync_status.h"
#include "text/text.h"
#include "ui/keypad.h"
#include "ui/notice.h"
#include "ui/panel.h"
#include "visit/visit.h"

enum {
	FRAME_MS = 16,
	IDLE_WAKE_MS = 500,
	FRAMES_KEPT = 120,
	ORBIT_RADIUS = 4,        /* design px the picture wanders for burn-in care */
	MONKEY_INTERVAL_MS = 50, /* real ms between gestures: 20 a second (a long press, longer) */
};

struct app {
	const struct options *o;
	const char *dir;
	struct live *live;          /* the content, kept current */
	Uint32 live_event;          /* pushed when a reload finished */
	Uint32 launch_event;        /* pushed when a live_start that came late returned */
	struct live_launch *launch; /* that live_start, until it has returned */
	struct live_status waiting; /* what the panel says until then */
	SDL_Window *win;
	SDL_Renderer *ren;
	struct text *text;
	struct notice *notice; /* shown while there is no content to show */
	struct visit *visit;
	struct deriv_cache *derivs; /* pictures at the screen's size; NULL: none */
	Uint32 wake_event;
	bool quit, dirty;
	bool failed; /* the screen cannot be drawn any more: exit non-zero */
	uint64_t last_frame;
	uint64_t started;
	uint64_t started_real;   /* SDL's ticks at the start (no test clock) */
	struct corner_hold hold; /* opens the staff panel */
	struct panel *panel;
	bool panel_shown;   /* as last told in the journal and on --trace */
	struct pin_pad pad; /* the staff PIN asked for before the panel */
	struct keypad *keypad;
	enum pin_pad_state pad_told; /* as last told in the journal and on --trace */
	/* The last frames: when each was presented and how long it took. */
	uint64_t frame_at[FRAMES_KEPT];
	float frame_ms[FRAMES_KEPT];
	unsigned frames;
	struct notify notify; /* systemd's readiness, watchdog and status */
	bool ready;           /* READY=1 was sent */
	struct sim_clock clock;
	struct opening opening;         /* dark outside the opening hours */
	struct monkey monkey;           /* --monkey: the soak test's random touches */
	struct screen_power *power;     /* the panel off outside the opening hours */
	enum display_power power_for;   /* the display_power power was opened for */
	struct sync_status sync;        /* the git sync's last run, for the panel */
	uint64_t sync_read;             /* when it was read; 0: not yet */
	enum state_dir_kind state_kind; /* where the last good copy is kept */
	char state_dir[4096];
};

/* The content shown; NULL while there is none, or while the live module
 * is still starting (see live_launch). */
static inline const struct content *app_content(const struct app *a)
{
	return a->live ? live_content(a->live) : NULL;
}

/* The problems of the last load; NULL while the live module starts. */
static inline struct diag *app_diag(const struct app *a)
{
	return a->live ? live_diag(a->live) : NULL;
}

/* The content's state for the panel and systemd's status. */
static inline const struct live_status *app_live_status(struct app *a)
{
	return a->live ? live_status(a->live) : &a->waiting;
}

/* The program's monotonic milliseconds (faster under --clock-speed). */
static inline uint64_t app_ticks(const struct app *a)
{
	return sim_clock_ms(&a->clock, SDL_GetTicks64());
}

static inline time_t app_wall(const struct app *a)
{
	return sim_clock_wall(&a->clock, SDL_GetTicks64(), time(NULL));
}

/* The staff corner and the panel made for the renderer's size (again after
 * a resize or a device reset: its textures too). */
void app_panel_start(struct app *a);

/* The corner was held long enough: the keypad asks for the staff PIN, or
 * without one set the panel opens (showing no folders). */
void app_panel_open(struct app *a, uint64_t now);

/* A touch while the keypad is shown: to its keys and the PIN's state. */
void app_panel_keypad_input(struct app *a, const struct gesture_input *in);

/* Moves the keypad's time on; true when a frame is due for it, the
 * corner's ring or the lock's countdown. */
bool app_panel_update(struct app *a, uint64_t now);

/* When the corner, the keypad or the panel next need a frame or a tick;
 * UINT64_MAX when none does. */
uint64_t app_panel_deadline(struct app *a);

/* Over a w x h frame: the open panel, or the keypad, or the corner's
 * progress ring while it is held. */
void app_panel_draw(struct app *a, uint64_t now, int w, int h);

/* The panel opened or closed since last told: a journal line, and with
 * --trace a line saying where its buttons are. */
void app_panel_trace(struct app *a, uint64_t now);

/* The one-line summary systemd shows in systemctl status, in buf. */
void app_status_line(struct app *a, uint64_t now, char *buf, size_t len);

#endif
